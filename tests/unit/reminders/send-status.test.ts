import { formatSendStatus, unknownOutcomes } from '../../../src/reminders/send-status';
import { InMemoryReminderLog } from './fakes';

describe('remind --status', () => {
  it('lists claims whose lease ran out as unknown, and live ones as in flight, on the server\'s clock', async () => {
    const log = new InMemoryReminderLog();
    let server = Date.parse('2026-11-24T08:00:00Z');
    log.serverClock = () => new Date(server);
    await log.claim({ claimKey: 'A|digest|2026-11-24', groupName: 'A', kind: 'digest', dateKey: '2026-11-24', itemIds: [] });
    server += 150_000;
    const live = (await log.claim({ claimKey: 'B|digest|2026-11-24', groupName: 'B', kind: 'digest', dateKey: '2026-11-24', itemIds: [] }))!;
    const sent = (await log.claim({ claimKey: 'C|digest|2026-11-24', groupName: 'C', kind: 'digest', dateKey: '2026-11-24', itemIds: [] }))!;
    await log.finish(sent, 'Sent', '2026-11-24T08:02:30Z', 'Delivered');
    void live;

    const report = await unknownOutcomes(log);
    expect(report.unknown.map((s) => s.claimKey)).toEqual(['A|digest|2026-11-24']);
    expect(report.unknown[0]).toMatchObject({ lastHeardFrom: '2026-11-24T08:00:00.000Z', leaseEnds: '2026-11-24T08:02:00.000Z' });
    expect(report.inFlight.map((s) => s.claimKey)).toEqual(['B|digest|2026-11-24']);
    const text = formatSendStatus(report);
    expect(text).toMatch(/^1 send\(s\) with an unknown outcome/);
    expect(text).toContain('A|digest|2026-11-24 — A, digest for 2026-11-24, last heard from 2026-11-24T08:00:00.000Z');
    expect(text).toContain('1 send(s) in flight now:');
  });

  it('says so when nothing is unknown', async () => {
    expect(formatSendStatus(await unknownOutcomes(new InMemoryReminderLog()))).toBe('No send has an unknown outcome.');
  });
});
