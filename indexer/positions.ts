// Each passage's words as index terms, worked out once at build time and kept as numbers: a term
// dictionary and one flat array of term ids, so that phrase and proximity checks read a passage's words
// instead of tokenising and stemming its text on every query. A word with several terms (a compound:
// "anti-gang" is "anti-gang", "anti" and "gang") has its first term as is and the others flagged as
// continuing it. Written as a file of little-endian 32-bit numbers: count, offsets, ids.
import type { Language } from '../language/analyzer.ts';
import { passageTerms } from './corpus-stats.ts';
import { GrowingWords, littleEndianBytes, wordsOf } from './index-binary.ts';
import type { Passage } from './types.ts';

/** The passages' words as term ids. */
export interface TermPositions {
  /** Each term, by id. */
  dictionary: string[];
  /** Where each passage's ids start in `ids` (one more entry than passages: the end of the last). */
  offsets: Uint32Array;
  /** Every passage's term ids, passage after passage; a term continuing the word before has CONTINUES set. */
  ids: Uint32Array;
}

/** Set on a term id that belongs to the same word as the id before it. */
const CONTINUES = 0x8000_0000;

/** The words of every passage as term ids, each passage analysed in its report's language. */
export function encodePositions(passages: Passage[], languageOf: (passage: Passage) => Language): TermPositions {
  const idOf = new Map<string, number>();
  const dictionary: string[] = [];
  const offsets = new Uint32Array(passages.length + 1);
  const ids = new GrowingWords();
  passages.forEach((passage, p) => {
    offsets[p] = ids.length;
    for (const terms of passageTerms(passage.text, languageOf(passage))) {
      terms.forEach((term, k) => {
        let id = idOf.get(term);
        if (id === undefined) {
          id = dictionary.length;
          idOf.set(term, id);
          dictionary.push(term);
        }
        ids.push(k === 0 ? id : id | CONTINUES);
      });
    }
  });
  offsets[passages.length] = ids.length;
  return { dictionary, offsets, ids: ids.words() };
}

/** The index terms of each word of passage number `ordinal`, as `passageTerms` gives them. */
export function wordsAt(positions: TermPositions, ordinal: number): string[][] {
  const { dictionary, offsets, ids } = positions;
  const words: string[][] = [];
  for (let i = offsets[ordinal]!, end = offsets[ordinal + 1]!; i < end; i++) {
    const id = ids[i]!;
    if ((id & CONTINUES) !== 0) words[words.length - 1]!.push(dictionary[id & ~CONTINUES]!);
    else words.push([dictionary[id]!]);
  }
  return words;
}

/**
 * True when passage number `ordinal` has words in a row whose terms include these term ids, one per word
 * (a term the corpus lacks is -1, and matches nothing).
 */
export function hasSequenceAt(positions: TermPositions, ordinal: number, sequence: number[]): boolean {
  if (sequence.length === 0 || sequence.includes(-1)) return false;
  const { offsets, ids } = positions;
  const start = offsets[ordinal]!;
  const end = offsets[ordinal + 1]!;
  // Each word start in turn: the sequence's first term among the word's terms, then the next word's…
  for (let i = start; i < end; i++) {
    if ((ids[i]! & CONTINUES) !== 0) continue;
    let at = i;
    let k = 0;
    while (k < sequence.length && at < end) {
      // The terms of the word starting at `at`.
      let found = false;
      let next = at;
      do {
        if ((ids[next]! & ~CONTINUES) === sequence[k]) found = true;
        next++;
      } while (next < end && (ids[next]! & CONTINUES) !== 0);
      if (!found) break;
      k++;
      at = next;
    }
    if (k === sequence.length) return true;
  }
  return false;
}

/** The positions as the bytes of their file (the dictionary goes with the index). */
export function positionsBytes(positions: TermPositions): Buffer {
  const words = new Uint32Array(2 + positions.offsets.length + positions.ids.length);
  words[0] = positions.offsets.length - 1;
  words[1] = positions.ids.length;
  words.set(positions.offsets, 2);
  words.set(positions.ids, 2 + positions.offsets.length);
  return littleEndianBytes(words);
}

/** The positions read back from their file's bytes, or null when the bytes are not such a file. */
export function positionsFrom(bytes: Buffer, dictionary: string[]): TermPositions | null {
  const words = wordsOf(bytes);
  if (words === null || words.length < 2) return null;
  const count = words[0]!;
  const length = words[1]!;
  if (words.length !== 2 + count + 1 + length) return null;
  const offsets = words.subarray(2, 3 + count);
  const ids = words.subarray(3 + count);
  if (offsets[count] !== length) return null;
  return { dictionary, offsets, ids };
}

