import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulatorServer } from '../../../src/emulator/node-server';
import { connect } from '../../../src/sharepoint/connect';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';

const ROOT = path.resolve(__dirname, '../../..');

/** Runs `plan-tracker emulator …` through the command module alone (main.ts wires every module the same way). */
function runEmulatorCommand(args: string[]) {
  const script = [
    "require('tsx/cjs');",
    "const { Command } = require('commander');",
    "const program = new Command('plan-tracker');",
    "require('./src/cli/commands/emulator.ts').register(program);",
    "program.parseAsync(['node', 'plan-tracker', 'emulator', ...JSON.parse(process.argv[1])]).catch((e) => { console.error(e.message); process.exit(1); });",
  ].join('\n');
  return spawn(process.execPath, ['-e', script, JSON.stringify(args)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('plan-tracker emulator', () => {
  it('prints one line with the site URL once it accepts requests, and stops on SIGTERM', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-cli-'));
    const usersFile = path.join(dir, 'users.csv');
    fs.writeFileSync(usersFile, 'name,email\n"Godman, Sharon",sharon.godman@contoso.example\n');
    const child = runEmulatorCommand(['--port', '0', '--memory', '--users', usersFile, '--threshold', '10', '--faults', '429:0', '--latency', '0']);
    try {
      let out = '';
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
      });
      expect(line).toMatch(/^Embedded SharePoint at http:\/\/127\.0\.0\.1:\d+\/sites\/plans$/);
      const siteUrl = line.replace('Embedded SharePoint at ', '');
      const me = await connect(siteUrl, { kind: 'embedded' }).web.currentUser();
      expect(me.Title).toBe('Godman, Sharon');
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out.trim().split('\n')).toHaveLength(1);
      expect(err).toMatch(/X-PlanTracker-Emulator-Token: \S+/);
    } finally {
      // A failed assertion must not leave the server running.
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('refuses --data together with --memory, saying what to do', async () => {
    const child = runEmulatorCommand(['--port', '0', '--memory', '--data', '/tmp/x']);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('either --data <dir> or --memory');
  }, 30_000);
});

describe('embedded SharePoint storage in a data folder', () => {
  it('keeps lists and items across restarts, and never reuses a deleted item\'s id', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-data-'));
    try {
      const first = await startEmulatorServer({ port: 0, data: dir });
      const sp = connect(first.siteUrl, { kind: 'embedded' });
      await sp.web.lists.add('Plan Items');
      await sp.web.lists.getByTitle('Plan Items').items.add({ Title: 'one' });
      const two = await sp.web.lists.getByTitle('Plan Items').items.add({ Title: 'two' });
      await sp.web.lists.getByTitle('Plan Items').items.getById(two.Id).delete();
      await first.close();
      expect(fs.existsSync(path.join(dir, 'site.sqlite'))).toBe(true);

      const second = await startEmulatorServer({ port: 0, data: dir });
      const again = connect(second.siteUrl, { kind: 'embedded' });
      const rows = (await again.web.lists.getByTitle('Plan Items').items.select('ID', 'Title')()) as { ID: number; Title: string }[];
      expect(rows.map(({ ID, Title }) => ({ ID, Title }))).toEqual([{ ID: 1, Title: 'one' }]);
      const three = await again.web.lists.getByTitle('Plan Items').items.add({ Title: 'three' });
      expect(three.Id).toBe(3);
      await second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
