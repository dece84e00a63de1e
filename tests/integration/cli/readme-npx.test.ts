import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { startEmulatorServer, type EmulatorServer } from '../../../src/emulator';
import { connect } from '../../../src/sharepoint/connect';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The shell lines of the README's CLI walkthrough, exactly as written there. */
function readmeWalkthrough(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- cli-walkthrough[^>]*-->\s*```sh\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no cli-walkthrough block');
  return block[1].split('\n').map((l) => l.trim()).filter(Boolean);
}

/**
 * A fresh copy of the project as a clone would have it: the tracked and not-ignored
 * files of the working tree (so uncommitted work is tested too), with the installed
 * node_modules linked in rather than installed again.
 */
function freshCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-clone-'));
  const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    try {
      cpSync(path.join(ROOT, file), path.join(dir, file));
    } catch {
      // A file deleted in the working tree but still tracked: a clone of the tree would not have it either.
    }
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Runs one README line through the shell, as a person would paste it. */
function sh(line: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // npm must not ask the registry for anything: `plan-tracker` is the project's own bin.
    const child = spawn('sh', ['-c', line], { cwd, env: { ...process.env, ...env, npm_config_offline: 'true', npm_config_update_notifier: 'false' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe("the README's CLI walkthrough, run through npx in a fresh copy", () => {
  let server: EmulatorServer;
  let copy: string;
  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, memory: true });
    copy = freshCopy();
  });
  afterAll(async () => {
    await server.close();
    rmSync(copy, { recursive: true, force: true });
  });

  it('has the four commands the issue names, each starting with npx plan-tracker', () => {
    expect(readmeWalkthrough()).toEqual([
      'npx plan-tracker --help',
      'npx plan-tracker provision',
      expect.stringMatching(/^npx plan-tracker import \S+ --dry-run$/),
      'npx plan-tracker remind --dry-run',
    ]);
  });

  it('prints help, provisions, shows an import without writing and shows the digests it would send', async () => {
    const [help, provision, importDryRun, remind] = readmeWalkthrough();
    const env = { SP_SITE_URL: server.siteUrl };

    const helped = await sh(help, copy, env);
    expect(helped).toMatchObject({ status: 0, stderr: '' });
    expect(helped.stdout).toContain('Usage: plan-tracker [options] [command]');
    for (const command of ['start', 'emulator', 'provision', 'import', 'remind', 'package', 'doctor']) expect(helped.stdout).toMatch(new RegExp(`^\\s+${command} `, 'm'));

    const provisioned = await sh(provision, copy, env);
    expect(provisioned).toMatchObject({ status: 0, stderr: '' });
    expect(provisioned.stdout).toContain(server.siteUrl);
    expect(provisioned.stdout).toMatch(/Created \d+, updated 0, already there \d+, problems 0\./);
    expect(provisioned.stdout).toContain("+ view 'Plan Items/Overdue'");

    const sp = connect(server.siteUrl, { kind: 'embedded' });
    const imported = await sh(importDryRun, copy, env);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/^Plan "[^"]+": \d+ actions, .*\(nothing written\)\./m);
    expect(await sp.web.lists.getByTitle('Plan Items').items.select('ID')()).toEqual([]);

    // A steering group with one overdue action, so the dry run has a digest to show.
    await sp.web.lists.getByTitle('Steering Groups').items.add({ Title: 'Equality Board', GroupKey: 'EQUALITY_BOARD' });
    await sp.web.lists.getByTitle('Plan Items').items.add({ Title: 'Publish the objectives', Plan: 'Test Plan', ActionRef: 'T1-1', SteeringGroup: 'Equality Board', DueDate: '2020-01-31T00:00:00Z', Status: 'In progress', RAG: 'Red' });
    const reminded = await sh(remind, copy, env);
    expect(reminded.status).toBe(0);
    expect(reminded.stderr).not.toContain('plan-tracker:');
    expect(reminded.stdout).toMatch(/^Equality Board \(\d{4}-\d{2}-\d{2}\): would send, 1 actions/m);
  }, 420_000);
});
