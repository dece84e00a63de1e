import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/views';
import type { SteeringGroup } from '../domain/plan-item';
import { DEFAULT_STEERING_GROUP } from '../domain/plan-item';
import { defaultOverdueViewUrl } from '../reminders/digest-links';
import type { GroupSource } from '../reminders/resolve-groups';
import { canonicalKey } from '../reminders/webhook-names';
import { odataString } from '../domain/to-odata';
import { messageOf } from './batch';
import { LIST } from './list-names';

const MAX_PAGE = 5000;
type Row = Record<string, unknown>;
const numberOr = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const textOr = (v: unknown, fallback: string) => (typeof v === 'string' && v.trim() ? v.trim() : fallback);

/** A Steering Groups row → SteeringGroup, with the defaults for anything left empty. */
export function toSteeringGroup(row: Row): SteeringGroup {
  const key = canonicalKey(textOr(row.GroupKey, ''));
  return {
    id: numberOr(row.ID ?? row.Id, 0) || null,
    name: textOr(row.Title, ''),
    ...(key ? { key } : {}),
    schedule: textOr(row.Schedule, DEFAULT_STEERING_GROUP.schedule),
    timeZone: textOr(row.TimeZone, DEFAULT_STEERING_GROUP.timeZone),
    dueSoonDays: numberOr(row.DueSoonDays, DEFAULT_STEERING_GROUP.dueSoonDays),
    updateCadenceDays: numberOr(row.UpdateCadenceDays, DEFAULT_STEERING_GROUP.updateCadenceDays),
    escalationDays: numberOr(row.EscalationDays, DEFAULT_STEERING_GROUP.escalationDays),
  };
}

/** What the reminder job reads about groups from the site, and the key it gives a group without one. */
export class SharePointSteeringGroups implements GroupSource {
  constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  /** Every row of Steering Groups (one request: groups are few). */
  async list(): Promise<SteeringGroup[]> {
    const rows = (await this.sp.web.lists.getByTitle(LIST.steeringGroups).items
      .select('ID', 'Title', 'GroupKey', 'Schedule', 'TimeZone', 'DueSoonDays', 'UpdateCadenceDays', 'EscalationDays')
      .top(MAX_PAGE)()) as Row[];
    return rows.map(toSteeringGroup).filter((g) => g.name);
  }

  /**
   * Gives a group its key. GroupKey is unique in the list, so SharePoint refuses a key
   * another group took meanwhile: null then (the caller tries the next). A key once given
   * never changes: when the row already has one (another job was first), that one is returned.
   */
  async saveKey(id: number, key: string): Promise<string | null> {
    const list = this.sp.web.lists.getByTitle(LIST.steeringGroups);
    const stored = async () => canonicalKey(textOr(((await list.items.getById(id).select('GroupKey')()) as Row).GroupKey, ''));
    const before = await stored();
    if (before) return before;
    try {
      await list.items.getById(id).update({ GroupKey: key });
      return key;
    } catch (error) {
      const holder = (await list.items.select('ID').filter(`GroupKey eq ${odataString(key)}`).top(1)().catch(() => [])) as Row[];
      if (holder.length) return Number(holder[0].ID) === id ? key : null;
      throw new Error(`Could not store the key ${key} on steering group ${id} in '${LIST.steeringGroups}': ${messageOf(error)}. Check that the reminder job may edit that list.`);
    }
  }

  /** The distinct SteeringGroup values written on actions (only that column is read, 5,000 rows a page). */
  async namesOnActions(): Promise<string[]> {
    const names = new Map<string, string>();
    const query = this.sp.web.lists.getByTitle(LIST.planItems).items.select('SteeringGroup').top(MAX_PAGE);
    for await (const page of query) {
      for (const row of page as Row[]) {
        const name = textOr(row.SteeringGroup, '');
        if (name && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
      }
    }
    return [...names.values()];
  }

  /** The absolute URL of the Plan Items "Overdue" view, or its usual address when it cannot be read. */
  async overdueViewUrl(): Promise<string> {
    try {
      const view = (await this.sp.web.lists.getByTitle(LIST.planItems).views.getByTitle('Overdue').select('ServerRelativeUrl')()) as Row;
      const relative = textOr(view.ServerRelativeUrl, '');
      if (relative) return new URL(relative, this.siteUrl).toString();
    } catch {
      // A site provisioned without the view still gets a working link to where it would be.
    }
    return defaultOverdueViewUrl(this.siteUrl);
  }
}
