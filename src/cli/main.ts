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

if (require.main === module || process.argv[1]?.endsWith('plan-tracker.cjs')) {
  loadLocalEnv();
  buildProgram().parseAsync(process.argv).catch((error: unknown) => {
    // One clear line for the person at the terminal; the stack only when asked for.
    console.error(`plan-tracker: ${(error as Error).message ?? String(error)}`);
    if (process.env.PLAN_TRACKER_DEBUG) console.error(error);
    process.exit(1);
  });
}
