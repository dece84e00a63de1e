/** A short, stable hash of text (FNV-1a, base 36): the same words always give the same key. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  const normalised = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  for (let i = 0; i < normalised.length; i++) {
    h ^= normalised.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).toUpperCase().padStart(4, '0').slice(-5);
}

/** A reference written at the start of an action (`1.2`, `3.4.1`, `A1.2`, `R1.C-3`), if any. */
export function refInActionText(text: string): string | null {
  const m = /^((?:R\d+(?:\.[A-Z0-9]+)*-\d+)|(?:\d{1,2}\.\d{1,2}(?:\.\d{1,2})*)|(?:[A-Z]{1,2}\d{1,2}(?:\.\d{1,2})+))[.):]?\s+\S/.exec(text.trim());
  return m ? m[1] : null;
}

/**
 * ActionRef rule, so a re-import finds the same item again:
 * 1. a reference the plan writes for the action (a Ref column, or `1.2` opening the action);
 * 2. else the section's own reference and the action's position in that section (`R1.C-3`);
 * 3. else a hash of the section heading and the position (`S7K2Q-3`).
 * Positions count within a section only, so rows added to other sections change nothing.
 */
export function assignActionRefs(drafts: { explicitRef: string | null; sectionRef: string | null; sectionText: string }[]): { refs: string[]; duplicates: number[] } {
  const counters = new Map<string, number>();
  const used = new Set<string>();
  // The next suffix to try per duplicated ref, so thousands of repeats stay linear.
  const nextSuffix = new Map<string, number>();
  const duplicates: number[] = [];
  const refs = drafts.map((d, i) => {
    const key = d.sectionRef ?? (d.sectionText ? `S${shortHash(d.sectionText)}` : 'A');
    const position = (counters.get(key) ?? 0) + 1;
    counters.set(key, position);
    let ref = d.explicitRef ?? `${key}-${position}`;
    if (used.has(ref)) {
      duplicates.push(i);
      let n = nextSuffix.get(ref) ?? 2;
      while (used.has(`${ref}~${n}`)) n++;
      nextSuffix.set(ref, n + 1);
      ref = `${ref}~${n}`;
    }
    used.add(ref);
    return ref;
  });
  return { refs, duplicates };
}
