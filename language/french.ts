// French in English queries and wordings: telling a French query, and dropping French function words
// and elisions ("saisies de cocaïne", "l'enquête") the way the French analyzer drops them from reports.
import { createRequire } from 'node:module';
import { isStopWord } from './analyzer.ts';
import { lexicon } from './lexicon.ts';

const FRENCH_LETTERS = /[àâçéèêëîïôûùüÿœ]/i;

// The language detector takes a fifth of a second to load its model: loaded on the first query that
// needs it, not when the server starts.
let detector: ((text: string) => string) | undefined;
function detectLanguage(text: string): string {
  detector ??= (createRequire(import.meta.url)('tinyld') as { detect: (text: string) => string }).detect;
  return detector(text);
}

/** True when a word has a letter English does not use (é, ç, œ…). */
export function hasFrenchLetters(word: string): boolean {
  return FRENCH_LETTERS.test(word);
}

/**
 * True when a query reads as French: it has a letter English does not use (é, ç, œ…), or the detector
 * says French and it has a French function word. Short queries defeat the detector ("saisies de
 * cocaïne"), but not the accents.
 */
export function looksFrench(q: string): boolean {
  // The detector is the costly part: asked only when a French function word is there.
  return FRENCH_LETTERS.test(q) || (/\b(le|la|les|des|du|de|et|au|aux|une|un|sur|par|pour|dans|en)\b/i.test(q) && detectLanguage(q) === 'fr');
}

/**
 * The words without French function words and with elisions cut (l'enquête → enquête), when the text is
 * French: known to be, or with a content word that is no English word ("saisies de cocaine"). Words of
 * English text are left alone, even those French uses too ("son", "on", "des").
 */
export function withoutFrenchFunctionWords(words: string[], french: boolean): string[] {
  const elided = /^(qu|[ldjmntsc])['’](?=\p{L}{2})/iu;
  const isFrench =
    french ||
    words.some((word) => elided.test(word) && !lexicon().isWord(word)) ||
    words.some((word) => /^\p{L}+$/u.test(word) && !isStopWord(word, 'fr') && !isStopWord(word) && !lexicon().isWord(word) && frenchLetterOrEnding(word));
  if (!isFrench) return words;
  return words.map((word) => word.replace(elided, '')).filter((word) => !isStopWord(word, 'fr'));
}

// A word unknown to English that looks French: a French letter, or a typically French ending.
function frenchLetterOrEnding(word: string): boolean {
  return FRENCH_LETTERS.test(word) || /(ées|és|ement|iers|ières|eur|eurs|aux|ique|iques|elle|elles)$/i.test(word);
}
