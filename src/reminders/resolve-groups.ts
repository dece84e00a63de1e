import { DEFAULT_STEERING_GROUP, type SteeringGroup } from '../domain/plan-item';
import { canonicalKey, newGroupKey } from './webhook-names';

/** What the job needs to know about groups (SharePointSteeringGroups implements it). */
export interface GroupSource {
  /** Rows of the Steering Groups list. */
  list(): Promise<SteeringGroup[]>;
  /** Distinct SteeringGroup values on actions. */
  namesOnActions(): Promise<string[]>;
  /** Absolute URL of the Plan Items Overdue view. */
  overdueViewUrl(): Promise<string>;
  /** Gives a listed group without one a key: the key it now has, or null when another group holds that key. */
  saveKey?(id: number, key: string): Promise<string | null>;
}

/** A group with the key its webhook setting and claim keys are named by. */
export type KeyedGroup = SteeringGroup & { key: string };

const nameKey = (name: string) => name.trim().toLowerCase();

/** A group named on actions but missing from the list: the defaults, under its name. */
export function defaultGroup(name: string): SteeringGroup {
  return { id: null, name, ...DEFAULT_STEERING_GROUP };
}

/**
 * The groups to send digests to: every group in the Steering Groups list, and every
 * group named on actions — with the defaults and a warning when it is not in the list.
 * With `only`, just that group (by name or key; an unknown one is an error that lists
 * the known ones). A listed group without a GroupKey is given one (the slug of its name,
 * made unique) and it is stored, so its webhook setting never depends on its name again.
 */
export async function resolveGroups(source: GroupSource, only: string | undefined, logger: { warn(message: string): void; info?(message: string): void }): Promise<KeyedGroup[]> {
  const [listed, named] = await Promise.all([source.list(), source.namesOnActions()]);
  const keyed = await withKeys(source, listed, logger);
  const byName = new Map<string, KeyedGroup>(keyed.map((g) => [nameKey(g.name), g]));
  const defaulted: KeyedGroup[] = [];
  for (const name of named) {
    if (byName.has(nameKey(name))) continue;
    // Not in the list, so nowhere to store a key: the slug of the name, never suffixed, so
    // it cannot move; a clash with a listed group's key is reported as ambiguous.
    const group = { ...defaultGroup(name), key: newGroupKey(name) };
    byName.set(nameKey(name), group);
    defaulted.push(group);
  }
  const all = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  const chosen = only === undefined ? all : all.filter((g) => nameKey(g.name) === nameKey(only) || g.key === canonicalKey(only));
  if (chosen.length === 0) {
    const known = all.map((g) => `"${g.name}" (${g.key})`).join(', ') || 'none';
    throw new Error(`No steering group is called "${only}" (known groups: ${known}). Check the spelling, or add it to the Steering Groups list.`);
  }
  for (const group of chosen) {
    if (!defaulted.includes(group)) continue;
    logger.warn(`Steering group "${group.name}" is named on actions but missing from the Steering Groups list; using the defaults (schedule "${group.schedule}", due soon ${group.dueSoonDays} days, update every ${group.updateCadenceDays} days, escalate after ${group.escalationDays} days) and the key ${group.key}. Add it to the list to change them.`);
  }
  return chosen;
}

/** Listed groups with their keys, giving (and storing) one to each group that has none. */
async function withKeys(source: GroupSource, listed: SteeringGroup[], logger: { warn(message: string): void; info?(message: string): void }): Promise<KeyedGroup[]> {
  const taken = new Set(listed.map((g) => g.key).filter((k): k is string => !!k).map(canonicalKey));
  const out: KeyedGroup[] = [];
  for (const group of listed) {
    if (group.key) {
      out.push({ ...group, key: canonicalKey(group.key) });
      continue;
    }
    let key = newGroupKey(group.name, taken);
    if (source.saveKey && group.id !== null) {
      // Another job may give a key at the same moment: the list's unique index refuses the second.
      let stored: string | null = null;
      for (let tries = 0; tries < 5 && !stored; tries++) {
        stored = await source.saveKey(group.id, key);
        if (!stored) {
          taken.add(key);
          key = newGroupKey(group.name, taken);
        }
      }
      if (!stored) throw new Error(`Could not give steering group "${group.name}" a unique key after 5 tries; set its GroupKey in the Steering Groups list by hand.`);
      key = stored;
      logger.info?.(`Steering group "${group.name}" had no key: it is now ${key} (its webhook setting is PLAN_TRACKER_WEBHOOK_${key}).`);
    } else {
      logger.warn(`Steering group "${group.name}" has no GroupKey; using ${key} for this run. Give it one in the Steering Groups list so its webhook setting never changes.`);
    }
    taken.add(key);
    out.push({ ...group, key });
  }
  return out;
}
