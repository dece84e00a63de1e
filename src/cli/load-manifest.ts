import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { parseListsManifest, type ListsManifest } from '../sharepoint/schema';

export { PROJECT_ROOT };

/** Reads and validates manifest/lists.json (or another file an admin customised). */
export function loadListsManifest(file = path.join(PROJECT_ROOT, 'manifest', 'lists.json')): ListsManifest {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the lists manifest ${file}: ${(error as Error).message}`);
  }
  return parseListsManifest(json, file);
}
