import { explainError } from '../../../src/tab/errors';

/** An error shaped as PnPjs's HttpRequestError is. */
function httpError(status: number, body: string): Error {
  return Object.assign(new Error(`Error making HttpClient request in queryable [${status}] Status ::> ${body}`), { status, isHttpRequestError: true });
}

const odata = (message: string) => JSON.stringify({ 'odata.error': { code: '-1, x', message: { lang: 'en-US', value: message } } });

describe('explainError', () => {
  it('says what happened and what to do, keeping the raw response for details', () => {
    const error = explainError(httpError(403, odata('Access denied. You do not have permission to perform this action.')));
    expect(error.message).toMatch(/do not have permission.*Ask a plan manager/);
    expect(error.message).not.toContain('odata');
    expect(error.details).toContain('Access denied. You do not have permission');
    expect(error.details).toContain('HTTP 403');
  });

  it('names a missing list and the command that creates it', () => {
    const error = explainError(httpError(404, odata("List 'Plan Items' does not exist at site with URL 'http://x/sites/plans'.")));
    expect(error.message).toContain("The list 'Plan Items' was not found");
    expect(error.message).toContain('plan-tracker provision');
  });

  it('explains the list view threshold, throttling, server errors and lost networks', () => {
    expect(explainError(httpError(500, odata('SPQueryThrottledException: list view threshold'))).message).toMatch(/Choose one plan or add a filter/);
    expect(explainError(httpError(429, '')).message).toMatch(/busy.*Wait a minute/);
    expect(explainError(httpError(502, 'Bad gateway')).message).toMatch(/Try again in a moment/);
    expect(explainError(new TypeError('Failed to fetch')).message).toMatch(/could not reach SharePoint/);
  });

  it('passes our own sentences through and never shows a raw body as the message', () => {
    expect(explainError(new Error('Plan "X" is not in the Plans list.')).message).toBe('Plan "X" is not in the Plans list.');
    expect(explainError(new Error('{"odata.error":1}')).message).toMatch(/^Something went wrong/);
  });
});
