import type { ComponentType } from 'react';
import type { Capabilities } from '../../domain/roles';
import type { PageId } from '../routes';
import { MyActions } from './MyActions';
import type { PageProps } from './page-props';
import { ConfigTabPage, PlanPage, SummaryPage } from './plan/lazy-pages';
import { LazyDigestPreviewPage } from './digest/lazy-digest-page';
import { LazyImportPage } from './import/lazy-import-page';

/** A page of the tab: its route id, its navigation label and what renders it. */
export type PageDefinition = {
  id: PageId;
  label: string;
  component: ComponentType<PageProps>;
  /** The capability a user needs to see the page (managers' pages); absent means everyone. */
  requires?: keyof Omit<Capabilities, 'role'>;
};

/**
 * The tab's pages, in navigation order. My actions is the first view and is bundled
 * with the shell; later pages (Plan, Summary, Import, Digest preview) should be added
 * with `lazy(() => import('./Plan'))` so they cost nothing until opened.
 */
export const PAGES: readonly PageDefinition[] = [
  { id: 'my-actions', label: 'My actions', component: MyActions },
  { id: 'plan', label: 'Plan', component: PlanPage },
  { id: 'summary', label: 'Summary', component: SummaryPage },
  { id: 'import', label: 'Import', component: LazyImportPage, requires: 'importPlans' },
  { id: 'digest-preview', label: 'Digest preview', component: LazyDigestPreviewPage, requires: 'sendDigests' },
  { id: 'config', label: 'Tab settings', component: ConfigTabPage },
];

/** The pages a user with these capabilities sees (all of them while still unknown). */
export function pagesFor(capabilities: Capabilities | null): readonly PageDefinition[] {
  return capabilities ? PAGES.filter((page) => !page.requires || capabilities[page.requires]) : PAGES;
}

/** The page for a route id; unknown or not-yet-built pages fall back to My actions. */
export function pageFor(id: PageId): PageDefinition {
  return PAGES.find((page) => page.id === id) ?? PAGES[0];
}
