import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';

/** One request of a batch that SharePoint refused. */
export type BatchFailure = { index: number; operation: string; message: string; status?: number };

/** Some requests of a `$batch` failed; the others were applied. `failures` says which. */
export class BatchError extends Error {
  constructor(readonly failures: BatchFailure[], readonly total: number) {
    super(
      `${failures.length} of ${total} changes in a batch failed: ` +
        failures.slice(0, 3).map((f) => `#${f.index + 1} (${f.operation}): ${f.message}`).join('; ') +
        (failures.length > 3 ? `; and ${failures.length - 3} more` : '') +
        '. The rest were saved; run the same command again to retry the failed ones.',
    );
    this.name = 'BatchError';
  }
}

/** The HTTP status of a PnPjs error, when it has one. */
export function statusOf(error: unknown): number | undefined {
  const e = error as { status?: number; response?: { status?: number } };
  return e?.status ?? e?.response?.status;
}

/** SharePoint's error text from a PnPjs HttpRequestError, or the error's message. */
export function messageOf(error: unknown): string {
  const e = error as { message?: string; isHttpRequestError?: boolean };
  const raw = e?.message ?? String(error);
  // PnPjs puts the response body after the status line; pull SharePoint's own message out.
  const match = raw.match(/"value"\s*:\s*"((?:[^"\\]|\\.)*)"/);
  return match ? JSON.parse(`"${match[1]}"`) : raw;
}

/**
 * Runs operations in `$batch` requests of at most `size` each (SharePoint allows 100
 * per changeset-free batch); every operation's outcome is settled, and failures are
 * reported together by index rather than the first one hiding the rest.
 */
export async function runBatched<T>(
  sp: SPFI,
  operations: { describe: string; run: (batched: SPFI) => Promise<T> }[],
  size = 100,
): Promise<T[]> {
  const results: T[] = new Array(operations.length);
  const failures: BatchFailure[] = [];
  for (let start = 0; start < operations.length; start += size) {
    const chunk = operations.slice(start, start + size);
    // PnPjs splits a batch every 20 requests by default; SharePoint takes 100 in one $batch.
    const [batched, execute] = sp.batched({ maxRequests: size });
    const settled = chunk.map((op) => op.run(batched).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    ));
    let batchError: unknown = null;
    await execute().catch((error: unknown) => { batchError = error; });
    // When the $batch request itself failed, its parts never ran: report each as failed.
    const outcomes = batchError
      ? chunk.map(() => ({ ok: false as const, error: batchError }))
      : await Promise.all(settled);
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) results[start + i] = outcome.value;
      else failures.push({ index: start + i, operation: chunk[i].describe, message: messageOf(outcome.error), status: statusOf(outcome.error) });
    });
  }
  if (failures.length) throw new BatchError(failures, operations.length);
  return results;
}

/** SharePoint's refusal of a query whose indexed narrowing still leaves more rows than the list view threshold. */
export function isThresholdRefusal(error: unknown): boolean {
  const message = String((error as Error)?.message ?? error);
  return statusOf(error) === 500 && /SPQueryThrottledException|list view threshold/i.test(message);
}
