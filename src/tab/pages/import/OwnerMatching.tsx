import { Combobox, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import type { MatchHow, OwnerProposal, SiteUser } from '../../../domain/owner-matching';
import { useImportPageStyles } from './useImportPageStyles.styles';

/** A person's decision about one owner text: a person, or keep it as text. */
export type OwnerDecision = { personId: number | null; keepAsText: boolean };

const HOW: Record<MatchHow, string> = {
  alias: 'remembered from an earlier import',
  name: 'full name in the text',
  fuzzy: 'a near spelling of a name — check it',
  'partial-name': 'a first or last name alone — check it',
  'job-title': 'their job title — check it',
};

/** Why the proposal is what it is, in words. */
function describe(proposal: OwnerProposal): string {
  if (proposal.people.length) return proposal.people.map((p) => `${p.title} (${HOW[p.how]})`).join('; ');
  if (proposal.kind === 'alias') return 'Kept as text (remembered from an earlier import)';
  return proposal.kind === 'team' ? 'A board, team or group: kept as text' : 'No site user found';
}

const KEEP = 'keep';

export type OwnerMatchingProps = {
  proposals: OwnerProposal[];
  users: SiteUser[];
  decisions: Record<string, OwnerDecision>;
  keyOf(text: string): string;
  disabled?: boolean;
  onDecide(text: string, decision: OwnerDecision): void;
};

/**
 * Each distinct owner text of the plan, what the importer proposes, and a people picker
 * (a combobox over the site's users: type to filter, arrows and Enter to pick) to confirm
 * or change it. Choices are remembered as Owner Aliases when the plan is imported.
 */
export function OwnerMatching({ proposals, users, decisions, keyOf, disabled, onDecide }: OwnerMatchingProps) {
  const styles = useImportPageStyles();
  const byId = new Map(users.map((u) => [String(u.id), u]));
  return (
    <Table aria-label="Owners" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Owner as written</TableHeaderCell>
          <TableHeaderCell>Proposed</TableHeaderCell>
          <TableHeaderCell>Person</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {proposals.map((proposal) => {
          const decision = decisions[keyOf(proposal.text)];
          const chosen = decision?.personId ? byId.get(String(decision.personId)) : undefined;
          return (
            <TableRow key={proposal.text}>
              <TableCell><span className={styles.cellText}>{proposal.text}</span></TableCell>
              <TableCell><span className={styles.cellText}>{describe(proposal)}</span></TableCell>
              <TableCell>
                <OwnerPicker label={`Person for ${proposal.text}`} users={users} chosen={chosen} disabled={disabled} onDecide={(d) => onDecide(proposal.text, d)} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

type OwnerPickerProps = { label: string; users: SiteUser[]; chosen: SiteUser | undefined; disabled?: boolean; onDecide(decision: OwnerDecision): void };

/** A people picker over the site's users: typing narrows the list; arrows and Enter choose. */
function OwnerPicker({ label, users, chosen, disabled, onDecide }: OwnerPickerProps) {
  const [query, setQuery] = useState<string | null>(null);
  const typed = (query ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  const matching = typed ? users.filter((u) => u.title.toLowerCase().includes(typed) || (u.email ?? '').toLowerCase().startsWith(typed)) : users;
  return (
    <Combobox
      aria-label={label}
      value={query ?? (chosen ? chosen.title : 'Keep as text')}
      selectedOptions={[chosen ? String(chosen.id) : KEEP]}
      disabled={disabled}
      onChange={(event) => setQuery(event.target.value)}
      onOpenChange={(_, data) => { if (!data.open) setQuery(null); }}
      onOptionSelect={(_, data) => {
        setQuery(null);
        if (!data.optionValue) return;
        onDecide(data.optionValue === KEEP ? { personId: null, keepAsText: true } : { personId: Number(data.optionValue), keepAsText: false });
      }}
    >
      <Option value={KEEP} text="Keep as text">Keep as text</Option>
      {matching.map((user) => (
        <Option key={user.id} value={String(user.id)} text={user.title}>{user.email ? `${user.title} (${user.email})` : user.title}</Option>
      ))}
    </Combobox>
  );
}
