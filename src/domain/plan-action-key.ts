/** SharePoint single-line text fields hold 255 characters. */
const KEY_MAX = 255;

/** Case, accents' composed forms and runs of spaces do not make two keys differ. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A short, stable hash (FNV-1a, 32 bits): a shortened key stays distinct, a note is recognised again. */
export function stableHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The Plan Items `PlanActionKey`: `<plan>|<actionRef>`, normalised. The field is unique
 * and indexed, so SharePoint itself refuses a second item with the same ActionRef in one
 * plan — two imports running at once cannot both add it. A key longer than the field
 * keeps its start and ends with a hash of the whole, so it stays unique and fits.
 */
export function planActionKey(plan: string, actionRef: string): string {
  const key = `${normalise(plan)}|${normalise(actionRef)}`;
  if (key.length <= KEY_MAX) return key;
  return `${key.slice(0, KEY_MAX - 10)}#${stableHash(key)}`;
}
