import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedItem } from '../../../src/importer/table';

export const PLANS_DIR = path.resolve(__dirname, '../../fixtures/plans');
export const SAMPLE_PLANS = ['scrutiny-review-staff-representation.txt', 'bame-inequalities-commission.txt', 'equality-improvement-plan.txt'];

/** A sample plan's bytes, as the CLI or the tab would hand them over. */
export function planBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(PLANS_DIR, name)));
}

/** The one action whose text starts with these words (fails if none or several). */
export function actionStartingWith(items: ParsedItem[], start: string): ParsedItem {
  const found = items.filter((i) => i.action.startsWith(start));
  if (found.length !== 1) throw new Error(`expected one action starting "${start}", found ${found.length}`);
  return found[0];
}

/** What a test states about an action, as read from the plan by a person. */
export type Expected = { section: string; owner: string; dueText: string; dueDate: string | null; ongoing: boolean };

/** The fields a test pins, picked from an item. */
export function pinned(item: ParsedItem): Expected {
  return { section: item.section, owner: item.owner, dueText: item.dueText, dueDate: item.dueDate, ongoing: item.ongoing };
}
