import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { groupSlug, parseDotenv, webhookEnvName, webhooksFromEnvironment, webhooksToSink, WEBHOOK_FILE } from '../../../src/reminders/webhook-config';

describe('webhook configuration', () => {
  it('names a group\'s variable from its slug', () => {
    expect(groupSlug('Equality Board')).toBe('EQUALITY_BOARD');
    expect(groupSlug("  Children's Services – Scrutiny ")).toBe('CHILDRENS_SERVICES_SCRUTINY');
    expect(webhookEnvName('Équipe 2')).toBe('PLAN_TRACKER_WEBHOOK_EQUIPE_2');
  });

  it('reads the environment first, then the ignored file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'webhooks-'));
    fs.writeFileSync(path.join(dir, WEBHOOK_FILE), '# local webhooks\nPLAN_TRACKER_WEBHOOK_EQUALITY_BOARD="https://file.example/a"\nPLAN_TRACKER_WEBHOOK_FINANCE=https://file.example/b\n');
    const resolve = webhooksFromEnvironment({ PLAN_TRACKER_WEBHOOK_FINANCE: 'https://env.example/b' }, dir);
    expect(resolve('Equality Board')).toBe('https://file.example/a');
    expect(resolve('Finance')).toBe('https://env.example/b');
    expect(resolve('Unknown Group')).toBeNull();
  });

  it('keeps the webhook file out of git', () => {
    // .gitignore ignores `.env.*.user`; the file name must match that pattern.
    expect(WEBHOOK_FILE).toMatch(/^\.env\..+\.user$/);
  });

  it('parses dotenv lines', () => {
    expect(parseDotenv("A=1\n  # comment\nexport B='two words'\n\nC = \"x=y\"")).toEqual({ A: '1', B: 'two words', C: 'x=y' });
  });

  it('points every group at the local sink in local mode', () => {
    expect(webhooksToSink('http://127.0.0.1:4321/')('Equality Board')).toBe('http://127.0.0.1:4321/_sink/webhooks/Equality%20Board');
  });
});
