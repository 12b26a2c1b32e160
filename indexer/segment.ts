// Segment stage: turn a cleaned document into citable passages under their section headings. A paragraph
// of the source is a passage; a long paragraph is cut at sentence boundaries; headings, whether on a
// line of their own or run into the text (the 2024 report is one line), become the `section` of the
// passages under them and never part of a passage.
import { countWords } from '../language/analyzer.ts';
import type { Span } from './clean.ts';
import { splitSentences } from './sentences.ts';

/** A section heading found in the text. */
export interface Heading extends Span {
  /** The heading as shown to researchers: the source text without a leading dash or a trailing colon. */
  label: string;
  /** 1 for a main section ("Third: …", "Crime-fighting Statistics: …"), 2 for a subsection ("1- …", "– …"). */
  level: number;
}

/** A passage before ids and themes are given: a span of the original text and its sections. */
export interface PassageDraft extends Span {
  /** All headings above the passage, outermost first. */
  sectionPath: string[];
  /** Number of words. */
  words: number;
}

/** The passages and headings of one document. */
export interface Segmentation {
  /** The passages, in document order. */
  passages: PassageDraft[];
  /** Every heading found, in document order. */
  headings: Heading[];
}

/** Tuning of the cut; the defaults are what the product uses. */
export interface SegmentOptions {
  /** A paragraph longer than this many words is cut at sentence boundaries. */
  maxWords: number;
  /** A cut paragraph is shared out into pieces of about this many words. */
  targetWords: number;
  /** No piece of a cut paragraph is shorter than this, where the text allows. */
  minWords: number;
}

export const DEFAULT_SEGMENT_OPTIONS: SegmentOptions = { maxWords: 250, targetWords: 130, minWords: 40 };

const ORDINAL_HEADING = /^(First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth)\s*:/i;
const NUMBERED_HEADING = /^\d{1,2}\s*[-.)]\s*\S/;
const MARKDOWN_HEADING = /^(#{1,6})\s+(.*)$/;
const SENTENCE_END = /[.!?…]["”’)\]]*$/;
const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'as', 'from', 'via', 'vs', 'its', 'their']);

// Words that open a sentence of report prose. In run-on text, such a word in capitals followed by a
// word in lower case (or a number) is where a heading ends and the text begins: "… Show Decline The year 2024".
const SENTENCE_OPENERS = new Set([
  'The', 'In', 'This', 'These', 'That', 'Throughout', 'Regarding', 'With', 'As', 'During', 'Over', 'On',
  'Since', 'Through', 'Thanks', 'It', 'Its', 'Furthermore', 'Moreover', 'Additionally', 'Similarly',
  'Concerning', 'Following', 'Under', 'After', 'Despite', 'According', 'Among', 'Within', 'While', 'To',
  'Last', 'This', 'Overall', 'Given', 'Beyond',
]);

/** Share of the content words of a line that are capitalised or numbers (1 for Title Case). */
export function titleCaseRatio(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}’'.-]*/gu) ?? [];
  const content = words.filter((word) => !MINOR_WORDS.has(word.toLowerCase()));
  if (content.length === 0) return 0;
  return content.filter((word) => /^[\p{Lu}\p{N}]/u.test(word)).length / content.length;
}

/** Removes the leading dash and the trailing colon that the source uses to mark a heading. */
export function headingLabel(text: string): string {
  return text.replace(/^[–—-]\s*/, '').replace(/\s*:\s*$/, '').trim();
}

/**
 * The level of a line that is a heading, or 0 for a line of text. A heading is an ordinal heading
 * ("Third: …"), a numbered one ("1- …", "2. …"), a Markdown heading, or a short Title Case line
 * without closing punctuation ("Future Projects: Consolidating Gains and Enhancing Readiness").
 */
export function headingLevel(line: string): number {
  const words = countWords(line);
  const markdown = MARKDOWN_HEADING.exec(line);
  if (markdown !== null) return Math.min(markdown[1]!.length, 2);
  if (SENTENCE_END.test(line) || words > 20 || !/\p{L}{2}/u.test(line)) return 0;
  if (ORDINAL_HEADING.test(line)) return 1;
  if (NUMBERED_HEADING.test(line)) return 2;
  const ratio = titleCaseRatio(line);
  if (words <= 14 && ratio >= 0.6) return line.includes(',') && ratio < 0.75 ? 0 : 1;
  return 0;
}

// A heading run into prose starts at a boundary (the start of the text, after a sentence, or after a
// colon that introduces a list) with an optional dash and number, then a short capitalised head, a
// colon and a subtitle, and ends where a sentence opener begins the prose.
const INLINE_HEAD = /^(?<dash>[–—-]\s+)?(?<num>\d{1,2}\s*-\s+)?(?<head>[\p{Lu}\d][^\s:.;!?]*(?:\.\d+)?(?:\s+[^\s:.;!?]+(?:\.\d+)?){0,8}?)\s*:\s+/u;
const RUN_IN_PARENT = /^(?<parent>\p{Lu}[\p{L}’' -]{3,120}?)\s+(?=\d{1,2}\s*-\s+\p{Lu})/u;

function boundaries(text: string): number[] {
  const found = new Set<number>([0]);
  for (const match of text.matchAll(/(?:[.!?]["”’)]?|:)\s+(?:[–—-]\s+)?(?=[\p{Lu}\d])/gu)) {
    const dash = /[–—-]\s+$/.exec(match[0]);
    found.add((match.index ?? 0) + match[0].length - (dash === null ? 0 : dash[0].length));
  }
  return [...found].sort((a, b) => a - b);
}

// Where the prose begins after a heading's colon: the first sentence opener followed by a word in lower
// case or a number, within the subtitle's length. -1 when there is none (then this is no heading).
function proseStart(text: string, from: number): number {
  const words = [...text.slice(from).matchAll(/\S+/g)].slice(0, 18);
  for (let k = 0; k < words.length - 1; k++) {
    const word = words[k]!;
    // A sentence end, or a second colon, means this was prose introducing something, not a heading.
    if (SENTENCE_END.test(word[0]) || /[;:]$/.test(word[0])) return -1;
    if (SENTENCE_OPENERS.has(word[0]) && /^[\p{Ll}\d]/u.test(words[k + 1]![0])) return from + (word.index ?? 0);
  }
  return -1;
}

function inlineHeadingAt(text: string, at: number, offset: number): Heading[] {
  const rest = text.slice(at);
  const parent = RUN_IN_PARENT.exec(rest);
  if (parent !== null && countWords(parent.groups!.parent!) <= 12) {
    const children = inlineHeadingAt(text, at + parent[0].length, offset);
    if (children.length > 0 && /^\d/.test(children[0]!.text)) {
      const label = parent.groups!.parent!.trim();
      return [{ start: offset + at, end: offset + at + label.length, text: label, label, level: 1 }, ...children];
    }
  }
  const match = INLINE_HEAD.exec(rest);
  if (match === null) return [];
  const numbered = match.groups!.num !== undefined;
  if (countWords(match.groups!.head!) > (numbered ? 9 : 6)) return [];
  const end = proseStart(text, at + match[0].length);
  if (end < 0) return [];
  const raw = text.slice(at, end).trimEnd();
  const level = numbered || match.groups!.dash !== undefined ? 2 : 1;
  return [{ start: offset + at, end: offset + at + raw.length, text: raw, label: headingLabel(raw), level }];
}

/** The headings run into a paragraph of prose, as spans of the original (`offset` is the paragraph's). */
export function findInlineHeadings(text: string, offset = 0): Heading[] {
  const headings: Heading[] = [];
  let covered = 0;
  for (const at of boundaries(text)) {
    if (at < covered) continue;
    const found = inlineHeadingAt(text, at, offset);
    if (found.length > 0) {
      headings.push(...found);
      covered = found[found.length - 1]!.end - offset;
    }
  }
  return headings;
}

// Sentences that turn to a new subject; in run-on text they are where the source's paragraphs began.
const TOPIC_OPENER =
  /^(Regarding|As for|As regards|Concerning|With regard to|With respect to|In terms of|In the (field|area|fight|domain) of|On the [\p{L}-]+ (front|side|scene|level)|For (statistics|cooperation)|In (the|its) (annual )?report|Finally|Overall)\b/u;

/**
 * Cuts a run of sentences into pieces of about `targetWords`, never inside a sentence and never over
 * `maxWords` (unless one sentence is longer). Among the cuts of about the right size it prefers those
 * before a sentence that turns to a new subject, so a passage keeps to one topic.
 */
export function cutAtSentences(sentences: Span[], options: SegmentOptions): Span[][] {
  const counts = sentences.map((sentence) => countWords(sentence.text));
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total <= options.maxWords) return [sentences];
  const n = sentences.length;
  // best[i]: lowest cost of cutting sentences[0..i) into pieces; from[i]: where its last piece starts.
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(0);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    let words = 0;
    for (let start = end - 1; start >= 0; start--) {
      words += counts[start]!;
      if (words > options.maxWords && start < end - 1) break;
      const size = (words - options.targetWords) / options.targetWords;
      const tooShort = words < options.minWords && !(start === 0 && end === n) ? 10 : 0;
      const offTopic = start > 0 && !TOPIC_OPENER.test(sentences[start]!.text) ? 1 : 0;
      const cost = best[start]! + 2 * size * size + offTopic + tooShort;
      if (cost < best[end]!) {
        best[end] = cost;
        from[end] = start;
      }
    }
  }
  const groups: Span[][] = [];
  for (let end = n; end > 0; end = from[end]!) groups.unshift(sentences.slice(from[end], end));
  return groups;
}

/**
 * Sentences of more than `maxWords` words (text with no sentence end: a list, a table read as one line,
 * a run-on page) cut at word boundaries into pieces of `maxWords`, so no passage can grow without limit.
 */
export function splitRunOns(sentences: Span[], maxWords: number): Span[] {
  return sentences.flatMap((sentence) => {
    if (countWords(sentence.text) <= maxWords) return [sentence];
    const pieces: Span[] = [];
    const words = [...sentence.text.matchAll(/\S+/g)];
    for (let i = 0; i < words.length; i += maxWords) {
      const first = words[i]!;
      const last = words[Math.min(words.length, i + maxWords) - 1]!;
      const start = first.index!;
      const end = last.index! + last[0].length;
      pieces.push({ start: sentence.start + start, end: sentence.start + end, text: sentence.text.slice(start, end) });
    }
    return pieces;
  });
}

function spanOf(original: string, start: number, end: number): Span {
  return { start, end, text: original.slice(start, end) };
}

/**
 * Segments the blocks of a cleaned document into passages and headings. `original` is the whole
 * source text: every passage is a span of it.
 */
export function segment(original: string, blocks: Span[], options: SegmentOptions = DEFAULT_SEGMENT_OPTIONS): Segmentation {
  const passages: PassageDraft[] = [];
  const headings: Heading[] = [];
  const path: Heading[] = [];
  const enter = (heading: Heading) => {
    while (path.length > 0 && path[path.length - 1]!.level >= heading.level) path.pop();
    path.push(heading);
    headings.push(heading);
  };
  for (const block of blocks) {
    const level = headingLevel(block.text);
    if (level > 0) {
      const markdown = MARKDOWN_HEADING.exec(block.text);
      const label = headingLabel(markdown === null ? block.text : markdown[2]!);
      // An unnumbered heading inside an ordinal section ("Social Protection …" under "Fifth: …") is a subsection.
      const nested = level === 1 && !ORDINAL_HEADING.test(block.text) && path.some((h) => ORDINAL_HEADING.test(h.text));
      enter({ ...block, label, level: nested ? 2 : level });
      continue;
    }
    let from = block.start;
    const pieces: Array<{ span: Span; heading: Heading | null }> = [];
    for (const heading of findInlineHeadings(block.text, block.start)) {
      if (heading.start > from) pieces.push({ span: spanOf(original, from, heading.start), heading: null });
      pieces.push({ span: heading, heading });
      from = heading.end;
    }
    pieces.push({ span: spanOf(original, from, block.end), heading: null });
    for (const { span, heading } of pieces) {
      if (heading !== null) {
        enter(heading);
        continue;
      }
      const sentences = splitRunOns(splitSentences(span.text, span.start), options.maxWords);
      for (const group of cutAtSentences(sentences, options)) {
        const first = group[0];
        const last = group[group.length - 1];
        if (first === undefined || last === undefined) continue;
        const text = original.slice(first.start, last.end);
        passages.push({ start: first.start, end: last.end, text, sectionPath: path.map((h) => h.label), words: countWords(text) });
      }
    }
  }
  return { passages, headings };
}
