import { useCallback, useRef, useState } from 'react';
import type { ImportSummary } from '../../../importer/apply-import';
import type { ColumnMapping, ColumnRole, ParsedPlan } from '../../../importer/table';
import type { TabSession } from '../../session/tab-session';
import { importInChunks, type ImportProgress } from './import-in-chunks';

/** Where the import stands. Nothing is written before `importing`. */
export type ImportStep =
  | { step: 'choose' }
  | { step: 'reading'; fileName: string }
  | { step: 'unreadable'; fileName: string; message: string }
  | { step: 'preview'; fileName: string; parsed: ParsedPlan }
  | { step: 'importing'; fileName: string; parsed: ParsedPlan; progress: ImportProgress | null }
  | { step: 'imported'; fileName: string; parsed: ParsedPlan; summary: ImportSummary }
  | { step: 'failed'; fileName: string; parsed: ParsedPlan; message: string; progress: ImportProgress | null };

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
  /** The mapping shown for editing: the main actions table's (or the override). */
  mapping: { header: string[]; mapping: ColumnMapping } | null;
  /** Writes the previewed actions to the plan. */
  runImport(): Promise<void>;
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The main actions table's header: the first one with an action column. */
function mainMapping(parsed: ParsedPlan): { header: string[]; mapping: ColumnMapping } | null {
  const found = parsed.mappings.find((m) => Object.values(m.mapping).includes('action')) ?? parsed.mappings[0];
  return found ? { header: found.header, mapping: found.mapping } : null;
}

/** State and actions of the Import page: pick → preview (with mapping) → import with progress → summary. */
export function useImportPage(session: TabSession): ImportPageModel {
  const [state, setState] = useState<ImportStep>({ step: 'choose' });
  const [planName, setPlanNameState] = useState('');
  const [group, setGroup] = useState('');
  const [mapping, setMapping] = useState<{ header: string[]; mapping: ColumnMapping } | null>(null);
  const file = useRef<{ bytes: Uint8Array; name: string } | null>(null);
  const planNameEdited = useRef(false);

  const parse = useCallback(async (override?: ColumnMapping) => {
    const current = file.current;
    if (!current) return;
    setState({ step: 'reading', fileName: current.name });
    try {
      // The readers (exceljs, jszip, papaparse) load only once a file is chosen.
      const { parsePlanFile, planNameFromFileName } = await import('../../../importer/parse-plan-file');
      if (!planNameEdited.current) setPlanNameState(planNameFromFileName(current.name));
      const parsed = await parsePlanFile(current.bytes, current.name, { mapping: override });
      setMapping(override && mapping ? { header: mapping.header, mapping: override } : mainMapping(parsed));
      setState({ step: 'preview', fileName: current.name, parsed });
    } catch (error) {
      setState({ step: 'unreadable', fileName: current.name, message: messageOf(error) });
    }
  }, [mapping]);

  const chooseFile = useCallback(async (chosen: File) => {
    file.current = { bytes: new Uint8Array(await chosen.arrayBuffer()), name: chosen.name };
    setMapping(null);
    await parse();
  }, [parse]);

  const setColumnRole = useCallback(async (column: number, role: ColumnRole) => {
    if (!mapping) return;
    const override: ColumnMapping = { ...mapping.mapping };
    if (role === 'ignore') delete override[column];
    else override[column] = role;
    setMapping({ header: mapping.header, mapping: override });
    await parse(override);
  }, [mapping, parse]);

  const runImport = useCallback(async () => {
    if (state.step !== 'preview' && state.step !== 'failed') return;
    const { fileName, parsed } = state;
    let progress: ImportProgress | null = null;
    setState({ step: 'importing', fileName, parsed, progress });
    try {
      const summary = await importInChunks(
        parsed,
        { repository: session.site.plans, plan: planName.trim(), group: group.trim() || undefined, ownerIds: new Map() },
        (next) => {
          progress = next;
          setState({ step: 'importing', fileName, parsed, progress: next });
        },
      );
      setState({ step: 'imported', fileName, parsed, summary });
    } catch (error) {
      setState({ step: 'failed', fileName, parsed, message: messageOf(error), progress });
    }
  }, [state, session, planName, group]);

  const setPlanName = useCallback((name: string) => {
    planNameEdited.current = true;
    setPlanNameState(name);
  }, []);

  return { state, planName, group, setPlanName, setGroup, chooseFile, setColumnRole, mapping, runImport };
}
