import { compareNatural, sortNatural } from '../../../src/domain/natural-order';

describe('natural-order', () => {
  it('puts R.2 before R.10 and ignores case', () => {
    expect(sortNatural(['R.10', 'R.2', 'r.1', 'R.2.1'])).toEqual(['r.1', 'R.2', 'R.2.1', 'R.10']);
    expect(compareNatural('Section 9', 'Section 10')).toBeLessThan(0);
  });

  it('keeps the empty label last', () => {
    expect(sortNatural(['', 'B', 'A'])).toEqual(['A', 'B', '']);
  });
});
