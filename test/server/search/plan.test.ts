// The plan stage of a search on the real corpus: what a query is read into before any passage is looked at.
import { describe, expect, it } from 'vitest';
import { languageOf } from '../../../language/analyzer.ts';
import { CorpusLexicon } from '../../../language/related.ts';
import { thesaurus } from '../../../language/thesaurus.ts';
import { QueryPlanner } from '../../../server/search/plan.ts';
import { Vocabulary } from '../../../server/search/spelling.ts';
import { realCore } from '../../support/corpus-server.ts';

const core = await realCore();
const vocabulary: Vocabulary = core.vocabulary;
const planner = new QueryPlanner(vocabulary, thesaurus, new CorpusLexicon((term) => vocabulary.hasTerm(term), vocabulary.writtenWords()), new Set(core.reports.map((report) => languageOf(report.language))), new Map(core.reports.map((report) => [report.id, report])));

describe('QueryPlanner', () => {
  it('reads each word into a requirement that no passage must meet, and a quoted phrase into one it must', () => {
    const plan = planner.plan('hashish "controlled delivery"');
    expect(plan.requirements.map((concepts) => concepts.map((concept) => concept.label))).toEqual([['hashish'], ['controlled delivery']]);
    expect(plan.required).toEqual([false, true]);
  });

  it('joins a thesaurus wording of several words into one concept with its synonyms', () => {
    const plan = planner.plan('emergency calls');
    expect(plan.requirements).toHaveLength(1);
    expect(plan.explanation.synonyms.length).toBeGreaterThan(0);
  });

  it('takes the filters out of the words, and says which ones it ignored', () => {
    const plan = planner.plan('drones year:2024 theme:nonsense');
    expect(plan.explanation.filters.years).toEqual([2024]);
    expect(plan.explanation.notices).toContain('theme:nonsense is not a theme; it was ignored.');
    expect(plan.requirements.map((concepts) => concepts[0]!.label)).toEqual(['drones']);
  });

  it('keeps excluded words apart', () => {
    expect(planner.plan('drugs -cocaine').excluded.map((alternative) => alternative.label)).toContain('cocaine');
  });

  it('marks a query of common words only', () => {
    expect(planner.plan('the of and').onlyCommonWords).toBe(true);
  });
});
