import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  canonicalKey, checkWebhookSettings, groupSlug, newGroupKey, parseDotenv, webhookEnvName, webhooksFromEnvironment, webhooksToSink, WEBHOOK_FILE,
} from '../../../src/reminders/webhook-config';

describe('webhook configuration', () => {
  it('names a group\'s variable from its key', () => {
    expect(groupSlug('Equality Board')).toBe('EQUALITY_BOARD');
    expect(groupSlug("  Children's Services – Scrutiny ")).toBe('CHILDRENS_SERVICES_SCRUTINY');
    expect(webhookEnvName('equality-board')).toBe('PLAN_TRACKER_WEBHOOK_EQUALITY_BOARD');
    expect(canonicalKey(' Équipe 2 ')).toBe('EQUIPE_2');
  });

  it('gives every group a key of its own, non-Latin names included', () => {
    expect(newGroupKey('Équipe 2')).toBe('EQUIPE_2');
    expect(newGroupKey('Equality-Board', ['EQUALITY_BOARD'])).toBe('EQUALITY_BOARD_2');
    expect(newGroupKey('Equality Board', ['EQUALITY_BOARD', 'EQUALITY_BOARD_2'])).toBe('EQUALITY_BOARD_3');
    const arabic = newGroupKey('لجنة المساواة');
    const chinese = newGroupKey('平等委员会');
    expect(arabic).toMatch(/^G_[0-9A-Z]{6}$/);
    expect(chinese).toMatch(/^G_[0-9A-Z]{6}$/);
    expect(arabic).not.toBe(chinese);
    // Stable: the same name gives the same key on every machine and run.
    expect(newGroupKey('平等委员会')).toBe(chinese);
    // A name partly in another script keeps its Latin part and is told apart from the Latin name alone.
    expect(newGroupKey('Board 委员会')).toMatch(/^BOARD_[0-9A-Z]{6}$/);
    expect(newGroupKey('A'.repeat(80)).length).toBeLessThanOrEqual(40);
  });

  it('reports settings no group matches, keys two groups share and groups with no setting', () => {
    const problems = checkWebhookSettings(
      [{ key: 'EQUALITY_BOARD', name: 'Equality Board' }, { key: 'equality-board', name: 'Equality-Board' }, { key: 'FINANCE', name: 'Finance' }, { key: 'AUDIT', name: 'Audit' }],
      ['PLAN_TRACKER_WEBHOOK_EQUALITY_BOARD', 'PLAN_TRACKER_WEBHOOK_FINANCE', 'PLAN_TRACKER_WEBHOOK_FINANCE_COMMITTEE', 'PLAN_TRACKER_WEBHOOK_', 'PATH'],
    );
    expect(problems.map((p) => [p.kind, p.setting])).toEqual([
      ['unmatched', 'PLAN_TRACKER_WEBHOOK_'],
      ['unmatched', 'PLAN_TRACKER_WEBHOOK_FINANCE_COMMITTEE'],
      ['missing', 'PLAN_TRACKER_WEBHOOK_AUDIT'],
      ['ambiguous', 'PLAN_TRACKER_WEBHOOK_EQUALITY_BOARD'],
    ]);
    expect(problems[3].message).toMatch(/"Equality Board" and "Equality-Board" share the key EQUALITY_BOARD/);
    expect(problems[1].message).toMatch(/matches no steering group's key \(keys: AUDIT, EQUALITY_BOARD, FINANCE\)/);
    expect(JSON.stringify(problems)).not.toMatch(/https?:/);
  });

  it('reads the environment first, then the ignored file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'webhooks-'));
    fs.writeFileSync(path.join(dir, WEBHOOK_FILE), '# local webhooks\nPLAN_TRACKER_WEBHOOK_EQUALITY_BOARD="https://file.example/a"\nPLAN_TRACKER_WEBHOOK_FINANCE=https://file.example/b\n');
    const resolve = webhooksFromEnvironment({ PLAN_TRACKER_WEBHOOK_FINANCE: 'https://env.example/b' }, dir);
    expect(resolve({ key: 'EQUALITY_BOARD', name: 'Equality Board' })).toBe('https://file.example/a');
    expect(resolve({ key: 'finance', name: 'Finance' })).toBe('https://env.example/b');
    expect(resolve({ key: 'UNKNOWN', name: 'Unknown Group' })).toBeNull();
    // The name plays no part: a group called "Finance" keyed otherwise does not get Finance's webhook.
    expect(resolve({ key: 'FINANCE_2', name: 'Finance' })).toBeNull();
    expect(resolve.settingNames().sort()).toEqual(['PLAN_TRACKER_WEBHOOK_EQUALITY_BOARD', 'PLAN_TRACKER_WEBHOOK_FINANCE']);
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
