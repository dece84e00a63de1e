import { claimState, SEND_LEASE_MS } from '../domain/send-lease';
import type { ReminderLog, ReminderLogEntry } from './reminder-log';

/** One send that is claimed but not recorded Sent or Failed. */
export type InFlightSend = { claimKey: string; group: string; kind: string; dateKey: string; attempts: number; lastHeardFrom: string; leaseEnds: string };

/** What `remind --status` reports, judged on SharePoint's clock. */
export type SendStatusReport = {
  /** SharePoint's time when the log was read. */
  at: string;
  /** Claimed by a job whose lease ran out and never recorded: the card may or may not have arrived. */
  unknown: InFlightSend[];
  /** Claimed by a job that is still renewing its lease: being sent now. */
  inFlight: InFlightSend[];
};

const toSend = (row: ReminderLogEntry, leaseMs: number): InFlightSend => ({
  claimKey: row.claimKey,
  group: row.groupName,
  kind: row.kind,
  dateKey: row.dateKey,
  attempts: row.attempts,
  lastHeardFrom: row.modified,
  leaseEnds: new Date(Date.parse(row.modified) + leaseMs).toISOString(),
});

/** Every send whose outcome is unknown, and every send in flight, in one read of the indexed Outcome. */
export async function unknownOutcomes(log: Pick<ReminderLog, 'inFlight'>, leaseMs = SEND_LEASE_MS): Promise<SendStatusReport> {
  const { value: rows, serverNow } = await log.inFlight();
  const report: SendStatusReport = { at: serverNow.toISOString(), unknown: [], inFlight: [] };
  for (const row of rows.sort((a, b) => a.claimKey.localeCompare(b.claimKey))) {
    (claimState(row, serverNow, leaseMs) === 'expired' ? report.unknown : report.inFlight).push(toSend(row, leaseMs));
  }
  return report;
}

/** The report as people read it. */
export function formatSendStatus(report: SendStatusReport): string {
  const lines: string[] = [];
  if (!report.unknown.length) lines.push('No send has an unknown outcome.');
  else {
    lines.push(`${report.unknown.length} send(s) with an unknown outcome — a job claimed them and stopped before recording the result; the card may or may not have arrived. The next \`plan-tracker remind\` takes each over and sends it (a Workflows flow that drops keys it has posted keeps that from showing twice):`);
    for (const s of report.unknown) lines.push(`  ${s.claimKey} — ${s.group}, ${s.kind} for ${s.dateKey}, last heard from ${s.lastHeardFrom} (SharePoint time), ${s.attempts} attempt(s)`);
  }
  if (report.inFlight.length) {
    lines.push(`${report.inFlight.length} send(s) in flight now:`);
    for (const s of report.inFlight) lines.push(`  ${s.claimKey} — ${s.group}, lease renewed ${s.lastHeardFrom}, runs to ${s.leaseEnds}`);
  }
  return lines.join('\n');
}
