import { Command } from 'commander';
import { commandModules } from './command-modules';
import { loadLocalEnv } from './load-env';

/** Builds the `plan-tracker` program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('plan-tracker')
    .description('Plan Tracker: public-sector action plans in SharePoint, updated from Teams, with steering-group digests.')
    .showHelpAfterError('(run with --help for usage)');
  for (const module of commandModules) module.register(program);
  return program;
}

/** Runs the CLI with the given argv (as `process.argv`); exits non-zero with one clear line on failure. */
export function runCli(argv: string[]): void {
  loadLocalEnv();
  buildProgram().parseAsync(argv).catch((error: unknown) => {
    // One clear line for the person at the terminal; the stack only when asked for.
    console.error(`plan-tracker: ${(error as Error).message ?? String(error)}`);
    if (process.env.PLAN_TRACKER_DEBUG) console.error(error);
    process.exit(1);
  });
}
