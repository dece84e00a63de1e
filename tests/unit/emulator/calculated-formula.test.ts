import { evaluateFormula, formulaRefs, parseFormula, type FormulaValue } from '../../../src/emulator/store/calculated-formula';
import { SpError } from '../../../src/emulator/sp-error';

const run = (formula: string, values: Record<string, FormulaValue> = {}) => evaluateFormula(parseFormula(formula), (name) => values[name] ?? null);

describe('calculated formulas (the subset a list app uses)', () => {
  it('does arithmetic with SharePoint precedence and text joins', () => {
    expect(run('=1+2*3')).toBe(7);
    expect(run('=(1+2)*3')).toBe(9);
    expect(run('=-[A]+10', { A: 4 })).toBe(6);
    expect(run('=[First]&" "&[Last]', { First: 'Ada', Last: 'Lovelace' })).toBe('Ada Lovelace');
    expect(run('=CONCATENATE("#",[N])', { N: 3 })).toBe('#3');
  });

  it('compares, branches and tests for blanks', () => {
    expect(run('=IF([Score]>=50,"Pass","Fail")', { Score: 50 })).toBe('Pass');
    expect(run('=IF(AND([A]>1,NOT([B]=2)),1,0)', { A: 2, B: 3 })).toBe(1);
    expect(run('=IF(OR([A]="x",[A]="y"),"hit")', { A: 'Y' })).toBe('hit');
    expect(run('=ISBLANK([Due])')).toBe(true);
    expect(run('=[Name]<>"Bob"', { Name: 'bob' })).toBe(false);
  });

  it('adds days to dates and counts days between them', () => {
    expect(run('=[Due]+7', { Due: '2026-05-25T00:00:00Z' })).toBe('2026-06-01T00:00:00Z');
    expect(run('=[End]-[Start]', { Start: '2026-05-01T00:00:00Z', End: '2026-05-31T00:00:00Z' })).toBe(30);
  });

  it('names the columns a formula uses, bracketed or bare', () => {
    expect(formulaRefs(parseFormula('=IF([Due Date]>Modified,[Total]*2,0)'))).toEqual(['Due Date', 'Modified', 'Total']);
  });

  it.each([
    ['=TODAY()-[Created]', /volatile functions like Today and Me/],
    ['=NOW()', /volatile/],
    ['=VLOOKUP([A])', /not supported/],
    ['=1+', /syntax error/],
    ['=[Open', /not closed/],
    ['="open', /not closed/],
    ['=1 $ 2', /syntax error/],
    [`=${'('.repeat(40)}1${')'.repeat(40)}`, /nested too deeply/],
  ])('refuses %s as SharePoint refuses it', (formula, message) => {
    expect(() => parseFormula(formula)).toThrow(SpError);
    expect(() => parseFormula(formula)).toThrow(message);
  });

  it('gives no value (SharePoint shows #VALUE!) for text where a number is needed or division by zero', () => {
    expect(() => run('=[A]*2', { A: 'abc' })).toThrow('not a number');
    expect(() => run('=1/[Z]', { Z: 0 })).toThrow('division by zero');
  });
});
