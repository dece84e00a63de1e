import { readFileSync } from 'node:fs';
import { parsePlanFile } from './src/importer/parse-plan-file';
(async () => {
  const f = process.argv[2];
  const p = await parsePlanFile(new Uint8Array(readFileSync(f)), f);
  for (const i of p.items) console.log([i.actionRef, i.section.slice(0, 50), i.owner.slice(0, 40), i.dueText, i.dueDate, i.ongoing, i.rag, i.status, i.title.slice(0, 50)].join(' | '));
  console.log('items', p.items.length, 'notes', p.progressNotes.length);
  for (const w of p.warnings) console.log('W', w.where, w.message);
})().catch((e) => { console.error(e); process.exit(1); });
