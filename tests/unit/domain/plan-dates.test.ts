import { parsePlanDate } from '../../../src/domain/plan-dates';

describe('parsePlanDate', () => {
  it.each([
    ['May-21', '2021-05-31'],
    ['Jul-21', '2021-07-31'],
    ['Feb-23', '2023-02-28'],
    ['Feb-24', '2024-02-29'],
    ['Sept 2018', '2018-09-30'],
    ['Sep 2018', '2018-09-30'],
    ['August 2017', '2017-08-31'],
    ['Jan 23', '2023-01-31'],
    ['Nov 22', '2022-11-30'],
    ['November 2022', '2022-11-30'],
    ['April 23', '2023-04-30'],
    ['2023', '2023-12-31'],
    ['Jan to March 24', '2024-03-31'],
    ['Aug – Sept 2022', '2022-09-30'],
    ['Jan-Mar 2024', '2024-03-31'],
    ['Nov 2024 to Feb', '2025-02-28'],
    ['31/03/2024', '2024-03-31'],
    ['1/4/24', '2024-04-01'],
    ['31.03.2024', '2024-03-31'],
    ['31st March 2024', '2024-03-31'],
    ['2nd of May 2023', '2023-05-02'],
    ['March 31, 2024', '2024-03-31'],
    ['2024-03-31', '2024-03-31'],
    ['03/2024', '2024-03-31'],
    ['End of June 2023', '2023-06-30'],
    ['by Dec 2022', '2022-12-31'],
    ['2021/22', '2022-03-31'],
    ['FY 2023-24', '2024-03-31'],
    ['Q3 21/22', '2021-12-31'],
    ['Q4 2021/22', '2022-03-31'],
    ['Q1 2023/24', '2023-06-30'],
    ['Q2 2022', '2022-06-30'],
    ['Spring 2023', '2023-05-31'],
    ['Autumn 2022', '2022-11-30'],
    ['Winter 2023', '2024-02-29'],
  ])('reads %s as due %s', (text, expected) => {
    const result = parsePlanDate(text);
    expect(result.dueDate).toBe(expected);
    expect(result.ongoing).toBe(false);
    expect(result.warning).toBeUndefined();
  });

  it.each(['On-going', 'Ongoing', 'ongoing', 'On going', 'Continuous'])('reads %s as ongoing with no date', (text) => {
    expect(parsePlanDate(text)).toEqual({ dueDate: null, ongoing: true });
  });

  it.each([
    ['Bi-annual', 'Bi-annual'],
    ['Quarterly', 'Quarterly'],
    ['Annually', 'Annually'],
  ])('reads %s as a recurrence', (text, recurrence) => {
    expect(parsePlanDate(text)).toEqual({ dueDate: null, ongoing: true, recurrence });
  });

  it.each([
    ['Nov 2022 & Ongoing', '2022-11-30'],
    ['Sept 2022 & ongoing', '2022-09-30'],
    ['Oct 22 & Ongoing', '2022-10-31'],
    ['Mar-22 and on-going', '2022-03-31'],
  ])('reads %s as both a date and ongoing', (text, expected) => {
    expect(parsePlanDate(text)).toEqual({ dueDate: expected, ongoing: true });
  });

  it.each(['Complete', 'completed', 'Done'])('reads %s as completed with no date or warning', (text) => {
    expect(parsePlanDate(text)).toEqual({ dueDate: null, ongoing: false, completed: true });
  });

  it.each(['-', 'D 04', 'TBC', 'Under development', 'March', '32/01/2024', '29/02/2023', 'Q5 2022'])('gives no date and a warning naming the text for %s', (text) => {
    const result = parsePlanDate(text);
    expect(result.dueDate).toBeNull();
    expect(result.ongoing).toBe(false);
    expect(result.warning).toContain(`'${text}'`);
  });

  it('gives nothing for empty text, without a warning', () => {
    expect(parsePlanDate('   ')).toEqual({ dueDate: null, ongoing: false });
  });

  it('reads a financial year slip like Q3 21/21 as 2021/22 and says so', () => {
    const result = parsePlanDate('Q3 21/21');
    expect(result.dueDate).toBe('2021-12-31');
    expect(result.warning).toMatch(/21\/21.*2021\/22/);
  });

  it('gives the start of the period when asked for a start date', () => {
    expect(parsePlanDate('May-21', 'start').dueDate).toBe('2021-05-01');
    expect(parsePlanDate('Jan to March 24', 'start').dueDate).toBe('2024-01-01');
    expect(parsePlanDate('2021/22', 'start').dueDate).toBe('2021-04-01');
    expect(parsePlanDate('On-going', 'start')).toEqual({ dueDate: null, ongoing: true });
  });
});
