import { mkdtemp, readFile, rm, writeFile, copyFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { buildAppPackage, pngSize, substitute } from '../../../src/cli/commands/package';
import { PROJECT_ROOT } from '../../../src/tab/build-tab';

const APP_DIR = path.join(PROJECT_ROOT, 'appPackage');

let work: string;
beforeEach(async () => { work = await mkdtemp(path.join(os.tmpdir(), 'app-package-')); });
afterEach(async () => { await rm(work, { recursive: true, force: true }); });

/** A copy of appPackage/ (so a test can break an icon without touching the real one). */
async function copyAppPackage(): Promise<string> {
  const dir = path.join(work, 'appPackage');
  await mkdir(dir);
  for (const file of ['manifest.json', 'manifest.schema-subset.json', 'color.png', 'outline.png']) await copyFile(path.join(APP_DIR, file), path.join(dir, file));
  return dir;
}

describe('the Teams app package', () => {
  it('fills every ${{VAR}} from env/.env.local, validates, and zips manifest and icons', async () => {
    const out = path.join(work, 'plan-tracker.zip');
    const result = await buildAppPackage({ out, overrides: { TAB_ENDPOINT: 'https://tab.contoso.example', TAB_DOMAIN: 'tab.contoso.example' } });
    const zip = await JSZip.loadAsync(await readFile(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const text = await zip.file('manifest.json')!.async('string');
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(text);
    expect(manifest.staticTabs[0].contentUrl).toBe('https://tab.contoso.example/tab/');
    expect(manifest.validDomains).toEqual(['tab.contoso.example']);
    expect(manifest.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.variables).toContain('AAD_APP_CLIENT_ID');
    expect(pngSize(await zip.file('color.png')!.async('uint8array'))).toEqual({ width: 192, height: 192 });
    expect(pngSize(await zip.file('outline.png')!.async('uint8array'))).toEqual({ width: 32, height: 32 });
  });

  it('names every variable that has no value', async () => {
    const envDir = path.join(work, 'env');
    await mkdir(envDir);
    await writeFile(path.join(envDir, '.env.dev'), 'TEAMS_APP_ID=5d4f6a0e-2b7c-4a43-9e1d-7c3b8f1a2e60\n');
    await expect(buildAppPackage({ env: 'dev', envDir, out: path.join(work, 'x.zip'), overrides: {} }))
      .rejects.toThrow(/No value for .*TAB_ENDPOINT.*AAD_APP_CLIENT_ID|No value for .*AAD_APP_CLIENT_ID.*TAB_ENDPOINT/);
  });

  it('refuses a manifest the schema subset rejects (plain-http tab, bad id) and icons of the wrong size', async () => {
    const appPackageDir = await copyAppPackage();
    await copyFile(path.join(appPackageDir, 'outline.png'), path.join(appPackageDir, 'color.png'));
    const attempt = buildAppPackage({ appPackageDir, out: path.join(work, 'x.zip'), overrides: { TAB_ENDPOINT: 'http://insecure.example', TEAMS_APP_ID: 'not-a-guid' } });
    await expect(attempt).rejects.toThrow(/staticTabs\/0\/contentUrl/);
    await expect(buildAppPackage({ appPackageDir, out: path.join(work, 'x.zip'), overrides: { TAB_ENDPOINT: 'http://insecure.example', TEAMS_APP_ID: 'not-a-guid' } }))
      .rejects.toThrow(/\/id must match pattern[\s\S]*color\.png is 32x32; Teams needs 192x192/);
  });

  it('escapes values so they cannot break out of their JSON string', () => {
    const { text } = substitute('{"name":"${{NAME}}"}', { NAME: 'A "quoted" \\ name' });
    expect(JSON.parse(text)).toEqual({ name: 'A "quoted" \\ name' });
  });
});
