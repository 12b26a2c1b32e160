// Highlighting: which words of a passage matched, the passage with those words in <mark>, and a snippet
// of about fifty words around the densest cluster of matches and the figure after it. All text is
// HTML-escaped before marking.
import escapeHtml from 'escape-html';
import { termsOf, tokenize, type Language, type Token } from '../../language/analyzer.ts';

/** What to mark: single index terms anywhere, and term sequences only where their words stand together. */
export interface MarkSpec {
  /** Index terms whose words are marked wherever they occur. */
  terms: ReadonlySet<string>;
  /** Sequences of index terms (one per word) marked only where they occur in order. */
  phrases: ReadonlyArray<readonly string[]>;
}

/** A stretch of text to mark (offsets into the text). */
export interface MarkedSpan {
  /** Offset of the first marked character. */
  start: number;
  /** Offset just past the last marked character. */
  end: number;
}

export const SNIPPET_WORDS = 50;

// Stop words are skipped when phrases are matched, as they are when passages are indexed.
function contentTokens(text: string, language: Language): Array<{ token: Token; terms: string[] }> {
  return tokenize(text)
    .map((token) => ({ token, terms: termsOf(token.surface, language) }))
    .filter((item) => item.terms.length > 0);
}

const PUNCTUATION = /[^\s\p{L}\p{N}]/u;

/**
 * The spans of a text to mark. A phrase is one span from its first word to its last, small words
 * included ("sexual extortion via the Internet"), but never across punctuation: "extortion, and online
 * blackmail" marks "extortion" and "online blackmail". Spans that touch or are separated only by white
 * space are joined.
 */
export function markedSpans(text: string, spec: MarkSpec, language: Language = 'en'): MarkedSpan[] {
  const tokens = contentTokens(text, language);
  const raw: MarkedSpan[] = [];
  tokens.forEach(({ token, terms }) => {
    if (terms.some((term) => spec.terms.has(term))) raw.push({ start: token.start, end: token.end });
  });
  for (const phrase of spec.phrases) {
    if (phrase.length === 0) continue;
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (!phrase.every((term, k) => tokens[i + k]!.terms.includes(term))) continue;
      // One span, broken where punctuation stands between two of its words.
      let start = tokens[i]!.token.start;
      for (let k = 1; k <= phrase.length; k++) {
        const end = tokens[i + k - 1]!.token.end;
        if (k < phrase.length && !PUNCTUATION.test(text.slice(end, tokens[i + k]!.token.start))) continue;
        raw.push({ start, end });
        if (k < phrase.length) start = tokens[i + k]!.token.start;
      }
    }
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: MarkedSpan[] = [];
  for (const span of raw) {
    const last = spans[spans.length - 1];
    if (last !== undefined && (span.start <= last.end || /^\s*$/.test(text.slice(last.end, span.start)))) last.end = Math.max(last.end, span.end);
    else spans.push({ ...span });
  }
  return spans;
}

/** The text HTML-escaped, with each span wrapped in <mark>; `from` and `to` select a part of the text. */
export function highlight(text: string, spans: MarkedSpan[], from = 0, to = text.length): string {
  let html = '';
  let at = from;
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue;
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at, to));
}

/**
 * An excerpt of about `words` words around the cluster of marked spans that shows the most different
 * words, then the most marks, cut at word boundaries, with an ellipsis where text was cut. The cluster starts a quarter of the way in, since what a
 * researcher looks for usually follows the words they typed ("hashish seizures amounted to 123 tons"),
 * and the window moves on to take in a figure that follows closely. A short text is returned whole.
 * Linear in the text's length and the number of spans.
 */
export function snippet(text: string, spans: MarkedSpan[], words = SNIPPET_WORDS): string {
  const bounds = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  if (bounds.length <= words + 10) return highlight(text, spans);
  // The word of each span, in one pass (spans come sorted by start).
  const hits: number[] = [];
  let w = 0;
  for (const span of spans) {
    while (w < bounds.length - 1 && bounds[w]!.end <= span.start) w++;
    hits.push(w);
  }
  // The window of `words` words whose marks show the most different words, then the most marks (the
  // first such), by two pointers: "554 police officers, both men and women" rather than a list that
  // repeats "Police Officers" for the query "women police officers".
  const keys = spans.map((span) => text.slice(span.start, span.end).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((key) => key !== ''));
  const inWindow = new Map<string, number>();
  const enter = (k: number, step: 1 | -1) => {
    for (const key of keys[k]!) {
      const count = (inWindow.get(key) ?? 0) + step;
      if (count === 0) inWindow.delete(key);
      else inWindow.set(key, count);
    }
  };
  let best = { distinct: 0, count: 0, first: 0, last: 0 };
  for (let i = 0, j = -1; i < hits.length; i++) {
    if (j < i) {
      j = i;
      enter(i, 1);
    }
    while (j + 1 < hits.length && hits[j + 1]! - hits[i]! < words) enter(++j, 1);
    const count = j - i + 1;
    if (inWindow.size > best.distinct || (inWindow.size === best.distinct && count > best.count)) best = { distinct: inWindow.size, count, first: hits[i]!, last: hits[j]! };
    enter(i, -1);
  }
  const lead = Math.max(0, Math.min(Math.floor(words / 4), words - 1 - (best.last - best.first)));
  let first = best.first - lead;
  const figure = best.count === 0 ? -1 : figureAfter(text, bounds, best.last, FIGURE_REACH);
  if (figure >= first + words) first = Math.min(best.first, figure - words + 3);
  first = Math.max(0, Math.min(first, bounds.length - words));
  const last = Math.min(bounds.length, first + words) - 1;
  const from = bounds[first]!.start;
  const to = bounds[last]!.end;
  return `${first > 0 ? '… ' : ''}${highlight(text, spans, from, to)}${last < bounds.length - 1 ? ' …' : ''}`;
}

/** How many words after the marks a figure is looked for. */
const FIGURE_REACH = 25;

// The first word with a figure (not a year) among the `reach` words after word `after`, or -1.
function figureAfter(text: string, bounds: Array<{ start: number; end: number }>, after: number, reach: number): number {
  for (let i = after + 1; i <= Math.min(bounds.length - 1, after + reach); i++) {
    const word = text.slice(bounds[i]!.start, bounds[i]!.end);
    if (/^\W*\d/.test(word) && !/^\W*(19|20)\d\d\W*$/.test(word)) return i;
  }
  return -1;
}
