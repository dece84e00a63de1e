import type Database from 'better-sqlite3';
import type { EmulatorPlugin } from './plugin';

/**
 * The webhook sink: a stand-in for Teams Workflows webhooks in local mode and tests.
 * `POST /_sink/webhooks/<group>` keeps the message (its own SQLite table) and answers
 * 202 Accepted as Workflows does; `GET /_sink/messages?group=` lists what arrived;
 * `POST /_sink/faults` (or `setFaults`) makes it fail like Teams does under load —
 * 429 with Retry-After, 500, and the connector habit of answering 200 with a body that
 * reports a 429 — and like a webhook that takes the request and never answers (`hang`,
 * `hangGroups`) or answers late after keeping the card (`delayMs`).
 */

/** One message the sink received. */
export type SinkMessage = { id: number; group: string; receivedAt: string; message: unknown };

/**
 * Probabilities (0–1) per request: `"429"` throttled, `"500"`/`"503"` server error,
 * `"200-429"` a 200 whose body reports a 429, `"hang"` the connection is taken and never
 * answered (nothing kept). `retryAfterSeconds` goes out with a 429 (default 1); `seed`
 * makes the dice repeatable. `hangGroups`: every request for these groups hangs.
 * `delayMs`: a card is kept at once and answered this much later (a slow Workflows run).
 */
export type SinkFaults = {
  '429'?: number; '500'?: number; '503'?: number; '200-429'?: number; hang?: number;
  retryAfterSeconds?: number; seed?: number; delayMs?: number; hangGroups?: string[];
};

/** The sink as a plugin, with a JS API for tests. */
export type WebhookSink = EmulatorPlugin & {
  setFaults(faults: SinkFaults): void;
  /** Messages received, oldest first (all groups, or one). */
  messages(group?: string): SinkMessage[];
  /** Requests answered with each status (faults included), for tests. */
  stats(): Record<string, number>;
  /** Answers every hanging request (504), as when the far end finally gives up. */
  releaseHung(): void;
  clear(): void;
};

const TABLE = 'webhook_sink_messages';
const FAULT_KEYS = ['429', '500', '503', '200-429', 'hang'] as const;
/** How long a hanging request is held before the sink gives up on it (a test releases it sooner). */
const HANG_MS = 10 * 60_000;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });

/** A small seeded generator (mulberry32), so fault runs can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Checks a faults document; throws a message saying what is wrong. */
export function parseSinkFaults(input: unknown): SinkFaults {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new Error('Send a JSON object such as {"429":0.3,"500":0.3}.');
  const out: SinkFaults = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (key === 'hangGroups') {
      if (!Array.isArray(value) || value.some((g) => typeof g !== 'string')) throw new Error('"hangGroups" must be a list of group names.');
      out.hangGroups = value as string[];
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`"${key}" must be a number.`);
    if ((FAULT_KEYS as readonly string[]).includes(key)) {
      if (value < 0 || value > 1) throw new Error(`"${key}" is a probability: give a number from 0 to 1.`);
      out[key as (typeof FAULT_KEYS)[number]] = value;
    } else if (key === 'retryAfterSeconds' || key === 'seed' || key === 'delayMs') {
      if (value < 0) throw new Error(`"${key}" cannot be negative.`);
      out[key] = value;
    } else {
      throw new Error(`Unknown fault "${key}": use ${FAULT_KEYS.map((k) => `"${k}"`).join(', ')}, "retryAfterSeconds", "seed", "delayMs" or "hangGroups".`);
    }
  }
  const total = FAULT_KEYS.reduce((sum, key) => sum + (out[key] ?? 0), 0);
  if (total > 1) throw new Error('The fault probabilities add up to more than 1.');
  return out;
}

/** Creates the webhook sink plugin. */
export function createWebhookSink(initialFaults: SinkFaults = {}): WebhookSink {
  let db: Database.Database | null = null;
  let faults = initialFaults;
  let random = faults.seed !== undefined ? seeded(faults.seed) : Math.random;
  const counts: Record<string, number> = {};
  const hung = new Set<() => void>();
  /** Holds a request unanswered until released (or HANG_MS passes), then answers 504. */
  const hang = () => new Promise<Response>((resolve) => {
    const release = () => {
      hung.delete(release);
      clearTimeout(timer);
      resolve(json(504, { error: { code: 'GatewayTimeout', message: 'The workflow did not answer. (injected hang)' } }));
    };
    const timer = setTimeout(release, HANG_MS);
    timer.unref?.();
    hung.add(release);
  });
  const count = (status: number | string) => { counts[String(status)] = (counts[String(status)] ?? 0) + 1; };

  const ensureTable = (database: Database.Database) => {
    if (db === database) return;
    database.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (id INTEGER PRIMARY KEY AUTOINCREMENT, grp TEXT NOT NULL, received_at TEXT NOT NULL, body TEXT NOT NULL)`);
    db = database;
  };

  const read = (group?: string): SinkMessage[] => {
    if (!db) return [];
    const rows = (group === undefined
      ? db.prepare(`SELECT id, grp, received_at, body FROM ${TABLE} ORDER BY id`).all()
      : db.prepare(`SELECT id, grp, received_at, body FROM ${TABLE} WHERE grp = ? ORDER BY id`).all(group)) as { id: number; grp: string; received_at: string; body: string }[];
    return rows.map((r) => ({ id: r.id, group: r.grp, receivedAt: r.received_at, message: JSON.parse(r.body) }));
  };

  /** Rolls the dice: which fault, if any, this request gets. */
  const pickFault = (): (typeof FAULT_KEYS)[number] | null => {
    let roll = random();
    for (const key of FAULT_KEYS) {
      const p = faults[key] ?? 0;
      if (roll < p) return key;
      roll -= p;
    }
    return null;
  };

  const receive = async (request: Request, group: string): Promise<Response> => {
    if (faults.hangGroups?.includes(group)) {
      count('hang');
      return hang();
    }
    const fault = pickFault();
    if (fault === 'hang') {
      count('hang');
      return hang();
    }
    if (fault === '429') {
      count(429);
      return json(429, { error: { code: 'TooManyRequests', message: 'Rate limit is exceeded. Try again later.' } }, { 'Retry-After': String(faults.retryAfterSeconds ?? 1) });
    }
    if (fault === '500' || fault === '503') {
      count(fault);
      return json(Number(fault), { error: { code: 'InternalServerError', message: 'The workflow run failed to start. (injected fault)' } });
    }
    if (fault === '200-429') {
      count('200-429');
      // What Teams connectors answer when throttled: 200, the real status in the text.
      return new Response('Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0,server=sink.', { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      count(400);
      return json(400, { error: { code: 'InvalidRequestContent', message: 'The request body is not JSON. Send {"type":"message","attachments":[…]}.' } });
    }
    const message = body as { type?: unknown; attachments?: unknown };
    if (message?.type !== 'message' || !Array.isArray(message.attachments) || message.attachments.length === 0) {
      count(400);
      return json(400, { error: { code: 'InvalidRequestContent', message: 'Expected {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{…}}]}.' } });
    }
    db!.prepare(`INSERT INTO ${TABLE} (grp, received_at, body) VALUES (?, ?, ?)`).run(group, new Date().toISOString(), JSON.stringify(body));
    count(202);
    // Kept already: a job that dies while waiting for this answer has delivered the card.
    if (faults.delayMs) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    return new Response(null, { status: 202 });
  };

  return {
    name: 'webhook-sink',
    async handle(request, context) {
      const { pathname, searchParams } = context.url;
      if (!pathname.startsWith('/_sink/')) return undefined;
      ensureTable(context.db);
      const hook = /^\/_sink\/webhooks\/([^/]+)\/?$/.exec(pathname);
      if (hook) {
        if (request.method !== 'POST') return json(405, { error: { message: 'Webhooks take POST.' } }, { Allow: 'POST' });
        return receive(request, decodeURIComponent(hook[1]));
      }
      if (pathname === '/_sink/messages') {
        if (request.method === 'DELETE') {
          context.db.exec(`DELETE FROM ${TABLE}`);
          return new Response(null, { status: 204 });
        }
        const group = searchParams.get('group');
        return json(200, { messages: read(group ?? undefined) });
      }
      if (pathname === '/_sink/faults') {
        if (request.method === 'GET') return json(200, faults);
        if (request.method !== 'POST') return json(405, { error: { message: 'Use GET or POST.' } }, { Allow: 'GET, POST' });
        try {
          const next = parseSinkFaults(await request.json().catch(() => null));
          faults = next;
          random = next.seed !== undefined ? seeded(next.seed) : Math.random;
          return json(200, faults);
        } catch (error) {
          return json(400, { error: { message: (error as Error).message } });
        }
      }
      return json(404, { error: { message: `No sink endpoint at ${pathname}. Try /_sink/webhooks/<group>, /_sink/messages or /_sink/faults.` } });
    },
    setFaults(next) {
      faults = parseSinkFaults(next);
      random = faults.seed !== undefined ? seeded(faults.seed) : Math.random;
    },
    messages: read,
    stats: () => ({ ...counts }),
    releaseHung() {
      for (const release of [...hung]) release();
    },
    clear() {
      db?.exec(`DELETE FROM ${TABLE}`);
      for (const key of Object.keys(counts)) delete counts[key];
    },
  };
}
