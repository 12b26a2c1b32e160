// Spelling: the words of the corpus, and the nearest of them to a word that is not in it.
import { distance } from 'fastest-levenshtein';
import { fold, termsOf, tokenize } from '../../indexer/analyzer.ts';

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
  private readonly words = new Map<string, number>();
  private readonly terms = new Set<string>();
  // Words by length, so a correction only compares words of about the same length.
  private readonly byLength = new Map<number, Array<[string, number]>>();
  // Corrections already worked out (bounded, so hostile input cannot grow it without end).
  private readonly corrections = new Map<string, string | null>();

  constructor(texts: Iterable<string>) {
    for (const text of texts) {
      for (const token of tokenize(text)) {
        const word = fold(token.surface);
        this.words.set(word, (this.words.get(word) ?? 0) + 1);
        for (const term of termsOf(token.surface)) this.terms.add(term);
      }
    }
    for (const [word, count] of this.words) {
      if (/\d/.test(word)) continue;
      const bucket = this.byLength.get(word.length) ?? [];
      bucket.push([word, count]);
      this.byLength.set(word.length, bucket);
    }
  }

  /** True when some passage has this index term. */
  hasTerm(term: string): boolean {
    return this.terms.has(term);
  }

  /** True when some passage has a word that reduces to the same index term as this word. */
  knows(word: string): boolean {
    const terms = termsOf(word);
    return terms.length === 0 || terms.some((term) => this.terms.has(term));
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
    if (limit === 0 || this.knows(word) || /\d/.test(folded)) return null;
    let best: { word: string; distance: number; count: number } | null = null;
    for (let length = folded.length - limit; length <= folded.length + limit; length++) {
      for (const [candidate, count] of this.byLength.get(length) ?? []) {
        const d = distance(folded, candidate);
        if (d > limit) continue;
        if (best === null || d < best.distance || (d === best.distance && count > best.count)) best = { word: candidate, distance: d, count };
      }
    }
    return best?.word ?? null;
  }
}
