import type { IsoDateTime } from '../domain/plan-item';

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
  /** When the row last changed (server time): a Claimed row left unchanged too long was abandoned. */
  modified: IsoDateTime;
};

/** What a new claim records. */
export type NewClaim = { claimKey: string; groupName: string; kind: string; dateKey: string; itemIds: number[] };

/**
 * Where sends are recorded. The claim is the lock: `claim` adds a row whose ClaimKey
 * must be unique, so of two jobs claiming the same key only one gets the row.
 */
export interface ReminderLog {
  /** Adds a Claimed row; null when another row already holds the key. */
  claim(claim: NewClaim): Promise<ReminderLogEntry | null>;
  /** The row holding a key, if any. */
  get(claimKey: string): Promise<ReminderLogEntry | null>;
  /** Takes over a Failed or abandoned row (ETag-guarded); null when someone else changed it first. */
  reclaim(entry: ReminderLogEntry, itemIds: number[]): Promise<ReminderLogEntry | null>;
  /** Records the outcome of the send this job claimed. */
  finish(entry: ReminderLogEntry, outcome: 'Sent' | 'Failed', at: IsoDateTime, detail: string): Promise<void>;
  /** Rows for days on or after `fromDateKey` (for the last digest each group was sent). */
  since(fromDateKey: string): Promise<ReminderLogEntry[]>;
}

/** The key a send is claimed under: `<group>|<kind>|<dateKey>`. */
export function claimKeyOf(groupName: string, kind: string, dateKey: string): string {
  return `${groupName}|${kind}|${dateKey}`;
}
