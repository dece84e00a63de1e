import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
// Microsoft's Teams schemas are JSON Schema draft-04, which ajv 8 reads only through ajv-draft-04 (what @microsoft/app-manifest itself uses).
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Command } from 'commander';
import JSZip from 'jszip';
import { PROJECT_ROOT } from '../../project-root';
import { parseDotenv } from '../../reminders/webhook-config';


/** Icons Teams requires, with the sizes it checks. */
const ICONS = { 'color.png': 192, 'outline.png': 32 } as const;

export type AppPackageOptions = {
  /** Which env/.env.<name> file to read (Teams Toolkit style); `local` by default. */
  env?: string;
  /** The appPackage folder (manifest.json and icons). */
  appPackageDir?: string;
  /** The folder holding the .env files. */
  envDir?: string;
  /** Where to write the zip. */
  out?: string;
  /** Values that win over the files (the process environment, by default). */
  overrides?: Record<string, string | undefined>;
};

export type AppPackageResult = { zipPath: string; manifest: Record<string, unknown>; variables: string[] };

/** The values of env/.env.<env> with env/.env.<env>.user over them (Teams Toolkit's layout). */
export async function readEnvFiles(env: string, envDir = path.join(PROJECT_ROOT, 'env')): Promise<Record<string, string>> {
  const read = (file: string) => readFile(path.join(envDir, file), 'utf8').then(parseDotenv, () => ({}));
  // Secrets and personal values live in the ignored .user file, which wins over the committed one.
  return { ...(await read(`.env.${env}`)), ...(await read(`.env.${env}.user`)) };
}

/** Where each `${{NAME}}` of a JSON template is used: NAME → JSON pointers (`/staticTabs/0/contentUrl`). */
export function placeholderFields(template: string): Map<string, string[]> {
  const where = new Map<string, string[]>();
  const walk = (value: unknown, at: string): void => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)) where.set(m[1], [...(where.get(m[1]) ?? []), at || '/']);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}/${i}`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${at}/${k}`);
  };
  try {
    walk(JSON.parse(template), '');
  } catch {
    // Not JSON: the names alone are reported.
  }
  return where;
}

/** Replaces every `${{NAME}}`; fails listing all names that have no value, and the fields that use them. */
export function substitute(template: string, values: Record<string, string | undefined>): { text: string; used: string[] } {
  const missing = new Set<string>();
  const used = new Set<string>();
  const text = template.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) { missing.add(name); return ''; }
    used.add(name);
    // The value lands inside a JSON string: escape it as one.
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size > 0) {
    const where = placeholderFields(template);
    const named = [...missing].map((name) => (where.has(name) ? `${name} (used by ${where.get(name)!.join(', ')})` : name));
    throw new Error(`No value for ${named.join('; ')} in appPackage/manifest.json. Set them in env/.env.<env>, env/.env.<env>.user or the environment.`);
  }
  return { text, used: [...used].sort() };
}

/** Width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * The JSON schema Microsoft ships in `@microsoft/app-manifest` for a manifest version
 * ("1.30" → `json-schemas/teams/v1.30/MicrosoftTeams.schema.json`).
 */
export async function bundledTeamsSchema(manifestVersion: string): Promise<object> {
  const resolve = createRequire(path.join(PROJECT_ROOT, 'package.json')).resolve;
  const root = path.dirname(resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(root, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new Error(`@microsoft/app-manifest has no schema for manifestVersion '${manifestVersion}' (looked for ${file}). Use a version it ships, or update the package.`);
  });
  return JSON.parse(text) as object;
}

/**
 * Checks the manifest against Microsoft's schema (draft-04, validated the way
 * @microsoft/app-manifest validates: every error, loose type checks), and that every URL
 * is HTTPS — Teams loads only HTTPS pages, though the schema's `anyHttpUrl` allows http.
 * Each problem names the field (`/staticTabs/0/contentUrl …`).
 */
export function validateManifest(manifest: unknown, schema: object): string[] {
  const ajv = new Ajv04({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  const problems = validate(manifest)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
  return [...problems, ...insecureUrls(manifest)];
}

/** `/developer/websiteUrl must use HTTPS …` for every string under a key ending in `Url` that is not https. */
function insecureUrls(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => insecureUrls(v, `${at}/${i}`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    typeof v === 'string' && /Url$/.test(key) && !/^https:\/\//i.test(v)
      ? [`${at}/${key} must use HTTPS (Teams loads only https:// pages), found '${v}'`]
      : insecureUrls(v, `${at}/${key}`),
  );
}

/**
 * Builds the Teams app package: the manifest with its `${{VAR}}` placeholders filled from
 * env/.env.<env> (+ .user + environment), validated, zipped with the two icons.
 */
export async function buildAppPackage(options: AppPackageOptions = {}): Promise<AppPackageResult> {
  const env = options.env ?? 'local';
  const appDir = options.appPackageDir ?? path.join(PROJECT_ROOT, 'appPackage');
  const envDir = options.envDir ?? path.join(PROJECT_ROOT, 'env');
  const zipPath = options.out ?? path.join(appDir, 'build', 'plan-tracker.zip');
  const overrides = options.overrides ?? process.env;

  const fromFiles = await readEnvFiles(env, envDir);
  const template = await readFile(path.join(appDir, 'manifest.json'), 'utf8');
  const names = [...template.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]);
  const values: Record<string, string | undefined> = {};
  for (const name of names) values[name] = overrides[name] ?? fromFiles[name];
  const { text, used } = substitute(template, values);

  const manifest = JSON.parse(text) as Record<string, unknown>;
  const schema = await bundledTeamsSchema(String(manifest.manifestVersion));
  const problems = validateManifest(manifest, schema);
  // A variable left blank shows up as bad fields; say which variable to fill, first.
  const where = placeholderFields(template);
  const blanks = used.filter((name) => values[name]?.trim() === '' && (where.get(name) ?? []).some((field) => problems.some((p) => p.startsWith(`${field} `))));
  problems.unshift(...blanks.map((name) => `${name} is blank (it fills ${where.get(name)!.join(', ')}): set it in env/.env.${env}, env/.env.${env}.user or the environment`));
  const icons = new Map<string, Buffer>();
  for (const [file, side] of Object.entries(ICONS)) {
    const bytes = await readFile(path.join(appDir, file)).catch(() => null);
    const size = bytes && pngSize(bytes);
    if (!bytes || !size) problems.push(`${file} is missing or not a PNG (run node appPackage/make-icons.cjs)`);
    else if (size.width !== side || size.height !== side) problems.push(`${file} is ${size.width}x${size.height}; Teams needs ${side}x${side}`);
    else icons.set(file, bytes);
  }
  if (problems.length > 0) {
    throw new Error(`The Teams app manifest for env '${env}' is not valid:\n  - ${problems.join('\n  - ')}`);
  }

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [file, bytes] of icons) zip.file(file, bytes);
  await mkdir(path.dirname(zipPath), { recursive: true });
  await writeFile(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  await writeFile(path.join(path.dirname(zipPath), `manifest.${env}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
  return { zipPath, manifest, variables: used };
}

/** `plan-tracker package`: builds appPackage/build/plan-tracker.zip for Teams sideloading. */
export function register(program: Command): void {
  program
    .command('package')
    .description('Build the Teams app package (appPackage/build/plan-tracker.zip) from appPackage/manifest.json and env/.env.<env>')
    .option('--env <name>', 'environment file to use (env/.env.<name>)', 'local')
    .option('--out <file>', 'where to write the zip')
    .action(async (opts: { env: string; out?: string }) => {
      const result = await buildAppPackage({ env: opts.env, out: opts.out ? path.resolve(opts.out) : undefined });
      console.log(`Wrote ${path.relative(process.cwd(), result.zipPath) || result.zipPath} (manifest ${String(result.manifest.version)}, variables: ${result.variables.join(', ')}).`);
      console.log('Upload it in Teams: Apps → Manage your apps → Upload an app.');
    });
}
