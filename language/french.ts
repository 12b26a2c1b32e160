// French in English queries and wordings: telling a French query, and dropping French function words
// and elisions ("saisies de cocaïne", "l'enquête") the way the French analyzer drops them from reports.
import { detect as detectLanguage } from 'tinyld';
import { isStopWord } from './analyzer.ts';
import { lexicon } from './lexicon.ts';

/** True when a query reads as French: the detector says so and it has a French accent or function word. */
export function looksFrench(q: string): boolean {
  return detectLanguage(q) === 'fr' && /[àâçéèêëîïôûùüÿœ]|\b(le|la|les|des|du|de|et|au|aux|une|un|sur|par|pour|dans|en)\b/i.test(q);
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
