import { checkBatchSize, checkJsonDepth, checkUrlLength, MAX_BATCH_OPERATIONS, MAX_JSON_DEPTH, MAX_URL_LENGTH, refusedMethod } from '../../../src/emulator/request-limits';
import { SpError } from '../../../src/emulator/sp-error';

function statusOf(run: () => void): number | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof SpError ? error.status : -1;
  }
}

describe('request limits of the SharePoint Online front end', () => {
  it('refuses URLs over the limit with 414', () => {
    expect(statusOf(() => checkUrlLength('x'.repeat(MAX_URL_LENGTH)))).toBeNull();
    expect(statusOf(() => checkUrlLength('x'.repeat(MAX_URL_LENGTH + 1)))).toBe(414);
  });

  it('refuses a $batch of more than 100 operations with 400', () => {
    expect(MAX_BATCH_OPERATIONS).toBe(100);
    expect(statusOf(() => checkBatchSize(100))).toBeNull();
    expect(statusOf(() => checkBatchSize(101))).toBe(400);
  });

  it('counts JSON nesting outside strings only', () => {
    const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    expect(statusOf(() => checkJsonDepth(deep(MAX_JSON_DEPTH)))).toBeNull();
    expect(statusOf(() => checkJsonDepth(deep(MAX_JSON_DEPTH + 1)))).toBe(400);
    expect(statusOf(() => checkJsonDepth(JSON.stringify({ text: '['.repeat(500) + '\\"{{{' })))).toBeNull();
  });

  it('refuses TRACE, TRACK and CONNECT with 405 and lets the others through', () => {
    expect(refusedMethod('trace')?.status).toBe(405);
    expect(refusedMethod('CONNECT')?.status).toBe(405);
    expect(refusedMethod('MERGE')).toBeNull();
  });
});
