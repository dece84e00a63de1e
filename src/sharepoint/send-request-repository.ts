import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { IsoDate, IsoDateTime } from '../domain/plan-item';
import type { TimedRead } from '../reminders/reminder-log';
import { requestClaimKey, SEND_NOW_KIND, type SendRequest, type SendRequestLog, type SendRequestOutcome } from '../reminders/send-requests';
import { messageOf, statusOf } from './batch';
import { LIST } from './list-names';
import { etagOf, text } from './plan-item-mapping';
import { toEntry, watchResponse } from './reminder-log-repository';
import { odataString } from '../domain/to-odata';

const SELECT = ['ID', 'ClaimKey', 'GroupName', 'Kind', 'DateKey', 'ItemIds', 'Outcome', 'Attempts', 'SentAt', 'Detail', 'Modified'];
const MAX_PAGE = 5000;

type Row = Record<string, unknown>;

function toRequest(row: Row): SendRequest {
  // The same Reminder Log row as the job reads; a request starts as Requested, not Claimed.
  const { kind: _kind, ...entry } = toEntry(row);
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

  /** One request as it stands now, with SharePoint's time of the read (the tab tells a dead job from a slow one by it). */
  async get(id: number): Promise<TimedRead<SendRequest>> {
    const { query, seen } = watchResponse(this.items.getById(id).select(...SELECT));
    const row = (await query()) as Row;
    return { value: toRequest(row), serverNow: seen.serverNow ?? new Date() };
  }

  private async byClaimKey(claimKey: string): Promise<SendRequest> {
    const rows = (await this.items.select(...SELECT).filter(`ClaimKey eq ${odataString(claimKey)}`).top(1)()) as Row[];
    if (!rows[0]) throw new Error(`The request '${claimKey}' was added to '${LIST.reminderLog}' but cannot be read back.`);
    return toRequest(rows[0]);
  }

  /**
   * Requests Requested or Claimed, oldest first, with SharePoint's time. Outcome is indexed
   * and only rows waiting or in flight have those outcomes, so this stays small however
   * long the log grows; scheduled claims (another Kind) are left out here.
   */
  async pending(): Promise<TimedRead<SendRequest[]>> {
    const out: SendRequest[] = [];
    const { query, seen } = watchResponse(this.items.select(...SELECT).filter("Outcome eq 'Requested' or Outcome eq 'Claimed'").orderBy('ID', true).top(MAX_PAGE));
    for await (const page of query) for (const row of page as Row[]) if (text(row.Kind) === SEND_NOW_KIND) out.push(toRequest(row));
    return { value: out, serverNow: seen.serverNow ?? new Date() };
  }

  /** Sets the request to Claimed with the ETag it was read with; null on 412 (another job has it). */
  async claim(request: SendRequest): Promise<SendRequest | null> {
    return this.guardedUpdate(request, { Outcome: 'Claimed', Attempts: request.attempts + 1 });
  }

  /** Renews this job's lease (a guarded write that moves Modified on); null when another job took the request over. */
  async renew(request: SendRequest): Promise<SendRequest | null> {
    return this.guardedUpdate(request, { Attempts: request.attempts });
  }

  private async guardedUpdate(request: SendRequest, fields: Record<string, unknown>): Promise<SendRequest | null> {
    try {
      await this.items.getById(request.id).update(fields, request.etag);
    } catch (error) {
      if (statusOf(error) === 412) return null;
      throw error;
    }
    return (await this.get(request.id)).value;
  }

  /** Records Sent (whatever the ETag: the card did arrive) or Failed (only while this job still holds the request). */
  async finish(request: SendRequest, outcome: 'Sent' | 'Failed', at: IsoDateTime, detail: string, itemIds: number[]): Promise<void> {
    const fields = { Outcome: outcome, SentAt: outcome === 'Sent' ? at : null, Detail: detail, ItemIds: itemIds.join(',') };
    if (outcome === 'Sent') await this.items.getById(request.id).update(fields);
    else await this.guardedUpdate(request, fields);
  }
}
