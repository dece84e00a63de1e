import { claimState, leaseRemainingMs, SEND_LEASE_MS } from '../../../src/domain/send-lease';

describe('send leases', () => {
  const at = (iso: string) => new Date(iso);
  const claimed = { outcome: 'Claimed' as const, modified: '2026-11-24T08:00:00Z' };

  it('holds a claim for the lease after its last renewal, on the server\'s clock, then lets it be taken over', () => {
    expect(SEND_LEASE_MS).toBe(120_000);
    expect(claimState(claimed, at('2026-11-24T08:01:59Z'))).toBe('held');
    expect(claimState(claimed, at('2026-11-24T08:02:00Z'))).toBe('expired');
    expect(leaseRemainingMs(claimed, at('2026-11-24T08:01:00Z'))).toBe(60_000);
    expect(claimState(claimed, at('2026-11-24T08:00:02Z'), 3000)).toBe('held');
    expect(claimState(claimed, at('2026-11-24T08:00:03Z'), 3000)).toBe('expired');
  });

  it('says sent, failed and waiting whatever the time', () => {
    expect(claimState({ ...claimed, outcome: 'Sent' }, at('2030-01-01T00:00:00Z'))).toBe('sent');
    expect(claimState({ ...claimed, outcome: 'Failed' }, at('2026-11-24T08:00:00Z'))).toBe('failed');
    expect(claimState({ ...claimed, outcome: 'Requested' }, at('2030-01-01T00:00:00Z'))).toBe('waiting');
  });

  it('treats an unreadable Modified as run out, so a damaged row cannot block a send for ever', () => {
    expect(claimState({ outcome: 'Claimed', modified: '' }, at('2026-11-24T08:00:00Z'))).toBe('expired');
  });
});
