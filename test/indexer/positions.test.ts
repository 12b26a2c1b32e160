// The passages' words as term ids: worked out at build time so that a query's phrase and proximity
// checks read them instead of analysing the texts again.
import { describe, expect, it } from 'vitest';
import { passageTerms } from '../../indexer/corpus-stats.ts';
import { encodePositions, hasSequenceAt, positionsBytes, positionsFrom, wordsAt } from '../../indexer/positions.ts';
import type { Passage } from '../../indexer/types.ts';

const passage = (text: string) => ({ text }) as Passage;
const texts = [
  'The anti-gang brigades dismantled 947 criminal gangs.',
  'Sextortion cases fell by 23%, with 391 cases recorded.',
  'Saisies de cocaïne à Tanger.',
  '',
];
const passages = texts.map(passage);
const positions = encodePositions(passages, (p) => (p.text.startsWith('Saisies') ? 'fr' : 'en'));
const ids = (...terms: string[]) => terms.map((term) => positions.dictionary.indexOf(term));

describe('encodePositions and wordsAt', () => {
  it('give back each passage’s words as the analysis gives them, a compound with all its terms', () => {
    expect(wordsAt(positions, 0)).toEqual(passageTerms(texts[0]!));
    expect(wordsAt(positions, 1)).toEqual(passageTerms(texts[1]!));
    expect(wordsAt(positions, 0)[0]).toEqual(['anti-gang', 'antigang', 'anti', 'gang']);
  });

  it('analyse each passage in its own language', () => {
    expect(wordsAt(positions, 2)).toEqual(passageTerms(texts[2]!, 'fr'));
  });

  it('give no words for a passage without any', () => {
    expect(wordsAt(positions, 3)).toEqual([]);
  });

  it('keep each term once in the dictionary', () => {
    expect(new Set(positions.dictionary).size).toBe(positions.dictionary.length);
    expect(positions.dictionary.filter((term) => term === 'case')).toHaveLength(1);
  });
});

describe('hasSequenceAt', () => {
  it('finds words in a row, in order', () => {
    expect(hasSequenceAt(positions, 0, ids('crimin', 'gang'))).toBe(true);
    expect(hasSequenceAt(positions, 1, ids('sextort', 'case'))).toBe(true);
  });

  it('finds a term that is one of a compound word’s terms', () => {
    expect(hasSequenceAt(positions, 0, ids('gang', 'brigad'))).toBe(true);
  });

  it('does not find the words in another order, apart, or in another passage', () => {
    expect(hasSequenceAt(positions, 0, ids('gang', 'crimin'))).toBe(false);
    expect(hasSequenceAt(positions, 1, ids('sextort', 'fell'))).toBe(false);
    expect(hasSequenceAt(positions, 1, ids('crimin', 'gang'))).toBe(false);
  });

  it('finds nothing for a term the corpus lacks, or for no terms', () => {
    expect(hasSequenceAt(positions, 0, [-1])).toBe(false);
    expect(hasSequenceAt(positions, 0, [])).toBe(false);
  });
});

describe('positionsBytes and positionsFrom', () => {
  it('write the positions as a file and read them back the same', () => {
    const read = positionsFrom(Buffer.from(positionsBytes(positions)), positions.dictionary)!;
    texts.forEach((_, i) => expect(wordsAt(read, i)).toEqual(wordsAt(positions, i)));
  });

  it('refuse bytes cut short or of another shape', () => {
    const bytes = positionsBytes(positions);
    expect(positionsFrom(bytes.subarray(0, bytes.length - 4), positions.dictionary)).toBeNull();
    expect(positionsFrom(bytes.subarray(0, 6), positions.dictionary)).toBeNull();
    expect(positionsFrom(Buffer.concat([bytes, Buffer.alloc(4)]), positions.dictionary)).toBeNull();
  });

  it('read bytes that do not start on a word boundary of their buffer', () => {
    const shifted = Buffer.concat([Buffer.alloc(1), positionsBytes(positions)]).subarray(1);
    expect(wordsAt(positionsFrom(shifted, positions.dictionary)!, 1)).toEqual(wordsAt(positions, 1));
  });
});
