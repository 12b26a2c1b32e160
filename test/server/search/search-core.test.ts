// The search core over a tiny corpus built in the test: three annual reports and a press article that
// copies one of their paragraphs. Each report has a heading per theme and one paragraph under it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../indexer/build.ts';
import type { PassageFilters, QueryExplanation, SearchRequest, SearchResponse } from '../../../indexer/types.ts';
import { best, noFilters, SearchCore } from '../../../server/search/search-core.ts';

const REPORTS = [
  {
    entry: { id: 'dgsn-2020', file: 'dgsn-2020.txt', title: 'DGSN Annual Report 2020', year: 2020 },
    text: `DGSN Annual Report 2020

Cybercrime

The brigades recorded 120 cases of sexual extortion via the Internet during the year, and officers arrested many suspects across the kingdom after complaints from victims.

Drugs

The police seized 50 tons of cannabis resin in Tangier and Nador, dismantling several international trafficking networks operating along the northern coast.
`,
  },
  {
    entry: { id: 'dgsn-2023', file: 'dgsn-2023.txt', title: 'DGSN Annual Report 2023', year: 2023 },
    text: `DGSN Annual Report 2023

Cybercrime

Cases of sextortion fell by 12 percent this year, while the police recorded more complaints about online fraud and phishing attacks targeting bank customers.

Drugs

The police seized 80 tons of hashish and 2 tons of cocaine in Casablanca, a record for the northern networks that smuggle drugs by sea.

Road Safety

Traffic accidents killed fewer people on the roads this year thanks to radar controls on the motorways and national roads across the country.
`,
  },
  {
    entry: { id: 'dgsn-2024', file: 'dgsn-2024.txt', title: 'DGSN Annual Report 2024', year: 2024 },
    text: `DGSN Annual Report 2024

Drugs

Police officers seized cocaine and hashish in the port of Tanger Med, where the scanners found drugs hidden in a truck of vegetables bound for Europe.

Cybercrime

Hackers hid <script>alert(1)</script> in fake bank pages, and the police recorded 391 complaints of phishing, a notable decrease of 23 percent across all cities.
`,
  },
  {
    entry: { id: 'press-2024', file: 'press-2024.txt', title: 'Press summary of the 2024 report', year: 2024, kind: 'press-article' },
    text: `Press summary of the 2024 report

Police officers seized cocaine and hashish in the port of Tanger Med, where the scanners found drugs hidden in a truck of vegetables bound for Europe.
`,
  },
];

async function buildCore(): Promise<SearchCore> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dgsn-search-'));
  const corpusDir = path.join(root, 'corpus');
  mkdirSync(corpusDir);
  for (const { entry, text } of REPORTS) writeFileSync(path.join(corpusDir, entry.file), text);
  writeFileSync(path.join(corpusDir, 'reports.json'), JSON.stringify({ reports: REPORTS.map((report) => report.entry) }));
  const result = await buildIndex({ root, corpusDir, dataDir: path.join(root, 'data') });
  expect(result.problems).toEqual([]);
  return new SearchCore(result.bundle);
}

const core = await buildCore();

function search(q: string, request: Partial<SearchRequest> = {}): SearchResponse {
  return core.search({ q, filters: noFilters(), limit: 10, offset: 0, sort: 'relevance', ...request });
}

const ids = (response: SearchResponse) => response.results.map((result) => result.id);

const EMPTY_FACETS = {
  year: { '2020': 0, '2023': 0, '2024': 0 },
  theme: {},
  kind: { 'annual-report': 0, 'press-article': 0 },
  yearKind: { '2020': {}, '2023': {}, '2024': {} },
};
const filters = (parts: Partial<PassageFilters>): PassageFilters => ({ ...noFilters(), ...parts });

/** How a query was read, with only these parts set. */
function explanation(parts: Partial<QueryExplanation>): QueryExplanation {
  return { terms: [], synonyms: [], related: [], corrections: [], excluded: [], filters: noFilters(), partial: false, notices: [], ...parts };
}

// The French wordings of these groups are sought in French reports only, and this corpus has none.
const SEXTORTION_SYNONYMS = ['sexual extortion', 'sexual extortion via the internet', 'sexual blackmail', 'online sexual extortion', 'online sexual blackmail'];
const HASHISH_SYNONYMS = ['chira', 'shira', 'hash'];
const PARTIAL = 'No passage has every word; showing the passages that have the most of them.';
const ONLY_COMMON_WORDS = 'The query has only common words or punctuation, which are not searched.';

describe('best', () => {
  it('picks the first items of a list in an order, ties broken as the order breaks them, as sorting would', () => {
    // Scores with many ties, ids to break them, in a fixed pseudo-random order.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const items = Array.from({ length: 500 }, (_, i) => ({ id: `p${String(i).padStart(3, '0')}`, score: Math.floor(random() * 20) }));
    const order = (a: { id: string; score: number }, b: { id: string; score: number }) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    for (const count of [0, 1, 37, 100, 499, 500, 600]) {
      const sorted = [...items].sort(order).slice(0, count);
      expect(new Set([...best(items, count, order)].map((item) => item.id))).toEqual(new Set(sorted.map((item) => item.id)));
    }
  });
});

describe('SearchCore', () => {
  describe('the fixture', () => {
    it('is cut into one passage per paragraph, each with the theme of its heading', () => {
      expect(core.passages.map((passage) => [passage.id, passage.year, passage.section, passage.themes])).toEqual([
        ['dgsn-2020-p001', 2020, 'Cybercrime', ['cybercrime']],
        ['dgsn-2020-p002', 2020, 'Drugs', ['drugs']],
        ['dgsn-2023-p001', 2023, 'Cybercrime', ['cybercrime']],
        ['dgsn-2023-p002', 2023, 'Drugs', ['drugs']],
        ['dgsn-2023-p003', 2023, 'Road Safety', ['road-safety']],
        ['dgsn-2024-p001', 2024, 'Drugs', ['drugs']],
        ['dgsn-2024-p002', 2024, 'Cybercrime', ['cybercrime']],
        ['press-2024-p001', 2024, null, ['drugs']],
      ]);
    });
  });

  describe('search', () => {
    describe('when a passage has every word', () => {
      it('ranks the passages that have all of them first, then those with some', () => {
        const response = search('police seized');
        expect(ids(response).slice(0, 3)).toEqual(['dgsn-2020-p002', 'dgsn-2023-p002', 'dgsn-2024-p001']);
        // The others have "police" only, or the related "arrested" (a word WordNet and the vectors relate).
        expect(ids(response).slice(3).sort()).toEqual(['dgsn-2020-p001', 'dgsn-2023-p001', 'dgsn-2024-p002']);
        expect(response.total).toBe(6);
        expect(response.parsed).toEqual(explanation({ terms: ['police', 'seized'], related: ['arrested'] }));
      });

      it('returns each result as the API shows it, with the words marked in the snippet', () => {
        const [result] = search('"seized cocaine"').results;
        expect(result).toEqual({
          id: 'dgsn-2024-p001',
          year: 2024,
          report: { id: 'dgsn-2024', title: 'DGSN Annual Report 2024', kind: 'annual-report', translation: null },
          section: 'Drugs',
          themes: ['drugs'],
          text: 'Police officers seized cocaine and hashish in the port of Tanger Med, where the scanners found drugs hidden in a truck of vegetables bound for Europe.',
          ordinal: 1,
          start: 32,
          end: 182,
          file: 'corpus/dgsn-2024.txt',
          page: null,
          url: '/passages/dgsn-2024-p001',
          snippetHtml:
            'Police officers <mark>seized cocaine</mark> and hashish in the port of Tanger Med, where the scanners found drugs hidden in a truck of vegetables bound for Europe.',
          score: expect.any(Number),
          duplicates: ['press-2024-p001'],
        });
      });
    });

    describe('when the facets or snippets are not wanted (a search that only reads its results)', () => {
      it('gives the same results and total, with every facet count at zero and no snippet', () => {
        const full = search('police');
        const bare = search('police', { facets: false, snippets: false });
        expect(bare.results.map((result) => result.id)).toEqual(full.results.map((result) => result.id));
        expect(bare.total).toBe(full.total);
        expect(Object.values(full.facets.year).some((count) => count > 0)).toBe(true);
        expect(Object.values(bare.facets.year).every((count) => count === 0)).toBe(true);
        expect(Object.keys(bare.facets.year)).toEqual(Object.keys(full.facets.year));
        expect(bare.results.every((result) => result.snippetHtml === '')).toBe(true);
      });
    });

    describe('when no passage has every word', () => {
      it('shows the passages with the words it has, and says so', () => {
        const response = search('cocaine xylophone');
        expect(ids(response).slice(0, 2)).toEqual(['dgsn-2023-p002', 'dgsn-2024-p001']);
        expect(response.parsed).toEqual(explanation({ terms: ['cocaine', 'xylophone'], related: ['drugs'], partial: true, notices: [PARTIAL] }));
        expect(response.didYouMean).toBeNull();
      });

      it('ranks a passage with the rarest word above passages with only commoner ones', () => {
        // "radar" is in one passage, "seized" in three, "police" in five: the radar passage lacks the two
        // common words, but it is the only one about what makes the query distinctive.
        expect(ids(search('police seized radar')).slice(0, 4)).toEqual(['dgsn-2023-p003', 'dgsn-2020-p002', 'dgsn-2024-p001', 'dgsn-2023-p002']);
      });

      it('never returns fewer passages than its best single word would', () => {
        for (const q of ['police seized radar', 'cocaine xylophone', 'phishing bank customers']) {
          const together = new Set(ids(search(q)));
          for (const word of q.split(' ')) for (const id of ids(search(word))) expect(together).toContain(id);
        }
      });
    });

    describe('when a word has a thesaurus synonym', () => {
      it('finds the passages that use the synonym, counting it less than the wording itself', () => {
        const response = search('sextortion');
        expect(ids(response).sort()).toEqual(['dgsn-2020-p001', 'dgsn-2023-p001']);
        expect(response.parsed).toEqual(explanation({ terms: ['sextortion'], synonyms: SEXTORTION_SYNONYMS }));
        const throughSynonym = response.results.find((result) => result.id === 'dgsn-2020-p001')!.score;
        const asTyped = search('"sexual extortion via the Internet"').results[0]!;
        expect(asTyped.id).toBe('dgsn-2020-p001');
        expect(throughSynonym).toBeLessThan(asTyped.score);
      });

      it('marks the synonym whole, small words included', () => {
        expect(search('sextortion').results.find((result) => result.id === 'dgsn-2020-p001')!.snippetHtml).toBe(
          'The brigades recorded 120 cases of <mark>sexual extortion via the Internet</mark> during the year, and officers arrested many suspects across the kingdom after complaints from victims.',
        );
      });

      it('works from a multi-word wording to a single word', () => {
        const response = search('cannabis resin');
        expect(ids(response)).toEqual(['dgsn-2020-p002', 'dgsn-2023-p002', 'dgsn-2024-p001']);
        expect(response.parsed.synonyms).toEqual(['hashish', ...HASHISH_SYNONYMS]);
      });
    });

    describe('when the query has a phrase', () => {
      it('requires its words side by side, in order', () => {
        expect(ids(search('"seized cocaine"'))).toEqual(['dgsn-2024-p001']);
        expect(ids(search('seized cocaine')).slice(0, 2).sort()).toEqual(['dgsn-2023-p002', 'dgsn-2024-p001']);
      });

      it('must be met even when other words are optional', () => {
        expect(ids(search('"seized cocaine" radar'))).toEqual(['dgsn-2024-p001']);
      });

      it('skips small words inside it, as the index does', () => {
        expect(ids(search('"cocaine and hashish"'))).toEqual(['dgsn-2024-p001']);
        expect(ids(search('"hashish and cocaine"'))).toEqual([]);
      });
    });

    describe('when the query excludes a word or phrase', () => {
      it('removes the passages that have the word', () => {
        const response = search('seized -cocaine');
        expect(ids(response)[0]).toBe('dgsn-2020-p002');
        expect(response.results.every((result) => !/cocaine/i.test(result.text))).toBe(true);
        expect(response.parsed).toEqual(explanation({ terms: ['seized'], related: ['arrested'], excluded: ['cocaine'] }));
      });

      it('removes only the passages that have the phrase', () => {
        expect(ids(search('seized -"tons of cocaine"'))).not.toContain('dgsn-2023-p002');
        expect(ids(search('seized -"tons of cocaine"'))).toContain('dgsn-2024-p001');
      });

      it('removes the passages of a synonym only when the synonym itself is excluded', () => {
        expect(ids(search('sextortion -"sexual extortion"'))).toEqual(['dgsn-2023-p001']);
      });
    });

    describe('when the query joins words with OR', () => {
      it('returns the passages that have either', () => {
        const response = search('radar OR phishing');
        expect(ids(response).sort()).toEqual(['dgsn-2023-p001', 'dgsn-2023-p003', 'dgsn-2024-p002']);
        expect(response.parsed.partial).toBe(false);
      });
    });

    describe('when the query has filters', () => {
      it('keeps the passages of the year', () => {
        const response = search('seized year:2024');
        expect(ids(response)).toEqual(['dgsn-2024-p001']);
        expect(response.parsed.filters).toEqual(filters({ years: [2024] }));
      });

      it('keeps the passages of the theme', () => {
        expect(ids(search('police theme:cybercrime'))).toEqual(['dgsn-2023-p001', 'dgsn-2024-p002']);
      });

      it('keeps the passages of the report', () => {
        expect(ids(search('police report:dgsn-2023'))).toEqual(['dgsn-2023-p002', 'dgsn-2023-p001']);
      });

      it('ignores an unknown theme or report, with a notice for each', () => {
        const response = search('seized theme:sports report:dgsn-1999');
        expect(ids(response).slice(0, 3)).toEqual(['dgsn-2020-p002', 'dgsn-2023-p002', 'dgsn-2024-p001']);
        expect(response.parsed).toEqual(
          explanation({
            terms: ['seized'],
            related: ['arrested'],
            notices: ['theme:sports is not a theme; it was ignored.', 'report:dgsn-1999 is not a report; it was ignored.'],
          }),
        );
      });

      it('lists every passage that passes them, in report order, when there are no words', () => {
        const response = search('year:2023');
        expect(ids(response)).toEqual(['dgsn-2023-p001', 'dgsn-2023-p002', 'dgsn-2023-p003']);
        expect(response.results.map((result) => result.score)).toEqual([0, 0, 0]);
      });
    });

    describe('when the request has filters', () => {
      it('keeps the passages that pass them', () => {
        const response = search('seized', { filters: filters({ years: [2020] }) });
        expect(ids(response)[0]).toBe('dgsn-2020-p002');
        expect(response.results.every((result) => result.year === 2020)).toBe(true);
      });

      it('adds the query’s filters of the same kind to them (either year passes)', () => {
        const response = search('seized year:2023', { filters: filters({ years: [2020] }) });
        expect(ids(response).slice(0, 2)).toEqual(['dgsn-2020-p002', 'dgsn-2023-p002']);
        expect(response.results.every((result) => [2020, 2023].includes(result.year))).toBe(true);
      });

      it('applies filters of different kinds together', () => {
        expect(ids(search('police theme:drugs', { filters: filters({ years: [2023, 2024] }) }))).toEqual(['dgsn-2023-p002', 'dgsn-2024-p001']);
      });
    });

    describe('facets', () => {
      it('count each kind under the filters of the other kinds, over the whole result set', () => {
        const response = search('police theme:drugs', { limit: 1 });
        expect(response.total).toBe(3);
        expect(response.results).toHaveLength(1);
        expect(response.facets.year).toEqual({ '2020': 1, '2023': 1, '2024': 1 });
        expect(response.facets.theme).toEqual({ drugs: 3, cybercrime: 2 });
        expect(response.facets.kind).toEqual({ 'annual-report': 3, 'press-article': 1 });
      });

      it('count the kinds of source, and filter by kind', () => {
        const all = search('police seized', { filters: filters({ kinds: ['press-article'] }) });
        expect(ids(all)).toEqual(['press-2024-p001']);
        expect(all.facets.kind).toEqual({ 'annual-report': 6, 'press-article': 1 });
        expect(all.facets.yearKind).toEqual({ '2020': {}, '2023': {}, '2024': { 'press-article': 1 } });
      });

      it('list every year and kind of the corpus with 0 when nothing matches, and no theme', () => {
        expect(search('xylophone').facets).toEqual(EMPTY_FACETS);
      });
    });

    describe('when sorted by year', () => {
      it('puts the oldest first for year-asc, best first within a year', () => {
        expect(ids(search('police', { sort: 'year-asc' }))).toEqual([
          'dgsn-2020-p002',
          'dgsn-2023-p002',
          'dgsn-2023-p001',
          'dgsn-2024-p001',
          'dgsn-2024-p002',
        ]);
      });

      it('puts the newest first for year-desc, best first within a year', () => {
        expect(ids(search('police', { sort: 'year-desc' }))).toEqual([
          'dgsn-2024-p001',
          'dgsn-2024-p002',
          'dgsn-2023-p002',
          'dgsn-2023-p001',
          'dgsn-2020-p002',
        ]);
      });
    });

    describe('when sorted by relevance', () => {
      it('lets a passage from a year shown less often go before a slightly better one from a year shown more', () => {
        const response = search('police OR radar');
        expect(ids(response)).toEqual(['dgsn-2023-p003', 'dgsn-2020-p002', 'dgsn-2024-p001', 'dgsn-2023-p002', 'dgsn-2024-p002', 'dgsn-2023-p001']);
        expect(response.results[5]!.score).toBeGreaterThan(response.results[4]!.score);
      });
    });

    describe('paging', () => {
      const all = ids(search('police'));

      it('returns `limit` results from `offset`, with the total of the whole set', () => {
        const response = search('police', { limit: 2, offset: 2 });
        expect(all).toHaveLength(5);
        expect(ids(response)).toEqual(all.slice(2, 4));
        expect(response.total).toBe(5);
      });

      it('returns no results, and still the total, past the end', () => {
        const response = search('police', { limit: 2, offset: 20 });
        expect(response.results).toEqual([]);
        expect(response.total).toBe(5);
      });
    });

    describe('when a word is misspelt', () => {
      it('reads it as the nearest word of the reports and records the correction', () => {
        const response = search('hashsh');
        expect(ids(response)).toEqual(['dgsn-2020-p002', 'dgsn-2023-p002', 'dgsn-2024-p001']);
        expect(response.parsed).toEqual(
          explanation({ terms: ['hashish'], synonyms: ['cannabis resin', ...HASHISH_SYNONYMS], corrections: [{ from: 'hashsh', to: 'hashish' }] }),
        );
        expect(response.didYouMean).toBeNull();
      });
    });

    describe('when nothing matches', () => {
      it('suggests the query with each unknown word replaced by a close word of the reports', () => {
        // Two swaps of neighbouring letters: two edits, too many to correct a word of 7 letters.
        const response = search('cocanei');
        expect(response.total).toBe(0);
        expect(response.didYouMean).toBe('cocaine');
      });

      it('suggests nothing when no word is close', () => {
        expect(search('qwertyuiop').didYouMean).toBeNull();
      });
    });

    describe('when the same paragraph is in two reports', () => {
      it('shows it once and lists the other copy in `duplicates`', () => {
        const response = search('police seized');
        expect(ids(response)).not.toContain('press-2024-p001');
        expect(response.results.find((result) => result.id === 'dgsn-2024-p001')!.duplicates).toEqual(['press-2024-p001']);
        expect(response.results.filter((result) => result.id !== 'dgsn-2024-p001').every((result) => result.duplicates.length === 0)).toBe(true);
      });
    });

    describe.each([
      ['only stop words', 'the of and', explanation({ notices: [ONLY_COMMON_WORDS] })],
      ['only punctuation', '!!! ???', explanation({ notices: [ONLY_COMMON_WORDS] })],
      ['only emoji', '🚓👮', explanation({ notices: [ONLY_COMMON_WORDS] })],
      ['a phrase of stop words', '"the of"', explanation({ notices: [ONLY_COMMON_WORDS] })],
      ['right-to-left text', 'الأمن الوطني', explanation({ terms: ['الأمن', 'الوطني'] })],
      ['an empty string', '', explanation({})],
      ['only exclusions', '-cocaine', explanation({ excluded: ['cocaine'], notices: ['Excluded words alone match nothing: add a word to search for, or a filter such as year:2024.'] })],
    ])('when the query is %s', (_, q, parsed) => {
      it('returns an empty response of the normal shape', () => {
        expect(search(q)).toEqual({
          query: q,
          total: 0,
          tookMs: expect.any(Number),
          facets: EMPTY_FACETS,
          results: [],
          parsed,
          didYouMean: null,
        });
      });
    });

    describe('when the query is <script>alert(1)</script>', () => {
      it('searches its words and returns escaped snippets', () => {
        const response = search('<script>alert(1)</script>');
        expect(ids(response)).toEqual(['dgsn-2024-p002']);
        expect(response.results[0]!.snippetHtml).toBe(
          'Hackers hid &lt;<mark>script</mark>&gt;<mark>alert</mark>(<mark>1</mark>)&lt;/<mark>script</mark>&gt; in fake bank pages, and the police recorded 391 complaints of phishing, a notable decrease of 23 percent across all cities.',
        );
      });
    });

    describe.each([
      ['<script>alert(1)</script>'],
      ['phishing'],
      ['police'],
      ['year:2024'],
      ['"<script>"'],
    ])('for the query %j', (q) => {
      it('never puts an unescaped <script in a snippet', () => {
        for (const result of search(q).results) expect(result.snippetHtml).not.toMatch(/<script/i);
      });
    });

    describe.each([['a'.repeat(10_000)], ['word '.repeat(2_000)], ['"'], ['OR'], ['-'], ['year:abc'], ['\uD800'], ['x:'.repeat(300)]])(
      'for the odd query %#',
      (q) => {
        it('returns a response without throwing', () => {
          const response = search(q);
          expect(response.query).toBe(q);
          expect(response.results.length).toBeLessThanOrEqual(10);
        });
      },
    );
  });

  describe('marksFor', () => {
    it('gives the terms of words and their synonyms, and the phrases', () => {
      const marks = core.marksFor('"seized cocaine" hashish');
      expect([...marks.terms]).toEqual(['hashish', 'chira', 'shira', 'hash']);
      expect(marks.phrases).toEqual([
        ['seiz', 'cocain'],
        ['cannabi', 'resin'],
      ]);
    });
  });

  describe('passage, report and view', () => {
    it('find a passage and a report by id, and undefined for an unknown id', () => {
      expect(core.passage('dgsn-2023-p003')?.section).toBe('Road Safety');
      expect(core.passage('dgsn-2023-p999')).toBeUndefined();
      expect(core.report('press-2024')?.kind).toBe('press-article');
      expect(core.report('dgsn-1999')).toBeUndefined();
    });

    it('view a passage with its report and permalink', () => {
      expect(core.view(core.passage('press-2024-p001')!)).toEqual({
        id: 'press-2024-p001',
        year: 2024,
        report: { id: 'press-2024', title: 'Press summary of the 2024 report', kind: 'press-article', translation: null },
        section: null,
        themes: ['drugs'],
        text: 'Police officers seized cocaine and hashish in the port of Tanger Med, where the scanners found drugs hidden in a truck of vegetables bound for Europe.',
        ordinal: 1,
        start: 34,
        end: 184,
        file: 'corpus/press-2024.txt',
        page: null,
        url: '/passages/press-2024-p001',
      });
    });
  });

  describe('filter', () => {
    it('gives the passages that pass the filters, in report order', () => {
      expect(core.filter(filters({ years: [2024], themes: ['drugs'] })).map((passage) => passage.id)).toEqual(['dgsn-2024-p001', 'press-2024-p001']);
    });

    it('gives every passage without filters', () => {
      expect(core.filter(noFilters())).toHaveLength(8);
    });
  });
});

describe('SearchCore regressions', () => {
  describe('when a near-copy is the only passage left by a filter', () => {
    it('shows the copy rather than nothing', () => {
      expect(search('police seized report:press-2024').results.map((r) => r.id)).toEqual(['press-2024-p001']);
      expect(search('police seized', { filters: { ...noFilters(), reports: ['press-2024'] } }).total).toBe(1);
    });
  });

  describe('when filters alone are narrowed by an exclusion', () => {
    it('lists the filtered passages without the excluded word, copies folded', () => {
      expect(search('year:2024 -cocaine').results.map((r) => r.id)).toEqual(['dgsn-2024-p002']);
      expect(search('-cocaine', { filters: { ...noFilters(), years: [2020] } }).results.map((r) => r.id)).toEqual(['dgsn-2020-p001', 'dgsn-2020-p002']);
    });
  });

  describe('when nothing matches a misspelt query with filters', () => {
    it('suggests a spelling and leaves the filters and exclusions as typed', () => {
      expect(search('phishng report:dgsn-2020 -cocaine').didYouMean).toBe('phishing report:dgsn-2020 -cocaine');
    });
  });
});
