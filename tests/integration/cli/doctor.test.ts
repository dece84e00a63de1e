import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import '@pnp/sp/items';
import '@pnp/sp/fields';
import '@pnp/sp/views';
import { formatDoctorReport, runDoctor, type DoctorOptions } from '../../../src/cli/commands/doctor';
import { loadListsManifest } from '../../../src/cli/load-manifest';
import { TAB_CSP } from '../../../src/tab/serve-tab';
import { startTestSite, type TestSite } from '../../support/test-site';

const APP_ID = '2f0c9a53-7d51-4a8e-9c55-0d7f3f1b6a21';
const SECRET_URL = 'https://prod-00.uksouth.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=SECRET';

/** A stand-in for the tab's host: answers /tab/ with the given CSP header (none when null). */
function tabHost(csp: string | null): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html', ...(csp ? { 'Content-Security-Policy': csp } : {}) });
    res.end('<!doctype html><title>Plan Tracker</title>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  })));
}

describe('plan-tracker doctor', () => {
  let t: TestSite;
  let host: Awaited<ReturnType<typeof tabHost>>;
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'doctor-'));
  beforeAll(async () => {
    t = await startTestSite();
    host = await tabHost(TAB_CSP);
  });
  afterAll(async () => {
    await host.close();
    await t.close();
  });

  const options = (env: Record<string, string> = {}): DoctorOptions => ({
    siteUrl: t.siteUrl,
    sp: t.site.sp,
    manifest: loadListsManifest(),
    env: { PLAN_TRACKER_TEAMS_APP_ID: APP_ID, TAB_ENDPOINT: host.url, ...env },
    cwd,
  });
  const problemsOf = (checks: Awaited<ReturnType<typeof runDoctor>>) => checks.flatMap((c) => c.problems);

  it('is green on a freshly provisioned site with the app id set and the tab served with its CSP', async () => {
    const checks = await runDoctor(options());
    expect(problemsOf(checks)).toEqual([]);
    expect(checks.filter((c) => c.skipped)).toEqual([]);
    expect(formatDoctorReport(checks)).toMatch(/No problems found\.$/);
  });

  it('reports a missing app id and a tab served without the CSP, each with its fix', async () => {
    const bare = await tabHost(null);
    try {
      const report = formatDoctorReport(await runDoctor({ ...options({ TAB_ENDPOINT: bare.url }), env: { TAB_ENDPOINT: bare.url } }));
      expect(report).toMatch(/PLAN_TRACKER_TEAMS_APP_ID is not set[^\n]*\n\s+fix: set PLAN_TRACKER_TEAMS_APP_ID to the app id the Teams admin centre shows/);
      expect(report).toMatch(/sends no Content-Security-Policy\n\s+fix: serve dist\/tab\/ with the headers src\/tab\/serve-tab.ts sends/);
      expect(report).toMatch(/2 problems found\.$/);
    } finally {
      await bare.close();
    }
  });

  it('skips the tab check with a note when TAB_ENDPOINT is not set', async () => {
    const checks = await runDoctor({ ...options(), env: { PLAN_TRACKER_TEAMS_APP_ID: APP_ID } });
    expect(checks.find((c) => c.name.includes('TAB_ENDPOINT'))).toMatchObject({ problems: [], skipped: expect.stringContaining('TAB_ENDPOINT is not set') });
  });

  it('says how to reach the site when it does not answer', async () => {
    const checks = await runDoctor({ ...options(), siteUrl: 'http://127.0.0.1:9/sites/plans', sp: undefined });
    expect(checks[0].problems).toEqual([{ what: expect.stringContaining('the site did not answer'), fix: expect.stringContaining('npm start') }]);
    expect(checks[1].skipped).toBe('the site did not answer');
  });

  it('reports a dropped index, a wrong field type, a view without columns and a group without a webhook, each with its fix, never printing a webhook URL', async () => {
    const site = await startTestSite();
    try {
      const items = site.site.sp.web.lists.getByTitle('Plan Items');
      await items.fields.getByInternalNameOrTitle('RAG').update({ Indexed: false }, 'SP.Field');
      await items.fields.getByInternalNameOrTitle('Measure').delete();
      await items.fields.addText('Measure');
      await items.views.getByTitle('Overdue').fields.removeAll();
      const groups = site.site.sp.web.lists.getByTitle('Steering Groups');
      await groups.items.add({ Title: 'Audit Board', GroupKey: 'AUDIT_BOARD' });
      await groups.items.add({ Title: 'Equality Board', GroupKey: 'EQUALITY_BOARD' });

      const env = { PLAN_TRACKER_TEAMS_APP_ID: APP_ID, TAB_ENDPOINT: host.url, PLAN_TRACKER_WEBHOOK_EQUALITY_BOARD: SECRET_URL };
      const checks = await runDoctor({ siteUrl: site.siteUrl, sp: site.site.sp, manifest: loadListsManifest(), env, cwd });
      const report = formatDoctorReport(checks);
      expect(problemsOf(checks)).toEqual([
        { what: "field 'Plan Items/RAG' is not indexed, so filters on it fail past 5,000 items", fix: expect.stringContaining('npx plan-tracker provision') },
        { what: "field 'Plan Items/Measure' has FieldTypeKind 2; the manifest says note (3)", fix: expect.stringMatching(/^in the list's settings rename the column 'Measure'.*then run `npx plan-tracker provision`/) },
        { what: "view 'Plan Items/Overdue' shows no columns", fix: expect.stringContaining('npx plan-tracker provision') },
        { what: 'steering group "Audit Board" has no webhook', fix: expect.stringContaining('PLAN_TRACKER_WEBHOOK_AUDIT_BOARD') },
      ]);
      expect(report).not.toContain('SECRET');
      expect(report).not.toContain('logic.azure.com');
      expect(report).toMatch(/4 problems found\.$/);
    } finally {
      await site.close();
    }
  });

  it('as a command, prints each problem with its fix and exits 1 while any remain', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, TAB_ENDPOINT: host.url };
    delete env.PLAN_TRACKER_TEAMS_APP_ID;
    delete env.SP_SITE_URL;
    const bin = path.join(__dirname, '..', '..', '..', 'bin', 'plan-tracker.cjs');
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(process.execPath, [bin, 'doctor', '--site', t.siteUrl], { cwd, env, timeout: 120_000 }, (error, stdout) => resolve({ code: error ? (error as { code?: number }).code ?? 1 : 0, stdout }));
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`✓ Site ${t.siteUrl} answers`);
    expect(result.stdout).toContain('✓ Lists, fields, indexes and views match manifest/lists.json');
    expect(result.stdout).toMatch(/✗ The organisation catalogue's app id \(PLAN_TRACKER_TEAMS_APP_ID\) is set\n\s+PLAN_TRACKER_TEAMS_APP_ID is not set[^\n]*\n\s+fix: /);
    expect(result.stdout).toMatch(/1 problem found\.\n$/);
  }, 150_000);
});
