import { Badge } from '@fluentui/react-components';
import type { Rag } from '../../domain/plan-item';

/** Why an action needs attention, as `badgeFor` in the domain decides. */
export type AttentionKind = 'overdue' | 'due-soon' | 'no-update';

export type AttentionBadgeProps = { kind: AttentionKind };

const ATTENTION = {
  overdue: { label: 'Overdue', color: 'danger' },
  'due-soon': { label: 'Due soon', color: 'warning' },
  'no-update': { label: 'No update', color: 'informative' },
} as const;

/** The overdue / due-soon / no-update badge of an action. */
export function AttentionBadge({ kind }: AttentionBadgeProps) {
  const { label, color } = ATTENTION[kind];
  return <Badge appearance="tint" color={color} shape="rounded">{label}</Badge>;
}

export type RagBadgeProps = { rag: Rag | null };

const RAG_COLOR = { Red: 'danger', Amber: 'warning', Green: 'success', Blue: 'brand' } as const;

/** A RAG rating, always spelt out so it never relies on colour alone. */
export function RagBadge({ rag }: RagBadgeProps) {
  // Outline "informative" uses the neutral foreground: readable on every theme (the
  // "subtle" colour drew white text on the white page).
  if (!rag) return <Badge appearance="outline" color="informative" shape="rounded">Not set</Badge>;
  return <Badge appearance="tint" color={RAG_COLOR[rag]} shape="rounded">{rag}</Badge>;
}
