// Clean stage: find the text a researcher would cite and set web-page debris aside, without editing a
// character of what stays. Everything is expressed as offsets into the original text.
import { fold } from '../language/analyzer.ts';

/** A run of the original text: `text` is exactly `original.slice(start, end)`. */
export interface Span {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** The original text of the span. */
  text: string;
}

/** A source line set aside as debris, with the rule that dropped it. */
export interface DroppedLine extends Span {
  /** Why it was dropped, e.g. `comment form`. */
  reason: string;
}

/** The result of cleaning one document. */
export interface CleanText {
  /** The title line, when the document opens with one (it is neither a passage nor a heading). */
  title: Span | null;
  /** The kept paragraphs and heading lines, in order. */
  blocks: Span[];
  /** The lines dropped as debris, in order. */
  dropped: DroppedLine[];
}

// Lines that are page furniture, not report text. Each rule matches the whole trimmed line.
const DEBRIS_RULES: ReadonlyArray<{ reason: string; pattern: RegExp }> = [
  { reason: 'breadcrumb', pattern: /^(Home|Accueil)\s*[»›>]/i },
  { reason: 'category tag', pattern: /^[-–]\s+in\s+[\p{L} &]+$/u },
  {
    reason: 'player widget',
    pattern: /^(Stylish Audio Player|Radio [\p{L} ]+TV|Live|Loading(\.{3}|…)?|Listen( to this article)?|Play|Pause)$/iu,
  },
  {
    reason: 'comment form',
    pattern:
      /^(Leave a (Reply|Comment)|Cancel reply|Post Comment|Your email address will not be published\..*|Required fields are marked \*)$/i,
  },
  { reason: 'share widget', pattern: /^(Share( this( article)?)?|Tweet|Print|Email)$/i },
];

// A line that starts the related-articles block of a news page: it and everything after it is dropped.
const TAIL_RULE = /^(You may also like|Related (posts|articles|news)|Read more|More from this section)$/i;

const SENTENCE_END = /[.!?…]["”’)\]]*$/;
const TITLE_MAX_WORDS = 30;
const NEAR_DUPLICATE = 0.6;

/** Splits a text into its lines with offsets (line breaks excluded, surrounding white space trimmed). */
export function splitLines(text: string): Span[] {
  const lines: Span[] = [];
  for (const match of text.matchAll(/[^\r\n]+/g)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body === '') continue;
    const start = (match.index ?? 0) + lead;
    lines.push({ start, end: start + body.length, text: body });
  }
  return lines;
}

function wordSet(text: string): Set<string> {
  return new Set(fold(text).match(/[\p{L}\p{N}]+/gu) ?? []);
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** A short line without closing punctuation: a title or heading rather than a sentence of the text. */
export function isTitleLike(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words <= TITLE_MAX_WORDS && !SENTENCE_END.test(text);
}

/** The reason a line is debris, or null when it is text to keep. */
export function debrisReason(line: string): string | null {
  for (const rule of DEBRIS_RULES) if (rule.pattern.test(line)) return rule.reason;
  return null;
}

/**
 * Cleans one document: drops debris lines, the repeated title lines of web pages and everything from a
 * related-articles marker on; joins hard-wrapped lines back into paragraphs; recognises an opening
 * title line. Pure: the same text always gives the same spans.
 */
export function clean(original: string): CleanText {
  const dropped: DroppedLine[] = [];
  const kept: Span[] = [];
  let titleWords: Set<string> | null = null;
  // Web pages repeat their title in the page header only; once the body has begun, nothing is a copy.
  let inHeader = true;
  const lines = splitLines(original);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (TAIL_RULE.test(line.text)) {
      for (const rest of lines.slice(i)) dropped.push({ ...rest, reason: 'related articles' });
      break;
    }
    const reason = debrisReason(line.text);
    if (reason !== null) {
      dropped.push({ ...line, reason });
      continue;
    }
    if (inHeader && titleWords !== null && isTitleLike(line.text) && similarity(titleWords, wordSet(line.text)) >= NEAR_DUPLICATE) {
      dropped.push({ ...line, reason: 'repeated title' });
      continue;
    }
    if (kept.length === 0 && isTitleLike(line.text)) titleWords = wordSet(line.text);
    if (!isTitleLike(line.text)) inHeader = false;
    kept.push(line);
  }
  const blocks = joinWrappedLines(original, kept);
  const first = blocks[0];
  const opensWithTitle = first !== undefined && blocks.length > 1 && isTitleLike(first.text) && titleWords !== null;
  return {
    title: opensWithTitle ? first : null,
    blocks: opensWithTitle ? blocks.slice(1) : blocks,
    dropped,
  };
}

// A text wrapped at a fixed width breaks a sentence over lines: such a line is long, has no closing
// punctuation, and the next line goes on in lower case. Those lines are joined back into one paragraph.
function joinWrappedLines(original: string, lines: Span[]): Span[] {
  const blocks: Span[] = [];
  for (const line of lines) {
    const previous = blocks[blocks.length - 1];
    const continues =
      previous !== undefined &&
      previous.text.length >= 50 &&
      !SENTENCE_END.test(previous.text) &&
      !/:$/.test(previous.text) &&
      /^\p{Ll}/u.test(line.text) &&
      !/\n\s*\n/.test(original.slice(previous.end, line.start));
    if (continues) {
      blocks[blocks.length - 1] = { start: previous.start, end: line.end, text: original.slice(previous.start, line.end) };
    } else {
      blocks.push(line);
    }
  }
  return blocks;
}
