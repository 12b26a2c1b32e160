// Sentence boundaries for English report text: Intl.Segmenter does the work, and a few repairs undo
// the splits it makes after abbreviations and initials ("U.S.", "No.", "Dr."). Sentences reduced to
// keys are how `dgsn add` tells a text that is already in the corpus.
import { fold } from '../language/analyzer.ts';
import type { Span } from './clean.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'vol', 'art', 'arts', 'p', 'pp', 'fig', 'vs', 'etc',
  'e.g', 'i.e', 'approx', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'u.s', 'u.k', 'u.n', 'inc', 'ltd', 'co', 'gen', 'col', 'lt', 'sgt',
]);

function endsWithAbbreviation(sentence: string): boolean {
  const match = /(?:^|[\s(])([\p{L}.]+)\.\s*$/u.exec(sentence);
  if (match === null) return false;
  const word = match[1]!.toLowerCase();
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

/**
 * The sentences of a text as spans of it (trimmed), in order. A segment that ends in an abbreviation or
 * an initial, or that is followed by one starting in lower case, is joined to the next.
 */
export function splitSentences(text: string, offset = 0): Span[] {
  const pieces: Array<{ start: number; end: number }> = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const body = segment.trim();
    if (body === '') continue;
    const start = index + lead;
    const piece = { start, end: start + body.length };
    const previous = pieces[pieces.length - 1];
    const joinsPrevious =
      previous !== undefined &&
      (endsWithAbbreviation(text.slice(previous.start, previous.end)) || /^[\p{Ll},;)]/u.test(body));
    if (joinsPrevious) previous.end = piece.end;
    else pieces.push(piece);
  }
  return pieces.map(({ start, end }) => ({ start: start + offset, end: end + offset, text: text.slice(start, end) }));
}

/** A sentence reduced to what survives copying: its words, with case, accents, punctuation and spacing folded. */
export function sentenceKey(sentence: string): string {
  return (fold(sentence).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

// Sentences shorter than this ("Crime fell.") recur in unrelated texts and say nothing of copying.
const KEY_MIN_WORDS = 5;

/** The distinct sentence keys of some texts, leaving out sentences of fewer than five words. */
export function sentenceKeys(texts: Iterable<string>): Set<string> {
  const keys = new Set<string>();
  for (const text of texts) {
    for (const sentence of splitSentences(text)) {
      const key = sentenceKey(sentence.text);
      if (key.split(' ').length >= KEY_MIN_WORDS) keys.add(key);
    }
  }
  return keys;
}

/** The share of `keys` that `other` holds too: 1 when every sentence is repeated, 0 for none (or no keys). */
export function sharedShare(keys: ReadonlySet<string>, other: ReadonlySet<string>): number {
  if (keys.size === 0) return 0;
  let shared = 0;
  for (const key of keys) if (other.has(key)) shared++;
  return shared / keys.size;
}
