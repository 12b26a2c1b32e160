// The query language as researchers type it: words, "phrases", OR, -exclusions and filters, and every
// malformed form, which is read literally or ignored with a notice but never throws.
import { describe, expect, it } from 'vitest';
import { parseQuery, type ParsedQuery } from '../../../server/search/query-parser.ts';

const word = (text: string) => ({ text, phrase: false });
const phrase = (text: string) => ({ text, phrase: true });
const noFilters = () => ({ years: [], themes: [], reports: [], kinds: [] });

/** The parse of a query with only these parts; the others are empty. */
function parsed(parts: Partial<ParsedQuery>): ParsedQuery {
  return { groups: [], excluded: [], filters: noFilters(), notices: [], ...parts };
}

const LONE_OR = '"OR" must stand between two words or phrases; a lone OR was ignored.';
const OPEN_QUOTE = 'An opening quote has no closing quote; its words were read as plain words.';

describe('parseQuery', () => {
  describe('when the query is plain words', () => {
    it('makes one group per word, all of which should match', () => {
      expect(parseQuery('sextortion cases')).toEqual(parsed({ groups: [[word('sextortion')], [word('cases')]] }));
    });

    it('keeps the words as written, case and punctuation included', () => {
      expect(parseQuery('E-Blagh 19,722,041 Casablanca')).toEqual(
        parsed({ groups: [[word('E-Blagh')], [word('19,722,041')], [word('Casablanca')]] }),
      );
    });

    it('reads a lower-case "or" as a word, not as OR', () => {
      expect(parseQuery('drugs or cannabis')).toEqual(parsed({ groups: [[word('drugs')], [word('or')], [word('cannabis')]] }));
    });
  });

  describe('when the query has "exact phrases"', () => {
    it('reads straight quotes as one phrase clause', () => {
      expect(parseQuery('"sexual extortion" 2024')).toEqual(parsed({ groups: [[phrase('sexual extortion')], [word('2024')]] }));
    });

    it('reads curly quotes as one phrase clause', () => {
      expect(parseQuery('“sexual extortion via the internet”')).toEqual(parsed({ groups: [[phrase('sexual extortion via the internet')]] }));
    });

    it('reads „low-high“ and «guillemet» quotes as phrases', () => {
      expect(parseQuery('„cannabis resin“ «drug cases»')).toEqual(parsed({ groups: [[phrase('cannabis resin')], [phrase('drug cases')]] }));
    });

    it('trims the white space inside the quotes', () => {
      expect(parseQuery('"  cannabis resin  "')).toEqual(parsed({ groups: [[phrase('cannabis resin')]] }));
    });

    it('ends a word at an opening quote', () => {
      expect(parseQuery('drugs"cannabis resin"')).toEqual(parsed({ groups: [[word('drugs')], [phrase('cannabis resin')]] }));
    });

    it('drops empty quotes without a notice', () => {
      expect(parseQuery('"" drugs "   "')).toEqual(parsed({ groups: [[word('drugs')]] }));
    });
  });

  describe('when OR stands between two clauses', () => {
    it('puts two words in one group', () => {
      expect(parseQuery('hashish OR cannabis')).toEqual(parsed({ groups: [[word('hashish'), word('cannabis')]] }));
    });

    it('puts two phrases in one group', () => {
      expect(parseQuery('"drug cases" OR "narcotics cases"')).toEqual(
        parsed({ groups: [[phrase('drug cases'), phrase('narcotics cases')]] }),
      );
    });

    it('chains: a OR b OR c is one group of three', () => {
      expect(parseQuery('hashish OR cannabis OR chira')).toEqual(parsed({ groups: [[word('hashish'), word('cannabis'), word('chira')]] }));
    });

    it('joins only its neighbours, leaving the other words required', () => {
      expect(parseQuery('seizures hashish OR cannabis Tangier')).toEqual(
        parsed({ groups: [[word('seizures')], [word('hashish'), word('cannabis')], [word('Tangier')]] }),
      );
    });
  });

  describe('when a clause is excluded with "-"', () => {
    it('moves a word to excluded', () => {
      expect(parseQuery('drugs -cocaine')).toEqual(parsed({ groups: [[word('drugs')]], excluded: [word('cocaine')] }));
    });

    it('moves a phrase to excluded', () => {
      expect(parseQuery('drugs -"cocaine seizures"')).toEqual(parsed({ groups: [[word('drugs')]], excluded: [phrase('cocaine seizures')] }));
    });

    it('accepts a query of exclusions only', () => {
      expect(parseQuery('-cocaine')).toEqual(parsed({ excluded: [word('cocaine')] }));
    });

    it('excludes "OR" itself when it is written -OR', () => {
      expect(parseQuery('drugs -OR')).toEqual(parsed({ groups: [[word('drugs')]], excluded: [word('OR')] }));
    });

    it('keeps a hyphen inside a word as part of the word', () => {
      expect(parseQuery('drug-related')).toEqual(parsed({ groups: [[word('drug-related')]] }));
    });
  });

  describe('when the query has filters', () => {
    it('reads year:2024 into the years and out of the words', () => {
      expect(parseQuery('year:2024 drugs')).toEqual(parsed({ groups: [[word('drugs')]], filters: { years: [2024], themes: [], reports: [], kinds: [] } }));
    });

    it('expands a range year:2020..2023 to every year in it', () => {
      expect(parseQuery('year:2020..2023')).toEqual(parsed({ filters: { years: [2020, 2021, 2022, 2023], themes: [], reports: [], kinds: [] } }));
    });

    it('reads a list year:2020,2023', () => {
      expect(parseQuery('year:2020,2023')).toEqual(parsed({ filters: { years: [2020, 2023], themes: [], reports: [], kinds: [] } }));
    });

    it('mixes ranges and single years in one list', () => {
      expect(parseQuery('year:2020..2021,2024')).toEqual(parsed({ filters: { years: [2020, 2021, 2024], themes: [], reports: [], kinds: [] } }));
    });

    it('reads theme:cybercrime', () => {
      expect(parseQuery('theme:cybercrime')).toEqual(parsed({ filters: { years: [], themes: ['cybercrime'], reports: [], kinds: [] } }));
    });

    it('reads report:dgsn-2023', () => {
      expect(parseQuery('report:dgsn-2023')).toEqual(parsed({ filters: { years: [], themes: [], reports: ['dgsn-2023'], kinds: [] } }));
    });

    it('reads kind:press-article, the kind of source', () => {
      expect(parseQuery('kind:press-article drugs')).toEqual(parsed({ groups: [[word('drugs')]], filters: { years: [], themes: [], reports: [], kinds: ['press-article'] } }));
    });

    it('reads keys and values in any case, values lower-cased', () => {
      expect(parseQuery('YEAR:2024 Theme:CyberCrime REPORT:DGSN-2023')).toEqual(
        parsed({ filters: { years: [2024], themes: ['cybercrime'], reports: ['dgsn-2023'], kinds: [] } }),
      );
    });

    it('adds repeated filters of one kind together, each value once', () => {
      expect(parseQuery('year:2024 year:2023 year:2024 theme:drugs,cybercrime theme:drugs')).toEqual(
        parsed({ filters: { years: [2024, 2023], themes: ['drugs', 'cybercrime'], reports: [], kinds: [] } }),
      );
    });
  });

  describe('when a quote is not closed', () => {
    it('reads its words as plain words, with a notice', () => {
      expect(parseQuery('"unbalanced quote')).toEqual(parsed({ groups: [[word('unbalanced')], [word('quote')]], notices: [OPEN_QUOTE] }));
    });

    it('keeps the phrases that were closed before it', () => {
      expect(parseQuery('"cannabis resin" “hashish')).toEqual(
        parsed({ groups: [[phrase('cannabis resin')], [word('hashish')]], notices: [OPEN_QUOTE] }),
      );
    });
  });

  describe('when OR does not stand between two clauses', () => {
    it('ignores an OR at the start, with a notice', () => {
      expect(parseQuery('OR drugs')).toEqual(parsed({ groups: [[word('drugs')]], notices: [LONE_OR] }));
    });

    it('ignores an OR at the end, with a notice', () => {
      expect(parseQuery('drugs OR')).toEqual(parsed({ groups: [[word('drugs')]], notices: [LONE_OR] }));
    });

    it('reads OR OR between two words as one OR and ignores the other', () => {
      expect(parseQuery('drugs OR OR cannabis')).toEqual(parsed({ groups: [[word('drugs'), word('cannabis')]], notices: [LONE_OR] }));
    });

    it('ignores a query of only ORs, one notice each', () => {
      expect(parseQuery('OR OR')).toEqual(parsed({ notices: [LONE_OR, LONE_OR] }));
    });
  });

  describe('when "-" stands alone', () => {
    it('reads a lone "-" as a word (the search finds no terms in it)', () => {
      expect(parseQuery('-')).toEqual(parsed({ groups: [[word('-')]] }));
    });

    it('does not exclude the word after "- "', () => {
      expect(parseQuery('drugs - cannabis')).toEqual(parsed({ groups: [[word('drugs')], [word('-')], [word('cannabis')]] }));
    });
  });

  describe('when a filter is malformed', () => {
    it.each([
      ['year:abc', '"year:abc" is not a year or a range like year:2020..2023; it was ignored.'],
      ['year:2025..2020', '"year:2025..2020" is not a year or a range like year:2020..2023; it was ignored.'],
      ['year:2024..', '"year:2024.." is not a year or a range like year:2020..2023; it was ignored.'],
      ['year:1800', '"year:1800" is not a year or a range like year:2020..2023; it was ignored.'],
      ['year:2024,abc', '"year:2024,abc" is not a year or a range like year:2020..2023; it was ignored.'],
      ['year:', '"year:" has no value; it was ignored.'],
      ['theme:', '"theme:" has no value; it was ignored.'],
      ['-year:2024', 'Filters cannot be excluded with "-"; "-year:2024" was ignored.'],
    ])('ignores %s with a notice', (query, notice) => {
      expect(parseQuery(`drugs ${query}`)).toEqual(parsed({ groups: [[word('drugs')]], notices: [notice] }));
    });

    it('reads an unknown key such as site:x as words, with a notice', () => {
      expect(parseQuery('site:x drugs')).toEqual(
        parsed({
          groups: [[word('site:x')], [word('drugs')]],
          notices: ['"site:x" is not a filter (filters are year:, theme:, report: and kind:); it was read as words.'],
        }),
      );
    });
  });

  describe('when the query is empty or only white space', () => {
    it.each([[''], ['   '], ['\t\n ']])('returns the empty parse for %j', (query) => {
      expect(parseQuery(query)).toEqual(parsed({}));
    });
  });

  describe('when the query is unusual text', () => {
    it('reads 10,000 characters without a space as one word', () => {
      const long = 'a'.repeat(10_000);
      expect(parseQuery(long)).toEqual(parsed({ groups: [[word(long)]] }));
    });

    it('reads 2,000 words as 2,000 groups', () => {
      expect(parseQuery('word '.repeat(2_000)).groups).toHaveLength(2_000);
    });

    it('reads emoji as words', () => {
      expect(parseQuery('🚓 police 👮')).toEqual(parsed({ groups: [[word('🚓')], [word('police')], [word('👮')]] }));
    });

    it('reads right-to-left text as words', () => {
      expect(parseQuery('الأمن الوطني')).toEqual(parsed({ groups: [[word('الأمن')], [word('الوطني')]] }));
    });

    it('reads <script> as an ordinary word', () => {
      expect(parseQuery('<script>alert(1)</script>')).toEqual(parsed({ groups: [[word('<script>alert(1)</script>')]] }));
    });
  });

  describe('for any input', () => {
    it.each([['"'], ['“'], ['-"'], ['OR -'], ['year:..'], ['::::'], ['\u0000'], ['\uD800'], ['"a" OR OR "b" -"c'], ['year:9999999999999']])(
      'never throws for %j',
      (query) => {
        expect(() => parseQuery(query)).not.toThrow();
      },
    );
  });
});
