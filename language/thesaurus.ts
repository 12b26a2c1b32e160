// The domain thesaurus (thesaurus.json): groups of wordings that police and crime reporting uses for the
// same thing across years and translations, and the English ↔ French wordings of the domain's key terms
// (bilingual.json). Entries are matched on stems, in both directions, in the query's language: a French
// query is compared with every wording analysed as French, an English one as English, so an English stem
// that a French word happens to share ("licenciés" and "licence" both stem to "licenc") links nothing.
import { termsOf, tokenize, type Language } from './analyzer.ts';
import { withoutFrenchFunctionWords } from './french.ts';
import bilingual from './bilingual.json' with { type: 'json' };
import data from './thesaurus.json' with { type: 'json' };

/** A wording of the thesaurus reduced to index terms, one per word (stop words dropped). */
export interface ThesaurusEntry {
  /** The wording as written in the thesaurus. */
  text: string;
  /** Its index terms, in order (English analysis: the corpus's English fields are searched with them). */
  terms: string[];
  /** The language it is written in. */
  language: ThesaurusLanguage;
}

/** A stretch of the query that is a thesaurus wording, with the other wordings of its group. */
export interface ThesaurusMatch {
  /** Index of the first query word of the stretch. */
  from: number;
  /** Index just past its last word. */
  to: number;
  /** The other wordings of the group. */
  synonyms: ThesaurusEntry[];
}

interface Group {
  /** English wordings (every wording of thesaurus.json). */
  terms: string[];
  /** French wordings (bilingual.json). */
  fr?: string[];
}

/** The query languages the thesaurus is matched in. */
export type ThesaurusLanguage = 'en' | 'fr';

/** Index terms of a wording, one per word: the first (whole-word) term of each token. */
export function wordTerms(text: string, language: Language = 'en'): string[] {
  return tokenize(text).flatMap((token) => termsOf(token.surface, language).slice(0, 1));
}

export class Thesaurus {
  private readonly groups: ThesaurusEntry[][];
  private readonly byKey: Record<ThesaurusLanguage, Map<string, number[]>> = { en: new Map(), fr: new Map() };
  private readonly longest: number;
  // Each wording's terms in each query language, joined: worked out once, read on every lookup.
  private readonly keys = new Map<ThesaurusEntry, Record<ThesaurusLanguage, string>>();

  constructor(groups: Group[]) {
    // A French wording's English terms leave out its French function words, as a French query's do.
    const englishTerms = (text: string, language: ThesaurusLanguage) =>
      language === 'fr' ? wordTerms(withoutFrenchFunctionWords(tokenize(text).map((token) => token.surface), true).join(' ')) : wordTerms(text);
    // A wording of several words that the stop list leaves with one ("those with rights", "CAN 2025") is
    // left out: its one remaining word ("rights", "2025") says far less than the wording did, and read as
    // the wording it would link every "human rights" or "2025" to the group.
    const entries = (texts: string[], language: ThesaurusLanguage): ThesaurusEntry[] =>
      texts
        .map((text) => ({ text, terms: englishTerms(text, language), language }))
        .filter((entry) => entry.terms.length > 1 || (entry.terms.length === 1 && tokenize(entry.text).length === 1));
    this.groups = groups.map((group) => [...entries(group.terms, 'en'), ...entries(group.fr ?? [], 'fr')]);
    // A group's French wordings are French for each group that shares one of its English wordings too:
    // "sextorsion" is the French for every wording of the group that has "sextortion".
    const englishKeys = this.groups.map((group) => new Set(group.filter((entry) => entry.language === 'en').map((entry) => entry.terms.join(' '))));
    this.groups.forEach((group, g) => {
      const french = group.filter((entry) => entry.language === 'fr');
      if (french.length === 0) return;
      englishKeys.forEach((keys, other) => {
        if (other !== g && [...englishKeys[g]!].some((key) => keys.has(key))) this.groups[other]!.push(...french);
      });
    });
    let longest = 1;
    // Each wording is analysed once in each query language: the key it is compared with there.
    for (const entry of new Set(this.groups.flat())) this.keys.set(entry, { en: wordTerms(entry.text, 'en').join(' '), fr: wordTerms(entry.text, 'fr').join(' ') });
    // Each wording is a key in its own language only.
    for (const language of ['en', 'fr'] as const) {
      this.groups.forEach((entries, g) => {
        for (const entry of entries.filter((candidate) => candidate.language === language)) {
          const key = this.keys.get(entry)![language];
          if (key === '') continue;
          longest = Math.max(longest, key.split(' ').length);
          const ids = this.byKey[language].get(key) ?? [];
          if (!ids.includes(g)) ids.push(g);
          this.byKey[language].set(key, ids);
        }
      });
    }
    this.longest = longest;
  }

  /** True when a single word is a French wording of some group ("saisies", "haschich"). */
  isFrenchWording(word: string): boolean {
    const terms = wordTerms(word, 'fr');
    return terms.length === 1 && this.byKey.fr.has(terms[0]!);
  }

  /** Number of groups. */
  get size(): number {
    return this.groups.length;
  }

  /** The other wordings of every group that has this wording (by its terms in `language`). */
  synonymsOf(terms: string[], language: ThesaurusLanguage = 'en'): ThesaurusEntry[] {
    const key = terms.join(' ');
    const seen = new Set<string>();
    const synonyms: ThesaurusEntry[] = [];
    for (const g of this.byKey[language].get(key) ?? []) {
      for (const entry of this.groups[g]!) {
        // The wording typed is no synonym of itself; two wordings with the same terms are one.
        if (this.keys.get(entry)![language] === key || seen.has(entry.terms.join(' '))) continue;
        seen.add(entry.terms.join(' '));
        synonyms.push(entry);
      }
    }
    return synonyms;
  }

  /**
   * The thesaurus wordings in a sequence of query words (given as their index terms in `language`), longest first,
   * never overlapping: "license plate recognition" is one match, not three.
   */
  find(words: string[], language: ThesaurusLanguage = 'en'): ThesaurusMatch[] {
    const matches: ThesaurusMatch[] = [];
    let from = 0;
    while (from < words.length) {
      let found: ThesaurusMatch | null = null;
      for (let length = Math.min(this.longest, words.length - from); length >= 1 && found === null; length--) {
        const synonyms = this.synonymsOf(words.slice(from, from + length), language);
        if (synonyms.length > 0) found = { from, to: from + length, synonyms };
      }
      if (found === null) {
        from++;
      } else {
        matches.push(found);
        from = found.to;
      }
    }
    return matches;
  }
}

/**
 * The product's thesaurus: the domain's wordings across years and translations (thesaurus.json) and the
 * English ↔ French wordings of its key terms (bilingual.json), matched alike.
 */
export const thesaurus = new Thesaurus([...data.groups, ...bilingual.groups]);
