import { matchesFilter } from '../../../src/domain/match-filter';
import type { PlanItem, ProgressUpdate, SteeringGroup } from '../../../src/domain/plan-item';
import type { PlanRepository } from '../../../src/domain/ports';
import type { GroupLogQuery, NewClaim, ReminderLog, ReminderLogEntry } from '../../../src/reminders/reminder-log';
import type { GroupSource } from '../../../src/reminders/resolve-groups';

/**
 * A Reminder Log in memory with SharePoint's guarantees: unique ClaimKey, ETag-checked
 * updates, Modified stamped by the server's clock (`serverClock`, which tests move).
 */
export class InMemoryReminderLog implements ReminderLog {
  readonly rows: ReminderLogEntry[] = [];
  private nextId = 1;
  /** SharePoint's clock: every write stamps Modified with it, every read answers it. */
  serverClock: () => Date = () => new Date();

  private stamp() {
    return this.serverClock().toISOString();
  }

  async claim(claim: NewClaim): Promise<ReminderLogEntry | null> {
    if (this.rows.some((r) => r.claimKey === claim.claimKey)) return null;
    const row: ReminderLogEntry = { id: this.nextId++, etag: '"1"', ...claim, outcome: 'Claimed', attempts: 1, sentAt: null, detail: '', modified: this.stamp() };
    this.rows.push(row);
    return { ...row };
  }

  async get(claimKey: string) {
    const row = this.rows.find((r) => r.claimKey === claimKey);
    return { value: row ? { ...row } : null, serverNow: this.serverClock() };
  }

  async find(query: GroupLogQuery) {
    return this.rows.filter((r) => query.keys.includes(r.claimKey) || query.prefixes.some((p) => r.claimKey.startsWith(p))).map((r) => ({ ...r }));
  }

  async findMany(queries: GroupLogQuery[]) {
    return Promise.all(queries.map((q) => this.find(q)));
  }

  private guarded(entry: ReminderLogEntry, change: Partial<ReminderLogEntry>) {
    const row = this.rows.find((r) => r.id === entry.id)!;
    if (row.etag !== entry.etag) return null;
    Object.assign(row, change, { etag: bump(row.etag), modified: this.stamp() });
    return { ...row };
  }

  async takeOver(entry: ReminderLogEntry, itemIds: number[]) {
    return this.guarded(entry, { outcome: 'Claimed', attempts: entry.attempts + 1, itemIds });
  }

  async renew(entry: ReminderLogEntry) {
    return this.guarded(entry, {});
  }

  async finish(entry: ReminderLogEntry, outcome: 'Sent' | 'Failed', at: string, detail: string) {
    const change = { outcome, sentAt: outcome === 'Sent' ? at : null, detail };
    if (outcome === 'Failed') {
      this.guarded(entry, change);
      return;
    }
    const row = this.rows.find((r) => r.id === entry.id)!;
    Object.assign(row, change, { etag: bump(row.etag), modified: this.stamp() });
  }

  async inFlight() {
    return { value: this.rows.filter((r) => r.outcome === 'Claimed').map((r) => ({ ...r })), serverNow: this.serverClock() };
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
