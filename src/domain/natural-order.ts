/**
 * Plan order for references and headings: numbers inside the text compare as numbers, so
 * "R.2" comes before "R.10" and "Section 9" before "Section 10" (text order would not).
 */
const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** Compares two labels in plan order (numbers as numbers, case ignored). */
export function compareNatural(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Labels sorted in plan order, the empty label last. */
export function sortNatural(labels: readonly string[]): string[] {
  return [...labels].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : compareNatural(a, b)));
}
