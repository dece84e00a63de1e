import Papa from 'papaparse';
import { ImportError } from './table';

import { ownerKey } from '../domain/owner-matching';

// The one rule for comparing owner texts lives with the matching rules; importers use it from here too.
export { ownerKey };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An owners file (CSV: owner text as the plan writes it, then an email) → owner key → email.
 * A first row naming the columns ("owner,email") is skipped. Any bad row fails the whole
 * file, listing every bad row, so nothing is imported with half the owners resolved.
 */
export function parseOwnersCsv(text: string, source = 'owners file'): Map<string, string> {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const owners = new Map<string, string>();
  const problems: string[] = [];
  rows.forEach((cells, i) => {
    const [owner = '', email = ''] = cells.map((c) => String(c).trim());
    if (i === 0 && /owner|name/i.test(owner) && /e-?mail/i.test(email)) return;
    if (!owner || !EMAIL.test(email)) problems.push(`row ${i + 1} ("${cells.join(',')}")`);
    else owners.set(ownerKey(owner), email);
  });
  if (problems.length) {
    throw new ImportError(`${source}: ${problems.length} row(s) are not "owner text,email": ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}. Fix them and run the import again.`);
  }
  return owners;
}
