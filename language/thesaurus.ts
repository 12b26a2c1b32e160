// The domain thesaurus (thesaurus.json): groups of wordings that police and crime reporting uses for the
// same thing across years and translations. Entries are matched on stems, in both directions.
import { termsOf, tokenize, type Language } from './analyzer.ts';
import bilingual from './bilingual.json' with { type: 'json' };
import data from './thesaurus.json' with { type: 'json' };

/** A wording of the thesaurus reduced to index terms, one per word (stop words dropped). */
export interface ThesaurusEntry {
  /** The wording as written in the thesaurus. */
  text: string;
  /** Its index terms, in order. */
  terms: string[];
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
  terms: string[];
}

/** Index terms of a wording, one per word: the first (whole-word) term of each token. */
export function wordTerms(text: string, language: Language = 'en'): string[] {
  return tokenize(text).flatMap((token) => termsOf(token.surface, language).slice(0, 1));
}

export class Thesaurus {
  private readonly groups: ThesaurusEntry[][];
  private readonly byKey = new Map<string, number[]>();
  private readonly longest: number;

  constructor(groups: Group[]) {
    this.groups = groups.map((group) =>
      group.terms.map((text) => ({ text, terms: wordTerms(text) })).filter((entry) => entry.terms.length > 0),
    );
    this.groups.forEach((entries, g) => {
      for (const entry of entries) {
        const key = entry.terms.join(' ');
        const ids = this.byKey.get(key) ?? [];
        if (!ids.includes(g)) ids.push(g);
        this.byKey.set(key, ids);
      }
    });
    this.longest = Math.max(1, ...this.groups.flat().map((entry) => entry.terms.length));
  }

  /** Number of groups. */
  get size(): number {
    return this.groups.length;
  }

  /** The other wordings of every group that has this wording (by its terms). */
  synonymsOf(terms: string[]): ThesaurusEntry[] {
    const key = terms.join(' ');
    const seen = new Set<string>([key]);
    const synonyms: ThesaurusEntry[] = [];
    for (const g of this.byKey.get(key) ?? []) {
      for (const entry of this.groups[g]!) {
        const entryKey = entry.terms.join(' ');
        if (seen.has(entryKey)) continue;
        seen.add(entryKey);
        synonyms.push(entry);
      }
    }
    return synonyms;
  }

  /**
   * The thesaurus wordings in a sequence of query words (given as their index terms), longest first,
   * never overlapping: "license plate recognition" is one match, not three.
   */
  find(words: string[]): ThesaurusMatch[] {
    const matches: ThesaurusMatch[] = [];
    let from = 0;
    while (from < words.length) {
      let found: ThesaurusMatch | null = null;
      for (let length = Math.min(this.longest, words.length - from); length >= 1 && found === null; length--) {
        const synonyms = this.synonymsOf(words.slice(from, from + length));
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
