import { spawn } from 'node:child_process';
import path from 'node:path';

/** How a `plan-tracker remind` child process ended. */
export type ChildRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number };

const BIN = path.resolve(__dirname, '../../../bin/plan-tracker.cjs');
const SKEW_CLOCK = path.resolve(__dirname, 'clock-ahead.cjs');
const REMIND_ONLY = path.resolve(__dirname, 'remind-command.cjs');

/**
 * Runs `node bin/plan-tracker.cjs remind <args>` as its own process, as cron would: its
 * own clock, its own connections, and a SIGKILL (from a crash point or a test) that ends
 * it with no clean-up at all.
 */
export function runRemindChild(args: string[], env: Record<string, string | undefined> = {}, options: { clockAheadMs?: number; remindOnly?: boolean; onStderr?: (soFar: string) => void } = {}): Promise<ChildRun> {
  const started = Date.now();
  // The job host's own clock, set ahead: everything in the child that reads Date sees it.
  const nodeArgs = options.clockAheadMs ? ['--require', SKEW_CLOCK] : [];
  return new Promise((resolve, reject) => {
    // `remindOnly`: the remind command without the rest of the CLI (remind-command.cjs), for tests that start it fifty times.
    const entry = options.remindOnly ? [REMIND_ONLY, 'remind'] : [BIN, 'remind'];
    const child = spawn(process.execPath, [...nodeArgs, ...entry, ...args], {
      env: { ...process.env, ...env, ...(options.clockAheadMs ? { PLAN_TRACKER_TEST_CLOCK_AHEAD_MS: String(options.clockAheadMs) } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      options.onStderr?.(stderr);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
}

/** The crash point a child reported before it killed itself, and the sends then between POST and record. */
export function crashOf(run: ChildRun): { point: string; claimKey: string; inWindow: string[] } | null {
  const match = /^crash-point (\S+) (\S+) window=(\S*)$/m.exec(run.stderr);
  return match ? { point: match[1], claimKey: match[2], inWindow: match[3] ? match[3].split(',') : [] } : null;
}
