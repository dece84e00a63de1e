import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import type { IsoDateTime } from '../domain/plan-item';
import type { GroupLogQuery, NewClaim, ReminderLog, ReminderLogEntry, ReminderOutcome, TimedRead } from '../reminders/reminder-log';
import { messageOf, statusOf } from './batch';
import { LIST } from './list-names';
import { etagOf, text } from './plan-item-mapping';
import { odataString } from '../domain/to-odata';

const SELECT = ['ID', 'Title', 'ClaimKey', 'GroupName', 'Kind', 'DateKey', 'ItemIds', 'Outcome', 'Attempts', 'SentAt', 'Detail', 'Modified'];
const MAX_PAGE = 5000;
/** Reads per `$batch` in `findMany`: well inside what SharePoint Online accepts in one batch. */
const FIND_BATCH = 20;

type Row = Record<string, unknown>;

/** A Reminder Log row as the reminder job sees it (also read by the "Send now" requests). */
export function toEntry(row: Row): ReminderLogEntry {
  return {
    id: Number(row.ID ?? row.Id),
    etag: etagOf(row),
    claimKey: text(row.ClaimKey),
    groupName: text(row.GroupName),
    kind: text(row.Kind),
    dateKey: text(row.DateKey),
    itemIds: text(row.ItemIds).split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0),
    outcome: (text(row.Outcome) || 'Claimed') as ReminderOutcome,
    attempts: typeof row.Attempts === 'number' ? row.Attempts : 0,
    sentAt: text(row.SentAt) || null,
    detail: text(row.Detail),
    modified: text(row.Modified),
  };
}

/** SharePoint's clock from a response's Date header; the job host's clock only when a server sends none. */
export function serverTimeOf(response: Response): Date {
  const header = response.headers.get('Date');
  const at = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(at) ? new Date() : new Date(at);
}

type Parseable = { on: { parse(handler: (url: URL, response: Response, result: unknown) => Promise<[URL, Response, unknown]>): unknown } };

/** Notes the Date (and ETag) of the response a queryable gets, so leases run on SharePoint's clock. */
export function watchResponse<T extends Parseable>(query: T): { query: T; seen: { serverNow: Date | null; etag: string | null } } {
  const seen: { serverNow: Date | null; etag: string | null } = { serverNow: null, etag: null };
  query.on.parse(async (url, response, result) => {
    seen.serverNow = serverTimeOf(response);
    seen.etag = response.headers.get('ETag');
    return [url, response, result];
  });
  return { query, seen };
}

/** Claim keys as an OData `or` of exact keys and prefixes, every branch on the unique ClaimKey index. */
function keyFilter(keys: string[], prefixes: string[]): string {
  return [...keys.map((k) => `ClaimKey eq ${odataString(k)}`), ...prefixes.map((p) => `startswith(ClaimKey,${odataString(p)})`)].join(' or ');
}

/**
 * The Reminder Log over PnPjs. ClaimKey is indexed with EnforceUniqueValues, so
 * SharePoint itself refuses a second row with the same key: that refusal is the lock
 * that keeps two jobs from sending the same digest. Leases run on the row's Modified
 * and the Date header of SharePoint's answers.
 */
export class SharePointReminderLog implements ReminderLog {
  constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(LIST.reminderLog).items;
  }

  /** Adds the Claimed row; null when the key is taken. */
  async claim(claim: NewClaim): Promise<ReminderLogEntry | null> {
    try {
      const row = (await this.items.add({
        Title: claim.claimKey.slice(0, 255),
        ClaimKey: claim.claimKey,
        GroupName: claim.groupName,
        Kind: claim.kind,
        DateKey: claim.dateKey,
        ItemIds: claim.itemIds.join(','),
        Outcome: 'Claimed',
        Attempts: 1,
      })) as Row;
      // The add answers with the new row; read it back when a server answers without it.
      const id = Number(row?.ID ?? row?.Id);
      return row && text(row.ClaimKey) && etagOf(row) !== '*' && text(row.Modified) ? toEntry(row) : this.byId(id);
    } catch (error) {
      // SharePoint answers a duplicate unique value with an error whose status varies
      // (500 in SharePoint Online): whether the key now exists is what decides.
      const holder = await this.get(claim.claimKey).catch(() => null);
      if (holder?.value) return null;
      throw new Error(`Could not record the send of '${claim.claimKey}' in '${LIST.reminderLog}': ${messageOf(error)}. Nothing was sent; run again.`);
    }
  }

  /** The row holding the key, if any (ClaimKey is indexed), with SharePoint's time. */
  async get(claimKey: string): Promise<TimedRead<ReminderLogEntry | null>> {
    const { query, seen } = watchResponse(this.items.select(...SELECT).filter(`ClaimKey eq ${odataString(claimKey)}`).top(1));
    const rows = (await query()) as Row[];
    return { value: rows[0] ? toEntry(rows[0]) : null, serverNow: seen.serverNow ?? new Date() };
  }

  /** Rows with these keys or key prefixes, in one request through the unique index. */
  async find(query: GroupLogQuery): Promise<ReminderLogEntry[]> {
    if (!query.keys.length && !query.prefixes.length) return [];
    const out: ReminderLogEntry[] = [];
    const pages = this.items.select(...SELECT).filter(keyFilter(query.keys, query.prefixes)).top(MAX_PAGE);
    for await (const page of pages) for (const row of page as Row[]) out.push(toEntry(row));
    return out;
  }

  /**
   * `find` for many groups in `$batch` requests of 20 reads: one request for a run's whole
   * log read. Each read is bounded (two months of one group's keys), so one page holds it.
   */
  async findMany(queries: GroupLogQuery[]): Promise<ReminderLogEntry[][]> {
    const out: ReminderLogEntry[][] = [];
    for (let start = 0; start < queries.length; start += FIND_BATCH) {
      const chunk = queries.slice(start, start + FIND_BATCH);
      const [batched, execute] = this.sp.batched();
      const reads = chunk.map((q) => (q.keys.length || q.prefixes.length
        ? batched.web.lists.getByTitle(LIST.reminderLog).items.select(...SELECT).filter(keyFilter(q.keys, q.prefixes)).top(MAX_PAGE)()
        : Promise.resolve([])) as Promise<Row[]>);
      await execute();
      for (const rows of await Promise.all(reads)) out.push(rows.map(toEntry));
    }
    return out;
  }

  private async byId(id: number): Promise<ReminderLogEntry> {
    return toEntry((await this.items.getById(id).select(...SELECT)()) as Row);
  }

  /**
   * An ETag-guarded MERGE that answers the row as it now stands without reading it again:
   * the new ETag and SharePoint's time come back in the answer's headers. Null on 412.
   */
  private async guardedUpdate(entry: ReminderLogEntry, fields: Record<string, unknown>): Promise<ReminderLogEntry | null> {
    const { query, seen } = watchResponse(this.items.getById(entry.id));
    let result: { etag?: string | null };
    try {
      result = ((await query.update(fields, entry.etag)) ?? {}) as { etag?: string | null };
    } catch (error) {
      if (statusOf(error) === 412) return null;
      throw error;
    }
    const etag = result.etag ?? seen.etag;
    if (!etag || !seen.serverNow) return this.byId(entry.id);
    return { ...entry, ...changedFields(fields), etag, modified: seen.serverNow.toISOString() };
  }

  /** Takes over a Failed or expired row, guarded by the ETag it was read with; null on 412. */
  async takeOver(entry: ReminderLogEntry, itemIds: number[]): Promise<ReminderLogEntry | null> {
    return this.guardedUpdate(entry, { Outcome: 'Claimed', Attempts: entry.attempts + 1, ItemIds: itemIds.join(',') });
  }

  /** Renews the lease: a guarded write that moves Modified on; null when someone else changed the row. */
  async renew(entry: ReminderLogEntry): Promise<ReminderLogEntry | null> {
    return this.guardedUpdate(entry, { Attempts: entry.attempts });
  }

  /** Records Sent (whatever the ETag: the card did arrive) or Failed (only while this job holds the row). */
  async finish(entry: ReminderLogEntry, outcome: 'Sent' | 'Failed', at: IsoDateTime, detail: string): Promise<void> {
    const fields = { Outcome: outcome, SentAt: outcome === 'Sent' ? at : null, Detail: detail };
    if (outcome === 'Sent') {
      await this.items.getById(entry.id).update(fields);
      return;
    }
    // A job that took the row over meanwhile is sending it: its outcome is the one to keep.
    await this.guardedUpdate(entry, fields);
  }

  /** Rows still Claimed (Outcome is indexed, and only sends in flight or abandoned are Claimed). */
  async inFlight(): Promise<TimedRead<ReminderLogEntry[]>> {
    const { query, seen } = watchResponse(this.items.select(...SELECT).filter("Outcome eq 'Claimed'").top(MAX_PAGE));
    const rows = (await query()) as Row[];
    return { value: rows.map(toEntry), serverNow: seen.serverNow ?? new Date() };
  }
}

/** The entry fields a MERGE changed, so the answer can be built without a read. */
function changedFields(fields: Record<string, unknown>): Partial<ReminderLogEntry> {
  const out: Partial<ReminderLogEntry> = {};
  if (typeof fields.Outcome === 'string') out.outcome = fields.Outcome as ReminderOutcome;
  if (typeof fields.Attempts === 'number') out.attempts = fields.Attempts;
  if (typeof fields.ItemIds === 'string') out.itemIds = fields.ItemIds.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if ('SentAt' in fields) out.sentAt = (fields.SentAt as string | null) ?? null;
  if (typeof fields.Detail === 'string') out.detail = fields.Detail;
  return out;
}
