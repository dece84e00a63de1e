import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { IsoDateTime } from '../domain/plan-item';
import type { NewClaim, ReminderLog, ReminderLogEntry, ReminderOutcome } from '../reminders/reminder-log';
import { messageOf, statusOf } from './batch';
import { LIST } from './list-names';
import { etagOf, text } from './plan-item-mapping';
import { odataString } from '../domain/to-odata';

const SELECT = ['ID', 'Title', 'ClaimKey', 'GroupName', 'Kind', 'DateKey', 'ItemIds', 'Outcome', 'Attempts', 'SentAt', 'Detail', 'Modified'];
const MAX_PAGE = 5000;

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

/**
 * The Reminder Log over PnPjs. ClaimKey is indexed with EnforceUniqueValues, so
 * SharePoint itself refuses a second row with the same key: that refusal is the lock
 * that keeps two jobs from sending the same digest.
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
      return row && text(row.ClaimKey) && etagOf(row) !== '*' ? toEntry(row) : this.byId(id);
    } catch (error) {
      // SharePoint answers a duplicate unique value with an error whose status varies
      // (500 in SharePoint Online): whether the key now exists is what decides.
      const holder = await this.get(claim.claimKey).catch(() => null);
      if (holder) return null;
      throw new Error(`Could not record the send of '${claim.claimKey}' in '${LIST.reminderLog}': ${messageOf(error)}. Nothing was sent; run again.`);
    }
  }

  /** The row holding the key, if any (ClaimKey is indexed). */
  async get(claimKey: string): Promise<ReminderLogEntry | null> {
    const rows = (await this.items.select(...SELECT).filter(`ClaimKey eq ${odataString(claimKey)}`).top(1)()) as Row[];
    return rows[0] ? toEntry(rows[0]) : null;
  }

  private async byId(id: number): Promise<ReminderLogEntry> {
    return toEntry((await this.items.getById(id).select(...SELECT)()) as Row);
  }

  /** Sets the row back to Claimed, guarded by the ETag it was read with; null on 412. */
  async reclaim(entry: ReminderLogEntry, itemIds: number[]): Promise<ReminderLogEntry | null> {
    try {
      await this.items.getById(entry.id).update({ Outcome: 'Claimed', Attempts: entry.attempts + 1, ItemIds: itemIds.join(',') }, entry.etag);
    } catch (error) {
      if (statusOf(error) === 412) return null;
      throw error;
    }
    return this.byId(entry.id);
  }

  /** Records Sent or Failed on the row this job holds. */
  async finish(entry: ReminderLogEntry, outcome: 'Sent' | 'Failed', at: IsoDateTime, detail: string): Promise<void> {
    await this.items.getById(entry.id).update({ Outcome: outcome, SentAt: outcome === 'Sent' ? at : null, Detail: detail });
  }

  /** Rows for days on or after `fromDateKey` (DateKey is indexed). */
  async since(fromDateKey: string): Promise<ReminderLogEntry[]> {
    const out: ReminderLogEntry[] = [];
    const query = this.items.select(...SELECT).filter(`DateKey ge ${odataString(fromDateKey)}`).top(MAX_PAGE);
    for await (const page of query) for (const row of page as Row[]) out.push(toEntry(row));
    return out;
  }
}
