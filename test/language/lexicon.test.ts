// The general English lexicon: WordNet (dictionary, lemmas, derivational families, synonyms, broader
// terms) and word vectors, compiled from npm packages into a compact cache.
import { describe, expect, it } from 'vitest';
import { lexicon, SortedLines } from '../../language/lexicon.ts';

const english = lexicon();

describe('SortedLines', () => {
  const lines = new SortedLines('apple\t1|2\nbanana\nzebra\tz');

  it('finds a key and gives its value, or an empty value for a bare key', () => {
    expect(lines.get('apple')).toBe('1|2');
    expect(lines.get('banana')).toBe('');
    expect(lines.get('zebra')).toBe('z');
  });

  it('gives undefined for a missing key, before, between and after the keys', () => {
    for (const key of ['aardvark', 'b', 'cherry', 'zz', '']) expect(lines.get(key)).toBeUndefined();
  });

  it('is empty for an empty text', () => {
    expect(new SortedLines('').get('a')).toBeUndefined();
  });
});

describe('Lexicon', () => {
  describe('isWord', () => {
    it('knows inflected English words through their lemmas', () => {
      for (const word of ['policewomen', 'seized', 'fatalities', 'prosecutors', 'offences', 'app']) expect(english.isWord(word)).toBe(true);
    });

    it('does not know misspellings or words of other languages', () => {
      for (const word of ['sezures', 'recrutement', 'licencies', 'caes', 'xylophonn']) expect(english.isWord(word)).toBe(false);
    });
  });

  describe('lemmas', () => {
    it('undoes regular and irregular inflections (WordNet Morphy and exception lists)', () => {
      expect(english.lemmas('seized')).toContain('seize');
      expect(english.lemmas('women')).toContain('woman');
      expect(english.lemmas('policewomen')).toEqual(['policewoman']);
    });
  });

  describe('family', () => {
    it('links the forms a stemmer keeps apart', () => {
      expect(english.family('seizure')).toContain('seize');
      expect(english.family('seized')).toContain('seizure');
      expect(english.family('prosecutor')).toEqual(expect.arrayContaining(['prosecute', 'prosecution']));
      expect(english.family('offence')).toContain('offense');
    });
  });

  describe('relation', () => {
    it('relates synonyms, broader and narrower terms', () => {
      expect(english.relation('deaths', 'fatalities')).toBe('related');
      expect(english.relation('drugs', 'narcotics')).toBe('related');
      expect(english.relation('theft', 'robbery')).toBe('related');
      expect(english.relation('cocaine', 'drugs')).toBe('related');
    });

    it('does not relate siblings, which are other things of the same kind', () => {
      expect(english.relation('cocaine', 'heroin')).toBe('unrelated');
      expect(english.relation('cocaine', 'hashish')).toBe('unrelated');
    });

    it('says so when WordNet does not know a word', () => {
      expect(english.relation('sextortion', 'extortion')).toBe('unknown');
    });
  });

  describe('canBeNoun', () => {
    it('holds for a word with a noun among its common senses, not for a verb only', () => {
      expect(english.canBeNoun('card')).toBe(true);
      expect(english.canBeNoun('police')).toBe(true);
      expect(english.canBeNoun('seize')).toBe(false);
      expect(english.canBeNoun('obtain')).toBe(false);
    });
  });

  describe('sharesSense', () => {
    it('holds for words of one sense', () => {
      expect(english.sharesSense('minors', 'children')).toBe(true);
      expect(english.sharesSense('automobiles', 'cars')).toBe(true);
    });

    it('does not hold for a broader or narrower word, a sibling or a word WordNet lacks', () => {
      expect(english.sharesSense('drug', 'heroin')).toBe(false);
      expect(english.sharesSense('vehicles', 'boats')).toBe(false);
      expect(english.sharesSense('injuries', 'accidents')).toBe(false);
      expect(english.sharesSense('hashish', 'cocaine')).toBe(false);
      expect(english.sharesSense('sextortion', 'extortion')).toBe(false);
    });
  });

  describe('vectors', () => {
    it('put words of one meaning close together and others apart', () => {
      const similarity = (a: string, b: string) => english.similarity(english.vectorRow(a), english.vectorRow(b));
      expect(similarity('deaths', 'fatalities')).toBeGreaterThan(0.75);
      expect(similarity('police', 'vegetables')).toBeLessThan(0.3);
    });

    it('have no row for a word they do not know', () => {
      expect(english.vectorRow('sextortion')).toBe(-1);
    });
  });

  describe('rarity', () => {
    it('is low for the everyday words of questions and high for specific ones', () => {
      for (const word of ['give', 'after', 'number']) expect(english.rarity(word)).toBeLessThan(0.6);
      for (const word of ['seizures', 'sextortion', 'hashish']) expect(english.rarity(word)).toBeGreaterThan(0.85);
    });
  });
});
