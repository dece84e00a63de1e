import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureTabBuilt, PROJECT_ROOT } from '../src/tab/build-tab';

type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Gzipped size (level 9, as a server would send it) of one built file. */
async function gzipped(distDir: string, file: string): Promise<{ raw: number; gzip: number }> {
  const bytes = await readFile(path.join(distDir, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/**
 * The tab's initial JavaScript: the entry chunk and every chunk it imports statically,
 * from Vite's build manifest. Lazy chunks (update panel, MSAL, teams-js outside Teams…)
 * are reported apart. Target: initial ≤ 200 KB gzipped.
 */
export async function benchTabBundle(): Promise<Record<string, number>> {
  await ensureTabBuilt();
  const distDir = path.join(PROJECT_ROOT, 'dist', 'tab');
  const manifest = JSON.parse(await readFile(path.join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key) || !manifest[key]) return;
    initial.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

  let initialRaw = 0;
  let initialGzip = 0;
  let lazyGzip = 0;
  const files = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.file.endsWith('.js') || files.has(chunk.file)) continue;
    files.add(chunk.file);
    const size = await gzipped(distDir, chunk.file);
    if (initial.has(key)) { initialRaw += size.raw; initialGzip += size.gzip; } else lazyGzip += size.gzip;
  }
  const naa = Object.values(manifest).find((c) => c.file.includes('/naa-'));
  return {
    'initial-js-gzip-kb': kb(initialGzip),
    'initial-js-raw-kb': kb(initialRaw),
    'initial-js-chunks': [...initial].filter((k) => manifest[k].file.endsWith('.js')).length,
    'lazy-js-gzip-kb': kb(lazyGzip),
    'msal-lazy-gzip-kb': naa ? kb((await gzipped(distDir, naa.file)).gzip) : 0,
  };
}

if (require.main === module) {
  benchTabBundle().then((result) => console.log(JSON.stringify(result, null, 2)), (error: unknown) => { console.error(error); process.exit(1); });
}
