import type { PlanItem } from './plan-item';

/** The SharePoint group whose members manage plans (provisioning creates it). */
export const PLAN_MANAGERS_GROUP = 'Plan Managers';

/**
 * What SharePoint says about the signed-in user: effective permissions on Plan Items and
 * on the site, site collection admin, and the site groups they are in. Read from
 * SharePoint, never from a setting of ours.
 */
export type AccessFacts = {
  isSiteAdmin: boolean;
  /** ManageWeb on the site: site owners (and admins) have it. */
  canManageWeb: boolean;
  /** EditListItems / AddListItems / DeleteListItems on Plan Items. */
  canEditItems: boolean;
  canAddItems: boolean;
  canDeleteItems: boolean;
  groups: readonly string[];
};

/** Who the user is to the plan. */
export type Role = 'manager' | 'owner' | 'reader';

/** What the tab offers the user; SharePoint still refuses anything its permissions do not allow. */
export type Capabilities = {
  role: Role;
  editActions: boolean;
  addActions: boolean;
  deleteActions: boolean;
  bulkEdit: boolean;
  importPlans: boolean;
  sendDigests: boolean;
  archivePlans: boolean;
};

const inGroup = (groups: readonly string[], name: string) => groups.some((g) => g.trim().toLowerCase() === name.toLowerCase());

/**
 * The user's role: plan managers are the Plan Managers group plus site owners and admins;
 * anyone else who may edit Plan Items is an action owner (they update their own actions);
 * everyone else reads. A manager without edit rights on the list could change nothing, so
 * is treated as what the list lets them be.
 */
export function roleOf(facts: AccessFacts): Role {
  if (!facts.canEditItems) return 'reader';
  if (facts.isSiteAdmin || facts.canManageWeb || inGroup(facts.groups, PLAN_MANAGERS_GROUP)) return 'manager';
  return 'owner';
}

/** What a user with these facts may do in the tab. */
export function capabilitiesOf(facts: AccessFacts): Capabilities {
  const role = roleOf(facts);
  const manager = role === 'manager';
  return {
    role,
    editActions: manager,
    addActions: manager && facts.canAddItems,
    deleteActions: manager && facts.canDeleteItems,
    bulkEdit: manager,
    importPlans: manager && facts.canAddItems,
    sendDigests: manager,
    archivePlans: manager,
  };
}

/** Whether the user may post a progress update on this action: managers on any, owners on their own. */
export function mayUpdateAction(capabilities: Capabilities, item: Pick<PlanItem, 'owner'>, meId: number): boolean {
  if (capabilities.role === 'manager') return true;
  return capabilities.role === 'owner' && item.owner?.id === meId;
}
