import type { WebhookMessage } from './digest-message';
import { RateLimiter } from './rate-limiter';
import { redactUrl } from './redact';

/** What a delivery took. */
export type DeliveryReceipt = { status: number; attempts: number };

/** What a caller may add to one send. */
export type SendOptions = {
  /** Stops the send (between attempts, or the request in flight) — e.g. when the job lost its claim. */
  signal?: AbortSignal;
  /** Runs before each attempt (the reminder job renews its claim there); throwing stops the send. */
  beforeAttempt?: (attempt: number) => Promise<void>;
};

/** Posts a message to a webhook; `WorkflowWebhookNotifier` implements it. */
export interface Notifier {
  send(webhookUrl: string, message: WebhookMessage, options?: SendOptions): Promise<DeliveryReceipt>;
}

/**
 * A message that could not be delivered; the message names the host only, never the URL.
 * `outcomeUnknown`: the webhook took the request and did not answer in time, so the card
 * may have arrived — it is not retried in this run, so a slow chat is not sent it twice.
 */
export class WebhookDeliveryError extends Error {
  constructor(message: string, readonly status: number | null, readonly attempts: number, readonly outcomeUnknown = false) {
    super(message);
    this.name = 'WebhookDeliveryError';
  }
}

/** How long one webhook call may take before it is abandoned, unless configured (30 s). */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 30_000;

export type NotifierOptions = {
  fetch?: typeof fetch;
  /** Attempts per message before giving up (default 6). */
  maxAttempts?: number;
  /** First backoff delay; doubles per attempt, with jitter (default 1 s). */
  baseDelayMs?: number;
  /** Longest wait between attempts, also caps Retry-After (default 60 s). */
  maxDelayMs?: number;
  /** Requests per second across every webhook of this notifier (default 3: under Teams' 4). */
  requestsPerSecond?: number;
  sleep?: (ms: number) => Promise<void>;
  /** The clock the rate limit and Retry-After dates are measured on (tests pass a fake one with `sleep`). */
  now?: () => number;
  /** How long one call may take, answer included (default 30 s); then the send fails with its outcome unknown. */
  timeoutMs?: number;
};

// Connector-style endpoints answer 200 and put the real outcome in the body text.
const BODY_STATUS = /returned HTTP error (\d{3})/i;

const isRetryable = (status: number) => status === 429 || status === 408 || status >= 500;

/**
 * Delivers messages to Workflows (or incoming) webhooks: retries 429 and 5xx — also a
 * 200 whose body reports one — with exponential backoff that honours Retry-After, and
 * keeps every webhook of the job under Teams' 4 requests per second.
 */
export class WorkflowWebhookNotifier implements Notifier {
  private readonly fetch: typeof fetch;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly limiter: RateLimiter;
  private readonly now: () => number;
  private readonly timeoutMs: number;

  constructor(options: NotifierOptions = {}) {
    this.fetch = options.fetch ?? ((...args) => fetch(...args));
    this.maxAttempts = options.maxAttempts ?? 6;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.limiter = new RateLimiter(options.requestsPerSecond ?? 3, this.sleep, this.now);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  }

  /**
   * Posts the message, retrying what a retry can fix; throws WebhookDeliveryError otherwise.
   * Every call ends within the timeout: a webhook that takes the request and never answers
   * costs this send, never the job.
   */
  async send(webhookUrl: string, message: WebhookMessage, options: SendOptions = {}): Promise<DeliveryReceipt> {
    const where = redactUrl(webhookUrl);
    const body = JSON.stringify(message);
    let lastProblem = '';
    let lastStatus: number | null = null;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      await this.limiter.take();
      options.signal?.throwIfAborted();
      await options.beforeAttempt?.(attempt);
      const timeout = AbortSignal.timeout(this.timeoutMs);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      let response: Response;
      let text: string;
      try {
        response = await this.fetch(webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal });
        text = await response.text().catch((error: unknown) => {
          if (timeout.aborted) throw error;
          return '';
        });
      } catch (error) {
        options.signal?.throwIfAborted();
        if (timeout.aborted) {
          throw new WebhookDeliveryError(
            `The webhook at ${where} did not answer within ${this.timeoutMs / 1000} s; the card may or may not have arrived. It is not sent again in this run; the next run retries it.`,
            null, attempt, true,
          );
        }
        // Network errors carry the URL in some runtimes: keep only their kind.
        lastProblem = `could not connect (${(error as Error)?.name ?? 'error'})`;
        lastStatus = null;
        await this.backoff(attempt, null);
        continue;
      }
      const reported = response.ok ? Number(BODY_STATUS.exec(text)?.[1] ?? 0) : 0;
      const status = reported || response.status;
      if (status >= 200 && status < 300) return { status, attempts: attempt };
      lastStatus = status;
      lastProblem = reported ? `answered ${response.status} but reported HTTP ${reported}` : `answered HTTP ${status}`;
      if (!isRetryable(status)) {
        throw new WebhookDeliveryError(`The webhook at ${where} ${lastProblem}; the message was not delivered. ${adviceFor(status)}`, status, attempt);
      }
      if (attempt < this.maxAttempts) await this.backoff(attempt, response.headers.get('Retry-After'));
    }
    throw new WebhookDeliveryError(
      `The webhook at ${where} ${lastProblem} ${this.maxAttempts} times; the message was not delivered. It will be retried on the next run.`,
      lastStatus,
      this.maxAttempts,
    );
  }

  private async backoff(attempt: number, retryAfter: string | null): Promise<void> {
    const asked = parseRetryAfter(retryAfter, this.now());
    const exponential = this.baseDelayMs * 2 ** (attempt - 1);
    // Full jitter keeps two jobs that failed together from retrying in step.
    const delay = asked ?? exponential / 2 + Math.random() * (exponential / 2);
    await this.sleep(Math.min(delay, this.maxDelayMs));
  }
}

/** Retry-After as milliseconds: either delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

function adviceFor(status: number): string {
  if (status === 404 || status === 410) return 'The workflow may have been deleted or turned off: create it again and update the webhook URL in the configuration.';
  if (status === 401 || status === 403) return 'The workflow refused the request: check that its trigger allows anyone with the URL to post.';
  if (status === 413) return 'The card is too large for Teams.';
  return 'Check the workflow in Power Automate.';
}
