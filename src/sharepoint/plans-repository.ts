import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { PlanRecord, PlanRecordInput } from '../domain/plan-record';
import { odataString } from '../domain/to-odata';
import { LIST } from './list-names';

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
      await this.items.add(toRow({ status: 'Active', ...input }));
    }
    const saved = await this.findByName(input.name);
    if (!saved) throw new Error(`Plan '${input.name}' could not be read back from the Plans list after saving it.`);
    return saved;
  }

  /** Hides a plan from pickers (its actions are kept), or brings it back. */
  async setArchived(id: number, archived: boolean): Promise<void> {
    await this.items.getById(id).update({ PlanStatus: archived ? 'Archived' : 'Active' });
  }
}
