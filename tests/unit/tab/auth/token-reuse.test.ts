import type { SignInResult } from '../../../../src/tab/auth/identity-provider';
import { parseSignInResult, reusableToken } from '../../../../src/tab/auth/token-reuse';

const HOUR = 60 * 60_000;
const result = (token: string, expiresOn: number): SignInResult => ({ accessToken: token, expiresOn, account: { username: 'a@contoso.example', name: 'A' } });

/** A sessionStorage stand-in. */
function memoryStore() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k), data };
}

describe('reusableToken', () => {
  it('asks once and reuses the token until five minutes before it expires', async () => {
    let now = 0;
    let asked = 0;
    const getToken = reusableToken(async () => result(`t${++asked}`, now + HOUR), { key: 'k', now: () => now });
    expect(await getToken()).toBe('t1');
    now = HOUR - 5 * 60_000 - 1;
    expect(await getToken()).toBe('t1');
    now = HOUR - 5 * 60_000;
    expect(await getToken()).toBe('t2');
    expect(asked).toBe(2);
  });

  it('asks only once for requests waiting at the same time', async () => {
    let asked = 0;
    let release: (value: SignInResult) => void = () => undefined;
    const getToken = reusableToken(() => { asked++; return new Promise<SignInResult>((resolve) => { release = resolve; }); }, { key: 'k', now: () => 0 });
    const waiting = Promise.all([getToken(), getToken(), getToken()]);
    release(result('shared', HOUR));
    expect(await waiting).toEqual(['shared', 'shared', 'shared']);
    expect(asked).toBe(1);
  });

  it('keeps the result in the store, so a new getter (a reload) reuses it without asking', async () => {
    const store = memoryStore();
    await reusableToken(async () => result('stored', HOUR), { key: 'k', store, now: () => 0 })();
    const again = reusableToken(async () => { throw new Error('must not ask'); }, { key: 'k', store, now: () => 1000 });
    expect(await again()).toBe('stored');
  });

  it('forgets a stored token when asking again fails, and passes the failure on', async () => {
    const store = memoryStore();
    store.setItem('k', JSON.stringify(result('old', 1000)));
    const getToken = reusableToken(async () => { throw new Error('window closed'); }, { key: 'k', store, now: () => HOUR });
    await expect(getToken()).rejects.toThrow('window closed');
    expect(store.data.has('k')).toBe(false);
  });
});

describe('parseSignInResult', () => {
  it('reads what the authentication window sent and refuses anything without a token and an expiry', () => {
    expect(parseSignInResult(JSON.stringify(result('abc', 5)))).toEqual(result('abc', 5));
    expect(parseSignInResult('{"accessToken":"","expiresOn":5}')).toBeNull();
    expect(parseSignInResult('{"accessToken":"abc"}')).toBeNull();
    expect(parseSignInResult('not json')).toBeNull();
    expect(parseSignInResult(null)).toBeNull();
  });
});
