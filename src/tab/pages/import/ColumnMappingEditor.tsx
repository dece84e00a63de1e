import { Field, Select } from '@fluentui/react-components';
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole } from '../../../importer/table';
import { useImportPageStyles } from './useImportPageStyles.styles';

/** What each column role means, as the select offers it. */
export const ROLE_LABELS: Record<ColumnRole, string> = {
  ref: 'Reference',
  section: 'Section',
  action: 'Action',
  context: 'Evidence / background',
  owner: 'Owner',
  due: 'Due date',
  start: 'Start date',
  resource: 'Resource',
  rag: 'RAG',
  status: 'Status',
  measure: 'Measure',
  progress: 'Progress note',
  ignore: 'Not used',
};

export type ColumnMappingEditorProps = {
  header: string[];
  mapping: ColumnMapping;
  disabled?: boolean;
  onChange(column: number, role: ColumnRole): void;
};

/** One select per column of the detected header row: what the importer reads it as. */
export function ColumnMappingEditor({ header, mapping, disabled, onChange }: ColumnMappingEditorProps) {
  const styles = useImportPageStyles();
  return (
    <div className={styles.mappingGrid}>
      {header.map((cell, column) => {
        const name = cell.replace(/\s+/g, ' ').trim() || `Column ${column + 1}`;
        return (
          <Field key={column} label={`Column ${column + 1}: ${name}`}>
            <Select
              value={mapping[column] ?? 'ignore'}
              disabled={disabled}
              onChange={(_, data) => onChange(column, data.value as ColumnRole)}
            >
              {COLUMN_ROLES.map((role) => <option key={role} value={role}>{ROLE_LABELS[role]}</option>)}
            </Select>
          </Field>
        );
      })}
    </div>
  );
}
