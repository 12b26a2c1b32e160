// Spelling: the words of the corpus, and the nearest of them to a word the corpus does not have.
import { describe, expect, it } from 'vitest';
import { allowedDistance, editDistance, Vocabulary } from '../../../server/search/spelling.ts';

describe('allowedDistance', () => {
  it.each([
    [0, 0, 0],
    [3, 0, 0],
    [4, 0, 1],
    [5, 1, 2],
    [7, 1, 2],
    [8, 2, 2],
    [12, 2, 2],
  ])('allows a word of %i letters %i edits, or %i in loose mode', (length, strict, loose) => {
    expect(allowedDistance(length)).toBe(strict);
    expect(allowedDistance(length, true)).toBe(loose);
  });
});

describe('editDistance', () => {
  it.each([
    ['hashish', 'hashish', 0],
    ['hasish', 'hashish', 1],
    ['hashsih', 'hashish', 1],
    ['recieve', 'receive', 1],
    ['ahshsih', 'hashish', 2],
  ])('puts %s and %s %i edits apart', (a, b, expected) => {
    expect(editDistance(a, b, 2)).toBe(expected);
  });

  it('says only that a distance is over the limit when it is well over it', () => {
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBeGreaterThan(1);
  });
});

describe('Vocabulary', () => {
  const vocabulary = new Vocabulary([
    'Cases of sextortion fell sharply in Casablanca.',
    'Drug trafficking and hashish seizures rose; hashish again.',
    'The police recorded 391 cases in 2024.',
    'Identité nationale',
  ]);

  describe('knows', () => {
    it('knows a word of the corpus in any form that reduces to the same term', () => {
      expect(vocabulary.knows('recording')).toBe(true);
      expect(vocabulary.knows('Seizure')).toBe(true);
    });

    it('knows stop words, which are never searched', () => {
      expect(vocabulary.knows('the')).toBe(true);
    });

    it('does not know a word the corpus lacks', () => {
      expect(vocabulary.knows('cocaine')).toBe(false);
    });
  });

  describe('writtenAs', () => {
    it('gives the word the corpus most often writes for an index term', () => {
      expect(vocabulary.writtenAs('case')).toBe('cases');
      expect(vocabulary.writtenAs('hashish')).toBe('hashish');
    });

    it('gives null for a term no word of the corpus reduces to', () => {
      expect(vocabulary.writtenAs('cocain')).toBeNull();
    });
  });

  describe('hasTerm', () => {
    it('is true for an index term and false for a surface word that is not one', () => {
      expect(vocabulary.hasTerm('sextort')).toBe(true);
      expect(vocabulary.hasTerm('sextortion')).toBe(false);
    });
  });

  describe('correct', () => {
    describe('when a word of 5 to 7 letters is one edit away from a corpus word', () => {
      it.each([
        ['polce', 'police'],
        ['hasish', 'hashish'],
        ['hashsh', 'hashish'],
        ['HASISH', 'hashish'],
      ])('corrects %s to %s', (typo, word) => {
        expect(vocabulary.correct(typo)).toBe(word);
      });
    });

    describe('when two neighbouring letters are swapped', () => {
      it('counts the swap as one edit and corrects it', () => {
        expect(vocabulary.correct('hashsih')).toBe('hashish');
        expect(vocabulary.correct('poilce')).toBe('police');
      });
    });

    describe('when a word of 5 to 7 letters is two edits away', () => {
      it('does not correct it', () => {
        expect(vocabulary.correct('hoshosh')).toBeNull();
        // Two swaps are two edits.
        expect(vocabulary.correct('ahshsih')).toBeNull();
      });
    });

    describe('when a word of 8 letters or more is up to two edits away', () => {
      it.each([
        ['sextortoin', 'sextortion'],
        ['sextorsion', 'sextortion'],
        ['Casablnca', 'casablanca'],
        ['Csablnca', 'casablanca'],
        ['tafficking', 'trafficking'],
      ])('corrects %s to %s', (typo, word) => {
        expect(vocabulary.correct(typo)).toBe(word);
      });

      it('does not correct it three edits away', () => {
        expect(vocabulary.correct('sxtrtoin')).toBeNull();
        // A swap is one edit: "sextrtoin" is two from "sextortion" (a letter left out, two swapped).
        expect(vocabulary.correct('sextrtoin')).toBe('sextortion');
      });
    });

    describe('when the word is known', () => {
      it.each([['Casablanca'], ['cases'], ['recording'], ['seizurs'], ['Identitè']])('does not correct %s', (word) => {
        expect(vocabulary.correct(word)).toBeNull();
      });
    });

    describe('when the word is short', () => {
      it.each([['drog'], ['caes'], ['polc']])('does not correct %s', (word) => {
        expect(vocabulary.correct(word)).toBeNull();
      });
    });

    describe('when the word has digits', () => {
      it.each([['2025'], ['3911'], ['cases2']])('does not correct %s', (word) => {
        expect(vocabulary.correct(word)).toBeNull();
      });
    });

    describe('when nothing is close', () => {
      it('returns null', () => {
        expect(vocabulary.correct('xylophone')).toBeNull();
      });
    });

    describe('when two corpus words are as near', () => {
      it('takes the more frequent', () => {
        const words = new Vocabulary(['barrel barren barren barren']);
        expect(words.correct('barrek')).toBe('barren');
      });
    });

    describe('when accents differ', () => {
      it('compares folded words and returns the folded corpus word', () => {
        expect(vocabulary.correct('identitee')).toBe('identite');
      });
    });

    describe('in loose mode', () => {
      it('allows one edit for a word of 4 letters', () => {
        expect(vocabulary.correct('caes', true)).toBe('cases');
      });

      it('allows two edits for a word of 5 to 7 letters', () => {
        expect(vocabulary.correct('hashsih', true)).toBe('hashish');
      });

      it('still leaves words of 3 letters alone', () => {
        expect(vocabulary.correct('rse', true)).toBeNull();
      });
    });
  });
});
