// Spelling: the words of the corpus, and the nearest of them to a word that is not in it.
import { distance } from 'fastest-levenshtein';
import { termsOf } from '../../language/analyzer.ts';
import { vocabularyOf, type CorpusVocabulary } from '../../indexer/corpus-stats.ts';
import type { Passage } from '../../indexer/types.ts';
import { fold } from '../../language/analyzer.ts';
import { lexicon } from '../../language/lexicon.ts';

/** Words of at least this many letters are corrected when they are not in the corpus. */
export const CORRECTABLE_LENGTH = 5;

/** The longest edit distance accepted for a word of this length (0: never corrected). */
export function allowedDistance(length: number, loose = false): number {
  if (length >= 8) return 2;
  if (length >= CORRECTABLE_LENGTH) return loose ? 2 : 1;
  return loose && length >= 4 ? 1 : 0;
}

/** The vocabulary of a corpus: every written word (folded) with its count, and every index term. */
export class Vocabulary {
  private readonly words: Map<string, number>;
  private readonly terms: Map<string, number>;
  // Words by length, so a correction only compares words of about the same length.
  private readonly byLength = new Map<number, Array<[string, number]>>();
  // Corrections already worked out (bounded, so hostile input cannot grow it without end).
  private readonly corrections = new Map<string, string | null>();

  /**
   * From the counts the index build stores, or (for small corpora and tests) from the texts themselves.
   * `isRealWord` names the words that are never "corrected" although the corpus lacks them.
   */
  constructor(
    source: CorpusVocabulary | Iterable<string>,
    private readonly isRealWord: (word: string) => boolean = (word) => lexicon().isWord(word),
  ) {
    const counts = 'words' in source ? source : vocabularyOf([...source].map((text) => ({ text }) as Passage));
    this.words = new Map(counts.words);
    this.terms = new Map(counts.documentFrequencies);
    for (const [word, count] of this.words) {
      const bucket = this.byLength.get(word.length) ?? [];
      bucket.push([word, count]);
      this.byLength.set(word.length, bucket);
    }
  }

  /** In how many passages an index term (without digits) occurs. */
  documentFrequency(term: string): number {
    return this.terms.get(term) ?? 0;
  }

  /** The corpus's written words (folded, without digits). */
  writtenWords(): Iterable<string> {
    return this.words.keys();
  }

  /**
   * The word the corpus most often writes for an index term ("migrat" → "migration"), or null. Worked
   * out for every term on first use.
   */
  writtenAs(term: string): string | null {
    if (this.commonest === undefined) {
      this.commonest = new Map();
      for (const [word, count] of this.words) {
        const own = termsOf(word)[0];
        if (own === undefined) continue;
        const best = this.commonest.get(own);
        if (best === undefined || count > best[1]) this.commonest.set(own, [word, count]);
      }
    }
    return this.commonest.get(term)?.[0] ?? null;
  }

  private commonest: Map<string, [string, number]> | undefined;

  /** True when some passage has this index term. */
  hasTerm(term: string): boolean {
    return this.terms.has(term);
  }

  /** True when some passage has a word that reduces to the same index term as this word. */
  knows(word: string): boolean {
    const terms = termsOf(word);
    // Figures are never corrected or matched loosely: "19,722,041" means exactly that.
    return terms.length === 0 || /\d/.test(word) || terms.some((term) => this.terms.has(term));
  }

  /**
   * The corpus word nearest to a word the corpus does not have, or null when none is close enough. The
   * nearer word wins, then the more frequent. `loose` allows one more edit (for "did you mean").
   */
  correct(word: string, loose = false): string | null {
    const key = `${loose ? 'loose' : 'strict'} ${word}`;
    const known = this.corrections.get(key);
    if (known !== undefined) return known;
    const found = this.nearest(word, loose);
    if (this.corrections.size >= 10_000) this.corrections.clear();
    this.corrections.set(key, found);
    return found;
  }

  private nearest(word: string, loose: boolean): string | null {
    const folded = fold(word);
    const limit = allowedDistance(folded.length, loose);
    // A real English word is what the user meant ("policewomen" is not a misspelt "policemen"), and an
    // accented word is another language's, never an English typo ("licenciés" is not "licenses").
    if (limit === 0 || this.knows(word) || /\d/.test(folded) || fold(word) !== word.toLowerCase() || this.isRealWord(word)) return null;
    let best: { word: string; distance: number; count: number } | null = null;
    for (let length = folded.length - limit; length <= folded.length + limit; length++) {
      for (const [candidate, count] of this.byLength.get(length) ?? []) {
        const d = editDistance(folded, candidate, limit);
        if (d > limit) continue;
        if (best === null || d < best.distance || (d === best.distance && count > best.count)) best = { word: candidate, distance: d, count };
      }
    }
    return best?.word ?? null;
  }
}

/**
 * The edit distance between two words, a swap of two neighbouring letters counting as one edit
 * ("hashsih" is one slip from "hashish", as "recieve" from "receive": the optimal string alignment
 * distance). Exact when it is at most `limit`; otherwise some distance over `limit`: each swap saves one
 * of the two edits Levenshtein counts for it, so words more than 2 × `limit` Levenshtein edits apart, or
 * whose lengths differ by more than `limit`, are not looked at again.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const plain = distance(a, b);
  if (plain <= 1 || plain > 2 * limit || Math.abs(a.length - b.length) > limit) return plain;
  const row = (n: number) => new Array<number>(n).fill(0);
  let before = row(b.length + 1);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = row(b.length + 1);
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j]!, before[j - 2]! + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
