import type { SignInResult } from './identity-provider';

/** A token is renewed this long before it expires, so no request goes out with a dying one. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/** Reads a sign-in result that crossed a window boundary (Teams' authentication window, storage); null if malformed. */
export function parseSignInResult(text: string | null): SignInResult | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<SignInResult>;
    if (typeof value.accessToken !== 'string' || !value.accessToken || typeof value.expiresOn !== 'number') return null;
    const account = value.account && typeof value.account === 'object' ? value.account : { username: '', name: '' };
    return { accessToken: value.accessToken, expiresOn: value.expiresOn, account: { username: String(account.username ?? ''), name: String(account.name ?? '') } };
  } catch {
    return null;
  }
}

export type ReuseOptions = {
  /** Where a result is kept for the tab's lifetime in this window (sessionStorage), or none. */
  store?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  key: string;
  now?: () => number;
};

/**
 * A token getter that asks `acquire` only when it has no token that is still good for
 * five minutes, and only once for any number of requests waiting at the same time.
 */
export function reusableToken(acquire: () => Promise<SignInResult>, options: ReuseOptions): () => Promise<string> {
  const now = options.now ?? Date.now;
  const store = options.store ?? null;
  let current = parseSignInResult(store?.getItem(options.key) ?? null);
  let pending: Promise<SignInResult> | null = null;
  return async () => {
    if (current && current.expiresOn - EXPIRY_MARGIN_MS > now()) return current.accessToken;
    pending ??= acquire().then(
      (result) => {
        current = result;
        store?.setItem(options.key, JSON.stringify(result));
        return result;
      },
      (error: unknown) => {
        store?.removeItem(options.key);
        throw error;
      },
    ).finally(() => { pending = null; });
    return (await pending).accessToken;
  };
}
