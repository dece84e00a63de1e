import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/fields';
import '@pnp/sp/views';
import '@pnp/sp/site-users/web';
import '@pnp/sp/batching';
import { startEmulatorServer, type EmulatorServer } from '../../../src/emulator/node-server';
import { connect } from '../../../src/sharepoint/connect';
import { authForSite } from '../../../src/sharepoint/site-url';

/**
 * What the contract suite runs against: the embedded server (default) or, when
 * `SP_SITE_URL` and credentials are set, a real SharePoint Online site. The same PnPjs
 * calls run in both cases; only tests of emulator controls (threshold, faults) need
 * `server`, and they are declared only when it is there.
 */
export type SpTarget = {
  sp: SPFI;
  siteUrl: string;
  /** A session acting as another user (embedded: the X-PlanTracker-As header). */
  spAs(email: string): SPFI;
  /** The embedded server, or null against a real site. */
  server: EmulatorServer | null;
  close(): Promise<void>;
};

/** True when the suite targets a real site. */
export const againstRealSite = Boolean(process.env.SP_SITE_URL);

/** Opens the target: a fresh in-memory embedded site on an ephemeral port, or SP_SITE_URL. */
export async function openSpTarget(options: { users?: { name: string; email: string }[]; threshold?: number } = {}): Promise<SpTarget> {
  if (againstRealSite) {
    const siteUrl = process.env.SP_SITE_URL!.replace(/\/+$/, '');
    const auth = await authForSite(siteUrl);
    return { sp: connect(siteUrl, auth), siteUrl, spAs: () => connect(siteUrl, auth), server: null, close: async () => undefined };
  }
  const server = await startEmulatorServer({ port: 0, memory: true, users: options.users, threshold: options.threshold });
  return {
    sp: connect(server.siteUrl, { kind: 'embedded' }),
    siteUrl: server.siteUrl,
    spAs: (email) => connect(server.siteUrl, { kind: 'embedded', actAs: email }),
    server,
    close: () => server.close(),
  };
}

let counter = 0;
/** A list title no other test uses, with a space and an apostrophe to exercise quoting. */
export function uniqueTitle(base: string): string {
  counter += 1;
  return `${base} ${process.pid}-${counter} O'Brien`;
}

/** The HTTP status of a PnPjs error. */
export function statusOf(error: unknown): number | undefined {
  return (error as { status?: number }).status;
}

/** SharePoint's error code and message from an error body, minimal (`odata.error`) or verbose (`error`). */
export function spErrorOf(body: string): { code: string; message: string } | null {
  const json = body.slice(body.indexOf('{'));
  try {
    const parsed = JSON.parse(json) as Record<string, { code: string; message: { value: string } }>;
    const inner = parsed['odata.error'] ?? parsed.error;
    return inner ? { code: inner.code, message: inner.message.value } : null;
  } catch {
    return null;
  }
}

/** The rejection of a promise expected to fail: status, raw text and SharePoint's message. */
export async function failure(promise: Promise<unknown>): Promise<{ status: number; body: string; message: string; code: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status?: number; message?: string };
    const body = e.message ?? String(error);
    const sp = spErrorOf(body);
    return { status: e.status ?? -1, body, message: sp?.message ?? '', code: sp?.code ?? '' };
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}
