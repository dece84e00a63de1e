import type { ParsedPlan } from './table';

/** The `--dry-run --json` document: what would be imported, and what needs a person's look. */
export function dryRunDocument(parsed: ParsedPlan) {
  return {
    plan: parsed.plan,
    items: parsed.items.map((i) => ({
      section: i.section,
      actionRef: i.actionRef,
      title: i.title,
      action: i.action,
      owner: i.owner,
      dueText: i.dueText,
      dueDate: i.dueDate,
      ongoing: i.ongoing,
      startDate: i.startDate,
      resource: i.resource,
      rag: i.rag,
      status: i.status,
      measure: i.measure,
    })),
    progressNotes: parsed.progressNotes.map((n) => ({ section: n.section, text: n.text, completed: n.completed })),
    warnings: parsed.warnings.map((w) => ({ where: w.where, message: w.message })),
  };
}
