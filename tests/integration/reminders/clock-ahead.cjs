// Preloaded into a reminder job child process (`node --require`) to run its clock ahead of the
// embedded server's by PLAN_TRACKER_TEST_CLOCK_AHEAD_MS: every Date the job makes is skewed,
// as on a job host whose clock has drifted.
const ahead = Number(process.env.PLAN_TRACKER_TEST_CLOCK_AHEAD_MS || 0);
const RealDate = Date;
class AheadDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + ahead);
    else super(...args);
  }
  static now() {
    return RealDate.now() + ahead;
  }
}
globalThis.Date = AheadDate;
