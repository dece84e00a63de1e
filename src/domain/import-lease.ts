import type { IsoDateTime } from './plan-item';

/**
 * Who is importing a plan, until when (by SharePoint's clock, never the importer's), and
 * the token that proves a holder is the one that took it. Kept as JSON in the Plans
 * list's `ImportLease` field.
 */
export type ImportLease = { holder: string; token: string; expiresAt: IsoDateTime };

/** How long an import holds its plan before another may take it over, unless renewed. */
export const IMPORT_LEASE_MS = 2 * 60_000;

/** The lease text of a Plans row → a lease; empty, unreadable or partial text means no lease. */
export function parseImportLease(text: string): ImportLease | null {
  if (!text.trim()) return null;
  try {
    const raw = JSON.parse(text) as Partial<ImportLease>;
    if (typeof raw.holder !== 'string' || typeof raw.token !== 'string' || typeof raw.expiresAt !== 'string') return null;
    if (Number.isNaN(Date.parse(raw.expiresAt))) return null;
    return { holder: raw.holder, token: raw.token, expiresAt: raw.expiresAt };
  } catch {
    // A hand-edited or damaged lease must not lock the plan for ever.
    return null;
  }
}

/** A lease as the text the Plans row keeps. */
export function serialiseImportLease(lease: ImportLease): string {
  return JSON.stringify(lease);
}

/**
 * Whether the lease stops `token`'s holder from importing at `serverNow`: `free` (no lease,
 * or it is ours), `held` by someone else, or `expired` (its holder died or stalled; it may
 * be taken over).
 */
export function leaseState(lease: ImportLease | null, token: string, serverNow: Date): 'free' | 'held' | 'expired' {
  if (!lease || lease.token === token) return 'free';
  return Date.parse(lease.expiresAt) > serverNow.getTime() ? 'held' : 'expired';
}

/** A new lease for `holder`, running `durationMs` from SharePoint's `serverNow`. */
export function newImportLease(holder: string, token: string, serverNow: Date, durationMs = IMPORT_LEASE_MS): ImportLease {
  return { holder, token, expiresAt: new Date(serverNow.getTime() + durationMs).toISOString() };
}
