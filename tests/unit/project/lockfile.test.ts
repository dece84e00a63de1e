import { readFileSync } from 'node:fs';
import path from 'node:path';

type LockPackage = { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; hasInstallScript?: boolean };
const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; allowScripts: Record<string, boolean> };
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, LockPackage> };

/** Where npm would look for `name` from the package at `at` (its own node_modules, then the top level). */
const resolves = (at: string, name: string) => Boolean(lock.packages[at ? `${at}/node_modules/${name}` : `node_modules/${name}`] ?? lock.packages[`node_modules/${name}`]);

describe('package-lock.json (a fresh npm install leaves it unchanged on any machine)', () => {
  it('records exactly the dependencies package.json declares', () => {
    expect(lock.lockfileVersion).toBe(3);
    expect(lock.packages[''].dependencies).toEqual(pkg.dependencies);
    expect(lock.packages[''].devDependencies).toEqual(pkg.devDependencies);
  });

  it("records every platform's optional packages (esbuild, rolldown, swc… for Windows and macOS too), so no platform resolves differently", () => {
    const missing = Object.entries(lock.packages).flatMap(([at, entry]) => Object.keys(entry.optionalDependencies ?? {}).filter((name) => !resolves(at, name)).map((name) => `${at || '(root)'} → ${name}`));
    expect(missing).toEqual([]);
    expect(Object.keys(lock.packages).some((k) => /win32/.test(k)) && Object.keys(lock.packages).some((k) => /darwin/.test(k))).toBe(true);
  });

  it('declares in allowScripts every dependency that has an install script', () => {
    const withScripts = Object.entries(lock.packages).filter(([, entry]) => entry.hasInstallScript).map(([at]) => at.replace(/^.*node_modules\//, ''));
    expect(withScripts.filter((name) => !(name in pkg.allowScripts))).toEqual([]);
  });
});
