import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { IsoDate, IsoDateTime } from '../domain/plan-item';
import { requestClaimKey, SEND_NOW_KIND, type SendRequest, type SendRequestLog, type SendRequestOutcome } from '../reminders/send-requests';
import { messageOf, statusOf } from './batch';
import { LIST } from './list-names';
import { etagOf, text } from './plan-item-mapping';
import { toEntry } from './reminder-log-repository';
import { odataString } from '../domain/to-odata';

const SELECT = ['ID', 'ClaimKey', 'GroupName', 'DateKey', 'ItemIds', 'Outcome', 'Attempts', 'SentAt', 'Detail'];
const MAX_PAGE = 5000;

type Row = Record<string, unknown>;

function toRequest(row: Row): SendRequest {
  // The same Reminder Log row as the job reads; a request starts as Requested, not Claimed.
  const { kind: _kind, modified: _modified, ...entry } = toEntry(row);
  return { ...entry, outcome: (text(row.Outcome) || 'Requested') as SendRequestOutcome };
}

/**
 * "Send now" requests as Reminder Log rows (Kind `digest-now`) over PnPjs. Browser-safe:
 * the tab adds and re-reads requests with the user's own token; the reminder job claims
 * them with an ETag-guarded update, which SharePoint refuses with 412 for the second of
 * two jobs — that refusal is what keeps a request from being sent twice.
 */
export class SharePointSendRequests implements SendRequestLog {
  constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(LIST.reminderLog).items;
  }

  /** Adds the Requested row. */
  async request(groupName: string, requestedAt: Date, dateKey: IsoDate): Promise<SendRequest> {
    const claimKey = requestClaimKey(groupName, requestedAt);
    try {
      const row = (await this.items.add({
        Title: claimKey.slice(0, 255),
        ClaimKey: claimKey,
        GroupName: groupName,
        Kind: SEND_NOW_KIND,
        DateKey: dateKey,
        Outcome: 'Requested',
        Attempts: 0,
      })) as Row;
      // The add answers with the new row; read it back when a server answers without it.
      return row && text(row.ClaimKey) && etagOf(row) !== '*' ? toRequest(row) : this.byClaimKey(claimKey);
    } catch (error) {
      throw new Error(`Could not ask for "${groupName}"'s digest to be sent: ${messageOf(error)}. Check that you may add items to '${LIST.reminderLog}', then try again.`);
    }
  }

  /** One request as it stands now. */
  async get(id: number): Promise<SendRequest> {
    return toRequest((await this.items.getById(id).select(...SELECT)()) as Row);
  }

  private async byClaimKey(claimKey: string): Promise<SendRequest> {
    const rows = (await this.items.select(...SELECT).filter(`ClaimKey eq ${odataString(claimKey)}`).top(1)()) as Row[];
    if (!rows[0]) throw new Error(`The request '${claimKey}' was added to '${LIST.reminderLog}' but cannot be read back.`);
    return toRequest(rows[0]);
  }

  /** Requests still waiting, oldest first (Outcome is indexed, so this stays under the list view threshold). */
  async pending(): Promise<SendRequest[]> {
    const out: SendRequest[] = [];
    const query = this.items.select(...SELECT).filter("Outcome eq 'Requested'").orderBy('ID', true).top(MAX_PAGE);
    for await (const page of query) for (const row of page as Row[]) out.push(toRequest(row));
    return out;
  }

  /** Sets the request to Claimed with the ETag it was read with; null on 412 (another job has it). */
  async claim(request: SendRequest): Promise<SendRequest | null> {
    try {
      await this.items.getById(request.id).update({ Outcome: 'Claimed', Attempts: request.attempts + 1 }, request.etag);
    } catch (error) {
      if (statusOf(error) === 412) return null;
      throw error;
    }
    return this.get(request.id);
  }

  /** Records Sent (with SentAt and the actions listed) or Failed on a request this job claimed. */
  async finish(request: SendRequest, outcome: 'Sent' | 'Failed', at: IsoDateTime, detail: string, itemIds: number[]): Promise<void> {
    await this.items.getById(request.id).update({ Outcome: outcome, SentAt: outcome === 'Sent' ? at : null, Detail: detail, ItemIds: itemIds.join(',') });
  }
}
