// The search core: loads an index bundle and answers queries. The web pages, the API, the answers and
// the tests all use it in-process; the Express layer stays thin.
import { LRUCache } from 'lru-cache';
import type MiniSearch from 'minisearch';
import { languageOf, type Language } from '../../language/analyzer.ts';
import { cosine, textVector, textVectors } from '../../language/dense.ts';
import { CorpusLexicon } from '../../language/related.ts';
import type { IndexBundle } from '../../indexer/build.ts';
import { loadIndex, type IndexedDocument } from '../../indexer/index-config.ts';
import { encodePositions } from '../../indexer/positions.ts';
import type {
  Passage,
  PassageFilters,
  PassageView,
  Report,
  SearchRequest,
  SearchResponse,
  SearchResult,
} from '../../indexer/types.ts';
import { markedSpans, snippet, type MarkSpec } from './highlight.ts';
import { copiesOf, diversify, facetCounts, type FacetSlots, facetSlots, foldCopies, hasFilters, matchesFilters, sortByYear, unfilteredFacetCounts, union } from './page.ts';
import { QueryPlanner, type Plan } from './plan.ts';
import { RANKING } from './ranking.ts';
import { mergeHits, Retriever, type Hit } from './retrieve.ts';
import { closeness, countsAMatch } from './score.ts';
import { Vocabulary } from './spelling.ts';
import { thesaurus, type Thesaurus } from '../../language/thesaurus.ts';

// The stages of a search, in the order a query flows: plan.ts (the query read into concepts and their
// wordings), retrieve.ts (every passage matching any of them, with its BM25 scores), score.ts (what the
// passage's own words add: a figure counting a query word, the words' closeness), this file (which
// combines them by the coverage of the query's concepts, in `rank`), page.ts (fold near-copies, order,
// page and count facets). The constants of all of them are in ranking.ts.
export { RANKING } from './ranking.ts';
export { generalRarity, queryLanguage } from './plan.ts';

/** What the search core keeps of a bundle once its index and vocabulary are loaded. */
export type LoadedBundle = Omit<IndexBundle, 'index' | 'vocabulary'>;

// A matching passage: its score, and the hits it holds (its highlight marks are only worked out for the
// page shown, so that a query matching most of a large corpus costs no more than a scan).
interface Ranked {
  passage: Passage;
  score: number;
}

function marksOf(hits: Array<Hit | undefined>): MarkSpec {
  return {
    terms: new Set(hits.flatMap((hit) => (hit === undefined ? [] : [...hit.terms]))),
    phrases: hits.flatMap((hit) => hit?.phrases ?? []),
  };
}

/** No restriction: every year, theme, report and kind of source. */
export const noFilters = (): PassageFilters => ({ years: [], themes: [], reports: [], kinds: [] });

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
  /** The report years of the corpus. */
  readonly years: Set<number>;
  /** The kinds of source of the corpus's reports (annual-report, press-article). */
  readonly kinds: string[];
  /** The languages of the corpus's reports. */
  readonly languages: Set<Language>;
  private readonly index: MiniSearch<IndexedDocument>;
  /** Stage 1: reads queries into concepts and wordings. */
  private readonly planner: QueryPlanner;
  /** Stage 2: finds the passages of each concept and wording. */
  private readonly retriever: Retriever;
  private readonly byId: Map<string, Passage>;
  private readonly reportById: Map<string, Report>;
  private copies: Map<string, string[]> | undefined;
  private slots: FacetSlots | undefined;
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
    this.kinds = [...new Set(bundle.reports.map((report) => report.kind))].sort();
    this.ordinal = new Map(bundle.passages.map((passage, i) => [passage.id, i]));
    this.planner = new QueryPlanner(this.vocabulary, words, this.related, this.languages, this.reportById);
    // (Positions that are not of these passages, one for one, are worked out again from their texts.)
    const positions = bundle.positions.offsets.length === bundle.passages.length + 1 ? bundle.positions : encodePositions(bundle.passages, (passage) => this.languageOfPassage(passage));
    this.retriever = new Retriever(this.index, this.passages, this.years, options, { words: positions, ordinal: this.ordinal });
  }

  // The near-copies of each passage (worked out on first use).
  private nearCopies(): Map<string, string[]> {
    this.copies ??= copiesOf(this.bundle.nearCopies);
    return this.copies;
  }

  // Each passage's place in the facet counts (worked out on first use).
  private facetSlots(): FacetSlots {
    const copies = this.nearCopies();
    this.slots ??= facetSlots(this.passages, { years: this.years, kinds: this.kinds, kindOf: this.kindOf }, (passage) => copies.has(passage.id));
    return this.slots;
  }

  /** Does the one-time work of the first search (finding near-copies, each passage's place in the facets), so no user waits for it. */
  warmUp(): void {
    this.facetSlots();
  }

  /** In how many passages an index term occurs (0 when in none; terms with digits are not counted). */
  documentFrequency(term: string): number {
    return this.vocabulary.documentFrequency(term);
  }

  /** The index terms of each word of a passage (stop words left out), computed once per passage. */
  termsOfPassage(id: string): string[][] {
    return this.retriever.tokensOf(id);
  }

  /** The passage with this id, or undefined. */
  passage(id: string): Passage | undefined {
    return this.byId.get(id);
  }

  /** The report with this id, or undefined. */
  report(id: string): Report | undefined {
    return this.reportById.get(id);
  }

  /** The kind of source a passage comes from (its report's). */
  readonly kindOf = (passage: Passage): string => this.reportById.get(passage.reportId)?.kind ?? 'annual-report';

  /** True for a passage of an official report: the original that press restatements fold under. */
  private readonly isOfficial = (passage: Passage): boolean => this.kindOf(passage) === 'annual-report';

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
      report: { id: report.id, title: report.title, kind: report.kind, translation: report.translation ?? null },
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
    return this.passages.filter((passage) => matchesFilters(passage, filters, this.kindOf));
  }

  /** What the response cache holds: how many responses, and about how many characters. */
  cacheUse(): { responses: number; chars: number } {
    return { responses: this.cache.size, chars: this.cache.calculatedSize };
  }

  /** Answers a search request. Never throws for any query text. Repeated requests are served from a cache. */
  search(request: SearchRequest): SearchResponse {
    const started = performance.now();
    const key = JSON.stringify([request.q, request.filters, request.limit, request.offset, request.sort, request.figures ?? true, request.snippets ?? true, request.facets ?? true]);
    const cached = this.options.caches ? this.cache.get(key) : undefined;
    if (cached !== undefined) return { ...cached, tookMs: round(performance.now() - started, 2) };
    const response = this.run(request, started);
    if (this.options.caches && request.limit <= RANKING.cacheableLimit) this.cache.set(key, response);
    return response;
  }

  private run(request: SearchRequest, started: number): SearchResponse {
    this.retriever.startQuery();
    const plan = this.planner.plan(request.q);
    const queryFilters = plan.explanation.filters;
    const filters: PassageFilters = {
      years: union(request.filters.years, queryFilters.years),
      themes: union(request.filters.themes, queryFilters.themes),
      reports: union(request.filters.reports, queryFilters.reports),
      kinds: union(request.filters.kinds, queryFilters.kinds),
    };
    // With no words to search for, filters alone list passages (browsing a year or a theme), narrowed by
    // any exclusions; exclusions alone list nothing.
    const browse = plan.requirements.length === 0 && !plan.onlyCommonWords && hasFilters(filters);
    if (plan.requirements.length === 0 && !browse && plan.excluded.length > 0) {
      plan.explanation.notices.push('Excluded words alone match nothing: add a word to search for, or a filter such as year:2024.');
    }
    // Only the passages that pass the filters are scored; the others are kept, unscored, for the facets.
    const keep = hasFilters(filters) ? (passage: Passage) => matchesFilters(passage, filters, this.kindOf) : undefined;
    const { ranked, outside, partial, hitsOf } = this.rank(plan, browse, request.figures ?? true, keep);
    plan.explanation.partial = partial;
    if (partial) plan.explanation.notices.push('No passage has every word; showing the passages that have the most of them.');
    const fold = <T extends Ranked>(items: T[]) => foldCopies(items, this.nearCopies(), this.isOfficial);
    const { kept: matching, folded } = fold(ranked);
    const ordered = request.sort === 'relevance' ? diversify(matching) : sortByYear(matching, request.sort);
    const page = ordered.slice(request.offset, request.offset + request.limit);
    const results: SearchResult[] = page.map((item) => ({
      ...this.view(item.passage),
      snippetHtml: request.snippets === false ? '' : snippet(item.passage.text, markedSpans(item.passage.text, marksOf(hitsOf(item.passage.id)), this.languageOfPassage(item.passage))),
      score: round(item.score, 3),
      duplicates: folded.get(item.passage.id) ?? [],
    }));
    return {
      query: request.q,
      total: matching.length,
      tookMs: round(performance.now() - started, 2),
      facets:
        request.facets === false
          ? facetCounts([], filters, { years: this.years, kinds: this.kinds, kindOf: this.kindOf }, (items) => items)
          : hasFilters(filters)
            ? facetCounts(outside.length === 0 ? ranked : ranked.concat(outside), filters, { years: [...this.years].sort((a, b) => a - b), kinds: this.kinds, kindOf: this.kindOf }, (items) => this.collapseForCounting(items))
            : unfilteredFacetCounts(ranked, this.facetSlots(), (items) => foldCopies(items, this.nearCopies(), this.isOfficial).kept),
      results,
      parsed: plan.explanation,
      didYouMean: matching.length === 0 && plan.requirements.length > 0 ? this.suggest(request.q) : null,
    };
  }

  // The items a facet counts once near-copies are folded. Only passages with near-copies can be folded,
  // so only they go through foldCopies; the order of the rest does not matter to a count.
  private collapseForCounting<T extends Ranked>(items: T[]): T[] {
    const copies = this.nearCopies();
    const plain: T[] = [];
    const copied: T[] = [];
    for (const item of items) (copies.has(item.passage.id) ? copied : plain).push(item);
    return copied.length === 0 ? plain : plain.concat(foldCopies(copied, copies, this.isOfficial).kept);
  }

  /** The marks to highlight a query's words in any text (for the passage and reader pages). */
  marksFor(q: string): MarkSpec {
    const plan = this.planner.plan(q);
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

  // Scores every passage that matches any requirement (and every required one). A passage's BM25 sum is
  // multiplied by the share of the query's weight it covers, so passages with every word rank first, then
  // those missing the least important words; then the proximity bonus is added.
  // Passages that `keep` refuses (those the filters leave out) are not scored: they come back apart, in
  // `outside`, for the facets to count.
  // Its matches of each requirement are looked up again, by `hitsOf`, for the few passages whose words'
  // closeness is read and for the page's snippets: no list of them is kept for every match.
  private rank(plan: Plan, browse: boolean, figures = true, keep?: (passage: Passage) => boolean): { ranked: Ranked[]; outside: Ranked[]; partial: boolean; hitsOf: (id: string) => Array<Hit | undefined> } {
    const excluded = new Set(plan.excluded.flatMap((alternative) => [...this.retriever.alternativeHits(alternative).keys()]));
    const outside: Ranked[] = [];
    if (plan.requirements.length === 0) {
      const listed = browse ? this.passages.filter((passage) => !excluded.has(passage.id)) : [];
      const ranked: Ranked[] = [];
      for (const passage of listed) (keep === undefined || keep(passage) ? ranked : outside).push({ passage, score: 0 });
      return { ranked, outside, partial: false, hitsOf: () => [] };
    }
    const perConcept = plan.requirements.map((concepts) => concepts.map((concept) => this.retriever.conceptHits(concept)));
    // A requirement of one concept (every plain word) is that concept's hits, not a copy of them.
    const perRequirement = perConcept.map((found) => (found.length === 1 ? found[0]!.hits : mergeHits(found.map(({ hits }) => hits))));
    const hitsOf = (id: string) => perRequirement.map((hits) => hits.get(id));
    const weights = perConcept.map((found, r) => this.requirementWeight(found, plan.generality[r]!));
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0) || 1;
    // Every passage of any requirement, once (one requirement's passages are its keys, already distinct).
    let candidates: Iterable<string>;
    if (perRequirement.length === 1 && excluded.size === 0) candidates = perRequirement[0]!.keys();
    else {
      const union = new Set<string>();
      for (const hits of perRequirement) for (const id of hits.keys()) if (!excluded.has(id)) union.add(id);
      candidates = union;
    }
    let partial = true;
    // A year among the words ranks that year's passages up, but does not make a passage a match by itself.
    const isYear = plan.requirements.map((concepts) => concepts.every((concept) => this.retriever.yearOfLabel(concept.label) !== null));
    const onlyYears = isYear.every(Boolean);
    // A year typed among the words says which report the user wants: its passages count several times more.
    const typedYears = new Set(plan.requirements.flatMap((concepts) => concepts.map((concept) => this.retriever.yearOfLabel(concept.label)).filter((year): year is number => year !== null)));
    // One object per matching passage, made once: its score is first the coordinated BM25 sum (which
    // picks the passages whose words' closeness is read), then set in place to the final score.
    const ranked: Array<Ranked & { coordinated: number; textual: number; near: boolean }> = [];
    const requirements = perRequirement.length;
    for (const id of candidates) {
      let covered = 0;
      let sum = 0;
      // The BM25 sum with a match in a heading only counting less.
      let textual = 0;
      let missingRequired = false;
      let onlyYearWords = true;
      let every = true;
      for (let r = 0; r < requirements; r++) {
        const hit = perRequirement[r]!.get(id);
        if (hit === undefined) {
          every = false;
          if (plan.required[r]) missingRequired = true;
          continue;
        }
        if (!isYear[r]) onlyYearWords = false;
        covered += weights[r]! * hit.quality;
        sum += hit.score;
        textual += hit.score * (hit.inText ? 1 : RANKING.headingOnlyWeight);
      }
      if (missingRequired || (!onlyYears && onlyYearWords)) continue;
      if (every) partial = false;
      const passage = this.byId.get(id)!;
      if (keep !== undefined && !keep(passage)) {
        outside.push({ passage, score: 0 });
        continue;
      }
      const coordinated = (covered / totalWeight) ** RANKING.coordination;
      ranked.push({ passage, score: sum * coordinated, coordinated, textual, near: false });
    }
    if (ranked.length === 0 && outside.length === 0) partial = false;
    // Only the best `proximityDepth` by that sum get the closeness of the query's words, which needs the
    // passage's words (a very common word matches most of a large corpus): they are picked out without
    // sorting every match.
    for (const item of best(ranked, RANKING.proximityDepth, byScore)) item.near = true;
    for (const item of ranked) {
      const { passage, textual, coordinated } = item;
      const brevity = Math.sqrt(Math.min(1, passage.words / RANKING.shortPassage));
      let close = 0;
      let figure = 0;
      if (item.near) {
        const hits = hitsOf(passage.id);
        if (requirements > 1) close = closeness(this.retriever.tokensOf(passage.id), hits);
        if (figures && countsAMatch(this.retriever.tokensOf(passage.id), hits)) figure = RANKING.figureBonus;
      }
      const inYear = typedYears.has(passage.year) ? RANKING.typedYearBoost : 1;
      item.score = textual * brevity * (1 + RANKING.proximityBonus * close) * (1 + figure) * inYear * coordinated;
    }
    ranked.sort(byScore);
    return { ranked: this.fuseDense(ranked, plan), outside, partial, hitsOf };
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
    fused.sort(byScore);
    const floor = fused[fused.length - 1]?.score ?? 0;
    // The rest keep their lexical order, scaled below the fused head (their items are this search's own,
    // made by `rank`, so their scores are set in place rather than copied for every match).
    const out = fused.concat(ranked.slice(RANKING.proximityDepth));
    for (let i = fused.length; i < out.length; i++) out[i]!.score = Math.min(out[i]!.score, floor * 0.999);
    return out;
  }

  // How much a requirement weighs in a passage's coverage: the rarity in the corpus (BM25's IDF) of the
  // words typed, times their rarity in general English.
  private requirementWeight(concepts: Array<{ hits: Map<string, Hit>; typed: number }>, generality: number): number {
    const found = Math.max(...concepts.map(({ typed }) => typed)) || Math.max(...concepts.map(({ hits }) => hits.size));
    const n = this.passages.length;
    const idf = Math.log(1 + (n - found + 0.5) / (found + 0.5));
    return Math.max(0.05, idf) * generality;
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

// The `count` first items of a list in an order, as a set, without sorting the list: a bounded heap
// whose root is the last of those kept so far.
export function best<T>(items: T[], count: number, order: (a: T, b: T) => number): Set<T> {
  if (items.length <= count) return new Set(items);
  if (count <= 0) return new Set();
  const heap: T[] = [];
  // a comes after b in the order: a is the worse.
  const worse = (a: T, b: T) => order(a, b) > 0;
  const down = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at]!, heap[parent]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (worse(heap[0]!, item)) {
      heap[0] = item;
      down(0);
    }
  }
  return new Set(heap);
}

// Best score first; ties of score are broken by passage id, in code-unit order (cheaper than a locale's,
// and the same for the ids' letters, digits and hyphens).
function byScore(a: Ranked, b: Ranked): number {
  return b.score - a.score || (a.passage.id < b.passage.id ? -1 : a.passage.id > b.passage.id ? 1 : 0);
}

/** About how many characters a cached response holds: its results' texts and snippets, and a little more. */
function responseSize(response: SearchResponse): number {
  return response.results.reduce((sum, result) => sum + result.text.length + result.snippetHtml.length + 200, 1000);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

