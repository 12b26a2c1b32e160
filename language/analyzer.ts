// Text analysis shared by the index build, the theme tagger and the query parser, so that a word is
// reduced to the same index term wherever it is read.
import { stemmer as frenchStem } from '@orama/stemmers/french';
import { stem } from 'porter2';
import { ara as arabicStopWords, eng as englishStopWords, fra as frenchStopWords } from 'stopword';

/** A word of a text with its place in that text (offsets into the string that was tokenized). */
export interface Token {
  /** The word as written, e.g. `E-Blagh` or `19,722,041`. */
  surface: string;
  /** Offset of its first character. */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

/** The languages the analyzer knows: English (Porter2 stems), French (Snowball stems), Arabic (normalised words). */
export type Language = 'en' | 'fr' | 'ar';
export const LANGUAGES: Language[] = ['en', 'fr', 'ar'];

/** The language to analyse a report in: its own when known, else English. */
export function languageOf(code: string | null | undefined): Language {
  return (LANGUAGES as string[]).includes(code ?? '') ? (code as Language) : 'en';
}

const STOP_WORDS: Record<Language, Set<string>> = {
  en: new Set(englishStopWords),
  fr: new Set(frenchStopWords.map((word) => fold(word))),
  ar: new Set(arabicStopWords.map((word) => fold(word))),
};
// Arabic words are searched as written (normalised), without stemming.
const STEMMERS: Record<Language, (word: string) => string> = { en: stem, fr: frenchStem, ar: (word) => word };

// A word is a run of letters and digits; a hyphen, apostrophe, slash or dot joins two runs into one
// compound token (E-Blagh, TASER-7, 2022-2026, 2.0, U.S); a comma joins only digit groups (19,722,041).
const TOKEN_PATTERN = /[\p{L}\p{N}]+(?:(?:[-‐‑'’/.]|,(?=\d{3}(?!\d)))[\p{L}\p{N}]+)*/gu;
const DIGIT_GROUPS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DECIMAL = /^\d+\.\d+$/;
const PART_SEPARATOR = /[-‐‑/.]/;

/**
 * Unicode folding: compatibility decomposition, accents dropped, curly quotes and dashes made straight,
 * lower case. `Identité` and `identite` fold alike; so do `’` and `'`.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    // Arabic: alef maksura as yeh, teh marbuta as heh, no tatweel (hamza and madda went with the marks).
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0640/g, '')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .toLowerCase();
}

/** The words of a text with their offsets, in order. Never throws. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const start = match.index ?? 0;
    tokens.push({ surface: match[0], start, end: start + match[0].length });
  }
  return tokens;
}

/** True for the function words that carry no meaning in a search (the, of, and…; le, de, et…). */
export function isStopWord(word: string, language: Language = 'en'): boolean {
  return STOP_WORDS[language].has(fold(word));
}

/** The stem of one folded simple word; words with digits are kept as they are. */
export function stemWord(word: string, language: Language = 'en'): string {
  return /\d/.test(word) ? word : STEMMERS[language](word);
}

/**
 * The index terms of one token: a stop word gives none; a simple word gives its stem; a number with
 * thousands separators gives its digits (`19,722,041` → `19722041`); a compound gives itself whole, its
 * joined form and its parts (`E-Blagh` → `e-blagh`, `eblagh`, `blagh`), so it is findable either way.
 */
export function termsOf(surface: string, language: Language = 'en'): string[] {
  const key = language === 'en' ? surface : `${language}\u0000${surface}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const terms = computeTerms(surface, language);
  // Bounded, so that unusual input cannot grow it without end; reports reuse a modest vocabulary.
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, terms);
  return terms;
}

const MEMO_SIZE = 200_000;
const memo = new Map<string, string[]>();

function computeTerms(surface: string, language: Language): string[] {
  const stops = STOP_WORDS[language];
  const word = fold(surface).replace(/'s$/, '').replace(/^'+|'+$/g, '');
  if (word === '' || stops.has(word)) return [];
  if (DIGIT_GROUPS.test(word)) return [word.replace(/,/g, '')];
  if (DECIMAL.test(word)) return [word];
  // French elision: l'enquête, d'identité → enquête, identité.
  if (language === 'fr' && /^[ldjmntsc]'|^qu'/.test(word)) return computeTerms(word.replace(/^(qu|[ldjmntsc])'/, ''), language);
  if (!PART_SEPARATOR.test(word) && !word.includes("'")) return [stemWord(word, language)];
  const parts = word.split(/[-/.']/).filter((part) => part !== '');
  const terms = new Set<string>([word, parts.join('')]);
  for (const part of parts) {
    if (part.length > 1 || /\d/.test(part)) {
      if (!stops.has(part)) terms.add(stemWord(part, language));
    }
  }
  return [...terms];
}

/** The index terms of a whole text, in order (a compound contributes several). */
export function analyze(text: string, language: Language = 'en'): string[] {
  return tokenize(text).flatMap((token) => termsOf(token.surface, language));
}

/** Number of words in a text, counted as researchers count them (runs of non-space characters). */
export function countWords(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === '' ? 0 : words.length;
}
