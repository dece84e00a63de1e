import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLocalEnv } from '../../../src/cli/load-env';

describe('loadLocalEnv', () => {
  it('fills variables from the file without overriding those already set', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pt-env-'));
    const file = path.join(dir, '.env.local.user');
    writeFileSync(file, '# tenant\nSP_SITE_URL=https://contoso.sharepoint.com/sites/plans\nPLAN_TRACKER_CLIENT_ID="abc"\n');
    const env: NodeJS.ProcessEnv = { SP_SITE_URL: 'https://other.example/sites/x' };
    expect(loadLocalEnv(file, env)).toEqual(['PLAN_TRACKER_CLIENT_ID']);
    expect(env).toEqual({ SP_SITE_URL: 'https://other.example/sites/x', PLAN_TRACKER_CLIENT_ID: 'abc' });
  });

  it('does nothing when there is no file', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(loadLocalEnv('/nonexistent/.env.local.user', env)).toEqual([]);
    expect(env).toEqual({});
  });
});
