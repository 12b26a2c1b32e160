// The thesaurus: wordings that mean the same thing across years and translations, matched on stems in
// both directions, longest wording first.
import { describe, expect, it } from 'vitest';
import { Thesaurus, thesaurus, wordTerms } from '../../language/thesaurus.ts';

/** The texts of the other wordings of a wording, in thesaurus order. */
const synonymTexts = (words: Thesaurus, wording: string) => words.synonymsOf(wordTerms(wording)).map((entry) => entry.text);

describe('wordTerms', () => {
  it('gives one stem per word and drops stop words', () => {
    expect(wordTerms('sexual extortion via the Internet')).toEqual(['sexual', 'extort', 'via', 'internet']);
  });

  it('keeps a compound whole, not its parts', () => {
    expect(wordTerms('E-Blagh x.com')).toEqual(['e-blagh', 'x.com']);
  });

  it('gives nothing for stop words and punctuation', () => {
    expect(wordTerms('of the, and …')).toEqual([]);
  });
});

describe('Thesaurus', () => {
  const drugs = new Thesaurus([{ terms: ['hashish', 'cannabis resin', 'chira'] }]);

  describe('size', () => {
    it('counts the groups, even one left empty by stop words', () => {
      expect(new Thesaurus([{ terms: ['hashish', 'chira'] }, { terms: ['the', 'of'] }]).size).toBe(2);
    });
  });

  describe('synonymsOf', () => {
    it('gives the other wordings of the group, with their terms', () => {
      expect(drugs.synonymsOf(['hashish'])).toEqual([
        { text: 'cannabis resin', terms: ['cannabi', 'resin'], language: 'en' },
        { text: 'chira', terms: ['chira'], language: 'en' },
      ]);
    });

    it('works from a multi-word wording back to the single word', () => {
      expect(drugs.synonymsOf(['cannabi', 'resin'])).toEqual([
        { text: 'hashish', terms: ['hashish'], language: 'en' },
        { text: 'chira', terms: ['chira'], language: 'en' },
      ]);
    });

    it('matches on stems, so plurals and case do not matter', () => {
      const police = new Thesaurus([{ terms: ['police station', 'commissariat'] }]);
      expect(synonymTexts(police, 'Police Stations')).toEqual(['commissariat']);
    });

    it('ignores the small words of a wording', () => {
      const station = new Thesaurus([{ terms: ['station chief', 'head of station'] }]);
      expect(synonymTexts(station, 'head of the station')).toEqual(['station chief']);
    });

    it('leaves out a wording that the stop list leaves with one word, which would stand for far more', () => {
      const dependents = new Thesaurus([{ terms: ['dependents', 'those with rights', 'ayants droit'] }]);
      expect(synonymTexts(dependents, 'rights')).toEqual([]);
      expect(synonymTexts(dependents, 'dependents')).toEqual(['ayants droit']);
    });

    it('gives nothing for a wording that is not in the thesaurus', () => {
      expect(drugs.synonymsOf(['cocain'])).toEqual([]);
    });

    it('gives nothing for part of a multi-word wording', () => {
      expect(drugs.synonymsOf(['cannabi'])).toEqual([]);
    });

    it('gives nothing for a wording in reverse order', () => {
      expect(drugs.synonymsOf(['resin', 'cannabi'])).toEqual([]);
    });

    it('joins every group that has the wording, each other wording once', () => {
      const two = new Thesaurus([{ terms: ['drugs', 'narcotics'] }, { terms: ['drug', 'stupefiants', 'narcotic'] }]);
      expect(synonymTexts(two, 'drugs')).toEqual(['narcotics', 'stupefiants']);
    });
  });

  describe('find', () => {
    const words = new Thesaurus([
      { terms: ['police station', 'commissariat'] },
      { terms: ['station chief', 'head of station'] },
      { terms: ['police', 'law enforcement'] },
      { terms: ['license plate recognition', 'anpr'] },
      { terms: ['license', 'permit'] },
    ]);

    it('finds a multi-word wording as one match', () => {
      expect(words.find(wordTerms('automatic license plate recognition cameras'))).toEqual([
        { from: 1, to: 4, synonyms: [{ text: 'anpr', terms: ['anpr'], language: 'en' }] },
      ]);
    });

    it('prefers the longest wording at a place to the shorter ones inside it', () => {
      expect(words.find(wordTerms('police station'))).toEqual([{ from: 0, to: 2, synonyms: [{ text: 'commissariat', terms: ['commissariat'], language: 'en' }] }]);
    });

    it('never overlaps matches: the words of a match are not used again', () => {
      expect(words.find(wordTerms('police station chief'))).toEqual([{ from: 0, to: 2, synonyms: [{ text: 'commissariat', terms: ['commissariat'], language: 'en' }] }]);
    });

    it('finds several matches in one run of words', () => {
      expect(words.find(wordTerms('license for police'))).toEqual([
        { from: 0, to: 1, synonyms: [{ text: 'permit', terms: ['permit'], language: 'en' }] },
        { from: 1, to: 2, synonyms: [{ text: 'law enforcement', terms: ['law', 'enforc'], language: 'en' }] },
      ]);
    });

    it('finds nothing in words of no wording, or in no words', () => {
      expect(words.find(wordTerms('cocaine seizures'))).toEqual([]);
      expect(words.find([])).toEqual([]);
    });
  });
});

describe('thesaurus (server/thesaurus.json)', () => {
  it('relates sextortion and sexual extortion via the Internet, both ways', () => {
    expect(synonymTexts(thesaurus, 'sextortion')).toContain('sexual extortion via the internet');
    expect(synonymTexts(thesaurus, 'sexual extortion via the Internet')).toContain('sextortion');
  });

  it('relates hashish and cannabis resin, both ways', () => {
    expect(synonymTexts(thesaurus, 'hashish')).toEqual(['cannabis resin', 'chira', 'shira', 'hash', 'haschich', 'résine de cannabis']);
    expect(synonymTexts(thesaurus, 'cannabis resin')).toEqual(['hashish', 'chira', 'shira', 'hash', 'haschich', 'résine de cannabis']);
  });

  it('relates the French wordings of key terms to the English ones, both ways (bilingual.json)', () => {
    const french = (wording: string) => thesaurus.synonymsOf(wordTerms(wording, 'fr'), 'fr').map((entry) => entry.text);
    expect(french('sextorsion')).toContain('sextortion');
    expect(french('saisies')).toContain('seizure');
    expect(french("taux d'élucidation")).toContain('clearance rate');
    expect(synonymTexts(thesaurus, 'sextortion')).toContain('sextorsion');
    expect(synonymTexts(thesaurus, 'seizures')).toContain('saisie');
  });

  it('links no French word to an English false friend', () => {
    // "licenciés" (dismissed) shares an English stem with "licence", and a French one too; it is matched
    // against French wordings only, and none is a licence.
    expect(thesaurus.synonymsOf(wordTerms('licenciés', 'fr'), 'fr')).toEqual([]);
    expect(thesaurus.synonymsOf(wordTerms('formation', 'fr'), 'fr').map((entry) => entry.text)).toEqual(['training']);
  });

  it('relates twitter and x, both ways', () => {
    expect(synonymTexts(thesaurus, 'Twitter')).toEqual(['x', 'ex-twitter', 'previously twitter', 'formerly twitter', 'x.com']);
    expect(synonymTexts(thesaurus, 'X')).toEqual(['twitter', 'ex-twitter', 'previously twitter', 'formerly twitter', 'x.com']);
  });

  it('does not count a specific drug as a synonym of drugs', () => {
    expect(synonymTexts(thesaurus, 'drugs')).not.toContain('hashish');
  });

  it('reads "automatic license plate recognition" as one wording', () => {
    const [match] = thesaurus.find(wordTerms('automatic license plate recognition'));
    expect(match).toMatchObject({ from: 0, to: 4 });
    expect(match!.synonyms.map((entry) => entry.text)).toContain('anpr');
  });
});
