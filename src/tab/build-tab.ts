import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** The project root, found from this file (src/tab/). */
import { PROJECT_ROOT } from '../project-root';

export { PROJECT_ROOT };

/** What the built tab depends on: if any is newer than dist/tab/index.html, rebuild. */
const SOURCES = ['src/tab', 'src/domain', 'src/sharepoint', 'vite.config.ts', 'package.json'];

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target)) {
    newest = Math.max(newest, await newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Where the tab is built: dist/tab, or PLAN_TRACKER_TAB_DIST when set (parallel work, each with its own build). */
export function tabDistDir(root: string = PROJECT_ROOT): string {
  return path.resolve(root, process.env.PLAN_TRACKER_TAB_DIST ?? path.join('dist', 'tab'));
}

/** Whether the built tab is missing or older than its sources. */
export async function tabBuildIsStale(root: string = PROJECT_ROOT): Promise<boolean> {
  const built = await stat(path.join(tabDistDir(root), 'index.html')).catch(() => null);
  if (!built) return true;
  for (const source of SOURCES) {
    if ((await newestMtime(path.join(root, source))) > built.mtimeMs) return true;
  }
  return false;
}

/** Runs `vite build` (the same as `npm run build`), failing with Vite's output. */
export function buildTab(root: string = PROJECT_ROOT, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
      // Jest sets NODE_ENV=test, which Vite would pass on to React: a development build,
      // twice the size and slower. What the tests and benchmarks load is what ships.
      cwd: root, env: { ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => { output += String(chunk); });
    child.stderr.on('data', (chunk) => { output += String(chunk); });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code}):\n${output}`))));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the tab unless dist/tab is up to date. Parallel callers (Jest workers, `npm start`
 * twice) take a directory lock, so only one builds and the others wait for it.
 */
export async function ensureTabBuilt(root: string = PROJECT_ROOT): Promise<{ built: boolean }> {
  const lock = `${tabDistDir(root)}.build.lock`;
  await mkdir(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const info = await stat(lock).catch(() => null);
      // A lock older than the deadline was left by a crashed build.
      if (info && Date.now() - info.mtimeMs > 5 * 60_000) await rm(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for another tab build (${lock}).`);
      await sleep(250);
    }
  }
  try {
    if (!(await tabBuildIsStale(root))) return { built: false };
    await buildTab(root);
    return { built: true };
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
