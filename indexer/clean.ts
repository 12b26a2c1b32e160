// Clean stage: find the text a researcher would cite and set web-page debris aside, without editing a
// character of what stays. Everything is expressed as offsets into the original text.
import { countWords, fold } from '../language/analyzer.ts';

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

// The words that introduce links to other articles ("READ ALSO: …", "Lire aussi", "Related:").
const RELATED_MARKERS =
  'Related( articles?| posts?| news| stories)?|Read (also|more)|Also read|See also|[ÀA] lire (aussi|également)|Lire (aussi|également)|Voir aussi|Sur le même sujet|اقرأ أيضا|اقرأ أيضاً';

// Lines that are page furniture, not report text. Each rule matches the whole trimmed line; a rule with
// `maxWords` only matches lines that short, so that a sentence opening with the same word is kept.
const DEBRIS_RULES: ReadonlyArray<{ reason: string; pattern: RegExp; maxWords?: number }> = [
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
  // "- Advertisement -", "ADVERTISEMENT", "Publicité", "Sponsored", between any dashes or bullets.
  {
    reason: 'advertisement',
    pattern: /^[-–—•·|*\s]*(Advertisements?|Advert|Ads?|Publicit[ée]|Sponsored( content)?|Contenu sponsoris[ée]|Annonce|إعلان)[-–—•·|*\s]*$/iu,
  },
  { reason: 'advertisement', pattern: /^((The )?(story|article) continues below( this)?( advertisement)?|Scroll (down )?to continue( with content)?)$/i },
  // "© Copyright : DR", "Copyright 2024 Daily News", "Photo: MAP", "Crédit photo : DR", "All rights reserved".
  {
    reason: 'credit line',
    pattern: /^(\(?©|\(c\)\s|copyright\s*(©|\(c\)|:|\d{4})|\(?(photos?|images?|illustration|cr[ée]dits?( photos?)?|photo credits?|source photo)\s*:)/iu,
    maxWords: 15,
  },
  // Case-sensitive: "Copyright Daily News" is a credit, "Copyright infringement rose" a sentence.
  { reason: 'credit line', pattern: /^(Copyright|COPYRIGHT)\s+\p{Lu}/u, maxWords: 15 },
  { reason: 'credit line', pattern: /\b(all rights reserved|tous droits réservés)\b|جميع الحقوق محفوظة/i, maxWords: 15 },
  // "Tags: police, security", "#DGSN #police", and a lone tag such as "election2024".
  { reason: 'tag line', pattern: /^(Tags?|Mots[- ]cl[ée]s|Keywords|Topics|[ÉE]tiquettes)\s*:/iu },
  { reason: 'tag line', pattern: /^#[\p{L}\p{N}_]+([\s,]+#[\p{L}\p{N}_]+)*$/u },
  { reason: 'tag line', pattern: /^\p{Ll}+\d+$/u },
  // The article's byline and publication time: "By Jane Doe", "Par …", "Published on 29 December 2021".
  { reason: 'byline', pattern: /^(By|BY|Par|PAR|Written by|Posted by|Author:|Auteur\s*:)\s+\p{Lu}[\p{L}.'’-]*(\s+(\p{Lu}[\p{L}.'’-]*|and|et|de|d'|el|al|ben|ibn))*$/u, maxWords: 8 },
  { reason: 'publication date', pattern: /^(Published|Posted|Updated|Last updated|Publié|Mis à jour)\b[^.!?]*\d[^.!?]*$/iu, maxWords: 10 },
  // A link to another article in the text: "READ ALSO: …", "Related: …", "Lire aussi : …", or a bare address.
  { reason: 'related link', pattern: new RegExp(`^(${RELATED_MARKERS})\\s*[:：»›>–—-]\\s*\\S`, 'iu') },
  { reason: 'related link', pattern: /^<?(https?:\/\/|www\.)\S+>?$/i },
];

// A line that starts the related-articles block of a news page: it and everything after it is dropped.
const TAIL_RULE = /^(You may also like|Related (posts|articles|news)|Read more|More from this section)$/i;
// A related-articles marker alone on its line ("READ ALSO:") heads a list of headlines: it and the
// title-like lines that follow it are dropped, and the text goes on after them (or after a numbered or
// Markdown heading, which is the text's own).
const LIST_MARKER = new RegExp(`^(#{1,6}\\s+)?(${RELATED_MARKERS})\\s*[:：]?$`, 'iu');
const OWN_HEADING = /^(#{1,6}\s|\d{1,2}\s*[-.)]\s)/;
// Title-like lines of at least this many words left at the end of a page, after its last sentence, are a
// list of headlines of other articles when there are at least two of them.
const HEADLINE_MIN_WORDS = 4;

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
  for (const rule of DEBRIS_RULES) {
    if (rule.pattern.test(line) && (rule.maxWords === undefined || countWords(line) <= rule.maxWords)) return rule.reason;
  }
  return null;
}

/**
 * The title of a document: the one its file declares (an HTML <title>), else its opening title line.
 * Never a line of debris (a credit, an advertisement), which clean() has dropped already. Null when
 * there is neither.
 */
export function documentTitle(declared: string | null, cleaned: CleanText): string | null {
  if (declared !== null && debrisReason(declared) === null) return declared;
  return cleaned.title?.text ?? null;
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
    if (LIST_MARKER.test(line.text)) {
      dropped.push({ ...line, reason: 'related articles' });
      const isHeadline = (text: string) => isTitleLike(text) && !OWN_HEADING.test(text);
      while (i + 1 < lines.length && isHeadline(lines[i + 1]!.text)) dropped.push({ ...lines[++i]!, reason: 'related articles' });
      continue;
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
  for (const line of kept.splice(kept.length - trailingHeadlines(kept))) dropped.push({ ...line, reason: 'related articles' });
  const blocks = joinWrappedLines(original, kept);
  const first = blocks[0];
  const opensWithTitle = first !== undefined && blocks.length > 1 && isTitleLike(first.text) && titleWords !== null;
  return {
    title: opensWithTitle ? first : null,
    blocks: opensWithTitle ? blocks.slice(1) : blocks,
    dropped: dropped.sort((a, b) => a.start - b.start),
  };
}

// How many of the last lines are headlines of other articles: a run of at least two title-like lines of
// HEADLINE_MIN_WORDS words or more, right after a line that ends a sentence. A run after a line ending
// in a colon, or of bulleted or numbered lines, is a list of the text's own and is kept.
function trailingHeadlines(lines: Span[]): number {
  let n = 0;
  const isHeadline = (text: string) =>
    isTitleLike(text) && countWords(text) >= HEADLINE_MIN_WORDS && !/:$/.test(text) && !/^([-–—•*]|\d{1,2}\s*[-.)])/.test(text);
  while (n < lines.length && isHeadline(lines[lines.length - 1 - n]!.text)) n++;
  const before = lines[lines.length - 1 - n];
  return n >= 2 && before !== undefined && SENTENCE_END.test(before.text) ? n : 0;
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
