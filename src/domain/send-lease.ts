import type { IsoDateTime } from './plan-item';

/**
 * How long a reminder job holds a send it claimed before another job may take it over,
 * unless it renews the claim. Short, so a job that died costs a re-run minutes at most;
 * every renewal and every check is measured on SharePoint's clock (the row's Modified
 * and the server's Date header), never the job host's.
 */
export const SEND_LEASE_MS = 2 * 60_000;

/** What the lease rule needs of a Reminder Log row. */
export type LeasedRow = { outcome: 'Requested' | 'Claimed' | 'Sent' | 'Failed'; modified: IsoDateTime };

/**
 * Where a claimed send stands at `serverNow`: `sent`, `failed` (may be taken over at
 * once), `waiting` (a "Send now" nobody has claimed yet), `held` (a live job holds it:
 * the row changed within the lease) or `expired` (its job died or stalled: take it over).
 */
export function claimState(row: LeasedRow, serverNow: Date, leaseMs = SEND_LEASE_MS): 'sent' | 'failed' | 'waiting' | 'held' | 'expired' {
  if (row.outcome === 'Sent') return 'sent';
  if (row.outcome === 'Failed') return 'failed';
  if (row.outcome === 'Requested') return 'waiting';
  return leaseRemainingMs(row, serverNow, leaseMs) > 0 ? 'held' : 'expired';
}

/** Milliseconds left on a row's lease at `serverNow` (0 or less when it has run out; an unreadable Modified has run out). */
export function leaseRemainingMs(row: Pick<LeasedRow, 'modified'>, serverNow: Date, leaseMs = SEND_LEASE_MS): number {
  const modified = Date.parse(row.modified);
  if (Number.isNaN(modified)) return 0;
  return modified + leaseMs - serverNow.getTime();
}
