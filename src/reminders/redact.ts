/**
 * A webhook URL carries its own credential (the `sig` query parameter of a Workflows
 * trigger), so it is never logged: errors name the host only, `https://host/…`.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '(an unreadable webhook URL)';
  }
}

/** Replaces every occurrence of the given secrets in a text (for error details stored in the log). */
export function redactSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join(redactUrl(secret));
  return out;
}
