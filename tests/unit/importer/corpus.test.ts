import { corpusPlans, formatScores, scoreCorpus, type CorpusScore } from './corpus-score';

describe('the corpus of published plans', () => {
  let scores: CorpusScore[];
  beforeAll(async () => {
    scores = await scoreCorpus();
    // The per-plan table, for the record of each run.
    console.log(formatScores(scores));
  });

  it('has an expectations file for every plan text in the corpus folder', () => {
    expect(corpusPlans().length).toBeGreaterThanOrEqual(4);
  });

  it.each(corpusPlans().map((p) => p.slug))('imports %s without refusing it, at or above the bar', (slug) => {
    const score = scores.find((s) => s.plan === slug)!;
    expect({ plan: slug, misses: score.misses.slice(0, 5), found: score.found >= score.threshold, pinnedFound: score.pinnedFound >= score.threshold, precision: score.precision >= score.threshold, fieldsRight: score.fieldsRight >= score.threshold }).toEqual({
      plan: slug,
      misses: expect.any(Array),
      found: true,
      pinnedFound: true,
      precision: true,
      fieldsRight: true,
    });
  });
});
