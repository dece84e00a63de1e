import { DEFAULT_STEERING_GROUP, type SteeringGroup } from '../domain/plan-item';

/** What the job needs to know about groups (SharePointSteeringGroups implements it). */
export interface GroupSource {
  /** Rows of the Steering Groups list. */
  list(): Promise<SteeringGroup[]>;
  /** Distinct SteeringGroup values on actions. */
  namesOnActions(): Promise<string[]>;
  /** Absolute URL of the Plan Items Overdue view. */
  overdueViewUrl(): Promise<string>;
}

const key = (name: string) => name.trim().toLowerCase();

/** A group named on actions but missing from the list: the defaults, under its name. */
export function defaultGroup(name: string): SteeringGroup {
  return { id: null, name, ...DEFAULT_STEERING_GROUP };
}

/**
 * The groups to send digests to: every group in the Steering Groups list, and every
 * group named on actions — with the defaults and a warning when it is not in the list.
 * With `only`, just that group (an unknown name is an error that lists the known ones).
 */
export async function resolveGroups(source: GroupSource, only: string | undefined, logger: { warn(message: string): void }): Promise<SteeringGroup[]> {
  const [listed, named] = await Promise.all([source.list(), source.namesOnActions()]);
  const byKey = new Map(listed.map((g) => [key(g.name), g]));
  const defaulted: SteeringGroup[] = [];
  for (const name of named) {
    if (byKey.has(key(name))) continue;
    const group = defaultGroup(name);
    byKey.set(key(name), group);
    defaulted.push(group);
  }
  const all = [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
  const chosen = only === undefined ? all : all.filter((g) => key(g.name) === key(only));
  if (chosen.length === 0) {
    const known = all.map((g) => `"${g.name}"`).join(', ') || 'none';
    throw new Error(`No steering group is called "${only}" (known groups: ${known}). Check the spelling, or add it to the Steering Groups list.`);
  }
  for (const group of chosen) {
    if (!defaulted.includes(group)) continue;
    logger.warn(`Steering group "${group.name}" is named on actions but missing from the Steering Groups list; using the defaults (schedule "${group.schedule}", due soon ${group.dueSoonDays} days, update every ${group.updateCadenceDays} days, escalate after ${group.escalationDays} days). Add it to the list to change them.`);
  }
  return chosen;
}
