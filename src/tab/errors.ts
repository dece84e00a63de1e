/**
 * The one place the tab turns a failure into words. Users see what happened and what to
 * do next; SharePoint's raw response (`{"odata.error"…}`) is kept for "Details" only.
 */

/** A failure as a person reads it, with the raw response kept for support. */
export type PlainError = { kind: 'plain-error'; message: string; details: string };

type HttpLike = { status?: number; message?: string; isHttpRequestError?: boolean };

/** The HTTP status of a PnPjs HttpRequestError (or a batch failure carrying one), if any. */
export function statusOfError(error: unknown): number | undefined {
  const status = (error as HttpLike | null)?.status;
  if (typeof status === 'number') return status;
  const found = /\[(\d{3})\]/.exec(String((error as HttpLike | null)?.message ?? ''));
  return found ? Number(found[1]) : undefined;
}

/** SharePoint's own sentence inside an error body (`odata.error.message.value`), if there is one. */
function sharePointSentence(raw: string): string | null {
  const match = /"value"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(raw);
  if (!match) return null;
  try {
    return JSON.parse(`"${match[1]}"`) as string;
  } catch {
    return match[1];
  }
}

function plainMessage(error: unknown, raw: string): string {
  const status = statusOfError(error);
  if (error instanceof TypeError && /fetch|network/i.test(raw)) {
    return 'Plan Tracker could not reach SharePoint. Check your network connection, then try again.';
  }
  if (/SPQueryThrottledException|list view threshold/i.test(raw)) {
    return 'SharePoint refused: this asks for more actions than a list may return at once. Choose one plan or add a filter (status, owner or due date), then try again.';
  }
  if (status === 401) return 'Your sign-in has expired. Reload the tab to sign in again.';
  if (status === 403) {
    return 'SharePoint refused: you do not have permission to do this. Ask a plan manager or the site owner if you need access.';
  }
  if (status === 404) {
    const list = /List '([^']+)'/i.exec(raw)?.[1];
    return list
      ? `The list '${list}' was not found on this site. Ask the site owner to run \`plan-tracker provision\`, then reload.`
      : 'What you asked for is no longer there: it may have been deleted. Reload the page to see the current plan.';
  }
  if (status === 412) return 'Someone else changed this action since you opened it. Reload it to see their change, then make yours again.';
  if (status === 429 || status === 503) return 'SharePoint is busy just now. Wait a minute, then try again.';
  if (status !== undefined && status >= 500) {
    return 'SharePoint had a problem and did not finish. Try again in a moment; if it keeps happening, send the details below to your administrator.';
  }
  if (status === 400) return 'SharePoint did not accept what was sent. Check what you entered and try again; if it keeps happening, send the details below to your administrator.';
  // Our own errors (raised by the tab with a sentence already written for people) pass through.
  if (error instanceof Error && status === undefined && !raw.includes('{')) return raw;
  return 'Something went wrong. Try again; if it keeps happening, send the details below to your administrator.';
}

/** A failure in words, with SharePoint's sentence and the raw response as details. */
export function explainError(error: unknown): PlainError {
  const raw = error instanceof Error ? error.message : String(error);
  const sentence = sharePointSentence(raw);
  const status = statusOfError(error);
  const details = [status ? `HTTP ${status}` : '', sentence ?? '', raw].filter(Boolean).join('\n');
  return { kind: 'plain-error', message: plainMessage(error, raw), details };
}

/** Whether a value is a PlainError (pages keep one in their failed state). */
export function isPlainError(value: unknown): value is PlainError {
  return typeof value === 'object' && value !== null && (value as PlainError).kind === 'plain-error';
}
