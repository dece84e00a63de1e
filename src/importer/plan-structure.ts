import { dateInText, parsePlanDate, type PlanDate } from '../domain/plan-dates';
import type { Rag, Status } from '../domain/plan-item';
import { assignActionRefs, refInActionText } from './action-ref';
import { cleanCell, isPageFurniture, oneLine, startsLowercase } from './cell-text';
import { inferColumnsFromContent, matchHeader, roleOfHeader, type HeaderMatch } from './column-roles';
import { isPlausibleOwner, normaliseRag, normaliseStatus, ownerText, shortText } from './field-values';
import { regroupCells } from './regroup-cells';
import { headingRef, looksLikeHeading, parseHeading, phraseCounts, type Heading, type PhraseCounts } from './section-heading';
import { rowKey, type ClassifiedRow, type RowKind } from './row-kinds';
import type { ColumnMapping, ColumnRole, ImportWarning, ParsedItem, ParsedPlan, ProgressNote, Table, TableRow } from './table';

type Draft = Omit<ParsedItem, 'actionRef' | 'title' | 'refKind'> & { explicitRef: string | null; sectionRef: string | null };
/** What the previous content row was, for joining split rows (not the row kinds shown to people). */
type LastKind = 'heading' | 'description' | 'item' | 'other';

/** What the importer may be told: a column mapping for every table, and row kinds a person chose. */
export type StructureOptions = { plan: string; mapping?: ColumnMapping; rowKinds?: Record<string, RowKind> };

/** The fields of one data row, by role. */
type RowFields = Record<ColumnRole, string>;

const EMPTY_FIELDS = (): RowFields => ({ ref: '', section: '', action: '', context: '', owner: '', due: '', start: '', resource: '', rag: '', status: '', measure: '', progress: '', ignore: '' });

/**
 * Tables → the plan's actions, progress notes and warnings, without knowing the plan in
 * advance: header rows are found by what their cells mean, headings carried down to the
 * actions under them, split rows rejoined, repeated headings and page furniture ignored,
 * and rows under "Actions taken"/"Completed" headers kept as progress notes.
 */
export function readPlanStructure(tables: Table[], options: StructureOptions): ParsedPlan {
  const warnings: ImportWarning[] = [];
  const classified: ClassifiedRow[] = [];
  const drafts: Draft[] = [];
  const progressNotes: ProgressNote[] = [];
  const mappings: ParsedPlan['mappings'] = [];
  const prepared = tables.map((t) => ({ source: t.source, rows: prepareRows(t.rows) }));
  const corpus = phraseCounts(() => prepared.flatMap((t) => t.rows.flatMap((r) => r.cells)).join(' '));
  const repeated = repeatedTextRows(prepared.flatMap((t) => t.rows));

  prepared.forEach((table, tableIndex) => {
    // A table with no header row anywhere: the roles of its columns come from what they hold.
    const { headers, secondLines } = headerRows(table.rows);
    const inferred = options.mapping || headers.some(Boolean) ? undefined : inferColumnsFromContent(table.rows);
    let mapping: ColumnMapping | null = options.mapping ?? inferred?.mapping ?? null;
    if (inferred) {
      mappings.push({ source: table.source, header: [], mapping: inferred.mapping });
      warnings.push({ where: table.source, message: `No header row naming the columns; ${inferred.description}. Check the columns, or give the mapping.` });
    }
    let mode = 'actions' as 'actions' | 'progress';
    // Progress columns headed by dates, oldest first, whatever order the plan puts them in.
    let progressOrder = null as number[] | null;
    let progressCompleted = false;
    let section = null as Heading | null;
    let lastKind = 'other' as LastKind;
    let lastItem = null as Draft | null;
    let sectionCell = '';
    let actionsInSection = 0;
    // Text with no owner or date, held in case the next row carries its owner and date.
    let pending: { text: string; where: string; row: ClassifiedRow } | null = null;
    let lastTitle: { previous: Heading | null; previousCount: number; text: string; where: string; row: ClassifiedRow | null } | null = null;
    const flushPending = () => {
      if (pending) warnings.push({ where: pending.where, message: `Text with no owner or due date was not taken as an action: "${shortText(oneLine(pending.text), 80)}". Check whether it belongs to the action above.` });
      pending = null;
    };
    let current: ClassifiedRow | null = null;
    /** Gives the row being read its kind and reason (a later row may still change them). */
    const classify = (kind: RowKind, reason: string) => {
      if (current) Object.assign(current, { kind, reason });
    };

    const enterHeading = (text: string, where: string) => {
      let heading = parseHeading(text, corpus);
      const previousNumber = section?.ref && /^R?\d+$/.test(section.ref) ? Number(section.ref.replace(/^R/, '')) : null;
      if (!heading.ref && startsLowercase(text) && previousNumber !== null && section?.ref) {
        // A heading whose start the extraction lost, between numbered ones: it is the next number.
        const isRecommendation = section.ref.startsWith('R');
        const ref = `${isRecommendation ? 'R' : ''}${previousNumber + 1}`;
        const label = `${isRecommendation ? 'Recommendation' : 'Section'} ${previousNumber + 1}`;
        heading = { ref, text: `${label}: ${heading.text}` };
        warnings.push({ where, message: `This heading looks cut off; read it as ${label}. Check the section of the actions under it.` });
      }
      if (!heading.ref && section?.ref && !actionsInSection) {
        // A plain title right under a numbered heading ("Our aspirations") is a sub-heading
        // of it, not a new section.
        classify('commentary', `a sub-title under the heading "${shortText(section.text, 50)}"`);
        lastKind = 'description';
        return;
      }
      classify('heading', heading.ref ? `starts with the reference ${heading.ref}` : 'a short title-like line with no owner or date');
      // A plain title could still turn out to be an action whose owner/date slipped onto the next row.
      lastTitle = heading.ref ? null : { previous: section, previousCount: actionsInSection, text, where, row: current };
      section = heading;
      actionsInSection = 0;
      lastKind = 'heading';
    };

    const addDraft = (draft: Draft) => {
      lastItem = draft;
      drafts.push(draft);
      actionsInSection++;
      lastKind = 'item';
    };
    const readHeader = (cells: string[], header: NonNullable<ReturnType<typeof matchHeader>>) => {
      if (!options.mapping) mapping = header.mapping;
      progressOrder = datedColumnOrder(cells, mapping ?? header.mapping);
      mode = header.kind;
      progressCompleted = header.completed;
      const key = cells.join('|');
      const seen = mappings.some((m) => m.source === table.source && m.header.join('|') === key);
      if (!seen) mappings.push({ source: table.source, header: cells, mapping: mapping ?? header.mapping });
      classify('header', seen ? 'repeats the header row (a new page or table)' : header.kind === 'progress' ? 'names the columns of a progress table' : 'names the columns');
      lastKind = 'other';
    };

    for (let rowIndex = 0; rowIndex <= table.rows.length; rowIndex++) {
      const row = table.rows[rowIndex];
      if (!row) {
        flushPending();
        break;
      }
      const filled = row.cells.filter(Boolean);
      if (!filled.length) continue;
      current = { tableIndex, rowIndex, where: row.where, cells: row.cells, kind: 'commentary', reason: 'not read as part of the plan' };
      classified.push(current);
      const joined = filled.join(' ');
      const forced = options.rowKinds?.[rowKey(tableIndex, rowIndex)];
      if (forced) {
        current.overridden = true;
        classify(forced, 'set by hand');
        if (forced === 'heading') {
          flushPending();
          enterHeading(joined, row.where);
          classify('heading', 'set by hand');
        } else if (forced === 'header') {
          const header = matchHeader(row.cells) ?? headerFromCells(row.cells);
          if (header) readHeader(row.cells, header);
          classify('header', 'set by hand');
        } else if (forced === 'progress') {
          progressNotes.push({ section: section?.text ?? '', text: filled.join('\n'), completed: progressCompleted, where: row.where });
        } else if (forced === 'action') {
          flushPending();
          const fields = mapping && row.kind !== 'paragraph' ? fieldsOf(alignCells(row.cells, mapping), mapping, progressOrder) : { ...EMPTY_FIELDS(), action: joined };
          if (!fields.action) fields.action = fields.context || joined;
          const due = fields.due ? parsePlanDate(fields.due) : null;
          const start = fields.start ? parsePlanDate(fields.start, 'start') : null;
          addDraft(makeDraft(fields, { owner: ownerText(fields.owner), due, start, rag: normaliseRag(fields.rag), status: normaliseStatus(fields.status) }, section, row.where, warnings));
        }
        continue;
      }
      if (filled.every((c) => isPageFurniture(c))) {
        classify('furniture', 'a page number or rule');
        continue;
      }
      if (secondLines.has(rowIndex)) {
        classify('header', 'the second line of the header row above');
        continue;
      }
      const header = headers[rowIndex];
      if (header) {
        readHeader(rowIndex + 1 < table.rows.length && secondLines.has(rowIndex + 1) ? joinHeaderLines(row.cells, table.rows[rowIndex + 1].cells) : row.cells, header);
        continue;
      }
      const textOnlyRow = row.kind === 'paragraph' || filled.length === 1;
      if (textOnlyRow && repeated.has(joined)) {
        classify('furniture', 'the same line recurs through the file (a running page heading)');
        continue;
      }
      if (!mapping) {
        if (textOnlyRow && looksLikeHeading(joined)) enterHeading(joined, row.where);
        else classify('commentary', 'text before any table of actions');
        continue;
      }

      let fields = row.kind === 'paragraph' ? { ...EMPTY_FIELDS(), action: joined } : fieldsOf(alignCells(row.cells, mapping), mapping, progressOrder);
      if (filled.length === 1 && row.kind !== 'paragraph' && !fields.action && !fields.context && !isSlippedCell(fields, lastKind === 'item' ? lastItem : null)) {
        // One cell alone on a row, outside the action column: a heading or note spanning
        // the row (a merged cell), not an owner or a date.
        fields = { ...EMPTY_FIELDS(), action: joined };
      }
      if (fields.section && fields.section !== sectionCell) {
        sectionCell = fields.section;
        enterHeading(fields.section, row.where);
      }

      if (mode === 'progress') {
        if (textOnlyRow && /^(recommendation|objective|theme|priority|section)\b/i.test(joined)) enterHeading(joined, row.where);
        else {
          progressNotes.push({ section: section?.text ?? '', text: filled.join('\n'), completed: progressCompleted, where: row.where });
          classify('progress', 'a row of a progress / actions-taken table');
        }
        continue;
      }

      if (pending && (fields.action || !fields.owner && !fields.due)) flushPending();
      const due = fields.due ? parsePlanDate(fields.due) : null;
      const start = fields.start ? parsePlanDate(fields.start, 'start') : null;
      const owner = ownerText(fields.owner);
      const rag = normaliseRag(fields.rag);
      const status = normaliseStatus(fields.status);
      // A numbered row, or one whose progress columns give a status, is an action even without an owner or date column.
      const hasData = isPlausibleOwner(owner) || isDate(due) || isDate(start) || !!fields.resource || !!rag || !!status || (!!fields.ref && !!fields.action) || !!latestProgressStatus(fields.progress);

      if (fields.action && hasData) {
        addDraft(makeDraft(fields, { owner, due, start, rag, status }, section, row.where, warnings));
        classify('action', describeAction(owner, due, fields));
      } else if (!fields.action && hasData && lastKind === 'heading' && lastTitle) {
        // What looked like a title was an action: its owner/date are on this row.
        const title: { previous: Heading | null; previousCount: number; text: string; where: string; row: ClassifiedRow | null } = lastTitle;
        section = title.previous;
        actionsInSection = title.previousCount;
        addDraft(makeDraft({ ...fields, action: title.text }, { owner, due, start, rag, status }, section, title.where, warnings));
        if (title.row) Object.assign(title.row, { kind: 'action', reason: 'action text whose owner/date are on the next row' });
        classify('action', 'owner/date of the action on the row above');
      } else if (!fields.action && hasData && pending) {
        // The action's text was on the row above and its owner/date slipped onto this one.
        const held: { text: string; where: string; row: ClassifiedRow } = pending;
        pending = null;
        addDraft(makeDraft({ ...fields, action: held.text }, { owner, due, start, rag, status }, section, held.where, warnings));
        Object.assign(held.row, { kind: 'action', reason: 'action text whose owner/date are on the next row' });
        classify('action', 'owner/date of the action on the row above');
      } else if (!fields.action && hasData) {
        if (!fields.context && lastItem && lastKind === 'item' && fillsGaps(lastItem, owner, due)) {
          if (!lastItem.owner && owner) lastItem.owner = owner;
          if (!lastItem.dueText && due) Object.assign(lastItem, dueFields(fields.due, due));
          warnings.push({ where: row.where, message: `Owner/date on this row joined to the action above it ("${shortText(lastItem.action, 60)}").` });
          classify('action', 'owner/date of the action above, on a line of its own');
        } else if (fields.context) {
          addDraft(makeDraft({ ...fields, action: fields.context, context: '' }, { owner, due, start, rag, status }, section, row.where, warnings));
          warnings.push({ where: row.where, message: 'The action cell is empty; the evidence/context text is used as the action. Check the wording.' });
          classify('action', 'the action cell is empty; its evidence/context text is used as the action');
        } else {
          warnings.push({ where: row.where, message: 'This row has an owner or date but no action text; it was not imported.' });
          classify('commentary', 'an owner or date with no action text');
        }
      } else {
        const text = fields.action || fields.context || fields.section || filled[0];
        if (fields.section && !fields.action && !fields.context) continue;
        if (!fields.action && fields.context && !looksLikeHeading(fields.context)) {
          warnings.push({ where: row.where, message: 'This row has only evidence/context text (no action, owner or date); it was not imported as an action.' });
          classify('commentary', 'evidence/context text with no action, owner or date');
          lastKind = 'other';
        } else if (looksLikeHeading(text)) enterHeading(text, row.where);
        else if (lastItem && lastKind === 'item' && startsLowercase(text) && !/[.!?]$/.test(lastItem.action)) {
          lastItem.action = `${lastItem.action} ${text}`;
          classify('action', 'continues the action text above (starts in lower case)');
        } else if (lastKind === 'heading' || lastKind === 'description') {
          classify('commentary', 'description under a heading (no owner or date)');
          lastKind = 'description';
        } else {
          flushPending();
          classify('commentary', 'text with no owner or date');
          pending = { text, where: row.where, row: current };
          lastKind = 'other';
          continue;
        }
      }
    }
  });
  if (!drafts.length && !options.mapping) {
    // No table of actions: a narrative plan ("We will do this by: • …"). Its bulleted lines
    // under each heading are the actions, without owners; dates written in them are read.
    for (const draft of narrativeActions(prepared, classified, warnings, corpus)) drafts.push(draft);
  }
  const { refs, duplicates } = assignActionRefs(drafts.map((d) => ({ explicitRef: d.explicitRef, sectionRef: d.sectionRef, sectionText: d.section })));
  for (const i of duplicates) warnings.push({ where: drafts[i].where, message: `Action reference ${drafts[i].explicitRef} is used twice in the plan; this one became ${refs[i]}.` });
  const items: ParsedItem[] = drafts.map(({ explicitRef: _e, sectionRef: _s, ...d }, i) => ({ ...d, actionRef: refs[i], refKind: drafts[i].explicitRef ? 'plan' : 'position', title: shortText(d.action) }));
  return { plan: options.plan, items, progressNotes, warnings, mappings, rows: classified };
}

/** Cells cleaned and trailing empty cells dropped. */
function prepareRows(rows: TableRow[]): TableRow[] {
  const grouped = rows.some((r) => r.kind === 'cell') ? regroupCells(rows) : rows;
  return grouped.map((r) => {
    const cells = r.cells.map(cleanCell);
    while (cells.length && !cells[cells.length - 1]) cells.pop();
    return { ...r, cells };
  });
}

/** Text-only rows that recur (running page headings): furniture, not content. */
function repeatedTextRows(rows: TableRow[]): Set<string> {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const filled = r.cells.filter(Boolean);
    // A numbered heading may also appear in the plan's introduction; it is still a heading.
    if (filled.length !== 1 || filled[0].length < 25 || headingRef(filled[0])) continue;
    counts.set(filled[0], (counts.get(filled[0]) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n > 1).map(([t]) => t));
}

const isDate = (d: PlanDate | null) => !!d && (d.dueDate !== null || d.ongoing || !!d.completed);

function fieldsOf(cells: string[], mapping: ColumnMapping, progressOrder: number[] | null = null): RowFields {
  const fields = EMPTY_FIELDS();
  for (const [index, role] of Object.entries(mapping)) {
    const text = cells[Number(index)] ?? '';
    if (text) fields[role] = fields[role] ? `${fields[role]}\n${text}` : text;
  }
  if (progressOrder) fields.progress = progressOrder.map((i) => cells[i] ?? '').filter(Boolean).join('\n');
  for (const role of ['due', 'start', 'resource', 'rag', 'status', 'ref'] as const) fields[role] = oneLine(fields[role]);
  return fields;
}

/**
 * Rows with more cells than the header (an extraction inserted empty ones) are aligned
 * by dropping the empty cells whose removal makes the row read best: dates under date
 * columns, a name under the owner column.
 */
export function alignCells(cells: string[], mapping: ColumnMapping): string[] {
  const width = Math.max(...Object.keys(mapping).map(Number)) + 1;
  const surplus = cells.length - width;
  if (surplus <= 0) return cells;
  const empties = cells.map((c, i) => (c === '' && i > 0 ? i : -1)).filter((i) => i >= 0);
  if (empties.length < surplus) return cells;
  let best = cells;
  let bestScore = -Infinity;
  if (choose(empties.length, surplus) > MAX_ALIGNMENTS) return alignGreedily(cells, mapping, surplus);
  for (const drop of combinations(empties, surplus)) {
    const candidate = cells.filter((_, i) => !drop.includes(i));
    const score = fitScore(candidate, mapping);
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

function fitScore(cells: string[], mapping: ColumnMapping): number {
  let score = 0;
  for (const [index, role] of Object.entries(mapping)) {
    const text = cells[Number(index)] ?? '';
    if (!text) continue;
    const date = parsePlanDate(text);
    const readsAsDate = isDate(date) && !date.warning;
    if (role === 'due' || role === 'start') score += readsAsDate ? 2 : -2;
    else if (role === 'owner') score += readsAsDate ? -2 : isPlausibleOwner(text) ? 1 : -1;
    else if (role === 'rag') score += normaliseRag(text) ? 2 : -1;
    else if (role === 'resource' && readsAsDate) score -= 1;
  }
  return score;
}

/** Beyond this many ways to drop empty cells, alignment drops them one at a time instead (wide tables). */
const MAX_ALIGNMENTS = 500;

/** n choose k, stopping once it passes MAX_ALIGNMENTS. */
function choose(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) {
    result = (result * (n - k + i)) / i;
    if (result > MAX_ALIGNMENTS) return result;
  }
  return result;
}

/** Drops the surplus empty cells one at a time, each time the one whose removal reads best. */
function alignGreedily(cells: string[], mapping: ColumnMapping, surplus: number): string[] {
  let current = cells;
  for (let n = 0; n < surplus; n++) {
    let best: string[] | null = null;
    let bestScore = -Infinity;
    current.forEach((c, i) => {
      if (c !== '' || i === 0) return;
      const candidate = current.filter((_, j) => j !== i);
      const score = fitScore(candidate, mapping);
      if (score > bestScore) [best, bestScore] = [candidate, score];
    });
    if (!best) break;
    current = best;
  }
  return current;
}

function* combinations(values: number[], k: number, from = 0, chosen: number[] = []): Generator<number[]> {
  if (chosen.length === k) {
    yield chosen;
    return;
  }
  for (let i = from; i < values.length && values.length - i >= k - chosen.length; i++) yield* combinations(values, k, i + 1, [...chosen, values[i]]);
}

/** A lone owner or date under an action that lacks one: it slipped onto the next line. */
function isSlippedCell(fields: RowFields, lastItem: Draft | null): boolean {
  if (!lastItem) return false;
  if (fields.owner) return !lastItem.owner && isPlausibleOwner(fields.owner) && !headingRef(fields.owner) && fields.owner.length <= 80;
  if (fields.due) return !lastItem.dueText && isDate(parsePlanDate(fields.due));
  return false;
}

function fillsGaps(item: Draft, owner: string, due: PlanDate | null): boolean {
  return (!item.owner && isPlausibleOwner(owner)) || (!item.dueText && isDate(due));
}

function dueFields(text: string, due: PlanDate | null): Pick<Draft, 'dueText' | 'dueDate' | 'ongoing'> {
  return { dueText: text, dueDate: due?.dueDate ?? null, ongoing: due?.ongoing ?? false };
}

function makeDraft(
  fields: RowFields,
  parsed: { owner: string; due: PlanDate | null; start: PlanDate | null; rag: Rag | null | undefined; status: Status | null | undefined },
  section: Heading | null,
  where: string,
  warnings: ImportWarning[],
): Draft {
  const { owner, due, start, rag, status } = parsed;
  if (due?.warning) warnings.push({ where, message: `Due date: ${due.warning}.` });
  // No date column: a date the action's own text gives ("… by March 2014") is its due date.
  const written = !fields.due ? dateInText(fields.action) : null;
  if (written) Object.assign(fields, { due: written.text });
  if (!fields.due) warnings.push({ where, message: 'No due date given for this action.' });
  if (start?.warning) warnings.push({ where, message: `Start date: ${start.warning}.` });
  if (!owner) warnings.push({ where, message: 'No owner given for this action.' });
  else if (!isPlausibleOwner(owner)) warnings.push({ where, message: `Owner "${owner}" looks like a cut-off fragment; check it.` });
  if (rag === undefined) warnings.push({ where, message: `RAG "${fields.rag}" is not Red, Amber, Green or Blue; left empty.` });
  if (status === undefined) warnings.push({ where, message: `Status "${fields.status}" is not one the list knows; left empty.` });
  const completed = due?.completed || rag === 'Blue';
  return {
    section: section?.text ?? '',
    sectionRef: section?.ref ?? null,
    explicitRef: fields.ref || refInActionText(fields.action),
    action: fields.action,
    context: fields.context,
    owner,
    ...dueFields(fields.due, written?.date ?? due),
    startDate: start?.dueDate ?? null,
    resource: fields.resource,
    rag: rag ?? null,
    status: status ?? (completed ? 'Completed' : latestProgressStatus(fields.progress)),
    ...(fields.progress ? { progress: fields.progress } : {}),
    measure: fields.measure,
    where,
  };
}

/** Why a row was read as an action, in a few words. */
function describeAction(owner: string, due: PlanDate | null, fields: RowFields): string {
  const has = [isPlausibleOwner(owner) && 'an owner', isDate(due) && 'a date', fields.resource && 'a resource', (fields.rag || fields.status) && 'a status'].filter(Boolean);
  // Without those, what made the row an action: its reference or the status its progress columns give.
  const otherwise = [fields.ref && 'a reference', latestProgressStatus(fields.progress) && 'a status in its progress columns'].filter(Boolean);
  return `action text with ${(has.length ? has : otherwise).join(' and ') || 'data'}`;
}

/** A row a person marked as the header: each cell's wording read for its role, unknown cells ignored. */
function headerFromCells(cells: string[]): NonNullable<ReturnType<typeof matchHeader>> | undefined {
  const mapping: ColumnMapping = {};
  cells.forEach((c, i) => {
    const role = roleOfHeader(c);
    if (role) mapping[i] = role;
  });
  return Object.keys(mapping).length ? { mapping, kind: 'actions', completed: false } : undefined;
}

/** A bulleted line: "• Review…", "- Review…", "o Review…", "▪ Review…". */
const BULLET = /^\s*(?:[•·▪◦‣●○■□➢➤→*–-]|o(?=\s))\s*/;

/**
 * A narrative plan's actions: bulleted lines, each under the heading above it ("Objective 1"
 * and its title). Each row is re-classified: bullets become actions, headings headings, the
 * rest stays commentary. Only used when no row of any table reads as an action.
 */
function narrativeActions(tables: { source: string; rows: TableRow[] }[], classified: ClassifiedRow[], warnings: ImportWarning[], corpus: PhraseCounts): Draft[] {
  const byRow = new Map(classified.map((r) => [rowKey(r.tableIndex, r.rowIndex), r]));
  const numbered = numberedActions(tables, byRow, warnings);
  if (numbered.length) return numbered;
  const drafts: Draft[] = [];
  tables.forEach((table, tableIndex) => {
    let section: Heading | null = null;
    let titled = false;
    table.rows.forEach((row, rowIndex) => {
      const text = row.cells.filter(Boolean).join(' ').trim();
      const shown = byRow.get(rowKey(tableIndex, rowIndex));
      if (!text || !shown || shown.kind === 'furniture' || shown.kind === 'header') return;
      if (BULLET.test(text)) {
        const action = text.replace(BULLET, '').trim();
        if (action.length < 8) return;
        const due = parsePlanDate(action);
        const hasDate = !!due.dueDate && !due.warning;
        drafts.push({
          section: section?.text ?? '', sectionRef: section?.ref ?? null, explicitRef: null, action, context: '', owner: '',
          dueText: hasDate ? action : '', dueDate: hasDate ? due.dueDate : null, ongoing: false, startDate: null, resource: '',
          rag: null, status: null, measure: '', where: row.where,
        });
        Object.assign(shown, { kind: 'action', reason: 'a bulleted line under a heading, in a plan with no table of actions' });
        return;
      }
      if (looksLikeHeading(text)) {
        const heading = parseHeading(text, corpus);
        if (section?.ref && !heading.ref && !titled) {
          // "Objective 1" then its title on the next line: one heading.
          section = { ref: section.ref, text: `${section.text}: ${heading.text}` };
          titled = true;
        } else {
          section = heading;
          titled = !heading.ref;
        }
        Object.assign(shown, { kind: 'heading', reason: 'a heading above bulleted actions' });
      }
    });
  });
  if (drafts.length) {
    warnings.push({ where: tables[0]?.source ?? '', message: `No table of actions was found, so the ${drafts.length} bulleted lines under the plan's headings were taken as actions, without owners. Check them, or give the column mapping.` });
  }
  return drafts;
}

/** Two header lines as one: each column's words joined ("Target" + "date" → "Target date"). */
function joinHeaderLines(first: string[], second: string[]): string[] {
  return Array.from({ length: Math.max(first.length, second.length) }, (_, i) => [first[i], second[i]].filter(Boolean).join(' '));
}

/** A line that can only be the rest of a header: short words, no dates, no sentence. */
function isHeaderFragment(cells: string[]): boolean {
  const filled = cells.filter(Boolean);
  return filled.length > 0 && filled.every((c) => c.length <= 30 && !/[.!?]$/.test(c) && !isDate(parsePlanDate(c)) && !/\d/.test(c));
}

/**
 * Each row's header match, in one pass. A header split over two lines ("Responsible" over
 * "officer", "Completion" over "date") is read as one: the first line gets the joined
 * header's mapping and the second line is marked so it is not read as data.
 */
function headerRows(rows: TableRow[]): { headers: (HeaderMatch | undefined)[]; secondLines: Set<number> } {
  const headers = rows.map((r) => matchHeader(r.cells));
  const secondLines = new Set<number>();
  const named = (m: HeaderMatch | undefined) => (m ? Object.keys(m.mapping).length : 0);
  for (let i = 0; i + 1 < rows.length; i++) {
    const next = rows[i + 1];
    if (headers[i + 1] || !isHeaderFragment(next.cells) || !isHeaderFragment(rows[i].cells)) continue;
    const joined = matchHeader(joinHeaderLines(rows[i].cells, next.cells));
    if (joined && named(joined) > named(headers[i])) {
      headers[i] = joined;
      secondLines.add(i + 1);
      i++;
    }
  }
  return { headers, secondLines };
}

/** The status the last (latest) progress column states, when it is one the list knows ("Completed", "Behind schedule"). */
function latestProgressStatus(progress: string): Status | null {
  const last = progress.split('\n').map((l) => l.trim()).filter(Boolean).pop() ?? '';
  return last.length <= 40 ? normaliseStatus(last) ?? null : null;
}

/**
 * The progress columns of a header, oldest first by the date heading each ("31/1/2015",
 * "Q2 2024/25"); null when fewer than two are dated. A date written month-first
 * ("4/30/2014") is read that way when day-first cannot be right.
 */
function datedColumnOrder(cells: string[], mapping: ColumnMapping): number[] | null {
  const dated = Object.entries(mapping)
    .filter(([, role]) => role === 'progress')
    .map(([i]) => ({ i: Number(i), date: headerDate(cells[Number(i)] ?? '') }))
    .filter((c): c is { i: number; date: string } => c.date !== null);
  if (dated.length < 2) return null;
  return dated.sort((a, b) => a.date.localeCompare(b.date)).map((c) => c.i);
}

function headerDate(text: string): string | null {
  const parsed = parsePlanDate(text);
  if (parsed.dueDate && !parsed.warning) return parsed.dueDate;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return us ? parsePlanDate(`${us[2]}/${us[1]}/${us[3]}`).dueDate : null;
}

/** A numbered action line: `2.4.ii. Strengthen…`, `3.14 Receive…` (two levels or more, so "1. Housing" stays a heading). */
const NUMBERED_ACTION = /^(\d{1,3}(?:\.\d{1,3})+(?:\.[ivx]{1,5})?|\d{1,3}\.[ivx]{1,5})\.?\s+(\S.{15,})$/;

/** A line that can name who owns the action below it: short, not a sentence, not numbered or bulleted. */
const isOwnerLine = (text: string) => text.length <= 80 && !/[.:;,]$/.test(text) && !BULLET.test(text) && !NUMBERED_ACTION.test(text) && /^[A-Z]/.test(text);

/**
 * A list of numbered actions with no table (a business-plan tracker): each numbered line is
 * an action with its own reference. When (nearly) every one follows a short line naming a
 * department or team, that line is its owner. Empty when fewer than two numbered lines exist.
 */
function numberedActions(tables: { source: string; rows: TableRow[] }[], byRow: Map<string, ClassifiedRow>, warnings: ImportWarning[]): Draft[] {
  const found: { tableIndex: number; rowIndex: number; ref: string; action: string; owner: string; ownerRow: number | null; where: string }[] = [];
  tables.forEach((table, tableIndex) => {
    let previous: { text: string; rowIndex: number } | null = null;
    table.rows.forEach((row, rowIndex) => {
      const text = row.cells.filter(Boolean).join(' ').trim();
      if (!text) return;
      const m = NUMBERED_ACTION.exec(text);
      if (m) found.push({ tableIndex, rowIndex, ref: m[1], action: m[2].trim(), owner: previous && isOwnerLine(previous.text) ? previous.text : '', ownerRow: previous?.rowIndex ?? null, where: row.where });
      previous = { text, rowIndex };
    });
  });
  if (found.length < 2) return [];
  const ownerLines = found.filter((f) => f.owner).length / found.length >= 0.8;
  const drafts = found.map((f): Draft => {
    const row = byRow.get(rowKey(f.tableIndex, f.rowIndex));
    if (row) Object.assign(row, { kind: 'action', reason: 'a numbered action line, in a plan with no table of actions' });
    const ownerRow = ownerLines && f.owner && f.ownerRow !== null ? byRow.get(rowKey(f.tableIndex, f.ownerRow)) : undefined;
    if (ownerRow) Object.assign(ownerRow, { kind: 'action', reason: 'names the owner of the numbered action below it' });
    return {
      section: '', sectionRef: null, explicitRef: f.ref, action: f.action, context: '', owner: ownerLines ? f.owner : '',
      dueText: '', dueDate: null, ongoing: false, startDate: null, resource: '', rag: null, status: null, measure: '', where: f.where,
    };
  });
  warnings.push({ where: tables[0]?.source ?? '', message: `No table of actions was found, so the ${drafts.length} numbered lines were taken as actions${ownerLines ? ', each owned by the line above it' : ', without owners'}. Check them, or give the column mapping.` });
  return drafts;
}
