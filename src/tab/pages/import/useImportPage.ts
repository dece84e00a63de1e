import { useCallback, useRef, useState } from 'react';
import { ownerKey, proposeOwner, type OwnerProposal, type SiteUser } from '../../../domain/owner-matching';
import type { PlanImportSummary } from '../../../importer/import-plan';
import { serialiseImportMapping, type ClassifiedRow, type ImportMapping, type RowKind } from '../../../importer/row-kinds';
import type { ColumnMapping, ColumnRole, ParsedPlan } from '../../../importer/table';
import { SharePointOwnerAliases } from '../../../sharepoint/owner-aliases-repository';
import { SharePointPlans } from '../../../sharepoint/plans-repository';
import type { TabSession } from '../../session/tab-session';
import { importInChunks, type ImportProgress } from './import-in-chunks';
import type { OwnerDecision } from './OwnerMatching';

/** Where the import stands. Nothing is written before `importing`. */
export type ImportStep =
  | { step: 'choose' }
  | { step: 'reading'; fileName: string }
  | { step: 'unreadable'; fileName: string; message: string }
  | { step: 'preview'; fileName: string; parsed: ParsedPlan }
  | { step: 'importing'; fileName: string; parsed: ParsedPlan; progress: ImportProgress | null }
  | { step: 'imported'; fileName: string; parsed: ParsedPlan; summary: PlanImportSummary }
  | { step: 'failed'; fileName: string; parsed: ParsedPlan; message: string; progress: ImportProgress | null };

/** The owners of the previewed plan: proposals, the site's people, and the choices made. */
export type OwnersModel = { proposals: OwnerProposal[]; users: SiteUser[]; decisions: Record<string, OwnerDecision>; problem?: string };

/** The Import page's state and actions. */
export type ImportPageModel = {
  state: ImportStep;
  planName: string;
  group: string;
  setPlanName(name: string): void;
  setGroup(group: string): void;
  /** Reads and parses a chosen file (in the browser; nothing is written). */
  chooseFile(file: File): Promise<void>;
  /** Overrides the role of one column of the detected header and parses again. */
  setColumnRole(column: number, role: ColumnRole): Promise<void>;
  /** Overrides the kind of one row and parses again. */
  setRowKind(row: ClassifiedRow, kind: RowKind): Promise<void>;
  /** The mapping shown for editing: the main actions table's (or the override). */
  mapping: { header: string[]; mapping: ColumnMapping } | null;
  owners: OwnersModel | null;
  /** Confirms or changes the person for one owner text. */
  decideOwner(text: string, decision: OwnerDecision): void;
  /** Writes the previewed actions to the plan. */
  runImport(): Promise<void>;
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The main actions table's header: the first one with an action column. */
function mainMapping(parsed: ParsedPlan): { header: string[]; mapping: ColumnMapping } | null {
  const found = parsed.mappings.find((m) => Object.values(m.mapping).includes('action')) ?? parsed.mappings[0];
  return found ? { header: found.header, mapping: found.mapping } : null;
}

/** Column index → role, as the role → column form a saved mapping keeps. */
function columnsOf(mapping: ColumnMapping): ImportMapping['columns'] {
  const columns: ImportMapping['columns'] = {};
  for (const [index, role] of Object.entries(mapping)) if (role !== 'ignore') columns[role] = Number(index);
  return columns;
}

/** Each distinct owner text's proposal and the choice it starts with (the proposal's first person). */
function proposalsFor(parsed: ParsedPlan, users: SiteUser[], aliases: Parameters<typeof proposeOwner>[2]): Pick<OwnersModel, 'proposals' | 'decisions'> {
  const texts = new Map<string, string>();
  for (const item of parsed.items) if (item.owner.trim() && !texts.has(ownerKey(item.owner))) texts.set(ownerKey(item.owner), item.owner);
  const proposals = [...texts.values()].map((text) => proposeOwner(text, users, aliases));
  const decisions: Record<string, OwnerDecision> = {};
  for (const p of proposals) decisions[ownerKey(p.text)] = p.people.length ? { personId: p.people[0].id, keepAsText: false } : { personId: null, keepAsText: p.kind !== 'unknown' };
  return { proposals, decisions };
}

/** State and actions of the Import page: pick → preview (rows, mapping, owners) → import with progress → summary. */
export function useImportPage(session: TabSession): ImportPageModel {
  const [state, setState] = useState<ImportStep>({ step: 'choose' });
  const [planName, setPlanNameState] = useState('');
  const [group, setGroup] = useState('');
  const [mapping, setMapping] = useState<{ header: string[]; mapping: ColumnMapping } | null>(null);
  const [owners, setOwners] = useState<OwnersModel | null>(null);
  const override = useRef<ImportMapping | null>(null);
  const touched = useRef(new Set<string>());
  const file = useRef<{ bytes: Uint8Array; name: string } | null>(null);
  const planNameEdited = useRef(false);

  const loadOwners = useCallback(async (parsed: ParsedPlan) => {
    try {
      const aliases = new SharePointOwnerAliases(session.site.sp);
      const [users, remembered] = await Promise.all([aliases.siteUsers(), aliases.all()]);
      setOwners((previous) => {
        const next = proposalsFor(parsed, users, remembered);
        // Choices already made for an owner text survive a re-read of the file.
        for (const key of touched.current) if (previous?.decisions[key] && key in next.decisions) next.decisions[key] = previous.decisions[key];
        return { ...next, users };
      });
    } catch (error) {
      setOwners({ proposals: [], users: [], decisions: {}, problem: `The site's people could not be read (${messageOf(error)}); owners will stay as text.` });
    }
  }, [session]);

  const parse = useCallback(async () => {
    const current = file.current;
    if (!current) return;
    setState({ step: 'reading', fileName: current.name });
    try {
      // The readers (exceljs, jszip, papaparse) load only once a file is chosen.
      const { parsePlanFile, planNameFromFileName } = await import('../../../importer/parse-plan-file');
      if (!planNameEdited.current) setPlanNameState(planNameFromFileName(current.name));
      const parsed = await parsePlanFile(current.bytes, current.name, { importMapping: override.current ?? undefined });
      const detected = mainMapping(parsed);
      setMapping((previous) => (override.current && previous ? previous : detected));
      setState({ step: 'preview', fileName: current.name, parsed });
      void loadOwners(parsed);
    } catch (error) {
      setState({ step: 'unreadable', fileName: current.name, message: messageOf(error) });
    }
  }, [loadOwners]);

  const chooseFile = useCallback(async (chosen: File) => {
    file.current = { bytes: new Uint8Array(await chosen.arrayBuffer()), name: chosen.name };
    override.current = null;
    setMapping(null);
    await parse();
  }, [parse]);

  const setColumnRole = useCallback(async (column: number, role: ColumnRole) => {
    if (!mapping) return;
    const next: ColumnMapping = { ...mapping.mapping };
    for (const [index, r] of Object.entries(next)) if (r === role && role !== 'ignore') delete next[Number(index)];
    if (role === 'ignore') delete next[column];
    else next[column] = role;
    setMapping({ header: mapping.header, mapping: next });
    override.current = { ...override.current, columns: columnsOf(next) };
    await parse();
  }, [mapping, parse]);

  const setRowKind = useCallback(async (row: ClassifiedRow, kind: RowKind) => {
    const columns = override.current?.columns ?? (mapping ? columnsOf(mapping.mapping) : {});
    override.current = { columns, rowKinds: { ...override.current?.rowKinds, [`${row.tableIndex}:${row.rowIndex}`]: kind } };
    await parse();
  }, [mapping, parse]);

  const decideOwner = useCallback((text: string, decision: OwnerDecision) => {
    touched.current.add(ownerKey(text));
    setOwners((previous) => (previous ? { ...previous, decisions: { ...previous.decisions, [ownerKey(text)]: decision } } : previous));
  }, []);

  const runImport = useCallback(async () => {
    if (state.step !== 'preview' && state.step !== 'failed') return;
    const { fileName, parsed } = state;
    let progress: ImportProgress | null = null;
    setState({ step: 'importing', fileName, parsed, progress });
    try {
      const ownerIds = new Map<string, number>();
      for (const [key, decision] of Object.entries(owners?.decisions ?? {})) if (decision.personId) ownerIds.set(key, decision.personId);
      const summary = await importInChunks(
        { ...parsed, plan: planName.trim() },
        {
          repository: session.site.plans,
          plans: new SharePointPlans(session.site.sp),
          holder: `${session.me.title} (Teams tab)`,
          group: group.trim() || undefined,
          ownerIds,
          source: fileName,
          importMapping: override.current ? serialiseImportMapping(override.current) : undefined,
        },
        (next) => {
          progress = next;
          setState({ step: 'importing', fileName, parsed, progress: next });
        },
      );
      // What the user saw and accepted is remembered for every later import: people, and boards kept as text.
      const confirmed = (owners?.proposals ?? []).filter((p) => p.kind !== 'alias' || touched.current.has(ownerKey(p.text))).flatMap((p) => {
        const decision = owners!.decisions[ownerKey(p.text)];
        return decision && (decision.personId || decision.keepAsText) ? [{ text: p.text, ...decision }] : [];
      });
      await new SharePointOwnerAliases(session.site.sp).save(confirmed);
      setState({ step: 'imported', fileName, parsed, summary });
    } catch (error) {
      setState({ step: 'failed', fileName, parsed, message: messageOf(error), progress });
    }
  }, [state, session, planName, group, owners]);

  const setPlanName = useCallback((name: string) => {
    planNameEdited.current = true;
    setPlanNameState(name);
  }, []);

  return { state, planName, group, setPlanName, setGroup, chooseFile, setColumnRole, setRowKind, mapping, owners, decideOwner, runImport };
}
