// `plan-tracker remind` alone, for tests that start it many times: the CLI's own remind
// command (same options, same action, same env loading and error line as bin/plan-tracker.cjs)
// without loading every other command's modules, which halves the start-up of each child.
require('tsx/cjs');
const { Command } = require('commander');
const { loadLocalEnv } = require('../../../src/cli/load-env.ts');
const remind = require('../../../src/cli/commands/remind.ts');

loadLocalEnv();
const program = new Command('plan-tracker');
remind.register(program);
program.parseAsync(process.argv).catch((error) => {
  console.error(`plan-tracker: ${(error && error.message) || String(error)}`);
  process.exit(1);
});
