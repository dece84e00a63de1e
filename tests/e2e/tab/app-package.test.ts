import { mkdtemp, readFile, readdir, rm, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { buildAppPackage, bundledTeamsSchema, pngSize, substitute, validateManifest } from '../../../src/cli/commands/package';
import { PROJECT_ROOT } from '../../../src/tab/build-tab';

const APP_DIR = path.join(PROJECT_ROOT, 'appPackage');
const TENANT = { TAB_ENDPOINT: 'https://tab.contoso.example', TAB_DOMAIN: 'tab.contoso.example' };

let work: string;
beforeEach(async () => { work = await mkdtemp(path.join(os.tmpdir(), 'app-package-')); });
afterEach(async () => { await rm(work, { recursive: true, force: true }); });

/** A copy of appPackage/ (so a test can break an icon without touching the real one). */
async function copyAppPackage(): Promise<string> {
  const dir = path.join(work, 'appPackage');
  await mkdir(dir);
  for (const file of ['manifest.json', 'color.png', 'outline.png']) await copyFile(path.join(APP_DIR, file), path.join(dir, file));
  return dir;
}

/** The package's error for a build with these values over env/.env.local. */
async function failureWith(overrides: Record<string, string>): Promise<string> {
  try {
    await buildAppPackage({ out: path.join(work, 'x.zip'), overrides: { ...TENANT, ...overrides } });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the package was built');
}

/** RGBA pixels of a PNG as make-icons.cjs writes it (8-bit RGBA, filter 0 on every row). */
function rgba(bytes: Uint8Array): { size: number; at(x: number, y: number): number[] } {
  const size = pngSize(bytes)!.width;
  const view = Buffer.from(bytes);
  const idat: Buffer[] = [];
  for (let offset = 8; offset < view.length;) {
    const length = view.readUInt32BE(offset);
    if (view.toString('ascii', offset + 4, offset + 8) === 'IDAT') idat.push(view.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = 1 + size * 4;
  for (let y = 0; y < size; y++) expect(raw[y * stride]).toBe(0);
  return { size, at: (x, y) => [...raw.subarray(y * stride + 1 + x * 4, y * stride + 5 + x * 4)] };
}

/** The smallest box holding every pixel `paint` picks: [left, top, right, bottom] inclusive. */
function boundsOf(image: ReturnType<typeof rgba>, paint: (px: number[]) => boolean): number[] {
  const box = [image.size, image.size, -1, -1];
  for (let y = 0; y < image.size; y++) for (let x = 0; x < image.size; x++) {
    if (!paint(image.at(x, y))) continue;
    box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y); box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y);
  }
  return box;
}

describe('the Teams app package', () => {
  it('declares the newest manifest version @microsoft/app-manifest ships a schema for, and no deprecated permissions', async () => {
    const root = path.dirname(createRequire(path.join(PROJECT_ROOT, 'package.json')).resolve('@microsoft/app-manifest/package.json'));
    const versions = (await readdir(path.join(root, 'build', 'json-schemas', 'teams'))).filter((v) => /^v\d+\.\d+$/.test(v)).map((v) => v.slice(1));
    const newest = versions.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).pop();
    const template = JSON.parse(await readFile(path.join(APP_DIR, 'manifest.json'), 'utf8'));
    expect(template.manifestVersion).toBe(newest);
    expect(template.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
    expect(template).not.toHaveProperty('permissions');
  });

  it('fills every ${{VAR}} from env/.env.local and builds a package valid against the bundled schema, with a personal tab and a team/group-chat tab', async () => {
    const out = path.join(work, 'plan-tracker.zip');
    const result = await buildAppPackage({ out, overrides: TENANT });
    const zip = await JSZip.loadAsync(await readFile(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const text = await zip.file('manifest.json')!.async('string');
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(text);
    expect(validateManifest(manifest, await bundledTeamsSchema(manifest.manifestVersion))).toEqual([]);
    expect(manifest.staticTabs[0]).toMatchObject({ contentUrl: 'https://tab.contoso.example/tab/', scopes: ['personal'] });
    expect(manifest.configurableTabs).toEqual([expect.objectContaining({ configurationUrl: 'https://tab.contoso.example/tab/?page=config', scopes: ['team', 'groupChat'], canUpdateConfiguration: true })]);
    expect(manifest.validDomains).toEqual(['tab.contoso.example']);
    expect(manifest.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.variables).toContain('AAD_APP_CLIENT_ID');
    expect(pngSize(await zip.file('color.png')!.async('uint8array'))).toEqual({ width: 192, height: 192 });
    expect(pngSize(await zip.file('outline.png')!.async('uint8array'))).toEqual({ width: 32, height: 32 });
  });

  it('the bundled schema itself refuses what Teams refuses (so the check is real): an unknown property', async () => {
    const good = (await buildAppPackage({ out: path.join(work, 'y.zip'), overrides: TENANT })).manifest;
    const schema = await bundledTeamsSchema(String(good.manifestVersion));
    expect(validateManifest({ ...good, tabs: [] }, schema)).toEqual(['(root) must NOT have additional properties (tabs)']);
  });

  it('names every variable that has no value, and the fields that use it', async () => {
    const envDir = path.join(work, 'env');
    await mkdir(envDir);
    await writeFile(path.join(envDir, '.env.dev'), 'TEAMS_APP_ID=5d4f6a0e-2b7c-4a43-9e1d-7c3b8f1a2e60\n');
    const attempt = buildAppPackage({ env: 'dev', envDir, out: path.join(work, 'x.zip'), overrides: {} });
    await expect(attempt).rejects.toThrow(/No value for .*TAB_ENDPOINT \(used by \/developer\/websiteUrl, \/staticTabs\/0\/contentUrl, \/staticTabs\/0\/websiteUrl, \/configurableTabs\/0\/configurationUrl\)/);
    await expect(buildAppPackage({ env: 'dev', envDir, out: path.join(work, 'x.zip'), overrides: {} })).rejects.toThrow(/AAD_APP_CLIENT_ID \(used by \/webApplicationInfo\/id, \/webApplicationInfo\/resource\)/);
  });

  it('refuses a short name over 30 characters, naming the field', async () => {
    expect(await failureWith({ APP_NAME_SUFFIX: ' for the Borough Council' })).toMatch(/\/name\/short must NOT have more than 30 characters/);
  });

  it('refuses a URL that is not HTTPS, naming each field', async () => {
    const message = await failureWith({ TAB_ENDPOINT: 'http://insecure.example' });
    for (const field of ['/developer/websiteUrl', '/staticTabs/0/contentUrl', '/configurableTabs/0/configurationUrl']) {
      expect(message).toContain(`${field} must use HTTPS (Teams loads only https:// pages), found 'http://insecure.example`);
    }
  });

  it('refuses an app id that is not a GUID and icons of the wrong size', async () => {
    const appPackageDir = await copyAppPackage();
    await copyFile(path.join(appPackageDir, 'outline.png'), path.join(appPackageDir, 'color.png'));
    await expect(buildAppPackage({ appPackageDir, out: path.join(work, 'x.zip'), overrides: { ...TENANT, TEAMS_APP_ID: 'not-a-guid' } }))
      .rejects.toThrow(/\/id must match pattern[\s\S]*color\.png is 32x32; Teams needs 192x192/);
  });

  it('draws the icons to the store guidance: a 96x96 symbol centred in the colour icon; a white outline on transparent that fills its 32x32', async () => {
    const color = rgba(await readFile(path.join(APP_DIR, 'color.png')));
    const background = color.at(0, 0);
    expect(background[3]).toBe(255);
    expect(boundsOf(color, (px) => px.join() !== background.join())).toEqual([48, 48, 143, 143]);

    const outline = rgba(await readFile(path.join(APP_DIR, 'outline.png')));
    for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) expect(['255,255,255,255', '0,0,0,0']).toContain(outline.at(x, y).join());
    expect(boundsOf(outline, (px) => px[3] > 0)).toEqual([0, 0, 31, 31]);
  });

  it('gives the Agents Toolkit every variable it uses: each env file declares what manifest.json and m365agents.yml read', async () => {
    const used = (text: string) => new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]));
    const needed = new Set([...used(await readFile(path.join(APP_DIR, 'manifest.json'), 'utf8')), ...used(await readFile(path.join(PROJECT_ROOT, 'm365agents.yml'), 'utf8'))]);
    const yml = await readFile(path.join(PROJECT_ROOT, 'm365agents.yml'), 'utf8');
    for (const stage of ['provision:', 'deploy:', 'publish:']) expect(yml).toMatch(new RegExp(`^${stage}`, 'm'));
    for (const action of ['teamsApp/create', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/publishAppPackage']) expect(yml).toContain(`uses: ${action}`);
    for (const env of ['local', 'dev']) {
      const declared = new Set([...(await readFile(path.join(PROJECT_ROOT, 'env', `.env.${env}`), 'utf8')).matchAll(/^([A-Z_][A-Z0-9_]*)=/gm)].map((m) => m[1]));
      expect({ env, missing: [...needed].filter((name) => !declared.has(name)) }).toEqual({ env, missing: [] });
    }
  });

  it('a blank value in env/.env.dev fails naming the variable and the fields it fills', async () => {
    const message = await buildAppPackage({ env: 'dev', out: path.join(work, 'x.zip'), overrides: {} }).then(() => 'built', (e: Error) => e.message);
    expect(message).toMatch(/^The Teams app manifest for env 'dev' is not valid:\n {2}- AAD_APP_CLIENT_ID is blank/);
    expect(message).toContain('  - TAB_ENDPOINT is blank (it fills /developer/websiteUrl, /staticTabs/0/contentUrl, /staticTabs/0/websiteUrl, /configurableTabs/0/configurationUrl): set it in env/.env.dev, env/.env.dev.user or the environment');
    expect(message).toContain('TEAMS_APP_ID is blank (it fills /id)');
    expect(message).toContain('/id must match pattern');
    expect(message).toContain("/staticTabs/0/contentUrl must use HTTPS (Teams loads only https:// pages), found '/tab/'");
  });

  it('escapes values so they cannot break out of their JSON string', () => {
    const { text } = substitute('{"name":"${{NAME}}"}', { NAME: 'A "quoted" \\ name' });
    expect(JSON.parse(text)).toEqual({ name: 'A "quoted" \\ name' });
  });
});
