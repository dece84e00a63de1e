import { leaseState, newImportLease, parseImportLease, serialiseImportLease } from '../../../src/domain/import-lease';
import { planActionKey } from '../../../src/domain/plan-action-key';

describe('import lease rules', () => {
  const now = new Date('2026-11-30T10:00:00Z');
  const lease = newImportLease('jane (CLI)', 'token-a', now, 60_000);

  it('is held by another token until it expires by the server clock, then may be taken over', () => {
    expect(leaseState(lease, 'token-b', new Date('2026-11-30T10:00:59Z'))).toBe('held');
    expect(leaseState(lease, 'token-b', new Date('2026-11-30T10:01:00Z'))).toBe('expired');
    expect(leaseState(lease, 'token-a', new Date('2026-11-30T10:00:30Z'))).toBe('free');
    expect(leaseState(null, 'token-b', now)).toBe('free');
  });

  it('reads back what it wrote, and treats damaged text as no lease', () => {
    expect(parseImportLease(serialiseImportLease(lease))).toEqual(lease);
    expect(parseImportLease('')).toBeNull();
    expect(parseImportLease('{"holder":"x"}')).toBeNull();
    expect(parseImportLease('not json')).toBeNull();
  });
});

describe('planActionKey', () => {
  it('is the same whatever the case and spacing of the plan and ref', () => {
    expect(planActionKey(' BAME  Plan', 'r1.a-1 ')).toBe(planActionKey('bame plan', 'R1.A-1'));
    expect(planActionKey('Plan', 'R1')).not.toBe(planActionKey('Plan', 'R2'));
  });

  it('fits a SharePoint text field and stays distinct when shortened', () => {
    const long = 'x'.repeat(300);
    expect(planActionKey(long, 'A-1').length).toBeLessThanOrEqual(255);
    expect(planActionKey(long, 'A-1')).not.toBe(planActionKey(long, 'A-2'));
  });
});
