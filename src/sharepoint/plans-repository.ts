import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { HeaderParse } from '@pnp/queryable';
import { leaseState, newImportLease, parseImportLease, serialiseImportLease, IMPORT_LEASE_MS, type ImportLease } from '../domain/import-lease';
import type { PlanRecord, PlanRecordInput } from '../domain/plan-record';
import { messageOf, statusOf } from './batch';
import { odataString } from '../domain/to-odata';
import { LIST } from './list-names';
import { etagOf } from './plan-item-mapping';

type Row = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const SELECT = ['ID', 'Title', 'Description', 'SteeringGroup', 'Lead/Id', 'Lead/Title', 'Lead/EMail', 'LeadText', 'PlanStatus', 'SourceFile', 'ImportMapping', 'LastImported'];

/** A Plans row → PlanRecord. */
export function toPlanRecord(row: Row): PlanRecord {
  const lead = row.Lead as Row | undefined;
  return {
    id: Number(row.ID ?? row.Id),
    name: text(row.Title),
    description: text(row.Description),
    steeringGroup: text(row.SteeringGroup),
    lead: lead && typeof lead.Id === 'number' ? { id: lead.Id, title: text(lead.Title), email: text(lead.EMail) || null } : null,
    leadText: text(row.LeadText),
    status: row.PlanStatus === 'Archived' ? 'Archived' : 'Active',
    sourceFile: text(row.SourceFile),
    importMapping: text(row.ImportMapping),
    lastImported: text(row.LastImported) || null,
  };
}

function toRow(input: PlanRecordInput): Row {
  const row: Row = { Title: input.name };
  if (input.description !== undefined) row.Description = input.description;
  if (input.steeringGroup !== undefined) row.SteeringGroup = input.steeringGroup;
  if (input.leadId !== undefined) row.LeadId = input.leadId;
  if (input.leadText !== undefined) row.LeadText = input.leadText;
  if (input.status !== undefined) row.PlanStatus = input.status;
  if (input.sourceFile !== undefined) row.SourceFile = input.sourceFile;
  if (input.importMapping !== undefined) row.ImportMapping = input.importMapping;
  if (input.lastImported !== undefined) row.LastImported = input.lastImported;
  return row;
}

/** What asking for a plan's import lease gave: the lease (perhaps taken over from a holder that died), or who holds it. */
export type LeaseOutcome =
  | { taken: true; lease: ImportLease; tookOverFrom: ImportLease | null }
  | { taken: false; heldBy: ImportLease };

/** Rounds of read-then-write when another importer changes the Plans row between the two. */
const LEASE_ROUNDS = 5;

/** The Plans list: one row per plan (plans are few, so one request reads them all). */
export class SharePointPlans {
  constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(LIST.plans).items;
  }

  /** Every plan, archived ones included. */
  async list(): Promise<PlanRecord[]> {
    const rows = (await this.items.select(...SELECT).expand('Lead').top(5000)()) as Row[];
    return rows.map(toPlanRecord);
  }

  /** The plan with this name (names are unique, compared as SharePoint does: ignoring case), or null. */
  async findByName(name: string): Promise<PlanRecord | null> {
    const rows = (await this.items.select(...SELECT).expand('Lead').filter(`Title eq ${odataString(name)}`).top(1)()) as Row[];
    return rows[0] ? toPlanRecord(rows[0]) : null;
  }

  /** Creates the plan's row, or changes the given fields of the existing one; returns the row as saved. */
  async upsert(input: PlanRecordInput): Promise<PlanRecord> {
    const existing = await this.findByName(input.name);
    if (existing) {
      await this.items.getById(existing.id).update(toRow(input));
    } else {
      try {
        await this.items.add(toRow({ status: 'Active', ...input }));
      } catch (error) {
        // Title is unique: another importer created the row between our read and our add.
        const raced = statusOf(error) === 500 && /duplicate values/i.test(messageOf(error)) ? await this.findByName(input.name) : null;
        if (!raced) throw error;
        await this.items.getById(raced.id).update(toRow(input));
      }
    }
    const saved = await this.findByName(input.name);
    if (!saved) throw new Error(`Plan '${input.name}' could not be read back from the Plans list after saving it.`);
    return saved;
  }

  /** Hides a plan from pickers (its actions are kept), or brings it back. */
  async setArchived(id: number, archived: boolean): Promise<void> {
    await this.items.getById(id).update({ PlanStatus: archived ? 'Archived' : 'Active' });
  }

  /** SharePoint's clock: the Date header of a cheap request (the job host's clock may run ahead or behind). */
  async serverNow(): Promise<Date> {
    const headers = (await this.sp.web.select('Id').using(HeaderParse())()) as unknown as Headers;
    const date = Date.parse(headers.get('date') ?? '');
    // A browser cannot read Date across origins; there the local clock is all there is.
    return Number.isNaN(date) ? new Date() : new Date(date);
  }

  /**
   * Takes (or renews, with the same token) the plan's import lease: written with the
   * ETag the row was read with, so of two importers taking an expired lease at once only
   * one succeeds. Expiry is judged by SharePoint's clock. The plan's row must exist.
   */
  async takeImportLease(name: string, holder: string, token: string, durationMs = IMPORT_LEASE_MS): Promise<LeaseOutcome> {
    for (let round = 1; ; round++) {
      const rows = (await this.items.select('ID', 'ImportLease').filter(`Title eq ${odataString(name)}`).top(1)()) as Row[];
      if (!rows[0]) throw new Error(`Plan '${name}' is not in the Plans list; save the plan before importing into it.`);
      const current = parseImportLease(text(rows[0].ImportLease));
      const now = await this.serverNow();
      const state = leaseState(current, token, now);
      if (state === 'held') return { taken: false, heldBy: current! };
      const lease = newImportLease(holder, token, now, durationMs);
      try {
        await this.items.getById(Number(rows[0].ID)).update({ ImportLease: serialiseImportLease(lease) }, etagOf(rows[0]));
        return { taken: true, lease, tookOverFrom: state === 'expired' ? current : null };
      } catch (error) {
        // Someone changed the row since we read it (perhaps took the lease): look again.
        if (statusOf(error) !== 412 || round >= LEASE_ROUNDS) throw error;
      }
    }
  }

  /** Gives the lease back if this token still holds it, so the next import need not wait for it to expire. */
  async releaseImportLease(name: string, token: string): Promise<void> {
    const rows = (await this.items.select('ID', 'ImportLease').filter(`Title eq ${odataString(name)}`).top(1)()) as Row[];
    if (!rows[0] || parseImportLease(text(rows[0].ImportLease))?.token !== token) return;
    try {
      await this.items.getById(Number(rows[0].ID)).update({ ImportLease: '' }, etagOf(rows[0]));
    } catch (error) {
      // Taken over meanwhile: the lease is someone else's now, which is what releasing wanted.
      if (statusOf(error) !== 412) throw error;
    }
  }
}
