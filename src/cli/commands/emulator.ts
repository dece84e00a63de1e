import type { Command } from 'commander';
import { parseFaults } from '../../emulator/faults';
import { startEmulatorServer } from '../../emulator/node-server';
import { readUsersFile } from '../../emulator/users-file';

type EmulatorCommandOptions = {
  port: string;
  data?: string;
  memory?: boolean;
  site: string;
  users?: string;
  faults?: string;
  latency?: string;
  threshold?: string;
};

function wholeNumber(text: string, what: string, min: number): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min) throw new Error(`${what} must be a whole number of at least ${min}, not '${text}'.`);
  return Number(text);
}

/**
 * `plan-tracker emulator`: runs the embedded SharePoint server on 127.0.0.1 and prints one
 * line with the site URL once it accepts requests; stops on SIGINT/SIGTERM.
 */
export function register(program: Command): void {
  program
    .command('emulator')
    .description('Run the embedded SharePoint-compatible server (loopback only) until stopped')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '4321')
    .option('--data <dir>', 'folder for the SQLite data (default .data/)')
    .option('--memory', 'keep everything in memory; nothing is written to disk')
    .option('--site <path>', 'server-relative site path', '/sites/plans')
    .option('--users <file>', 'seed site users from a JSON [{name,email}] or CSV name,email file; the first is the default current user')
    .option('--faults <list>', 'inject faults into _api requests, e.g. 429:0.1,503:0.05')
    .option('--latency <ms>', 'add this many milliseconds to every _api request')
    .option('--threshold <n>', 'list view threshold (default 5000, as in SharePoint Online)')
    .addHelpText(
      'after',
      '\nA request chooses its current user with the header X-PlanTracker-As: <email>;\nwithout it the caller is the first seeded user (default Plan Admin <admin@contoso.example>).',
    )
    .action(async (opts: EmulatorCommandOptions) => {
      if (opts.data && opts.memory) throw new Error('Use either --data <dir> or --memory, not both.');
      const server = await startEmulatorServer({
        port: wholeNumber(opts.port, '--port', 0),
        data: opts.data,
        memory: opts.memory === true,
        sitePath: opts.site,
        users: opts.users ? readUsersFile(opts.users) : undefined,
        faults: opts.faults ? parseFaults(opts.faults) : undefined,
        latencyMs: opts.latency ? wholeNumber(opts.latency, '--latency', 0) : undefined,
        threshold: opts.threshold ? wholeNumber(opts.threshold, '--threshold', 1) : undefined,
      });
      console.log(`Embedded SharePoint at ${server.siteUrl}`);
      // stdout stays one line (the URL) for scripts to read; the token goes to stderr.
      console.error(`Control routes (/_emulator/…) need the header X-PlanTracker-Emulator-Token: ${server.controlToken}`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
    });
}
