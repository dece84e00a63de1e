import { XMLParser } from 'fast-xml-parser';
import { ImportError, type Table, type TableRow } from '../table';
import { assertXmlDepth, readZipParts } from './read-zip';

/** A node of fast-xml-parser's order-preserving output: `{ tag: children, ':@': attributes }`. */
type XmlNode = Record<string, unknown>;

const tagOf = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@') ?? '';
const childrenOf = (node: XmlNode) => (node[tagOf(node)] as XmlNode[] | undefined) ?? [];
const attr = (node: XmlNode, name: string) => (node[':@'] as Record<string, string> | undefined)?.[name];

/** Every w:t, w:tab and w:br under a node, as text. */
function runText(node: XmlNode): string {
  const tag = tagOf(node);
  if (tag === '#text') return String(node['#text']);
  if (tag === 'w:tab') return '\t';
  if (tag === 'w:br' || tag === 'w:cr') return '\n';
  // Tables are read as rows; properties, field codes and deleted text are not content.
  if (tag === 'w:tbl' || tag === 'w:pPr' || tag === 'w:rPr' || tag === 'w:instrText' || tag === 'w:delText') return '';
  return childrenOf(node).map(runText).join('');
}

/** Content controls and custom XML wrap paragraphs and tables without changing them: look through them. */
const WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml']);

function blocks(nodes: XmlNode[]): XmlNode[] {
  return nodes.flatMap((n) => (WRAPPERS.has(tagOf(n)) ? blocks(childrenOf(n)) : [n]));
}

type Cell = { text: string; span: number; vMerge: 'restart' | 'continue' | null };

/** The properties of a w:tc: how many grid columns it spans and whether it merges down. */
function cellProps(tc: XmlNode): Pick<Cell, 'span' | 'vMerge'> {
  const tcPr = childrenOf(tc).find((n) => tagOf(n) === 'w:tcPr');
  let span = 1;
  let vMerge: Cell['vMerge'] = null;
  for (const p of tcPr ? childrenOf(tcPr) : []) {
    if (tagOf(p) === 'w:gridSpan') span = Math.max(1, Number(attr(p, 'w:val')) || 1);
    if (tagOf(p) === 'w:vMerge') vMerge = attr(p, 'w:val') === 'restart' ? 'restart' : 'continue';
  }
  return { span, vMerge };
}

/**
 * A `.docx` document → one table of rows in document order: every table row (nested
 * tables' rows follow the row that holds them), and every paragraph outside tables as a
 * one-cell `paragraph` row, since those are often the section headings. Merged cells:
 * `w:gridSpan` keeps the grid aligned with empty cells; `w:vMerge` repeats the text above.
 */
export async function readDocx(bytes: Uint8Array, source: string): Promise<Table[]> {
  const part = readZipParts(bytes, source, (name) => name === 'word/document.xml', { kind: 'Word document', app: 'Word as .docx' }).get('word/document.xml');
  if (!part) throw new ImportError(`${source} has no word/document.xml, so it is not a Word document. Save it again from Word as .docx.`);
  assertXmlDepth(part, source, 'word/document.xml');
  const xml = new TextDecoder().decode(part);
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false });
  const doc = parser.parse(xml) as XmlNode[];
  const documentNode = doc.find((n) => tagOf(n) === 'w:document');
  const body = documentNode && childrenOf(documentNode).find((n) => tagOf(n) === 'w:body');
  if (!body) throw new ImportError(`${source} has no document body. Save it again from Word as .docx.`);

  const rows: TableRow[] = [];
  let paragraphs = 0;
  let tables = 0;

  const readTable = (tbl: XmlNode) => {
    const tableNo = ++tables;
    const above: string[] = [];
    let rowNo = 0;
    for (const tr of blocks(childrenOf(tbl)).filter((n) => tagOf(n) === 'w:tr')) {
      rowNo++;
      const cells: string[] = [];
      const nested: XmlNode[] = [];
      for (const tc of blocks(childrenOf(tr)).filter((n) => tagOf(n) === 'w:tc')) {
        const { span, vMerge } = cellProps(tc);
        const content = blocks(childrenOf(tc));
        nested.push(...content.filter((n) => tagOf(n) === 'w:tbl'));
        const text = content.filter((n) => tagOf(n) === 'w:p').map(runText).join('\n').trim();
        const col = cells.length;
        cells.push(vMerge === 'continue' ? (above[col] ?? '') : text);
        for (let i = 1; i < span; i++) cells.push('');
      }
      cells.forEach((c, i) => (above[i] = c));
      rows.push({ cells, where: `${source} table ${tableNo} row ${rowNo}`, kind: 'row' });
      nested.forEach(readTable);
    }
  };

  for (const node of blocks(childrenOf(body))) {
    const tag = tagOf(node);
    if (tag === 'w:tbl') readTable(node);
    else if (tag === 'w:p') {
      paragraphs++;
      const text = runText(node).trim();
      if (text) rows.push({ cells: [text], where: `${source} paragraph ${paragraphs}`, kind: 'paragraph' });
    }
  }
  return [{ source, rows }];
}
