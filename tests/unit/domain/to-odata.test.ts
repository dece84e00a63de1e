import type { PlanFilter } from '../../../src/domain/filter-model';
import { narrowsThroughIndex, toODataFilter } from '../../../src/domain/to-odata';

const context = { today: '2026-11-24', currentUserId: 12 };

// Typed by every key of PlanFilter, so adding a filter field without its OData form fails to compile.
const EVERY_FIELD: Record<keyof Required<PlanFilter>, [PlanFilter, string]> = {
  plan: [{ plan: 'Climate Plan' }, "Plan eq 'Climate Plan'"],
  ownerId: [{ ownerId: 7 }, 'OwnerId eq 7'],
  ownerIsMe: [{ ownerIsMe: true }, 'OwnerId eq 12'],
  ownerText: [{ ownerText: 'Head of Housing' }, "OwnerText eq 'Head of Housing'"],
  statuses: [{ statuses: ['Not started', 'On hold'] }, "(Status eq 'Not started' or Status eq 'On hold')"],
  rags: [{ rags: ['Red'] }, "RAG eq 'Red'"],
  section: [{ section: '2. Transport' }, "Section eq '2. Transport'"],
  steeringGroup: [{ steeringGroup: 'Climate Board' }, "SteeringGroup eq 'Climate Board'"],
  dueFrom: [{ dueFrom: '2026-01-01' }, "DueDate ge datetime'2026-01-01T00:00:00Z'"],
  dueTo: [{ dueTo: '2024-05-31' }, "DueDate le datetime'2024-05-31T00:00:00Z'"],
  dueWithinDays: [
    { dueWithinDays: 30 },
    "DueDate ge datetime'2026-11-24T00:00:00Z' and DueDate le datetime'2026-12-24T00:00:00Z' and Status ne 'Completed' and Status ne 'Cancelled'",
  ],
  overdue: [{ overdue: true }, "DueDate lt datetime'2026-11-24T00:00:00Z' and Status ne 'Completed' and Status ne 'Cancelled'"],
  completed: [{ completed: true }, "Status eq 'Completed'"],
  lastUpdatedBefore: [{ lastUpdatedBefore: '2026-10-25T00:00:00.000Z' }, "(LastUpdated lt datetime'2026-10-25T00:00:00Z' or LastUpdated eq null)"],
  lastUpdatedFrom: [{ lastUpdatedFrom: '2026-11-17T09:00:00+00:00' }, "LastUpdated ge datetime'2026-11-17T09:00:00Z'"],
  text: [{ text: 'cycle' }, "(substringof('cycle',Title) or substringof('cycle',ActionDetails) or substringof('cycle',ActionRef) or substringof('cycle',OwnerText))"],
};

describe('toODataFilter', () => {
  it('is empty for an empty filter, and for fields that are switched off', () => {
    expect(toODataFilter({}, context)).toBe('');
    expect(toODataFilter({ ownerIsMe: false, overdue: false, completed: false, statuses: [], rags: [], text: '' }, context)).toBe('');
  });

  it.each(Object.entries(EVERY_FIELD))('writes %s', (_key, [filter, expected]) => {
    expect(toODataFilter(filter, context)).toBe(expected);
  });

  it('doubles single quotes in every text value', () => {
    expect(toODataFilter({ ownerText: "O'Brien" }, context)).toBe("OwnerText eq 'O''Brien'");
    expect(toODataFilter({ text: "it's" }, context)).toContain("substringof('it''s',Title)");
    expect(toODataFilter({ plan: "'; drop", section: "a'b", steeringGroup: "c''d" }, context)).toBe(
      "Section eq 'a''b' and SteeringGroup eq 'c''''d' and Plan eq '''; drop'",
    );
  });

  it('leaves & and < as they are: the repository URL-encodes the whole filter', () => {
    expect(toODataFilter({ section: 'Roads & <Paths>' }, context)).toBe("Section eq 'Roads & <Paths>'");
  });

  it('puts the most selective indexed condition first and non-narrowing ones last', () => {
    const filter: PlanFilter = { text: 'x', plan: 'P', overdue: true, ownerId: 3, rags: ['Red', 'Amber'] };
    expect(toODataFilter(filter, context)).toBe(
      "OwnerId eq 3 and (RAG eq 'Red' or RAG eq 'Amber') and DueDate lt datetime'2026-11-24T00:00:00Z' and Plan eq 'P'" +
        " and Status ne 'Completed' and Status ne 'Cancelled'" +
        " and (substringof('x',Title) or substringof('x',ActionDetails) or substringof('x',ActionRef) or substringof('x',OwnerText))",
    );
  });

  it('says "still open" once when both overdue and due-within are set', () => {
    const out = toODataFilter({ overdue: true, dueWithinDays: 7 }, context);
    expect(out.match(/Status ne 'Completed'/g)).toHaveLength(1);
  });

  it('asks for the current user when ownerIsMe has no user id', () => {
    expect(() => toODataFilter({ ownerIsMe: true }, { today: '2026-11-24' })).toThrow("The filter 'ownerIsMe' needs the current user's site user id");
  });

  it('refuses values it cannot write safely', () => {
    expect(() => toODataFilter({ dueTo: "2024-05-31' or 1 eq 1" }, context)).toThrow("Filter 'dueTo' must be a date such as 2024-05-31");
    expect(() => toODataFilter({ ownerId: 1.5 }, context)).toThrow("Filter 'ownerId' must be a site user id");
    expect(() => toODataFilter({ dueWithinDays: -1 }, context)).toThrow("Filter 'dueWithinDays' must be a whole number of days");
    expect(() => toODataFilter({ lastUpdatedFrom: '2026-11-17' }, context)).toThrow("Filter 'lastUpdatedFrom' must be a date and time with a zone");
    expect(() => toODataFilter({ statuses: ["Done' or 1 eq 1" as 'Completed'] }, context)).toThrow("Filter 'statuses' has");
  });
});

describe('narrowsThroughIndex', () => {
  it('is false for an empty filter and for free text alone', () => {
    expect(narrowsThroughIndex({})).toBe(false);
    expect(narrowsThroughIndex({ text: 'cycle' })).toBe(false);
  });

  it.each(Object.entries(EVERY_FIELD).filter(([key]) => key !== 'text'))('is true for %s', (_key, [filter]) => {
    expect(narrowsThroughIndex(filter)).toBe(true);
  });

  it('is true when free text comes with an indexed condition', () => {
    expect(narrowsThroughIndex({ text: 'cycle', plan: 'Climate Plan' })).toBe(true);
  });
});
