// French in English queries and wordings: telling a French query, and dropping French function words
// and elisions ("saisies de cocaïne", "l'enquête") the way the French analyzer drops them from reports.
import { detect as detectLanguage } from 'tinyld';
import { isStopWord } from './analyzer.ts';
import { lexicon } from './lexicon.ts';

const FRENCH_LETTERS = /[àâçéèêëîïôûùüÿœ]/i;

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
  return FRENCH_LETTERS.test(q) || (detectLanguage(q) === 'fr' && /\b(le|la|les|des|du|de|et|au|aux|une|un|sur|par|pour|dans|en)\b/i.test(q));
}

/**
 * The words without French function words and with elisions cut (l'enquête → enquête). In text known to
 * be French every one goes; otherwise only those that are no English word either ("des", "du", but not
 * "son" or "on").
 */
export function withoutFrenchFunctionWords(words: string[], french: boolean): string[] {
  const english = (word: string) => !french && lexicon().isWord(word);
  return words.flatMap((word) => {
    const bare = word.replace(/^(qu|[ldjmntsc])['’](?=\p{L}{2})/iu, '');
    if (bare !== word && !english(word)) word = bare;
    return isStopWord(word, 'fr') && !english(word) ? [] : [word];
  });
}
