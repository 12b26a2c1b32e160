// Sentence boundaries for English report text: Intl.Segmenter does the work, and a few repairs undo
// the splits it makes after abbreviations and initials ("U.S.", "No.", "Dr.").
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
