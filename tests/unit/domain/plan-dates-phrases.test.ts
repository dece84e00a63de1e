import { parsePlanDate } from '../../../src/domain/plan-dates';

// Issue 12 part 3: dates as people write them, on top of DESIGN's "Dates in plans".
describe('parsePlanDate on dates as people write them', () => {
  it.each<[string, string]>([
    ['Q3 2023/24', '2023-12-31'],
    ['Q1 2023/24', '2023-06-30'],
    ['2023/24', '2024-03-31'],
    ['31/03/2024', '2024-03-31'],
    ['03/04/2024', '2024-04-03'],
    ['by end of March 2024', '2024-03-31'],
    ['By the end of 2024', '2024-12-31'],
    ['end of Q2 2024/25', '2024-09-30'],
    ['no later than 30 June 2025', '2025-06-30'],
    ['Autumn 2024', '2024-11-30'],
    ['Winter 2024', '2025-02-28'],
    ['report to Cabinet by 28 February 2014', '2014-02-28'],
    ['Options paper to CMT in Sept 2023 then Cabinet', '2023-09-30'],
    ['Annual report each July, first in 2025', '2025-12-31'],
  ])('%s → %s', (text, due) => {
    const parsed = parsePlanDate(text);
    expect(parsed.dueDate).toBe(due);
    expect(parsed.warning).toBeUndefined();
  });

  it('takes the last of several dates in one cell as the due date and keeps the others as milestones', () => {
    expect(parsePlanDate('Draft by Jan 24, consultation Mar 24, final policy June 2024')).toEqual({ dueDate: '2024-06-30', ongoing: false, milestones: ['2024-01-31', '2024-03-31'] });
    expect(parsePlanDate('Phase 1: 31/10/2023; Phase 2: 31/03/2024')).toMatchObject({ dueDate: '2024-03-31', milestones: ['2023-10-31'] });
  });

  it('reads a status in the date column as the status, with no date', () => {
    expect(parsePlanDate('Completed')).toEqual({ dueDate: null, ongoing: false, completed: true });
    expect(parsePlanDate('Complete - see update')).toEqual({ dueDate: null, ongoing: false, completed: true });
    expect(parsePlanDate('Completed March 2023')).toMatchObject({ dueDate: '2023-03-31', completed: true });
  });

  it.each(['D 04', 'May Smith', 'June Bloggs, Head of HR', 'TBC', '-', 'Section 4.2'])('gives no date and a warning for "%s", which only looks like a date', (text) => {
    const parsed = parsePlanDate(text);
    expect(parsed.dueDate).toBeNull();
    expect(parsed.warning).toMatch(/is not a date I can read; no date set/);
  });
});
