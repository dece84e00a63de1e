import type { IsoDate, IsoDateTime } from './plan-item';

/** What "Send now" must ask: a first send today, or a second one that needs "send again". */
export type SendNowChoice =
  | { kind: 'first-today'; lastSentAt: IsoDateTime | null }
  | { kind: 'again-today'; lastSentAt: IsoDateTime };

/**
 * Whether the group's digest already went out on the user's today. `dayOf` turns an
 * instant into the calendar day in the user's zone (passed in: the domain reads no clock or zone).
 */
export function sendNowChoice(lastSentAt: IsoDateTime | null, today: IsoDate, dayOf: (instant: IsoDateTime) => IsoDate): SendNowChoice {
  if (lastSentAt && dayOf(lastSentAt) === today) return { kind: 'again-today', lastSentAt };
  return { kind: 'first-today', lastSentAt };
}
