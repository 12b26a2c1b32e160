// The search core: loads an index bundle and answers queries. The web pages, the API, the answers and
// the tests all use it in-process; the Express layer stays thin.
import { LRUCache } from 'lru-cache';
import MiniSearch, { type SearchOptions } from 'minisearch';
import { fold, isStopWord, languageOf, tokenize, type Language } from '../../language/analyzer.ts';
import { hasFrenchLetters, looksFrench, withoutFrenchFunctionWords } from '../../language/french.ts';
import { cosine, textVector, textVectors } from '../../language/dense.ts';
import { lexicon } from '../../language/lexicon.ts';
import { CorpusLexicon } from '../../language/related.ts';
import { passageTerms } from '../../indexer/corpus-stats.ts';
import type { IndexBundle } from '../../indexer/build.ts';
import { THEMES } from '../../indexer/classify.ts';
import { LANGUAGE_FIELDS, loadIndex, type IndexedDocument } from '../../indexer/index-config.ts';
import type {
  Passage,
  PassageFilters,
  PassageView,
  QueryExplanation,
  Report,
  SearchRequest,
  SearchResponse,
  SearchResult,
} from '../../indexer/types.ts';
import { markedSpans, snippet, type MarkSpec } from './highlight.ts';
import { parseQuery, type QueryClause } from './query-parser.ts';
import { Vocabulary } from './spelling.ts';
import { thesaurus, wordTerms, type Thesaurus } from '../../language/thesaurus.ts';

/** The ranking's constants, in one place. */
export const RANKING = {
  /**
   * Field boosts for BM25: the passage's own words count most; its headings and its report's title much
   * less (every passage of a section shares them). From 0.3 to 1 for the headings made no difference on
   * the dev set.
   */
  boost: { text: 1, section: 0.3, title: 0.2, textFr: 1, sectionFr: 0.3, textAr: 1, sectionAr: 0.3 },
  /** A query's words in another language of the corpus (French, Arabic) count this much, unless the query is in it. */
  otherLanguageWeight: 0.8,
  /** BM25 parameters (MiniSearch's defaults; b from 0.3 to 0.7 made no difference on the dev set). */
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  /** A thesaurus wording counts this much of an exact match. */
  synonymWeight: 0.7,
  /** A French wording of the bilingual list counts this much (the same thing, in another language). */
  translationWeight: 0.9,
  /**
   * Coordination: a passage's score is multiplied by the share of the query's weight it covers, raised
   * to this power, so passages with every word come first and those missing only minor words next.
   */
  coordination: 2,
  /**
   * A word's weight in that share is its rarity in the corpus (IDF) times its rarity in general English:
   * this floor plus the rest scaled by the general rarity, so "give" or "after" count little.
   */
  generalRarityFloor: 0.25,
  /**
   * A passage where a figure counts one of the query's words ("363 administrative grievances", "560
   * TASER-7 tasers") gets this share more: these reports are read for their figures.
   */
  figureBonus: 0.2,
  /**
   * One word of a multi-word thesaurus wording, found without the others, counts this share of the
   * wording divided among its words: a recall fallback, well below the wording itself.
   */
  partOfWording: 0.5,
  /** A year typed among the words ("sextortion 2023") is met by that year's passages, with this score. */
  yearWordScore: 2,
  /** A word read as its spelling correction counts this much of an exact match. */
  correctionWeight: 0.9,
  /** MiniSearch's own discount of fuzzy and prefix matches. */
  fuzzyWeight: 0.45,
  prefixWeight: 0.375,
  /** Edit distance allowed by fuzzy matching, as a share of the word's length. */
  fuzziness: 0.2,
  /** A requirement met only by the section heading or report title, not the passage's own words. */
  headingOnlyWeight: 0.5,
  /** A concept matched in several ways (its words and a thesaurus wording) adds this share of the others. */
  extraEvidence: 0.25,
  /** Paragraphs shorter than this many words (one-line transitions) are discounted by the root of their share. */
  shortPassage: 20,
  /** Bonus for query words standing close together: up to this share when they are adjacent. */
  proximityBonus: 0.3,
  /** Each further result from the same year counts this much less, so a topic is shown across years. */
  yearDecay: 0.85,
  /** A phrase or a thesaurus wording is checked word by word in at most its best this many passages. */
  phraseCheckDepth: 300,
  /** Only the best this many (by BM25) are scored on how close together the query's words stand. */
  proximityDepth: 100,
  /**
   * Weight of the dense (word-vector) ranking in the reciprocal-rank fusion with the lexical one, over
   * the best `proximityDepth` lexical matches (0: lexical ranking alone). Off: measured at 0.2 and 0.5
   * it lowered success@1 on the dev sets and recall@5 on the new reports (README, ablation).
   */
  denseWeight: 0,
  /** Reciprocal-rank fusion's constant: 1 / (k + rank). */
  fusionK: 60,
  /** Only the first this many results are reordered to show several years; the rest keep their order. */
  diversityDepth: 200,
  /** How many recent search responses are kept to answer the same request again at once… */
  cacheSize: 1000,
  /** …holding at most this many characters of passage text and snippets in all… */
  cacheChars: 20_000_000,
  /** …and only for pages of at most this many results: an export of every match is never kept. */
  cacheableLimit: 100,
  /** At most this many words and phrases of a query are searched (a bound on the work a query can cause)… */
  maxQueryParts: 32,
  /** …and at most this many wordings in all, once synonyms and related words are added. */
  maxAlternatives: 200,
};

// One way of matching a concept: the exact words, a thesaurus wording or a spelling correction.
interface Alternative {
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
}

// A word or phrase of the query with all the ways it may be matched.
interface Concept {
  label: string;
  alternatives: Alternative[];
}

// One term's match in one passage.
interface TermHit {
  score: number;
  terms: string[];
  inText: boolean;
}

interface Hit {
  score: number;
  /** The best quality among the alternatives that matched. */
  quality: number;
  terms: Set<string>;
  phrases: string[][];
  /** True when the match is in the passage's own words, not only its heading or report title. */
  inText: boolean;
}

interface Plan {
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

/** What the search core keeps of a bundle once its index and vocabulary are loaded. */
export type LoadedBundle = Omit<IndexBundle, 'index' | 'vocabulary'>;

// A matching passage: its score, and the hits it holds (its highlight marks are only worked out for the
// page shown, so that a query matching most of a large corpus costs no more than a scan).
interface Ranked {
  passage: Passage;
  score: number;
  hits: Array<Hit | undefined>;
}

function marksOf(hits: Array<Hit | undefined>): MarkSpec {
  return {
    terms: new Set(hits.flatMap((hit) => (hit === undefined ? [] : [...hit.terms]))),
    phrases: hits.flatMap((hit) => hit?.phrases ?? []),
  };
}

/** No restriction: every year, theme and report. */
export const noFilters = (): PassageFilters => ({ years: [], themes: [], reports: [] });

/** The searchable corpus, in memory. */
export class SearchCore {
  readonly reports: Report[];
  readonly passages: Passage[];
  readonly vocabulary: Vocabulary;
  /** General English knowledge, restricted to the words of this corpus. */
  readonly related: CorpusLexicon;
  /** Each passage's dense vector, in passage order (worked out on first use), and each passage's place. */
  private vectors: Int8Array | undefined;
  private readonly ordinal: Map<string, number>;
  /** The hits of a year typed among the words: every passage of that year (the same for every query). */
  private readonly byYear = new Map<number, Map<string, Hit>>();
  /** The report years of the corpus. */
  readonly years: Set<number>;
  /** The languages of the corpus's reports. */
  readonly languages: Set<Language>;
  private readonly index: MiniSearch<IndexedDocument>;
  private readonly byId: Map<string, Passage>;
  private readonly reportById: Map<string, Report>;
  // Bounded by the passages' length in words, not only by their number: passages can be of any length.
  private readonly tokenCache = new LRUCache<string, string[][]>({ max: 20_000, maxSize: 5_000_000, sizeCalculation: (tokens) => tokens.length + 1 });
  private copies: Map<string, string[]> | undefined;
  private readonly termCache = new LRUCache<string, Map<string, TermHit>>({ max: 2000, maxSize: 2_000_000, sizeCalculation: (hits) => hits.size + 1 });
  private readonly cache = new LRUCache<string, SearchResponse>({ max: RANKING.cacheSize, maxSize: RANKING.cacheChars, sizeCalculation: responseSize });

  /** The build served: its id, time, reports, passages, headings and near-copies. */
  readonly bundle: LoadedBundle;

  constructor(
    bundle: IndexBundle,
    private readonly words: Thesaurus = thesaurus,
    /** `caches: false` answers every search afresh (for benchmarks that measure the search itself). */
    private readonly options: { caches: boolean } = { caches: true },
  ) {
    // The serialised index and vocabulary are not kept once loaded: that would hold the corpus twice.
    const { index: _index, vocabulary: _vocabulary, ...kept } = bundle;
    this.bundle = kept;
    this.reports = bundle.reports;
    this.passages = bundle.passages;
    this.index = loadIndex(bundle.index);
    this.byId = new Map(bundle.passages.map((passage) => [passage.id, passage]));
    this.reportById = new Map(bundle.reports.map((report) => [report.id, report]));
    this.vocabulary = new Vocabulary(bundle.vocabulary);
    this.related = new CorpusLexicon((term) => this.vocabulary.hasTerm(term), this.vocabulary.writtenWords());
    this.languages = new Set(bundle.reports.map((report) => languageOf(report.language)));
    this.years = new Set(bundle.passages.map((passage) => passage.year));
    this.ordinal = new Map(bundle.passages.map((passage, i) => [passage.id, i]));
  }

  /** Does the one-time work of the first search (finding near-copies), so no user waits for it. */
  warmUp(): void {
    this.nearCopies();
  }

  /** In how many passages an index term occurs (0 when in none; terms with digits are not counted). */
  documentFrequency(term: string): number {
    return this.vocabulary.documentFrequency(term);
  }

  /** The index terms of each word of a passage (stop words left out), computed once per passage. */
  termsOfPassage(id: string): string[][] {
    return this.tokensOf(id);
  }

  /** The passage with this id, or undefined. */
  passage(id: string): Passage | undefined {
    return this.byId.get(id);
  }

  /** The report with this id, or undefined. */
  report(id: string): Report | undefined {
    return this.reportById.get(id);
  }

  /** The language a passage is written in (its report's). */
  languageOfPassage(passage: Passage): Language {
    return languageOf(this.reportById.get(passage.reportId)?.language);
  }

  /** The API view of a passage. */
  view(passage: Passage): PassageView {
    const report = this.reportById.get(passage.reportId)!;
    return {
      id: passage.id,
      year: passage.year,
      report: { id: report.id, title: report.title, kind: report.kind },
      section: passage.section,
      themes: passage.themes,
      text: passage.text,
      ordinal: passage.ordinal,
      start: passage.start,
      end: passage.end,
      file: passage.file,
      page: passage.page ?? null,
      url: `/passages/${passage.id}`,
    };
  }

  /** The passages that pass the filters, in report order. */
  filter(filters: PassageFilters): Passage[] {
    return this.passages.filter((passage) => matchesFilters(passage, filters));
  }

  /** What the response cache holds: how many responses, and about how many characters. */
  cacheUse(): { responses: number; chars: number } {
    return { responses: this.cache.size, chars: this.cache.calculatedSize };
  }

  /** Answers a search request. Never throws for any query text. Repeated requests are served from a cache. */
  search(request: SearchRequest): SearchResponse {
    const started = performance.now();
    const key = JSON.stringify([request.q, request.filters, request.limit, request.offset, request.sort, request.figures ?? true, request.snippets ?? true]);
    const cached = this.options.caches ? this.cache.get(key) : undefined;
    if (cached !== undefined) return { ...cached, tookMs: round(performance.now() - started, 2) };
    const response = this.run(request, started);
    if (this.options.caches && request.limit <= RANKING.cacheableLimit) this.cache.set(key, response);
    return response;
  }

  private run(request: SearchRequest, started: number): SearchResponse {
    const plan = this.plan(request.q);
    const queryFilters = plan.explanation.filters;
    const filters: PassageFilters = {
      years: union(request.filters.years, queryFilters.years),
      themes: union(request.filters.themes, queryFilters.themes),
      reports: union(request.filters.reports, queryFilters.reports),
    };
    // With no words to search for, filters alone list passages (browsing a year or a theme), narrowed by
    // any exclusions; exclusions alone list nothing.
    const browse = plan.requirements.length === 0 && !plan.onlyCommonWords && hasFilters(filters);
    if (plan.requirements.length === 0 && !browse && plan.excluded.length > 0) {
      plan.explanation.notices.push('Excluded words alone match nothing: add a word to search for, or a filter such as year:2024.');
    }
    const { ranked, partial } = this.rank(plan, browse, request.figures ?? true);
    plan.explanation.partial = partial;
    if (partial) plan.explanation.notices.push('No passage has every word; showing the passages that have the most of them.');
    const { kept: matching, folded } = this.setDuplicatesAside(ranked.filter((item) => matchesFilters(item.passage, filters)));
    const ordered = request.sort === 'relevance' ? this.diversify(matching) : sortByYear(matching, request.sort);
    const page = ordered.slice(request.offset, request.offset + request.limit);
    const results: SearchResult[] = page.map((item) => ({
      ...this.view(item.passage),
      snippetHtml: request.snippets === false ? '' : snippet(item.passage.text, markedSpans(item.passage.text, marksOf(item.hits), this.languageOfPassage(item.passage))),
      score: round(item.score, 3),
      duplicates: folded.get(item.passage.id) ?? [],
    }));
    return {
      query: request.q,
      total: matching.length,
      tookMs: round(performance.now() - started, 2),
      facets: facetCounts(ranked, filters, (items) => this.setDuplicatesAside(items).kept),
      results,
      parsed: plan.explanation,
      didYouMean: matching.length === 0 && plan.requirements.length > 0 ? this.suggest(request.q) : null,
    };
  }

  /** The marks to highlight a query's words in any text (for the passage and reader pages). */
  marksFor(q: string): MarkSpec {
    const plan = this.plan(q);
    const terms = new Set<string>();
    const phrases: string[][] = [];
    for (const concept of plan.requirements.flat()) {
      for (const alternative of concept.alternatives) {
        if (alternative.adjacent && alternative.terms.length > 1) phrases.push(alternative.terms);
        else alternative.terms.forEach((term) => terms.add(term));
      }
    }
    return { terms, phrases };
  }

  // Reads the query into requirements (all should match), each a set of concepts (any may match), each
  // with its alternatives: exact words, thesaurus wordings, spelling corrections, fuzzy and prefix.
  private plan(q: string): Plan {
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
          concept.alternatives.push({ ...wording, weight: alternative.weight * weight(language), quality: alternative.quality });
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
    return {
      years: filters.years,
      themes: filters.themes.filter((slug) => themes.has(slug)),
      reports: filters.reports.filter((id) => this.reportById.has(id)),
    };
  }

  private phraseConcept(clause: QueryClause, explanation: QueryExplanation): Concept[] {
    const terms = wordTerms(clause.text);
    if (terms.length === 0) return [];
    explanation.terms.push(`"${clause.text}"`);
    return [{ label: clause.text, alternatives: [exactAlternative(clause.text, terms, true)] }];
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

  // Scores every passage that matches any requirement (and every required one). A passage's BM25 sum is
  // multiplied by the share of the query's weight it covers, so passages with every word rank first, then
  // those missing the least important words; then the proximity bonus is added.
  private rank(plan: Plan, browse: boolean, figures = true): { ranked: Ranked[]; partial: boolean } {
    const excluded = new Set(plan.excluded.flatMap((alternative) => [...this.alternativeHits(alternative).keys()]));
    if (plan.requirements.length === 0) {
      const listed = browse ? this.passages.filter((passage) => !excluded.has(passage.id)) : [];
      return { ranked: listed.map((passage) => ({ passage, score: 0, hits: [] })), partial: false };
    }
    const perConcept = plan.requirements.map((concepts) => concepts.map((concept) => this.conceptHits(concept)));
    // A requirement of one concept (every plain word) is that concept's hits, not a copy of them.
    const perRequirement = perConcept.map((found) => (found.length === 1 ? found[0]!.hits : mergeHits(found.map(({ hits }) => hits))));
    const weights = perConcept.map((found, r) => this.requirementWeight(found, plan.generality[r]!));
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0) || 1;
    const candidates = new Set<string>();
    for (const hits of perRequirement) for (const id of hits.keys()) if (!excluded.has(id)) candidates.add(id);
    let partial = true;
    // A year among the words ranks that year's passages up, but does not make a passage a match by itself.
    const isYear = plan.requirements.map((concepts) => concepts.every((concept) => this.yearOfLabel(concept.label) !== null));
    const onlyYears = isYear.every(Boolean);
    const base: Array<{ id: string; hits: Array<Hit | undefined>; sum: number; coverage: number }> = [];
    for (const id of candidates) {
      const hits = perRequirement.map((map) => map.get(id));
      if (hits.some((hit, r) => hit === undefined && plan.required[r])) continue;
      if (!onlyYears && hits.every((hit, r) => hit === undefined || isYear[r])) continue;
      let covered = 0;
      let sum = 0;
      hits.forEach((hit, r) => {
        if (hit === undefined) return;
        covered += weights[r]! * hit.quality;
        sum += hit.score;
      });
      if (hits.every((hit) => hit !== undefined)) partial = false;
      base.push({ id, hits, sum, coverage: covered / totalWeight });
    }
    if (base.length === 0) partial = false;
    const coordinated = (item: { sum: number; coverage: number }) => item.sum * item.coverage ** RANKING.coordination;
    base.sort((a, b) => coordinated(b) - coordinated(a) || a.id.localeCompare(b.id));
    // Only the best `proximityDepth` get the closeness of the query's words, which needs the passage's
    // words (a very common word matches most of a large corpus).
    const ranked: Ranked[] = base.map(({ id, hits, coverage }, position) => {
      const passage = this.byId.get(id)!;
      const brevity = Math.sqrt(Math.min(1, passage.words / RANKING.shortPassage));
      const textual = hits.reduce((total, hit) => total + (hit === undefined ? 0 : hit.score * (hit.inText ? 1 : RANKING.headingOnlyWeight)), 0);
      const near = position < RANKING.proximityDepth;
      const close = hits.length > 1 && near ? this.closeness(id, hits) : 0;
      const figure = figures && near && this.countsAMatch(id, hits) ? RANKING.figureBonus : 0;
      const score = textual * brevity * (1 + RANKING.proximityBonus * close) * (1 + figure) * coverage ** RANKING.coordination;
      return { passage, score, hits };
    });
    ranked.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
    return { ranked: this.fuseDense(ranked, plan), partial };
  }

  // Reciprocal-rank fusion of the lexical order with the order of the passages' dense vectors' closeness
  // to the query's, over the best lexical matches; the rest keep their order below them.
  private fuseDense(ranked: Ranked[], plan: Plan): Ranked[] {
    if (RANKING.denseWeight <= 0 || ranked.length < 2) return ranked;
    const rarity = { documentFrequency: (term: string) => this.vocabulary.documentFrequency(term), passages: this.passages.length };
    // Only English passages get a vector: the word vectors are English.
    this.vectors ??= textVectors(this.passages.map((passage) => (this.languageOfPassage(passage) === 'en' ? passage.text : '')), rarity);
    const vectors = this.vectors;
    const query = textVector(plan.requirements.flat().map((concept) => concept.label).join(' '), rarity);
    if (query.every((value) => value === 0)) return ranked;
    const head = ranked.slice(0, RANKING.proximityDepth);
    const closeness = head.map((item) => cosine(query, vectors, this.ordinal.get(item.passage.id) ?? 0));
    const denseRank = new Map([...head.keys()].sort((a, b) => closeness[b]! - closeness[a]!).map((index, rank) => [index, rank]));
    const k = RANKING.fusionK;
    // The fused score keeps the lexical score's scale: the best lexical score times the fused share.
    const top = head[0]!.score;
    const fused = head.map((item, rank) => ({ ...item, score: (top * k * (1 / (k + rank) + RANKING.denseWeight / (k + denseRank.get(rank)!))) / (1 + RANKING.denseWeight) }));
    fused.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
    const floor = fused[fused.length - 1]?.score ?? 0;
    // The rest keep their lexical order, scaled below the fused head.
    const rest = ranked.slice(RANKING.proximityDepth).map((item) => ({ ...item, score: Math.min(item.score, floor * 0.999) }));
    return [...fused, ...rest];
  }

  // How much a requirement weighs in a passage's coverage: the rarity in the corpus (BM25's IDF) of the
  // words typed, times their rarity in general English.
  private requirementWeight(concepts: Array<{ hits: Map<string, Hit>; typed: number }>, generality: number): number {
    const found = Math.max(...concepts.map(({ typed }) => typed)) || Math.max(...concepts.map(({ hits }) => hits.size));
    const n = this.passages.length;
    const idf = Math.log(1 + (n - found + 0.5) / (found + 0.5));
    return Math.max(0.05, idf) * generality;
  }

  // The passages that match a concept, and how many its first alternative (the words typed) matches.
  private conceptHits(concept: Concept): { hits: Map<string, Hit>; typed: number } {
    const maps = concept.alternatives.filter((alternative) => !alternative.fallback).map((alternative) => this.alternativeHits(alternative));
    const typed = maps[0]?.size ?? 0;
    const year = this.yearOfLabel(concept.label);
    if (year !== null) maps.push(this.yearHits(year, concept.label));
    const hits = mergeHits(maps, RANKING.extraEvidence);
    const fallbacks = concept.alternatives.filter((alternative) => alternative.fallback).map((alternative) => this.alternativeHits(alternative));
    for (const [id, hit] of mergeHits(fallbacks)) if (!hits.has(id)) hits.set(id, hit);
    return { hits, typed };
  }

  // The report year a query word names, or null.
  private yearOfLabel(label: string): number | null {
    const year = /^(19|20)\d\d$/.test(label) ? Number(label) : null;
    return year !== null && this.years.has(year) ? year : null;
  }

  // A year among the query's words is met by every passage of that year's reports, as well as by the
  // passages that write it ("compared with 2021").
  private yearHits(year: number, label: string): Map<string, Hit> {
    let hits = this.byYear.get(year);
    if (hits === undefined) {
      hits = new Map();
      const terms = new Set([label]);
      for (const passage of this.passages) {
        if (passage.year === year) hits.set(passage.id, { score: RANKING.yearWordScore, quality: 1, terms, phrases: [], inText: true });
      }
      this.byYear.set(year, hits);
    }
    return hits;
  }

  // The passages that hold one term (with its fuzzy or prefix variants), with the term's BM25 score in
  // each. Cached: the wordings of a thesaurus group share many terms, and popular terms recur.
  private termHits(term: string, fuzzy: boolean, prefix: boolean, language: Language): Map<string, TermHit> {
    const key = `${language}${fuzzy ? 'f' : '-'}${prefix ? 'p' : '-'} ${term}`;
    const cached = this.options.caches ? this.termCache.get(key) : undefined;
    if (cached !== undefined) return cached;
    const options: SearchOptions = {
      boost: RANKING.boost,
      bm25: RANKING.bm25,
      tokenize: (text) => [text],
      processTerm: (text) => text,
      fuzzy: fuzzy ? RANKING.fuzziness : false,
      prefix,
      weights: { fuzzy: RANKING.fuzzyWeight, prefix: RANKING.prefixWeight },
      fields: [LANGUAGE_FIELDS[language].text, LANGUAGE_FIELDS[language].section, 'title'],
    };
    const hits = new Map<string, TermHit>();
    for (const result of this.index.search(term, options)) {
      hits.set(String(result.id), {
        score: result.score,
        terms: result.terms,
        inText: Object.values(result.match).some((fields) => fields.includes(LANGUAGE_FIELDS[language].text)),
      });
    }
    if (this.options.caches) this.termCache.set(key, hits);
    return hits;
  }

  // The passages holding every word of an alternative: the intersection of its terms' passages, each
  // scored by the sum of its terms' BM25 scores (what MiniSearch's AND gives, without its multiplier).
  private alternativeHits(alternative: Alternative): Map<string, Hit> {
    const perTerm = alternative.terms.map((term) => this.termHits(term, alternative.fuzzy, alternative.prefix, alternative.language)).sort((a, b) => a.size - b.size);
    const [smallest, ...others] = perTerm;
    const found: Array<{ id: string; score: number; terms: string[]; inText: boolean }> = [];
    for (const [id, first] of smallest ?? []) {
      let score = first.score;
      let inText = first.inText;
      const terms = [...first.terms];
      let all = true;
      for (const map of others) {
        const hit = map.get(id);
        if (hit === undefined) {
          all = false;
          break;
        }
        score += hit.score;
        inText ||= hit.inText;
        terms.push(...hit.terms);
      }
      if (all) found.push({ id, score, terms, inText });
    }
    found.sort((a, b) => b.score - a.score);
    const hits = new Map<string, Hit>();
    const adjacent = alternative.adjacent && alternative.terms.length > 1;
    // Checking the words' order needs the passage's words, so a very common phrase is checked (and
    // counted) in its best `phraseCheckDepth` passages only.
    for (const { id, score, terms, inText } of adjacent ? found.slice(0, RANKING.phraseCheckDepth) : found) {
      if (adjacent && !this.hasSequence(id, alternative.terms)) continue;
      hits.set(id, {
        score: score * alternative.weight,
        quality: alternative.quality,
        terms: new Set(adjacent ? [] : terms),
        phrases: adjacent ? [alternative.terms] : [],
        // A sequence was checked in the text itself; single words say in which fields they matched.
        inText: adjacent || inText,
      });
    }
    return hits;
  }

  // The index terms of each content word of a passage, computed once per passage.
  private tokensOf(id: string): string[][] {
    let tokens = this.tokenCache.get(id);
    if (tokens === undefined) {
      const passage = this.byId.get(id)!;
      tokens = passageTerms(passage.text, this.languageOfPassage(passage));
      this.tokenCache.set(id, tokens);
    }
    return tokens;
  }

  private hasSequence(id: string, terms: string[]): boolean {
    const tokens = this.tokensOf(id);
    for (let i = 0; i + terms.length <= tokens.length; i++) {
      if (terms.every((term, k) => tokens[i + k]!.includes(term))) return true;
    }
    return false;
  }

  // True when a figure stands at most two words before a matched word ("1,010 disciplinary sanctions"),
  // small words aside.
  private countsAMatch(id: string, hits: Array<Hit | undefined>): boolean {
    const tokens = this.tokensOf(id);
    const wanted = new Set<string>();
    for (const hit of hits) {
      if (hit === undefined) continue;
      hit.terms.forEach((term) => wanted.add(term));
      for (const phrase of hit.phrases) wanted.add(phrase[0]!);
    }
    for (let i = 0; i < tokens.length; i++) {
      if (!tokens[i]!.some((term) => wanted.has(term))) continue;
      for (let k = Math.max(0, i - 2); k < i; k++) if (/^\d[\d.]*$/.test(tokens[k]![0]!)) return true;
    }
    return false;
  }

  // 1 when one match of each requirement stands side by side, falling towards 0 as they spread out.
  private closeness(id: string, hits: Array<Hit | undefined>): number {
    const present = hits.filter((hit): hit is Hit => hit !== undefined);
    if (present.length < 2) return 0;
    const tokens = this.tokensOf(id);
    const positions: Array<[number, number]> = [];
    present.forEach((hit, r) => {
      tokens.forEach((terms, i) => {
        const single = terms.some((term) => hit.terms.has(term));
        const phrase = hit.phrases.some((p) => p.every((term, k) => tokens[i + k]?.includes(term)));
        if (single || phrase) positions.push([i, r]);
      });
    });
    positions.sort((a, b) => a[0] - b[0]);
    const seen = new Map<number, number>();
    let best = Infinity;
    let left = 0;
    for (let right = 0; right < positions.length; right++) {
      const [, r] = positions[right]!;
      seen.set(r, (seen.get(r) ?? 0) + 1);
      while (seen.size === present.length) {
        best = Math.min(best, positions[right]![0] - positions[left]![0] + 1);
        const [, leftR] = positions[left]!;
        const remaining = seen.get(leftR)! - 1;
        if (remaining === 0) seen.delete(leftR);
        else seen.set(leftR, remaining);
        left++;
      }
    }
    return Number.isFinite(best) ? Math.min(1, present.length / best) : 0;
  }

  // Near-copies are left out of a result list; the passage kept (the better ranked) lists them.
  private setDuplicatesAside(ranked: Ranked[]): { kept: Ranked[]; folded: Map<string, string[]> } {
    const copies = this.nearCopies();
    const keptIds = new Set<string>();
    const kept: Ranked[] = [];
    const folded = new Map<string, string[]>();
    for (const item of ranked) {
      const original = copies.get(item.passage.id)?.find((id) => keptIds.has(id));
      if (original !== undefined) {
        folded.set(original, [...(folded.get(original) ?? []), item.passage.id]);
        continue;
      }
      keptIds.add(item.passage.id);
      kept.push(item);
    }
    return { kept, folded };
  }

  // The near-copies of each passage, from the pairs the index build found.
  private nearCopies(): Map<string, string[]> {
    if (this.copies !== undefined) return this.copies;
    this.copies = new Map();
    for (const [a, b] of this.bundle.nearCopies) {
      this.copies.set(a, [...(this.copies.get(a) ?? []), b]);
      this.copies.set(b, [...(this.copies.get(b) ?? []), a]);
    }
    return this.copies;
  }

  // Relevance order, with each further passage from an already-shown year counting a little less, so
  // that the first page shows how a topic runs through the years.
  private diversify(ranked: Ranked[]): Ranked[] {
    const pool = ranked.slice(0, RANKING.diversityDepth);
    const rest = ranked.slice(RANKING.diversityDepth);
    const shown = new Map<number, number>();
    const out: Ranked[] = [];
    while (pool.length > 0) {
      let best = 0;
      let bestScore = -Infinity;
      pool.forEach((item, i) => {
        const effective = item.score * RANKING.yearDecay ** (shown.get(item.passage.year) ?? 0);
        if (effective > bestScore) {
          bestScore = effective;
          best = i;
        }
      });
      const [item] = pool.splice(best, 1);
      out.push(item!);
      shown.set(item!.passage.year, (shown.get(item!.passage.year) ?? 0) + 1);
    }
    return [...out, ...rest];
  }

  // A query worth trying when this one matched nothing: each unknown word replaced by the nearest word
  // of the reports, allowing one more edit than the automatic correction.
  private suggest(q: string): string | null {
    let changed = false;
    // Filters (year:…, report:…) and excluded words (-word) are kept as typed.
    const suggestion = q.replace(/(^|\s)([^\s]+)/g, (whole, space: string, token: string) => {
      if (/^-|^[a-z]+:/i.test(token)) return whole;
      return space + token.replace(/[\p{L}][\p{L}'’-]*/gu, (word) => {
        const correction = this.vocabulary.correct(word, true);
        if (correction === null) return word;
        changed = true;
        return correction;
      });
    });
    return changed ? suggestion : null;
  }
}

/** A query word as read: as typed, its index terms, and its spelling correction if any. */
interface ReadWord {
  surface: string;
  terms: string[];
  /** True for the query's last word (matched as a prefix too while it is being typed). */
  last: boolean;
  correction: string | null;
  /** The terms searched: the correction's, or the word's own. */
  lookup: string[];
}

function exactAlternative(label: string, terms: string[], adjacent: boolean, language: Language = 'en'): Alternative {
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

// Several ways of matching one passage: the best counts fully, each other one adds `extra` of its score.
function mergeHits(maps: Array<Map<string, Hit>>, extra = 0): Map<string, Hit> {
  const merged = new Map<string, Hit & { best: number; sum: number }>();
  for (const map of maps) {
    for (const [id, hit] of map) {
      const current = merged.get(id);
      if (current === undefined) {
        merged.set(id, { score: hit.score, quality: hit.quality, best: hit.score, sum: hit.score, terms: new Set(hit.terms), phrases: [...hit.phrases], inText: hit.inText });
      } else {
        current.best = Math.max(current.best, hit.score);
        current.quality = Math.max(current.quality, hit.quality);
        current.sum += hit.score;
        current.score = current.best + extra * (current.sum - current.best);
        hit.terms.forEach((term) => current.terms.add(term));
        current.phrases.push(...hit.phrases);
        current.inText ||= hit.inText;
      }
    }
  }
  return merged;
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
 * the commonest words of news text to 1 for rare ones and words the vectors do not know.
 */
/** How rare a wording is in general English, between the floor and 1 ("give" or "fully" little, "sextortion" 1). */
export function generalRarity(label: string): number {
  const words = tokenize(label).map((token) => token.surface).filter((word) => !isStopWord(word));
  const rarity = words.length === 0 ? 1 : Math.max(...words.map((word) => (/\d/.test(word) ? 1 : lexicon().rarity(word))));
  return RANKING.generalRarityFloor + (1 - RANKING.generalRarityFloor) * rarity;
}

/** About how many characters a cached response holds: its results' texts and snippets, and a little more. */
function responseSize(response: SearchResponse): number {
  return response.results.reduce((sum, result) => sum + result.text.length + result.snippetHtml.length + 200, 1000);
}

function matchesFilters(passage: Passage, filters: PassageFilters): boolean {
  return (
    (filters.years.length === 0 || filters.years.includes(passage.year)) &&
    (filters.reports.length === 0 || filters.reports.includes(passage.reportId)) &&
    (filters.themes.length === 0 || passage.themes.some((theme) => filters.themes.includes(theme)))
  );
}

function hasFilters(filters: PassageFilters): boolean {
  return filters.years.length + filters.themes.length + filters.reports.length > 0;
}

// Each facet counts the result set under the other filters, so choosing a year shows how many passages
// each other year would give.
function facetCounts(ranked: Ranked[], filters: PassageFilters, collapse: (items: Ranked[]) => Ranked[]): SearchResponse['facets'] {
  const year: Record<string, number> = {};
  const theme: Record<string, number> = {};
  for (const { passage } of collapse(ranked.filter((item) => matchesFilters(item.passage, { ...filters, years: [] })))) {
    year[passage.year] = (year[passage.year] ?? 0) + 1;
  }
  for (const { passage } of collapse(ranked.filter((item) => matchesFilters(item.passage, { ...filters, themes: [] })))) {
    for (const slug of passage.themes) theme[slug] = (theme[slug] ?? 0) + 1;
  }
  return { year, theme };
}

function sortByYear(ranked: Ranked[], sort: 'year-asc' | 'year-desc'): Ranked[] {
  const direction = sort === 'year-asc' ? 1 : -1;
  return [...ranked].sort((a, b) => direction * (a.passage.year - b.passage.year) || b.score - a.score);
}

function union<T>(a: T[], b: T[]): T[] {
  return [...new Set([...a, ...b])];
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

