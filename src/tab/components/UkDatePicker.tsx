import { DatePicker, type DatePickerProps } from '@fluentui/react-datepicker-compat';
import type { IsoDate } from '../../domain/plan-item';
import { formatUkDate, isoOfLocalDate, localDateOf, parseUkDate } from '../../domain/uk-dates';

export type UkDatePickerProps = {
  value: IsoDate | '' | undefined;
  onChange(date: IsoDate | undefined): void;
  /** Spoken name when the picker is not inside a labelled Field. */
  'aria-label'?: string;
  className?: string;
};

// The calendar package's DayOfWeek enum is not a dependency of ours; Monday is its 1.
const MONDAY = 1 as NonNullable<DatePickerProps['firstDayOfWeek']>;

/**
 * Fluent's date picker set up for UK users: typed dates read day first (dd/MM/yyyy), the
 * calendar starts on Monday, and the value in and out is a `yyyy-mm-dd` calendar date.
 * The browser's own date box is not used: it shows mm/dd/yyyy in many en-GB setups.
 */
export function UkDatePicker({ value, onChange, className, ...aria }: UkDatePickerProps) {
  return (
    <DatePicker className={className} allowTextInput placeholder="dd/mm/yyyy" firstDayOfWeek={MONDAY}
      value={value ? localDateOf(value) : null}
      formatDate={(date) => (date ? formatUkDate(isoOfLocalDate(date)) : '')}
      parseDateFromString={(text) => { const iso = parseUkDate(text); return iso ? localDateOf(iso) : null; }}
      onSelectDate={(date) => onChange(date ? isoOfLocalDate(date) : undefined)}
      {...aria} />
  );
}
