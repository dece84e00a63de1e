import listsManifest from '../../../../manifest/lists.json';
import type { PlanFilter } from '../../../domain/filter-model';
import type { IsoDate } from '../../../domain/plan-item';
import { planItemViews, type SavedViewDefinition } from '../../../domain/saved-views';
import { viewUrlWithFilters } from '../../../sharepoint/view-links';
import type { PlanViewState } from './plan-state';

/**
 * The saved views of Plan Items, read from the same manifest/lists.json the provisioner
 * turns into SharePoint views, so the tab and SharePoint show the same rows.
 */
export const SAVED_VIEWS: readonly SavedViewDefinition[] = planItemViews(listsManifest);

/**
 * "Open in SharePoint" for the plan view's state: the saved view's page with the filter
 * bar's choices (and the tab's plan and steering group) as URL filters, so SharePoint
 * shows the same rows. Undefined until the site has told us the view's address.
 */
export function openInSharePointLink(viewLinks: ReadonlyMap<string, string>, state: PlanViewState, today: IsoDate): { href: string; notCarried: string[] } | undefined {
  const base = viewLinks.get(state.view);
  if (!base) return undefined;
  const { bar } = state;
  const filter: PlanFilter = {
    plan: state.plan,
    steeringGroup: state.steeringGroup,
    ownerId: bar.ownerId,
    statuses: bar.statuses,
    rags: bar.rags,
    section: bar.section,
    dueWithinDays: bar.dueWithinDays,
    dueFrom: bar.dueFrom,
    dueTo: bar.dueTo,
    overdue: bar.overdue,
    text: bar.text,
  };
  return viewUrlWithFilters(base, filter, today);
}
