// What a researcher's query finds on the real corpus, one failure class of the first version at a time:
// queries with a word the passage lacks, other word forms, paraphrases only general English knows, real
// words that are not misspellings, French, questions typed as queries; and reports added with `dgsn add`.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addReport } from '../../../indexer/add.ts';
import { buildIndex } from '../../../indexer/build.ts';
import type { SearchResponse } from '../../../indexer/types.ts';
import { noFilters, RANKING, SearchCore } from '../../../server/search/search-core.ts';
import { realCore } from '../../support/corpus-server.ts';
import { realCorpusCopy, repoRoot } from '../../support/fixtures.ts';

const core = await realCore();

function searchIn(searchCore: SearchCore, q: string, limit = 10): SearchResponse {
  return searchCore.search({ q, filters: noFilters(), limit, offset: 0, sort: 'relevance' });
}
const search = (q: string, limit = 10) => searchIn(core, q, limit);
/** The texts of the first `n` results, one string, lower case. */
const topText = (response: SearchResponse, n: number) => response.results.slice(0, n).map((result) => result.text.toLowerCase()).join('\n');

describe('search on the real corpus', () => {
  describe('when no passage has every word', () => {
    it('still finds the passages that have the important ones', () => {
      // The 2023 report says "criminal contents of a violent nature", the 2025 article "digital platforms".
      const top = topText(search('violent content on social networks'), 5);
      expect(top).toContain('violent content published on social networks');
      expect(top).toContain('criminal contents of a violent nature');
      expect(top).toContain('violent content circulated on digital platforms');
    });

    it('finds every passage that any one of its words finds', () => {
      for (const q of ['forensic laboratory accreditation', 'digital identity app', 'women police officers recruited']) {
        // Near-copies are folded into one result, whichever of them ranks first.
        const together = new Set(search(q, 1000).results.flatMap((result) => [result.id, ...result.duplicates]));
        for (const word of q.split(' ')) {
          // The word as written (a one-word phrase), without the words related to it.
          for (const result of search(`"${word}"`, 1000).results) expect(together.has(result.id), `${q} ⊇ ${word}: ${result.id}`).toBe(true);
        }
      }
    });
  });

  describe('when the query uses another form of the reports’ word', () => {
    it('finds "cocaine seized" for "cocain seizure"', () => {
      expect(topText(search('cocain seizure'), 3)).toContain('cocaine seized');
    });

    it('finds the 2023 "application" for "app", the full word of a clipped one', () => {
      const response = search('digital identity app');
      expect(response.parsed.related).toContain('application');
      expect(topText(response, 5)).toContain('(my digital identity) application');
    });
  });

  describe('when the query paraphrases with a word only general English knows', () => {
    it('finds murders for "homicides" and thefts for "robberies", as related words', () => {
      for (const [q, word] of [['homicides', 'murders'], ['robberies', 'thefts']] as const) {
        const response = search(q);
        expect(response.parsed.related).toContain(word);
        expect(response.parsed.synonyms).toEqual([]);
        expect(topText(response, 1)).toContain(word);
      }
    });
  });

  describe('when a query word is what remains of a longer thesaurus wording once its small words go', () => {
    it('links nothing through it: "human rights" is not "those with rights", nor "2025" the "CAN 2025"', () => {
      expect(search('human rights training').parsed.synonyms).not.toContain('dependents');
      expect(search('2025').parsed.synonyms).not.toContain('afcon');
    });
  });

  describe('when a word is a real English word that the reports lack', () => {
    it('is never "corrected" into another word', () => {
      const response = search('policewomen');
      expect(response.parsed.corrections).toEqual([]);
      expect(response.results.map((result) => result.text).join(' ')).not.toMatch(/\bpolicemen\b(?!.*women)/i);
    });

    it('while a misspelling is corrected and finds what its correction finds, no more', () => {
      const typo = search('drug sezures', 1000);
      const right = search('drug seizures', 1000);
      expect(typo.parsed.corrections).toEqual([{ from: 'sezures', to: 'seizures' }]);
      expect(typo.total).toBeLessThanOrEqual(right.total);
      expect(typo.results.slice(0, 5).map((result) => result.id)).toEqual(right.results.slice(0, 5).map((result) => result.id));
    });
  });

  describe('when the query is French', () => {
    it('drops French function words: "saisies de cocaïne" reads as "saisies cocaïne"', () => {
      const withThem = search('saisies de cocaïne');
      const without = search('saisies cocaïne');
      expect(withThem.results.map((result) => result.id)).toEqual(without.results.map((result) => result.id));
      expect(topText(withThem, 3)).toContain('cocaine seized');
    });

    it('links the French wording of a key term to the English one', () => {
      const response = search('saisies de haschich');
      expect(response.parsed.synonyms).toEqual(expect.arrayContaining(['seizure', 'hashish']));
      expect(topText(response, 3)).toMatch(/hashish|cannabis resin/);
    });

    it('links the French verb of dismantling networks and gangs to the English one ("réseaux démantelés")', () => {
      const response = search('réseaux criminels démantelés');
      expect(response.parsed.synonyms).toEqual(expect.arrayContaining(['dismantled', 'criminal networks']));
      expect(topText(response, 3)).toContain('dismantling 121 criminal networks');
    });

    it('links "livraisons surveillées" to the controlled deliveries of drug investigations', () => {
      expect(topText(search('livraisons surveillées'), 3)).toMatch(/controlled deliver/i);
    });

    it('links no French word to an English word it only looks like', () => {
      // "licenciés" (dismissed staff) shares the English stem of "licence".
      const response = search('licenciés');
      expect(response.parsed.synonyms).toEqual([]);
      expect(response.total).toBe(0);
    });
  });

  describe('when a question is typed as a query', () => {
    it('ranks by the words that matter, not "what", "did" or "after"', () => {
      expect(topText(search('what did the police do about sextortion after 2020'), 3)).toMatch(/sextortion|sexual extortion/);
    });

    it('reads a year among the words as that year’s reports', () => {
      const response = search('sextortion cases 2023');
      expect(response.results[0]!.year).toBe(2023);
    });

    it('puts the typed year’s passages first even where another year’s passage has more of the words', () => {
      // 2024's report has the most on cybercrime cases; the user asked for 2023.
      expect(search('cybercrime cases').results[0]!.year).toBe(2024);
      expect(search('cybercrime cases 2023').results[0]!.year).toBe(2023);
    });

    it('never counts a passage as a match for its year alone', () => {
      const response = search('sextortion 2023', 1000);
      expect(response.total).toBeLessThan(search('2023', 1000).total);
      for (const result of response.results) expect(result.text).toMatch(/sextortion|sexual extortion|blackmail|extortion/i);
    });
  });

  describe('when a query has more wordings than a search may look up', () => {
    it('drops the least related ones, keeps every word typed, and says so', () => {
      const saved = RANKING.maxAlternatives;
      RANKING.maxAlternatives = 20;
      try {
        const response = search('sextortion hashish identity card clearance rate drugs');
        expect(response.parsed.notices).toContain('The query has so many words and related wordings that the least related ones were left out.');
        expect(topText(response, 10)).toMatch(/sextortion/);
        expect(topText(response, 10)).toMatch(/hashish/);
      } finally {
        RANKING.maxAlternatives = saved;
      }
    });
  });

  describe('snippets', () => {
    it('show the figure of a matching passage', () => {
      const [first] = search('hashish seizures 2024').results;
      expect(first!.snippetHtml).toMatch(/\d/);
    });
  });
});

describe('reports added with `dgsn add`', () => {
  let added: SearchCore;

  beforeAll(async () => {
    const paths = realCorpusCopy();
    const folder = path.join(repoRoot, 'test/fixtures/reports');
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.txt')).sort()) {
      const result = await addReport(paths, path.join(folder, file), { kind: 'press-article' });
      expect(result.ok, file).toBe(true);
    }
    added = new SearchCore((await buildIndex(paths)).bundle);
  }, 60_000);

  it('are indexed with the years and language they state', () => {
    const reports = added.reports.map((report) => [report.id, report.year, report.language]);
    expect(reports).toEqual(
      expect.arrayContaining([
        ['dgsn-2019-press-en', 2019, 'en'],
        ['dgsn-2021-press-en', 2021, 'en'],
        ['dgsn-2022-bilan-fr', 2022, 'fr'],
        ['dgsn-2022-press-en', 2022, 'en'],
      ]),
    );
  });

  it('are found for their years’ topics in other words than theirs', () => {
    expect(searchIn(added, 'cocaine hauls 2021').results[0]!.report.id).toBe('dgsn-2021-press-en');
    expect(searchIn(added, 'online blackmail 2019').results.slice(0, 3).map((result) => result.report.id)).toContain('dgsn-2019-press-en');
  });

  it('in French, for an English query, through the bilingual wordings', () => {
    const ids = searchIn(added, 'clearance rate 2022').results.slice(0, 5).map((result) => result.report.id);
    expect(ids).toContain('dgsn-2022-bilan-fr');
  });

  it('in English, for a French query', () => {
    const ids = searchIn(added, 'saisies de cocaïne 2021').results.slice(0, 3).map((result) => result.report.id);
    expect(ids).toContain('dgsn-2021-press-en');
  });
});

describe('totals', () => {
  it('are exact for a quoted phrase and for a thesaurus wording: every passage that has the words in a row, counted', () => {
    const inARow = (pattern: RegExp) => core.passages.filter((passage) => pattern.test(passage.text)).map((passage) => passage.id);
    const matched = (q: string) => new Set(search(q, 1000).results.flatMap((result) => [result.id, ...result.duplicates]));
    const phrase = matched('"national security"');
    expect(phrase.size).toBeGreaterThan(100);
    for (const id of inARow(/\bnational security\b/i)) expect(phrase.has(id), id).toBe(true);
    // "cases related to modern technologies" is a wording of the cybercrime group: every passage with it is found.
    const wording = matched('cybercrime');
    const withWording = inARow(/\b(cases|crimes) related to modern technologies\b/i);
    expect(withWording.length).toBeGreaterThan(0);
    for (const id of withWording) expect(wording.has(id), id).toBe(true);
  });
});
