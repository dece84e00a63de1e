import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/security/web';
import { PLAN_MANAGERS_GROUP } from '../domain/roles';
import { statusOf } from './batch';

/** SharePoint's role type for "Contribute" (view, add, update, delete list items). */
const CONTRIBUTOR = 3;

/** What ensuring the group did. */
export type GroupReport = { created: boolean; id: number };

/**
 * Ensures the **Plan Managers** site group exists and holds Contribute on the site, so its
 * members may edit, add and delete actions, import and request digests. The tab reads
 * membership of this group (plus site owners) to decide who is a plan manager. An existing
 * group is left as it is: its members and permissions are the site owner's to manage.
 */
export async function ensurePlanManagersGroup(sp: SPFI): Promise<GroupReport> {
  try {
    const existing = await sp.web.siteGroups.getByName(PLAN_MANAGERS_GROUP).select('Id')();
    return { created: false, id: existing.Id };
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
  const group = await sp.web.siteGroups.add({
    Title: PLAN_MANAGERS_GROUP,
    Description: 'Plan Tracker: edit, add, delete and import actions; send steering group digests.',
  });
  const contribute = await sp.web.roleDefinitions.getByType(CONTRIBUTOR).select('Id')();
  await sp.web.roleAssignments.add(group.Id, contribute.Id);
  return { created: true, id: group.Id };
}
