import { matchesFilter } from '../../../src/domain/match-filter';
import type { PlanItem, ProgressUpdate, SteeringGroup } from '../../../src/domain/plan-item';
import type { PlanRepository } from '../../../src/domain/ports';
import type { NewClaim, ReminderLog, ReminderLogEntry } from '../../../src/reminders/reminder-log';
import type { GroupSource } from '../../../src/reminders/resolve-groups';

/** A Reminder Log in memory with SharePoint's guarantees: unique ClaimKey, ETag-checked updates. */
export class InMemoryReminderLog implements ReminderLog {
  readonly rows: ReminderLogEntry[] = [];
  private nextId = 1;

  async claim(claim: NewClaim): Promise<ReminderLogEntry | null> {
    if (this.rows.some((r) => r.claimKey === claim.claimKey)) return null;
    const row: ReminderLogEntry = { id: this.nextId++, etag: '"1"', ...claim, outcome: 'Claimed', attempts: 1, sentAt: null, detail: '', modified: new Date().toISOString() };
    this.rows.push(row);
    return { ...row };
  }

  async get(claimKey: string) {
    const row = this.rows.find((r) => r.claimKey === claimKey);
    return row ? { ...row } : null;
  }

  async reclaim(entry: ReminderLogEntry, itemIds: number[]) {
    const row = this.rows.find((r) => r.id === entry.id)!;
    if (row.etag !== entry.etag) return null;
    Object.assign(row, { outcome: 'Claimed', attempts: row.attempts + 1, itemIds, etag: bump(row.etag), modified: new Date().toISOString() });
    return { ...row };
  }

  async finish(entry: ReminderLogEntry, outcome: 'Sent' | 'Failed', at: string, detail: string) {
    const row = this.rows.find((r) => r.id === entry.id)!;
    Object.assign(row, { outcome, sentAt: outcome === 'Sent' ? at : null, detail, etag: bump(row.etag), modified: new Date().toISOString() });
  }

  async since(fromDateKey: string) {
    return this.rows.filter((r) => r.dateKey >= fromDateKey).map((r) => ({ ...r }));
  }
}

const bump = (etag: string) => `"${Number(etag.replace(/"/g, '')) + 1}"`;

/** Plan items in memory, filtered with the same in-memory rule the repository falls back on; counts queries. */
export class InMemoryPlans implements Pick<PlanRepository, 'query' | 'updatesSince'> {
  queries = 0;
  constructor(public items: PlanItem[], public updates: ProgressUpdate[] = []) {}

  async query(filter: Parameters<PlanRepository['query']>[0], options: Parameters<PlanRepository['query']>[1]) {
    this.queries++;
    return this.items.filter((item) => matchesFilter(item, filter, { today: options.today }));
  }

  async updatesSince(since: string, ids?: number[]) {
    this.queries++;
    return this.updates.filter((u) => u.created >= since && (!ids || ids.includes(u.planItemId)));
  }
}

/** Groups from a fixed list, and the names written on the given items. */
export function groupsOf(listed: SteeringGroup[], plans: InMemoryPlans, overdueView = 'http://sp.example/Lists/PlanItems/Overdue.aspx'): GroupSource {
  return {
    list: async () => listed,
    namesOnActions: async () => [...new Set(plans.items.map((i) => i.steeringGroup).filter(Boolean))],
    overdueViewUrl: async () => overdueView,
  };
}
