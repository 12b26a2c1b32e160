import { describe, expect, it } from 'vitest';
import { analyze, countWords, fold, isStopWord, termsOf, tokenize } from '../../language/analyzer.ts';

describe('fold', () => {
  it('drops accents and lowers the case', () => {
    expect(fold('Identité')).toBe('identite');
    expect(fold('Sécurité Nationale')).toBe('securite nationale');
  });

  it('makes curly quotes and dashes straight', () => {
    expect(fold('‘police’ “report” 2022–2026 — end')).toBe(`'police' "report" 2022-2026 - end`);
  });

  it('decomposes compatibility characters such as ligatures', () => {
    expect(fold('ﬁnal')).toBe('final');
  });

  it('leaves emoji and an empty string as they are', () => {
    expect(fold('😀')).toBe('😀');
    expect(fold('')).toBe('');
  });
});

describe('tokenize', () => {
  describe('when words are joined by a hyphen, a dot or an apostrophe', () => {
    it('keeps a compound as one token with its offsets', () => {
      expect(tokenize('E-Blagh and TASER-7')).toEqual([
        { surface: 'E-Blagh', start: 0, end: 7 },
        { surface: 'and', start: 8, end: 11 },
        { surface: 'TASER-7', start: 12, end: 19 },
      ]);
    });

    it('keeps a year range, a decimal and a curly apostrophe inside the token', () => {
      expect(tokenize('2022-2026 1.948 police’s').map((t) => t.surface)).toEqual(['2022-2026', '1.948', 'police’s']);
    });

    it('leaves the final dot of an abbreviation out', () => {
      expect(tokenize('the U.S.')).toEqual([
        { surface: 'the', start: 0, end: 3 },
        { surface: 'U.S', start: 4, end: 7 },
      ]);
    });
  });

  describe('when a comma is in a number', () => {
    it('joins groups of three digits', () => {
      expect(tokenize('19,722,041 cases')).toEqual([
        { surface: '19,722,041', start: 0, end: 10 },
        { surface: 'cases', start: 11, end: 16 },
      ]);
    });

    it('splits a list of numbers that are not thousands groups', () => {
      expect(tokenize('12,34 and 1,2345').map((t) => t.surface)).toEqual(['12', '34', 'and', '1', '2345']);
    });
  });

  it('splits a name and a number separated by a space', () => {
    expect(tokenize('ISO 17025').map((t) => t.surface)).toEqual(['ISO', '17025']);
  });

  it('reads right-to-left words and skips emoji', () => {
    expect(tokenize('الأمن الوطني 😀 2024')).toEqual([
      { surface: 'الأمن', start: 0, end: 5 },
      { surface: 'الوطني', start: 6, end: 12 },
      { surface: '2024', start: 16, end: 20 },
    ]);
  });

  it('gives no token for an empty string or only white space', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t ')).toEqual([]);
  });

  it('reads a very long text', () => {
    expect(tokenize('word '.repeat(10_000))).toHaveLength(10_000);
  });
});

describe('isStopWord', () => {
  it('is true for function words whatever their case', () => {
    expect(isStopWord('the')).toBe(true);
    expect(isStopWord('THE')).toBe(true);
  });

  it('is false for words that carry meaning and for an empty string', () => {
    expect(isStopWord('police')).toBe(false);
    expect(isStopWord('')).toBe(false);
  });
});

describe('termsOf', () => {
  it('gives the stem of a simple word', () => {
    expect(termsOf('Running')).toEqual(['run']);
    expect(termsOf('Identité')).toEqual(['identit']);
  });

  it('gives nothing for a stop word or an empty surface', () => {
    expect(termsOf('The')).toEqual([]);
    expect(termsOf('')).toEqual([]);
  });

  it('drops a possessive with a straight or a curly apostrophe', () => {
    expect(termsOf("police's")).toEqual(['polic']);
    expect(termsOf('police’s')).toEqual(['polic']);
  });

  describe('when the word is a compound', () => {
    it('gives it whole, joined and its parts', () => {
      expect(termsOf('E-Blagh')).toEqual(['e-blagh', 'eblagh', 'blagh']);
      expect(termsOf('TASER-7')).toEqual(['taser-7', 'taser7', 'taser', '7']);
      expect(termsOf('2022-2026')).toEqual(['2022-2026', '20222026', '2022', '2026']);
      expect(termsOf('l’boufa')).toEqual(["l'boufa", 'lboufa', 'boufa']);
    });

    it('leaves out the parts that are stop words', () => {
      expect(termsOf('state-of-the-art')).toEqual(['state-of-the-art', 'stateoftheart', 'state', 'art']);
    });
  });

  describe('when the word is a number', () => {
    it('drops the thousands separators', () => {
      expect(termsOf('19,722,041')).toEqual(['19722041']);
    });

    it('keeps a decimal number whole', () => {
      expect(termsOf('1.948')).toEqual(['1.948']);
      expect(termsOf('17025')).toEqual(['17025']);
    });
  });
});

describe('analyze', () => {
  it('gives the terms of a text in order, compounds contributing several', () => {
    expect(analyze('The E-Blagh platform recorded 19,722,041 visits')).toEqual([
      'e-blagh', 'eblagh', 'blagh', 'platform', 'record', '19722041', 'visit',
    ]);
  });

  it('folds right-to-left text like any other', () => {
    expect(analyze('الأمن 2024')).toEqual(['الامن', '2024']);
  });

  it('gives nothing for an empty string, white space or emoji', () => {
    expect(analyze('')).toEqual([]);
    expect(analyze('   ')).toEqual([]);
    expect(analyze('😀 👮')).toEqual([]);
  });
});

describe('countWords', () => {
  it('counts runs of non-space characters', () => {
    expect(countWords(' one  two\nthree\t')).toBe(3);
    expect(countWords('E-Blagh 19,722,041 😀')).toBe(3);
    expect(countWords('الأمن الوطني')).toBe(2);
  });

  it('counts zero words in an empty string or only white space', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' \n\t ')).toBe(0);
  });
});
