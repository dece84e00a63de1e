import { toWebhookMessage } from '../../../src/reminders/digest-message';
import { RateLimiter } from '../../../src/reminders/rate-limiter';
import { redactUrl } from '../../../src/reminders/redact';
import { parseRetryAfter, WebhookDeliveryError, WorkflowWebhookNotifier } from '../../../src/reminders/webhook-notifier';

const SECRET_URL = 'https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SECRETSIGNATURE';
const message = toWebhookMessage({ type: 'AdaptiveCard', version: '1.4', body: [] });

/** A fetch that answers from a script, one response per call, and records the calls. */
function scriptedFetch(script: (() => Response)[]) {
  const calls: { url: string; body: string }[] = [];
  const fn = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), body: String(init?.body) });
    const next = script.shift();
    if (!next) throw new Error('unexpected extra request');
    return next();
  };
  return { fetch: fn as typeof fetch, calls };
}

function notifierWith(script: (() => Response)[], maxAttempts = 6) {
  const waits: number[] = [];
  const { fetch, calls } = scriptedFetch(script);
  // A fake clock that sleeping advances: backoff waits are recorded, and after one the
  // rate limiter (1,000 a second here) never needs to wait.
  let clock = 0;
  const notifier = new WorkflowWebhookNotifier({ fetch, maxAttempts, baseDelayMs: 100, requestsPerSecond: 1000, now: () => clock, sleep: async (ms) => { clock += ms; waits.push(ms); } });
  return { notifier, calls, waits };
}

/** The error a send ended with (the test fails if it succeeded). */
async function failureOf(sending: Promise<unknown>): Promise<WebhookDeliveryError> {
  try {
    await sending;
  } catch (error) {
    return error as WebhookDeliveryError;
  }
  throw new Error('the send succeeded');
}

describe('WorkflowWebhookNotifier', () => {
  it('POSTs the message once when Workflows accepts it', async () => {
    const { notifier, calls } = notifierWith([() => new Response(null, { status: 202 })]);
    await expect(notifier.send(SECRET_URL, message)).resolves.toEqual({ status: 202, attempts: 1 });
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0].body)).toEqual(message);
  });

  it('retries 429 honouring Retry-After, and 5xx with backoff', async () => {
    const { notifier, calls, waits } = notifierWith([
      () => new Response('{}', { status: 429, headers: { 'Retry-After': '7' } }),
      () => new Response('{}', { status: 500 }),
      () => new Response('{}', { status: 503 }),
      () => new Response(null, { status: 202 }),
    ]);
    await expect(notifier.send(SECRET_URL, message)).resolves.toEqual({ status: 202, attempts: 4 });
    expect(calls).toHaveLength(4);
    expect(waits[0]).toBe(7000);
    // Exponential with jitter: attempt 2 waits 100–200 ms, attempt 3 waits 200–400 ms.
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
    expect(waits[2]).toBeGreaterThanOrEqual(200);
    expect(waits[2]).toBeLessThanOrEqual(400);
  });

  it('retries a 200 whose body reports a 429', async () => {
    const { notifier, calls } = notifierWith([
      () => new Response('Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0.', { status: 200 }),
      () => new Response('1', { status: 200 }),
    ]);
    await expect(notifier.send(SECRET_URL, message)).resolves.toEqual({ status: 200, attempts: 2 });
    expect(calls).toHaveLength(2);
  });

  it('gives up at once on a permanent error, naming the host but never the URL', async () => {
    const { notifier, calls } = notifierWith([() => new Response('gone', { status: 404 })]);
    const error = await failureOf(notifier.send(SECRET_URL, message));
    expect(error).toBeInstanceOf(WebhookDeliveryError);
    expect(calls).toHaveLength(1);
    expect(error.message).toContain('https://prod-01.westeurope.logic.azure.com/…');
    expect(error.message).not.toContain('SECRETSIGNATURE');
    expect(error.message).toMatch(/deleted or turned off/);
  });

  it('gives up after the last attempt and says it will retry on the next run', async () => {
    const { notifier, calls } = notifierWith([() => new Response('', { status: 500 }), () => new Response('', { status: 500 }), () => new Response('', { status: 500 })], 3);
    const error = await failureOf(notifier.send(SECRET_URL, message));
    expect(calls).toHaveLength(3);
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/3 times.*next run/);
    expect(error.message).not.toContain('sig=');
  });

  it('retries network errors without repeating their text', async () => {
    const { notifier } = notifierWith([() => { throw new TypeError(`fetch failed for ${SECRET_URL}`); }, () => new Response(null, { status: 202 })]);
    await expect(notifier.send(SECRET_URL, message)).resolves.toEqual({ status: 202, attempts: 2 });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 08:00:10 GMT', Date.parse('2026-11-25T08:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter(null, 0)).toBeNull();
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
});

describe('RateLimiter', () => {
  it('starts no more than the rate in any second', async () => {
    let now = 0;
    const starts: number[] = [];
    const limiter = new RateLimiter(3, async (ms) => { now += ms; }, () => now);
    for (let i = 0; i < 10; i++) {
      await limiter.take();
      starts.push(now);
    }
    for (let i = 3; i < starts.length; i++) expect(starts[i] - starts[i - 3]).toBeGreaterThanOrEqual(1000 - 1e-6);
  });
});

describe('redactUrl', () => {
  it('keeps the scheme and host only', () => {
    expect(redactUrl(SECRET_URL)).toBe('https://prod-01.westeurope.logic.azure.com/…');
    expect(redactUrl('not a url')).not.toContain('not a url');
  });
});

describe('WorkflowWebhookNotifier timeouts and claims', () => {
  /** A fetch that takes the request and never answers, until the caller gives up. */
  const hangingFetch = (calls: { n: number }) => ((_url: string, init?: RequestInit) => {
    calls.n++;
    return new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
    });
  }) as unknown as typeof fetch;

  it('abandons a call that gets no answer within the timeout, once, with its outcome unknown', async () => {
    const calls = { n: 0 };
    const notifier = new WorkflowWebhookNotifier({ fetch: hangingFetch(calls), timeoutMs: 40, requestsPerSecond: 1000, sleep: async () => undefined });
    const started = Date.now();
    const error = await failureOf(notifier.send(SECRET_URL, message));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(WebhookDeliveryError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(/did not answer within 0.04 s; the card may or may not have arrived/);
    expect(error.message).not.toContain('SECRETSIGNATURE');
    // Not retried in this run: a slow chat that did take the card must not get it twice.
    expect(calls.n).toBe(1);
  });

  it('asks before every attempt, and stops when the caller says no', async () => {
    const { notifier, calls } = notifierWith([() => new Response('', { status: 500 }), () => new Response('', { status: 202 })]);
    const asked: number[] = [];
    const error = await notifier.send(SECRET_URL, message, {
      beforeAttempt: async (attempt) => {
        asked.push(attempt);
        if (attempt === 2) throw new Error('claim lost');
      },
    }).catch((e: Error) => e);
    expect(asked).toEqual([1, 2]);
    expect((error as Error).message).toBe('claim lost');
    expect(calls).toHaveLength(1);
  });
});
