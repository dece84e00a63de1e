import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { QuerySyntaxError } from './ast';

/** An XML element with its attributes, child elements, text and 0-based start offset. */
export type XmlElement = {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (entities and CDATA decoded), child elements excluded. */
  text: string;
  pos: number;
};

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Values stay text: the CAML reader converts them by their Type attribute.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
});

/**
 * Parses an XML document into a tree of elements; throws `QuerySyntaxError` (prefixed with
 * `what`, e.g. "CAML") with the offset of the problem when the XML is not well formed.
 */
export function parseXmlTree(xml: string, what: string): XmlElement {
  // A DTD could declare entities (XXE, billion laughs); SharePoint's CAML reader refuses it.
  const dtd = /<!DOCTYPE|<!ENTITY/i.exec(xml);
  if (dtd) throw new QuerySyntaxError(`Syntax error at position ${dtd.index} in ${what}: a DTD or entity declaration is not allowed`, dtd.index);
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const pos = offsetOf(xml, validation.err.line, validation.err.col);
    throw new QuerySyntaxError(`Syntax error at position ${pos} in ${what}: malformed XML: ${validation.err.msg}`, pos);
  }
  const nodes = parser.parse(xml) as OrderedNode[];
  const cursor = { at: 0 };
  const roots = toElements(nodes, xml, cursor);
  if (roots.length !== 1) throw new QuerySyntaxError(`Syntax error at position 0 in ${what}: expected exactly one root element`, 0);
  return roots[0];
}

function toElements(nodes: OrderedNode[], xml: string, cursor: { at: number }): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (name === undefined || name === '#text' || name.startsWith('?')) continue;
    // The tree comes in document order, so each start tag is the next `<Name` after the
    // previous one: that recovers positions the parser does not report.
    const pos = findStartTag(xml, name, cursor.at);
    cursor.at = pos + 1;
    const inner = (node[name] as OrderedNode[]) ?? [];
    const text = inner
      .filter((child) => '#text' in child)
      .map((child) => String(child['#text']))
      .join('');
    elements.push({ name, attrs: node[':@'] ?? {}, children: toElements(inner, xml, cursor), text, pos });
  }
  return elements;
}

function findStartTag(xml: string, name: string, from: number): number {
  let at = xml.indexOf(`<${name}`, from);
  while (at >= 0 && /[A-Za-z0-9_.:-]/.test(xml[at + name.length + 1] ?? '')) at = xml.indexOf(`<${name}`, at + 1);
  return at >= 0 ? at : from;
}

function offsetOf(text: string, line: number, col: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return Math.min(offset + Math.max(col - 1, 0), text.length);
}
