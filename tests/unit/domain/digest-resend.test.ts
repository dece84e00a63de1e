import { sendNowChoice } from '../../../src/domain/digest-resend';

const londonDay = (instant: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(instant));

describe('sendNowChoice', () => {
  it('asks for "send again" when the digest already went out on the user\'s today', () => {
    expect(sendNowChoice('2026-11-30T08:00:00Z', '2026-11-30', londonDay)).toEqual({ kind: 'again-today', lastSentAt: '2026-11-30T08:00:00Z' });
  });

  it('is a first send when the last one was on another day, or never', () => {
    expect(sendNowChoice('2026-11-29T23:30:00Z', '2026-11-30', londonDay).kind).toBe('first-today');
    // 23:30 UTC on 30 June is already 1 July in London.
    expect(sendNowChoice('2026-06-30T23:30:00Z', '2026-07-01', londonDay).kind).toBe('again-today');
    expect(sendNowChoice(null, '2026-11-30', londonDay)).toEqual({ kind: 'first-today', lastSentAt: null });
  });
});
