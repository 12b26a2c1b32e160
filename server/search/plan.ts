// Stage 1 of a search, the plan: the query read into requirements (all should match), each a set of
// concepts (any may match), each with its alternatives: the words typed, their spelling corrections,
// the thesaurus's wordings, the related words of general English, and the same in the corpus's other
// languages; with the filters it names and what it excludes. No passage is looked at here.
import { fold, isStopWord, tokenize, type Language } from '../../language/analyzer.ts';
import { hasFrenchLetters, looksFrench, withoutFrenchFunctionWords } from '../../language/french.ts';
import { lexicon } from '../../language/lexicon.ts';
import type { CorpusLexicon } from '../../language/related.ts';
import { wordTerms, type Thesaurus } from '../../language/thesaurus.ts';
import { THEMES } from '../../indexer/themes.ts';
import { REPORT_KINDS, type PassageFilters, type QueryExplanation } from '../../indexer/types.ts';
import { parseQuery, type QueryClause } from './query-parser.ts';
import { RANKING } from './ranking.ts';
import type { Vocabulary } from './spelling.ts';

// One way of matching a concept: the exact words, a thesaurus wording or a spelling correction.
export interface Alternative {
  label: string;
  terms: string[];
  adjacent: boolean;
  weight: number;
  fuzzy: boolean;
  prefix: boolean;
  /** The language its terms were analysed in, and so the fields searched. */
  language: Language;
  /** How fully a match through it covers the concept (1 for the words typed, less for related words). */
  quality: number;
  /** Counted only for passages that no other alternative of the concept matches. */
  fallback?: boolean;
  /** A phrase the user quoted (a passage must have it). */
  quoted?: boolean;
}

// A word or phrase of the query with all the ways it may be matched.
export interface Concept {
  label: string;
  alternatives: Alternative[];
}

export interface Plan {
  requirements: Concept[][];
  /** Per requirement: true when the passage must meet it (a quoted phrase, an OR group). */
  required: boolean[];
  /** Per requirement: its words' rarity in general English (0–1). */
  generality: number[];
  excluded: Alternative[];
  /** True when the query had words, but only stop words or punctuation. */
  onlyCommonWords: boolean;
  explanation: QueryExplanation;
}

/** Reads queries against one corpus's vocabulary, thesaurus, related words, languages and reports. */
export class QueryPlanner {
  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly words: Thesaurus,
    private readonly related: CorpusLexicon,
    private readonly languages: ReadonlySet<Language>,
    private readonly reportById: ReadonlyMap<string, unknown>,
  ) {}

  // Reads the query into requirements (all should match), each a set of concepts (any may match), each
  // with its alternatives: exact words, thesaurus wordings, spelling corrections, fuzzy and prefix.
  plan(q: string): Plan {
    const parsed = parseQuery(q);
    if (parsed.groups.length + parsed.excluded.length > RANKING.maxQueryParts) {
      parsed.groups = parsed.groups.slice(0, RANKING.maxQueryParts);
      parsed.excluded = parsed.excluded.slice(0, Math.max(0, RANKING.maxQueryParts - parsed.groups.length));
      parsed.notices.push(`Only the first ${RANKING.maxQueryParts} words and phrases of the query were searched.`);
    }
    const explanation: QueryExplanation = {
      terms: [],
      synonyms: [],
      corrections: [],
      excluded: parsed.excluded.map((clause) => clause.text),
      filters: this.checkFilters(parsed.filters, parsed.notices),
      related: [],
      partial: false,
      notices: parsed.notices,
    };
    const requirements: Concept[][] = [];
    const required: boolean[] = [];
    const french = looksFrench(q);
    const lastGroup = parsed.groups.length - 1;
    let run: string[] = [];
    const flush = (endsQuery: boolean) => {
      for (const concept of this.wordConcepts(run, endsQuery, explanation, french)) {
        requirements.push([concept]);
        required.push(false);
      }
      run = [];
    };
    parsed.groups.forEach((group, g) => {
      const only = group[0]!;
      if (group.length === 1 && !only.phrase) {
        run.push(...tokenize(only.text).map((token) => token.surface));
        if (g === lastGroup) flush(true);
        return;
      }
      flush(false);
      const concepts = group.flatMap((clause) => (clause.phrase ? this.phraseConcept(clause, explanation) : this.wordConcepts(tokenize(clause.text).map((t) => t.surface), g === lastGroup, explanation, french)));
      // A quoted phrase or an OR group is what the user insists on: a passage must have it.
      if (concepts.length > 0) {
        requirements.push(concepts);
        required.push(true);
      }
    });
    const excluded = parsed.excluded.flatMap((clause) => {
      const terms = wordTerms(clause.text);
      return terms.length === 0 ? [] : [exactAlternative(clause.text, terms, clause.phrase || terms.length > 1)];
    });
    this.addLanguages(requirements, excluded, queryLanguage(q, this.languages));
    boundAlternatives(requirements, explanation);
    const onlyCommonWords = requirements.length === 0 && parsed.groups.length > 0;
    if (onlyCommonWords) explanation.notices.push('The query has only common words or punctuation, which are not searched.');
    const generality = requirements.map((concepts) => Math.max(...concepts.map((concept) => generalRarity(concept.label))));
    return { requirements, required, generality, excluded, onlyCommonWords, explanation };
  }

  // Each word and phrase is also sought, analysed in each other language of the corpus, in that
  // language's fields; the query's own language counts fully, the others a little less.
  private addLanguages(requirements: Concept[][], excluded: Alternative[], asked: Language): void {
    const weight = (language: Language) => (language === asked ? 1 : RANKING.otherLanguageWeight);
    for (const concept of requirements.flat()) {
      const english = [...concept.alternatives];
      if (asked !== 'en') for (const alternative of english) if (alternative.language === 'en') alternative.weight *= weight('en');
      for (const language of this.languages) {
        if (language === 'en') continue;
        // The words typed, then each wording the thesaurus or lexicon offered (sextortion → sextorsion).
        const seen = new Set<string>();
        for (const alternative of [{ ...english[0]!, label: concept.label }, ...english.filter((a) => !a.fuzzy && !a.prefix && a.language === 'en')]) {
          const terms = wordTerms(alternative.label, language);
          const key = terms.join(' ');
          if (terms.length === 0 || seen.has(key)) continue;
          seen.add(key);
          const wording = exactAlternative(alternative.label, terms, alternative.adjacent || terms.length > 1, language);
          concept.alternatives.push({ ...wording, weight: alternative.weight * weight(language), quality: alternative.quality, quoted: alternative.quoted });
        }
      }
    }
    for (const alternative of [...excluded]) {
      for (const language of this.languages) {
        if (language === 'en') continue;
        const terms = wordTerms(alternative.label, language);
        if (terms.length > 0) excluded.push(exactAlternative(alternative.label, terms, alternative.adjacent, language));
      }
    }
  }

  private checkFilters(filters: PassageFilters, notices: string[]): PassageFilters {
    const themes = new Set<string>(THEMES.map((theme) => theme.slug));
    const unknownThemes = filters.themes.filter((slug) => !themes.has(slug));
    const unknownReports = filters.reports.filter((id) => !this.reportById.has(id));
    for (const slug of unknownThemes) notices.push(`theme:${slug} is not a theme; it was ignored.`);
    for (const id of unknownReports) notices.push(`report:${id} is not a report; it was ignored.`);
    const unknownKinds = filters.kinds.filter((kind) => !(REPORT_KINDS as string[]).includes(kind));
    for (const kind of unknownKinds) notices.push(`kind:${kind} is not a kind of source (kinds are ${REPORT_KINDS.join(' and ')}); it was ignored.`);
    return {
      years: filters.years,
      themes: filters.themes.filter((slug) => themes.has(slug)),
      reports: filters.reports.filter((id) => this.reportById.has(id)),
      kinds: filters.kinds.filter((kind) => !unknownKinds.includes(kind)),
    };
  }

  private phraseConcept(clause: QueryClause, explanation: QueryExplanation): Concept[] {
    const terms = wordTerms(clause.text);
    if (terms.length === 0) return [];
    explanation.terms.push(`"${clause.text}"`);
    return [{ label: clause.text, alternatives: [{ ...exactAlternative(clause.text, terms, true), quoted: true }] }];
  }

  // Plain words: spelling corrections for words not in the reports, then the thesaurus over the run,
  // longest wordings first, so "license plate recognition" is one concept with its synonyms.
  private wordConcepts(surfaces: string[], endsQuery: boolean, explanation: QueryExplanation, queryIsFrench: boolean): Concept[] {
    // A word that is no English word but a French wording of the thesaurus ("saisies", "haschich") says
    // the words are French, accents or not.
    const frenchWording = (surface: string) => !lexicon().isWord(surface) && this.words.isFrenchWording(surface);
    const french = queryIsFrench || surfaces.some(frenchWording);
    const kept = withoutFrenchFunctionWords(surfaces, french).slice(0, RANKING.maxQueryParts);
    const words = kept.map((surface, i) => ({ surface, terms: wordTerms(surface), last: endsQuery && i === kept.length - 1 })).filter((word) => word.terms.length > 0);
    const read = words.map((word) => {
      // A French wording the thesaurus knows is read as French, not corrected into an English word.
      const correction = french && frenchWording(word.surface) ? null : this.vocabulary.correct(word.surface);
      if (correction !== null && wordTerms(correction).length > 0) {
        explanation.corrections.push({ from: word.surface, to: correction });
        return { ...word, correction, lookup: wordTerms(correction) };
      }
      return { ...word, correction: null, lookup: word.terms };
    });
    const concepts: Concept[] = [];
    // A French query is matched against the thesaurus in French, an English one in English.
    const keys = read.map((word) => (french ? (wordTerms(word.surface, 'fr')[0] ?? word.lookup[0]!) : word.lookup[0]!));
    const matches = new Map(this.words.find(keys, french ? 'fr' : 'en').map((match) => [match.from, match]));
    for (let i = 0; i < read.length; ) {
      const match = matches.get(i);
      const span = read.slice(i, match?.to ?? i + 1);
      const label = span.map((word) => word.surface).join(' ');
      const alternatives: Alternative[] = [];
      if (span.length === 1) {
        alternatives.push(...this.wordAlternatives(span[0]!, french, explanation, 1));
      } else {
        alternatives.push(exactAlternative(label, span.flatMap((word) => word.lookup), false));
        // Each word of a wording covers part of it ("digital" of "digital identity"), so a passage with
        // one of them (or a word related to it) is still found, below those with the whole wording.
        for (const word of span) {
          // The word itself (or its correction), not the words related to it: those would crowd the
          // results with passages about neither word.
          const [typed] = this.wordAlternatives(word, french, explanation, RANKING.partOfWording / span.length);
          alternatives.push({ ...typed!, fallback: true });
        }
      }
      const exactLength = span.length;
      for (const synonym of match?.synonyms ?? []) {
        // A French wording is sought in French text only, analysed as French: its English stems are false
        // friends ("policiers" stems as "policy" does).
        if (synonym.language === 'fr' && !this.languages.has('fr')) continue;
        const terms = synonym.language === 'fr' ? wordTerms(synonym.text, 'fr') : synonym.terms;
        if (terms.length === 0) continue;
        explanation.synonyms.push(synonym.text);
        // A longer wording sums more BM25 terms; scale it to the length of the words it stands for.
        alternatives.push({
          ...exactAlternative(synonym.text, terms, terms.length > 1, synonym.language),
          weight: (RANKING.synonymWeight * exactLength) / terms.length,
        });
      }
      explanation.terms.push(span.map((word) => word.correction ?? word.surface).join(' '));
      concepts.push({ label, alternatives });
      i += span.length;
    }
    return concepts;
  }

  // The ways one query word may be matched: as typed, as corrected, and through the words general
  // English relates to it; `share` is the part of its concept the word stands for.
  private wordAlternatives(word: ReadWord, french: boolean, explanation: QueryExplanation, share: number): Alternative[] {
    const known = this.vocabulary.knows(word.surface);
    // A word the reports lack is matched loosely only when it is no real word and has no correction:
    // a correction is the reading shown to the user, so a misspelling finds what its correction finds.
    const loose = !known && word.correction === null && !lexicon().isWord(word.surface);
    // A French word is sought in English text only when, accents aside, it is an English word
    // (cocaïne, but not licenciés, whose English stem is that of "licence").
    const foreign = hasFrenchLetters(word.surface) && !lexicon().isWord(fold(word.surface));
    const alternatives: Alternative[] = [
      {
        label: word.surface,
        terms: foreign ? [] : word.terms,
        adjacent: false,
        weight: share,
        fuzzy: loose && !foreign && fold(word.surface).length >= 5,
        prefix: !known && !foreign && word.last,
        language: 'en',
        quality: share,
      },
    ];
    if (word.correction !== null) alternatives.push({ ...exactAlternative(word.correction, word.lookup, false), weight: RANKING.correctionWeight * share, quality: share });
    // General knowledge: forms, WordNet synonyms, vector neighbours and compound parts in the reports.
    for (const related of this.related.related(word.correction ?? word.surface, french)) {
      if (share === 1) explanation.related.push(related.text);
      alternatives.push({ ...exactAlternative(related.text, related.terms, related.terms.length > 1), weight: related.weight * share, quality: related.quality * share });
    }
    return alternatives;
  }
}

export interface ReadWord {
  surface: string;
  terms: string[];
  /** True for the query's last word (matched as a prefix too while it is being typed). */
  last: boolean;
  correction: string | null;
  /** The terms searched: the correction's, or the word's own. */
  lookup: string[];
}

export function exactAlternative(label: string, terms: string[], adjacent: boolean, language: Language = 'en'): Alternative {
  return { label, terms, adjacent, weight: 1, fuzzy: false, prefix: false, language, quality: 1 };
}

/**
 * The language a query is written in, when the corpus has reports in it: Arabic script is Arabic; a
 * query the detector reads as French and that has a French accent or small word is French; else English.
 */
export function queryLanguage(q: string, languages: ReadonlySet<Language>): Language {
  if (languages.has('ar') && /\p{Script=Arabic}/u.test(q)) return 'ar';
  if (languages.has('fr') && looksFrench(q)) return 'fr';
  return 'en';
}

// Keeps a query's work bounded: past RANKING.maxAlternatives wordings in all, the weakest added ones
// (related words, then synonyms) are dropped; the words typed are always kept.
function boundAlternatives(requirements: Concept[][], explanation: QueryExplanation): void {
  const concepts = requirements.flat();
  const total = concepts.reduce((sum, concept) => sum + concept.alternatives.length, 0);
  if (total <= RANKING.maxAlternatives) return;
  const added = concepts.flatMap((concept) => concept.alternatives.slice(1).map((alternative) => ({ concept, alternative })));
  added.sort((a, b) => a.alternative.weight - b.alternative.weight);
  const dropped = new Set(added.slice(0, total - RANKING.maxAlternatives).map(({ alternative }) => alternative));
  for (const concept of concepts) concept.alternatives = concept.alternatives.filter((alternative) => !dropped.has(alternative));
  explanation.notices.push('The query has so many words and related wordings that the least related ones were left out.');
}

/**
 * The general-English rarity of a word or wording (its rarest word), from RANKING.generalRarityFloor for
 * the commonest words of news text ("give", "fully") to 1 for rare ones and words the vectors do not know.
 */
export function generalRarity(label: string): number {
  const words = tokenize(label).map((token) => token.surface).filter((word) => !isStopWord(word));
  const rarity = words.length === 0 ? 1 : Math.max(...words.map((word) => (/\d/.test(word) ? 1 : lexicon().rarity(word))));
  return RANKING.generalRarityFloor + (1 - RANKING.generalRarityFloor) * rarity;
}
