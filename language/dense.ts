// A dense representation of a text: the rarity-weighted mean of its words' vectors (a "bag of
// embeddings"), unit length, one signed byte per dimension. Passages get theirs at build time; a query's
// is compared with them at search time, so that wording the lexical match misses can still count.
import { fold, isStopWord, termsOf, tokenize } from './analyzer.ts';
import { DIMENSIONS } from './lexicon-compile.ts';
import { lexicon } from './lexicon.ts';

/** Components are stored as the unit vector times this, clamped to a signed byte. */
const SCALE = 127 * 3;

/** How a word's weight is found: the number of passages holding its index term, out of `passages`. */
export interface Rarity {
  documentFrequency: (term: string) => number;
  passages: number;
}

// The vector row of each folded word, looked up once (bounded, as any text may be read: emptied when
// full, at about the vocabulary of a corpus 100 times the seed one). A Map grows with use, where a
// cache set up in advance at its full size costs time at every start.
const rows = new Map<string, number>();
const MAX_ROWS = 20_000;

function rowOf(word: string): number {
  let row = rows.get(word);
  if (row === undefined) {
    row = lexicon().vectorRow(word);
    if (rows.size >= MAX_ROWS) rows.clear();
    rows.set(word, row);
  }
  return row;
}

/** The unit vector of a text (all zeros when none of its words has a vector). */
export function textVector(text: string, rarity: Rarity): Float32Array {
  const general = lexicon();
  const sum = new Float32Array(DIMENSIONS);
  for (const token of tokenize(text)) {
    const word = fold(token.surface);
    if (!/^\p{Ll}+$/u.test(word) || isStopWord(word)) continue;
    const row = rowOf(word);
    if (row < 0) continue;
    const df = rarity.documentFrequency(termsOf(word)[0] ?? word);
    const idf = Math.log(1 + (rarity.passages - df + 0.5) / (df + 0.5));
    const base = row * DIMENSIONS;
    for (let d = 0; d < DIMENSIONS; d++) sum[d]! += (idf * general.vectors[base + d]!) / SCALE;
  }
  let norm = 0;
  for (let d = 0; d < DIMENSIONS; d++) norm += sum[d]! * sum[d]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let d = 0; d < DIMENSIONS; d++) sum[d]! /= norm;
  return sum;
}

/** The vectors of many texts, quantised, one after another (text i at `i * DIMENSIONS`). */
export function textVectors(texts: string[], rarity: Rarity): Int8Array {
  const out = new Int8Array(texts.length * DIMENSIONS);
  texts.forEach((text, i) => {
    const vector = textVector(text, rarity);
    for (let d = 0; d < DIMENSIONS; d++) out[i * DIMENSIONS + d] = Math.max(-127, Math.min(127, Math.round(vector[d]! * SCALE)));
  });
  return out;
}

/** The cosine of a query vector with stored vector `i` (0 for a text without vectors). */
export function cosine(query: Float32Array, stored: Int8Array, i: number): number {
  let sum = 0;
  const base = i * DIMENSIONS;
  for (let d = 0; d < DIMENSIONS; d++) sum += query[d]! * stored[base + d]!;
  return sum / SCALE;
}
