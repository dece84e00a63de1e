import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'plan-tracker.cjs');

/** Runs the CLI to completion. */
function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
}

/** Starts `plan-tracker emulator` and resolves with the site URL from the one line it prints. */
function startEmulator(): Promise<{ child: ChildProcess; siteUrl: string; firstLine: string }> {
  const child = spawn(process.execPath, [BIN, 'emulator', '--port', '0', '--memory'], { cwd: ROOT });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      const match = out.includes('\n') ? line.match(/http:\/\/127\.0\.0\.1:\d+\/sites\/plans/) : null;
      if (match) resolve({ child, siteUrl: match[0], firstLine: line });
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
  });
}

describe('plan-tracker CLI', () => {
  it('lists every command in --help', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    for (const command of ['start', 'emulator', 'provision', 'import', 'remind', 'package', 'doctor']) expect(result.stdout).toContain(command);
  });

  it('gives each command its own --help', async () => {
    const commands = ['start', 'emulator', 'provision', 'import', 'remind', 'package', 'doctor'];
    const helps = await Promise.all(commands.map((command) => promisify(execFile)(process.execPath, [BIN, command, '--help'], { cwd: ROOT })));
    helps.forEach(({ stdout }, i) => expect(stdout).toContain(`Usage: plan-tracker ${commands[i]}`));
  });

  it('starts the emulator, which prints the site URL once and accepts requests; provision then creates the four lists', async () => {
    const { child, siteUrl, firstLine } = await startEmulator();
    try {
      expect(firstLine).toContain(siteUrl);
      const provisioned = run(['provision', '--site', siteUrl]);
      expect(provisioned.stderr).toBe('');
      expect(provisioned.status).toBe(0);
      const again = run(['provision', '--site', siteUrl, '--json']);
      expect(JSON.parse(again.stdout)).toMatchObject({ created: [], problems: [] });
      const response = await fetch(`${siteUrl}/_api/web/lists?$select=Title`, { headers: { Accept: 'application/json;odata=nometadata' } });
      const body = (await response.json()) as { value: { Title: string }[] };
      expect(body.value.map((l) => l.Title).sort()).toEqual(['Owner Aliases', 'Plan Items', 'Plans', 'Progress Updates', 'Reminder Log', 'Steering Groups']);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('says what to do when the site is not reachable', () => {
    const result = run(['provision', '--site', 'http://127.0.0.1:9/sites/plans']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/plan-tracker: /);
  });
});
