// Facts about the whole corpus that the search needs at once on start-up, worked out at build time and
// stored in the bundle: the written words (for spelling), how many passages hold each term (for rarity),
// and which passages are near-copies of one another.
import { fold, termsOf, tokenize, type Language } from '../language/analyzer.ts';
import type { Passage } from './types.ts';

/** The vocabulary of the corpus. */
export interface CorpusVocabulary {
  /** Every written word without digits (folded), with how often it occurs. */
  words: Array<[string, number]>;
  /** Every index term without digits, with the number of passages that hold it. */
  documentFrequencies: Array<[string, number]>;
}

/** Two passages sharing this share of their three-word sequences are near-copies. */
export const NEAR_COPY_SHARE = 0.6;
/** A three-word sequence found in more passages of one year than this is boilerplate, not copying. */
const BOILERPLATE = 50;

/** The index terms of each word of a text (stop words left out). */
export function passageTerms(text: string, language: Language = 'en'): string[][] {
  return tokenize(text)
    .map((token) => termsOf(token.surface, language))
    .filter((terms) => terms.length > 0);
}

export function vocabularyOf(passages: Passage[]): CorpusVocabulary {
  const words = new Map<string, number>();
  const frequencies = new Map<string, number>();
  for (const passage of passages) {
    const seen = new Set<string>();
    for (const token of tokenize(passage.text)) {
      const word = fold(token.surface);
      if (!/\d/.test(word)) words.set(word, (words.get(word) ?? 0) + 1);
      for (const term of termsOf(token.surface)) if (!/\d/.test(term)) seen.add(term);
    }
    for (const term of seen) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  }
  return { words: [...words], documentFrequencies: [...frequencies] };
}

function shinglesOf(terms: string[][]): Set<string> {
  const words = terms.map((t) => t[0]!);
  const shingles = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) shingles.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return shingles;
}

/**
 * Pairs of passages of the same year that share most of their three-word sequences: a press article
 * restating its report word for word, a paragraph repeated in two editions. Passages of different years
 * are never folded together: each year's figures matter to a researcher even when the wording recurs.
 */
export function nearCopiesOf(passages: Passage[]): Array<[string, string]> {
  const byYear = new Map<number, Passage[]>();
  for (const passage of passages) byYear.set(passage.year, [...(byYear.get(passage.year) ?? []), passage]);
  const pairs: Array<[string, string]> = [];
  for (const group of byYear.values()) {
    const shingles = new Map(group.map((passage) => [passage.id, shinglesOf(passageTerms(passage.text))]));
    const postings = new Map<string, string[]>();
    for (const [id, set] of shingles) for (const shingle of set) postings.set(shingle, [...(postings.get(shingle) ?? []), id]);
    for (const [id, set] of shingles) {
      const shared = new Map<string, number>();
      for (const shingle of set) {
        const ids = postings.get(shingle)!;
        if (ids.length > BOILERPLATE) continue;
        for (const other of ids) if (other > id) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
      for (const [other, count] of shared) {
        if (count / (set.size + shingles.get(other)!.size - count) >= NEAR_COPY_SHARE) pairs.push([id, other]);
      }
    }
  }
  return pairs;
}
