import listsManifest from '../../../../manifest/lists.json';
import { planItemViews, type SavedViewDefinition } from '../../../domain/saved-views';

/**
 * The saved views of Plan Items, read from the same manifest/lists.json the provisioner
 * turns into SharePoint views, so the tab and SharePoint show the same rows.
 */
export const SAVED_VIEWS: readonly SavedViewDefinition[] = planItemViews(listsManifest);
