import type { IsoDate, IsoDateTime } from '../domain/plan-item';

/** What became of a send (Requested: a "Send now" from the tab, see send-requests.ts). */
export type ReminderOutcome = 'Requested' | 'Claimed' | 'Sent' | 'Failed';

/** One row of the Reminder Log. */
export type ReminderLogEntry = {
  id: number;
  etag: string;
  claimKey: string;
  groupName: string;
  kind: string;
  /** The day the send is for (`yyyy-mm-dd`, the group's time zone). */
  dateKey: string;
  itemIds: number[];
  outcome: ReminderOutcome;
  attempts: number;
  sentAt: IsoDateTime | null;
  detail: string;
  /** When the row last changed, on SharePoint's clock: a Claimed row's lease runs from here. */
  modified: IsoDateTime;
};

/** What a new claim records. */
export type NewClaim = { claimKey: string; groupName: string; kind: string; dateKey: string; itemIds: number[] };

/** A read of the log with SharePoint's clock at the moment it answered (its `Date` header). */
export type TimedRead<T> = { value: T; serverNow: Date };

/** Which rows a run needs of one group: today's claim key and the recent sends, found through ClaimKey prefixes. */
export type GroupLogQuery = {
  /** Claim keys to read exactly (today's, and the same day's key as older versions wrote it). */
  keys: string[];
  /** Claim-key prefixes (e.g. `EQUALITY_BOARD|digest|2026-11`): each is a range of the unique index. */
  prefixes: string[];
};

/**
 * Where sends are recorded. The claim is the lock: `claim` adds a row whose ClaimKey
 * must be unique, so of two jobs claiming the same key only one gets the row. The row
 * is then a lease (src/domain/send-lease.ts): renewed while the job works, taken over
 * once it runs out. Every read here goes through the unique ClaimKey index (or the
 * indexed Outcome for the few rows in flight), so no read grows with the log.
 */
export interface ReminderLog {
  /** Adds a Claimed row; null when another row already holds the key. */
  claim(claim: NewClaim): Promise<ReminderLogEntry | null>;
  /** The row holding a key, if any, and SharePoint's time of the read. */
  get(claimKey: string): Promise<TimedRead<ReminderLogEntry | null>>;
  /** The rows with these exact keys or key prefixes (one request). */
  find(query: GroupLogQuery): Promise<ReminderLogEntry[]>;
  /** `find` for many groups at once, in as few requests as SharePoint allows (a `$batch`); results in order. */
  findMany(queries: GroupLogQuery[]): Promise<ReminderLogEntry[][]>;
  /** Takes over a Failed or expired row (ETag-guarded); null when someone else changed it first. */
  takeOver(entry: ReminderLogEntry, itemIds: number[]): Promise<ReminderLogEntry | null>;
  /** Renews this job's lease (ETag-guarded); null when the row was taken over or finished by someone else. */
  renew(entry: ReminderLogEntry): Promise<ReminderLogEntry | null>;
  /**
   * Records the outcome. Sent is written whatever the row's ETag (the card did arrive, and
   * a job that took the row over then sees Sent before it posts); Failed only while this
   * job still holds the row.
   */
  finish(entry: ReminderLogEntry, outcome: 'Sent' | 'Failed', at: IsoDateTime, detail: string): Promise<void>;
  /** Rows still Claimed (Outcome is indexed; only sends in flight or abandoned are), with SharePoint's time. */
  inFlight(): Promise<TimedRead<ReminderLogEntry[]>>;
}

/** The key a scheduled send is claimed under: `<GroupKey>|<kind>|<dateKey>`. */
export function claimKeyOf(groupKey: string, kind: string, dateKey: IsoDate): string {
  return `${groupKey}|${kind}|${dateKey}`;
}

/** This month and last month, `yyyy-mm`, for a day: the claim-key prefixes a run reads. */
export function recentMonths(dateKey: IsoDate): string[] {
  const [year, month] = dateKey.split('-').map(Number);
  const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  return [dateKey.slice(0, 7), previous];
}
