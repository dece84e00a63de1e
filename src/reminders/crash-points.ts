/**
 * Named points in a send where the crash test kills the reminder job, so each point is
 * covered on purpose rather than by the luck of a timer. `PLAN_TRACKER_CRASH_AT=<point>`
 * makes the job kill itself (SIGKILL: no clean-up, no exit handlers — as a crash) the
 * first time it reaches that point. Unset, as everywhere but the crash test, it does nothing.
 */
export type CrashPoint =
  /** Digest built, nothing claimed yet. */
  | 'before-claim'
  /** The claim row written, nothing posted. */
  | 'after-claim'
  /** The POST sent, its answer not yet read. */
  | 'mid-post'
  /** The webhook answered, the log row not yet written. */
  | 'after-post'
  /** The log row says Sent. */
  | 'after-record';

/** Every crash point, in the order a send passes them. */
export const CRASH_POINTS: CrashPoint[] = ['before-claim', 'after-claim', 'mid-post', 'after-post', 'after-record'];

/** The environment variable naming the point to crash at. */
export const CRASH_ENV = 'PLAN_TRACKER_CRASH_AT';

/**
 * Claim keys whose card may have reached the webhook but whose log row does not yet say
 * so (from the first POST to the record). A crash report lists them: a repeat of one of
 * these is the only repeat the design allows.
 */
export const deliveryWindow = new Set<string>();

/**
 * Kills this process at `point` when the crash test asked for it, first writing one line
 * to stderr (`crash-point <point> <claim key> window=<keys in the delivery window>`) so the
 * test knows which send each kill interrupted.
 */
export function crashPoint(point: CrashPoint, claimKey: string): void {
  if (!crashWanted(point)) return;
  // Writes to a pipe are synchronous on Linux, so the line reaches the test before the kill.
  process.stderr.write(`crash-point ${point} ${claimKey} window=${[...deliveryWindow].join(',')}\n`);
  process.kill(process.pid, 'SIGKILL');
}

/** Whether the crash test asked for a crash at `point` (for points reached on a timer, such as mid-post). */
export function crashWanted(point: CrashPoint): boolean {
  return typeof process !== 'undefined' && process.env?.[CRASH_ENV] === point;
}
