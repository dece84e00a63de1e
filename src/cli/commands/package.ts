import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv from 'ajv';
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
  /** The appPackage folder (manifest.json, icons, schema subset). */
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

/** Replaces every `${{NAME}}`; fails listing all names that have no value. */
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
    throw new Error(`No value for ${[...missing].join(', ')} in appPackage/manifest.json. Set them in env/.env.<env>, env/.env.<env>.user or the environment.`);
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

/** Checks the manifest against appPackage/manifest.schema-subset.json; returns readable problems. */
export function validateManifest(manifest: unknown, schema: object): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
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
  const schema = JSON.parse(await readFile(path.join(appDir, 'manifest.schema-subset.json'), 'utf8')) as object;
  const problems = validateManifest(manifest, schema);
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
