// The web pages' view models: each function reads its parameters, asks the search core, and returns one
// plain object that a template renders. Nothing here writes HTML except through the escaping highlighter
// and the chart.
import { THEMES } from '../indexer/themes.ts';
import type { Answer, Passage, PassageFilters, Report, ReportKind, SearchRequest, SearchResult, ThemeSlug, Translation } from '../indexer/types.ts';
import { ANSWERING, type Answerer } from './answer/answerer.ts';
import { analyzeQuestion } from './answer/question.ts';
import { findPassage, findReport, vocabularies, type QueryParams } from './api.ts';
import { figureChart, trendChart, type TrendBar } from './chart.ts';
import { citations, plainCitation } from './citation.ts';
import { highlight, markedSpans, type MarkSpec } from './search/highlight.ts';
import { hasFilters } from './search/page.ts';
import { parseQuery, type QueryClause } from './search/query-parser.ts';
import { LIMITS, readFilters, readInteger, readQuery, readSort, type RawParam } from './params.ts';
import { noFilters, type SearchCore } from './search/search-core.ts';
import { termsOf, tokenize } from '../language/analyzer.ts';
import { BadRequest, quote } from './errors.ts';

const THEME_LABELS = new Map(THEMES.map((theme) => [theme.slug, theme.label]));
const PAGE_SIZE = 10;
const PER_YEAR = 3;
const EXPORT_LIMIT = 10_000;

/** Example searches and questions on the home page. */
export const EXAMPLES = {
  searches: ['sextortion', 'hashish seizures', 'traffic accidents', 'Twitter followers', '"money laundering"', 'drones year:2024'],
  questions: ['How many emergency calls were handled in 2023?', 'What was the crime clearance rate in 2024?', 'How much cocaine was seized in 2024?'],
};

/** The state of a search page: everything that goes into its URL. */
export interface SearchState {
  q: string;
  filters: PassageFilters;
  sort: SearchRequest['sort'];
  view: 'years' | 'list' | 'auto';
  offset: number;
  limit: number;
}

/** The URL of a search page for a state (defaults left out, so links stay short). */
export function searchUrl(state: SearchState, base = '/search'): string {
  const params = new URLSearchParams({ q: state.q });
  for (const year of state.filters.years) params.append('year', String(year));
  for (const theme of state.filters.themes) params.append('theme', theme);
  for (const report of state.filters.reports) params.append('report', report);
  for (const kind of state.filters.kinds) params.append('kind', kind);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.view !== 'auto') params.set('view', state.view);
  if (state.offset > 0) params.set('offset', String(state.offset));
  if (state.limit !== PAGE_SIZE) params.set('limit', String(state.limit));
  return `${base}?${params.toString()}`;
}

/** Reads a search page's parameters; a bad one is a BadRequest explained on the 400 page. */
export function readSearchState(query: QueryParams, core: SearchCore): SearchState {
  const view = (query.view ?? 'auto') as RawParam;
  if (!['auto', 'years', 'list'].includes(String(view))) throw new BadRequest(`view must be one of years, list (got ${quote(String(view))})`);
  return {
    q: readQuery(query.q),
    filters: readFilters(query, vocabularies(core)),
    sort: readSort(query.sort),
    view: view as SearchState['view'],
    offset: readInteger('offset', query.offset, 0, LIMITS.search.maxOffset, 0),
    limit: readInteger('limit', query.limit, 1, LIMITS.search.maxLimit, PAGE_SIZE),
  };
}

function themeBadges(slugs: ThemeSlug[]) {
  return slugs.map((slug, i) => ({ slug, label: THEME_LABELS.get(slug) ?? slug, primary: i === 0, url: `/search?q=${encodeURIComponent(`theme:${slug}`)}` }));
}

function hitModel(core: SearchCore, hit: SearchResult, q: string, origin: string) {
  const withQuery = `?q=${encodeURIComponent(q)}`;
  const passage = core.passage(hit.id)!;
  return {
    ...hit,
    themes: themeBadges(hit.themes),
    readUrl: `/reports/${hit.report.id}${withQuery}#${hit.id}`,
    permalink: `/passages/${hit.id}${withQuery}`,
    citeUrl: `/passages/${hit.id}${withQuery}#cite`,
    // Copied in place by the page's script ("Copy citation"); the Cite link shows every format.
    citation: plainCitation({ passage, report: core.report(passage.reportId)!, permalink: `${origin}/passages/${hit.id}` }),
    duplicateCount: hit.duplicates.length,
    source: sourceOf(hit.report),
  };
}

/** How each kind of report is labelled beside its passages: press coverage must not pass for the report. */
const SOURCE_KINDS: Record<ReportKind, { label: string; plural: string; official: boolean }> = {
  'annual-report': { label: 'Official report', plural: 'Official reports', official: true },
  'press-article': { label: 'Press article', plural: 'Press articles', official: false },
};

/** The labels of a report's source: its kind, and whether it is a translation. */
function sourceOf(report: { kind: ReportKind; translation: Translation | null }) {
  return { ...SOURCE_KINDS[report.kind], translation: report.translation === null ? null : TRANSLATIONS[report.translation] };
}

const TRANSLATIONS: Record<Translation, string> = { machine: 'Machine translation', human: 'Translation' };

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** The search results page. */
export function searchPage(core: SearchCore, state: SearchState, origin: string, answerer?: Answerer) {
  const request: SearchRequest = { q: state.q, filters: state.filters, sort: state.sort, limit: state.limit, offset: state.offset };
  const response = core.search(request);
  const years = vocabularies(core).years;
  const hitYears = Object.keys(response.facets.year).filter((year) => (response.facets.year[year] ?? 0) > 0);
  const view = state.view === 'auto' ? (hitYears.length > 1 && state.sort === 'relevance' ? 'years' : 'list') : state.view;
  const at = (change: Partial<SearchState>) => searchUrl({ ...state, offset: 0, ...change });
  // The years chosen, on the page or in the query (year:2024): only those get a section.
  const chosenYears = [...state.filters.years, ...response.parsed.filters.years];
  const yearSections =
    view === 'years' && response.total > 0
      ? [...years]
          .reverse()
          .filter((year) => (response.facets.year[year] ?? 0) > 0 && (chosenYears.length === 0 || chosenYears.includes(year)))
          .map((year) => ({
            year,
            count: response.facets.year[year]!,
            hits: core.search({ ...request, offset: 0, limit: PER_YEAR, filters: { ...state.filters, years: [year] }, facets: false }).results.map((hit) => hitModel(core, hit, state.q, origin)),
            moreUrl: at({ filters: { ...state.filters, years: [year] }, view: 'list' }),
          }))
      : [];
  const pages = Math.ceil(response.total / state.limit);
  const current = Math.floor(state.offset / state.limit);
  const chips = [
    ...state.filters.years.map((year) => ({ label: `Year ${year}`, removeUrl: at({ filters: { ...state.filters, years: toggle(state.filters.years, year) } }) })),
    ...state.filters.themes.map((slug) => ({ label: `Theme: ${THEME_LABELS.get(slug as ThemeSlug) ?? slug}`, removeUrl: at({ filters: { ...state.filters, themes: toggle(state.filters.themes, slug) } }) })),
    ...state.filters.reports.map((id) => ({ label: `Report: ${core.report(id)?.title ?? id}`, removeUrl: at({ filters: { ...state.filters, reports: toggle(state.filters.reports, id) } }) })),
    ...state.filters.kinds.map((kind) => ({ label: `Source: ${SOURCE_KINDS[kind as ReportKind]?.plural ?? kind}`, removeUrl: at({ filters: { ...state.filters, kinds: toggle(state.filters.kinds, kind) } }) })),
  ];
  return {
    title: `${state.q} — search`,
    q: state.q,
    askUrl: analyzeQuestion(state.q).isQuestion ? `/ask?q=${encodeURIComponent(state.q)}` : null,
    state,
    response,
    total: response.total,
    tookMs: response.tookMs,
    parsed: response.parsed,
    didYouMean: response.didYouMean === null ? null : { q: response.didYouMean, url: at({ q: response.didYouMean }) },
    chips,
    facets: {
      years: years.map((year) => ({
        value: year,
        count: response.facets.year[year] ?? 0,
        active: state.filters.years.includes(year),
        url: at({ filters: { ...state.filters, years: toggle(state.filters.years, year) } }),
      })),
      themes: THEMES.filter((theme) => (response.facets.theme[theme.slug] ?? 0) > 0 || state.filters.themes.includes(theme.slug)).map((theme) => ({
        value: theme.slug,
        label: theme.label,
        count: response.facets.theme[theme.slug] ?? 0,
        active: state.filters.themes.includes(theme.slug),
        url: at({ filters: { ...state.filters, themes: toggle(state.filters.themes, theme.slug) } }),
      })),
      // The kind of source, shown when the corpus has more than one.
      kinds:
        core.kinds.length < 2
          ? []
          : core.kinds.map((kind) => ({
              value: kind,
              label: SOURCE_KINDS[kind as ReportKind]?.plural ?? kind,
              count: response.facets.kind[kind] ?? 0,
              active: state.filters.kinds.includes(kind),
              url: at({ filters: { ...state.filters, kinds: toggle(state.filters.kinds, kind) } }),
            })),
    },
    suggestions: response.total === 0 ? noResultSuggestions(core, state) : null,
    figures: answerer === undefined ? null : figuresByYear(core, answerer, state),
    chart: trendChart(
      trendBars(core, response.facets.yearKind, state.filters.kinds, (year) => at({ filters: { ...state.filters, years: [year] } })),
      `Share of each year's passages that match “${state.q}”`,
      [...core.years],
    ),
    view,
    viewLinks: { years: at({ view: 'years' }), list: at({ view: 'list' }) },
    sortLinks: (['relevance', 'year-desc', 'year-asc'] as const).map((sort) => ({ sort, label: { relevance: 'Relevance', 'year-desc': 'Newest first', 'year-asc': 'Oldest first' }[sort], active: state.sort === sort, url: at({ sort, view: sort === 'relevance' ? state.view : 'list' }) })),
    yearSections,
    hits: view === 'list' ? response.results.map((hit) => hitModel(core, hit, state.q, origin)) : [],
    // The ranked list numbers its hits from the first one shown (a screen reader reads the numbers).
    listStart: state.offset + 1,
    pagination:
      view === 'list' && pages > 1
        ? {
            previous: current > 0 ? searchUrl({ ...state, offset: (current - 1) * state.limit }) : null,
            next: current < pages - 1 ? searchUrl({ ...state, offset: (current + 1) * state.limit }) : null,
            pages: pageLinks(pages, current, (n) => searchUrl({ ...state, offset: n * state.limit })),
          }
        : null,
    exports: {
      csv: searchUrl({ ...state, offset: 0, limit: PAGE_SIZE, view: 'auto' }, '/search.csv'),
      json: searchUrl({ ...state, offset: 0, limit: PAGE_SIZE, view: 'auto' }, '/search.json'),
      md: searchUrl({ ...state, offset: 0, limit: PAGE_SIZE, view: 'auto' }, '/search.md'),
    },
  };
}

// How many passages each year has of each kind of source, per loaded corpus.
const passageCounts = new WeakMap<SearchCore, Map<string, number>>();

function passagesOf(core: SearchCore, year: number, kind: string): number {
  let counts = passageCounts.get(core);
  if (counts === undefined) {
    counts = new Map();
    for (const passage of core.passages) {
      const key = `${passage.year} ${core.kindOf(passage)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    passageCounts.set(core, counts);
  }
  return counts.get(`${year} ${kind}`) ?? 0;
}

// The trend chart's bars: each year and kind of source the corpus has (the kinds filtered to, if any),
// with its matching passages out of all its passages.
function trendBars(core: SearchCore, yearKind: Record<string, Record<string, number>>, kinds: string[], urlOf: (year: number) => string): TrendBar[] {
  const years = [...core.years].sort((a, b) => a - b);
  return years.flatMap((year) =>
    core.kinds
      .filter((kind) => (kinds.length === 0 || kinds.includes(kind)) && passagesOf(core, year, kind) > 0)
      .map((kind) => ({ year, kind, matched: yearKind[year]?.[kind] ?? 0, passages: passagesOf(core, year, kind), url: urlOf(year) })),
  );
}

/**
 * The numbered page links: the first, the last and three either side of the current one, with a gap
 * (an ellipsis) wherever numbers are skipped. `current` counts from 0; the numbers shown from 1.
 */
export function pageLinks(pages: number, current: number, urlOf: (n: number) => string): Array<{ n: number; current: boolean; url: string } | { gap: true }> {
  const links: Array<{ n: number; current: boolean; url: string } | { gap: true }> = [];
  let last = -1;
  for (let n = 0; n < pages; n++) {
    if (Math.abs(n - current) > 3 && n !== 0 && n !== pages - 1) continue;
    if (n > last + 1) links.push({ gap: true });
    links.push({ n: n + 1, current: n === current, url: urlOf(n) });
    last = n;
  }
  return links;
}

// What a search that found nothing offers instead: the same search without its filters, each of its
// words alone (those that find something, with how many), and else example searches.
function noResultSuggestions(core: SearchCore, state: SearchState) {
  const count = (q: string, filters: PassageFilters) => core.search({ q, filters, limit: 1, offset: 0, sort: 'relevance', snippets: false, facets: false }).total;
  // The query as the search reads it: its words and phrases, exclusions and filters.
  const parsed = parseQuery(state.q);
  const written = (clause: QueryClause) => (clause.phrase ? `"${clause.text}"` : clause.text);
  const words = [...new Set(parsed.groups.flat().flatMap((clause) => clause.text.split(/\s+/)))].filter((word) => word !== '');
  // Filters set on the page or written in the query (year:2025) are both dropped.
  const filtered = hasFilters(state.filters) || hasFilters(parsed.filters);
  const bare = [...parsed.groups.map((group) => group.map(written).join(' OR ')), ...parsed.excluded.map((clause) => `-${written(clause)}`)].join(' ');
  const unfiltered = filtered && bare !== '' ? count(bare, noFilters()) : 0;
  const alone = words.length < 2 ? [] : words.slice(0, 6).map((word) => ({ q: word, total: count(word, state.filters), url: searchUrl({ ...state, q: word, offset: 0 }) })).filter((word) => word.total > 0);
  return {
    withoutFilters: unfiltered > 0 ? { total: unfiltered, url: searchUrl({ ...state, q: bare, filters: noFilters(), offset: 0 }) } : null,
    words: alone,
    examples: unfiltered === 0 && alone.length === 0 ? EXAMPLES.searches.map((q) => ({ q, url: `/search?q=${encodeURIComponent(q)}` })) : [],
  };
}

// A search for a measurable thing in plain words ("sextortion cases", "hashish seizures") also shows the
// figure each year's report gives for it, from the answers: a chart on a true year axis and a table
// with each figure's sentence and source. Queries with operators, questions and year filters get none.
function figuresByYear(core: SearchCore, answerer: Answerer, state: SearchState) {
  const words = state.q.trim().split(/\s+/);
  if (state.filters.years.length > 0 || words.length > 5 || /["():]|\b(OR|AND|NOT)\b|^-|\s-/.test(state.q) || analyzeQuestion(state.q).isQuestion) return null;
  const rows = answerer.figuresByYear(state.q);
  if (rows === null) return null;
  const present = rows.map((row) => {
    if (row.answer === null) return { year: row.year, answer: null, reason: row.reason };
    const passage = core.passage(row.answer.passage.id)!;
    const report = core.report(passage.reportId)!;
    return {
      year: row.year,
      reason: null,
      answer: { text: row.answer.text, sentenceHtml: row.answer.sentenceHtml, url: `/passages/${passage.id}`, source: `${report.title} (${report.year}), paragraph ${passage.ordinal}`, restated: row.restated ? report.year : null },
    };
  });
  return {
    rows: present,
    chart: figureChart(
      rows.map((row) => ({ year: row.year, label: row.answer?.text ?? null, value: row.answer?.value ?? null, unit: row.answer?.unit ?? null })),
      `Figures by year for “${state.q}”, as each year's report states them`,
    ),
  };
}

/** The home page. */
export function homePage(core: SearchCore) {
  return {
    title: 'DGSN reports search',
    reports: [...core.reports].sort((a, b) => a.year - b.year || a.kind.localeCompare(b.kind)).map((report) => ({ ...report, url: `/reports/${report.id}` })),
    themes: THEMES.map((theme) => ({ ...theme, passages: core.passages.filter((p) => p.themes.includes(theme.slug)).length, url: `/search?q=${encodeURIComponent(`theme:${theme.slug}`)}` })),
    examples: {
      searches: EXAMPLES.searches.map((q) => ({ q, url: `/search?q=${encodeURIComponent(q)}` })),
      questions: EXAMPLES.questions.map((q) => ({ q, url: `/ask?q=${encodeURIComponent(q)}` })),
    },
  };
}

function optionalQuery(raw: RawParam): string {
  return typeof raw === 'string' && raw.trim() !== '' ? raw.slice(0, LIMITS.maxQueryLength) : '';
}

// The marks of a query are worked out once per page, not once per passage shown.
function passageHtml(core: SearchCore, passage: Passage, marks: MarkSpec | null): string {
  return marks === null ? highlight(passage.text, []) : highlight(passage.text, markedSpans(passage.text, marks, core.languageOfPassage(passage)));
}

const marksOf = (core: SearchCore, q: string): MarkSpec | null => (q === '' ? null : core.marksFor(q));

// The words that set a passage apart: its words found in other passages too, the rarer in the corpus
// and the more often in the passage the better (tf-idf), at most `count` of them, with their terms.
function keyWords(core: SearchCore, passage: Passage, count: number): Array<{ surface: string; term: string }> {
  const language = core.languageOfPassage(passage);
  const weight = new Map<string, { surface: string; term: string; score: number }>();
  for (const token of tokenize(passage.text)) {
    const term = termsOf(token.surface, language)[0];
    if (term === undefined || /\d/.test(term) || token.surface.length < 4) continue;
    const frequency = core.documentFrequency(term);
    if (frequency < 2) continue;
    const known = weight.get(term);
    weight.set(term, { surface: known?.surface ?? token.surface, term, score: (known?.score ?? 0) + Math.log(core.passages.length / frequency) });
  }
  return [...weight.values()].sort((a, b) => b.score - a.score).slice(0, count);
}

/**
 * The passages of other years on the same topic: a search for the passage's key words, the best match
 * of each other year (official reports first), newest year first. A match must share at least
 * RELATED.shared of the key words, so a year that barely touches the topic is left out.
 */
function sameTopicElsewhere(core: SearchCore, passage: Passage) {
  const words = keyWords(core, passage, RELATED.keyWords);
  if (words.length < RELATED.shared) return [];
  const shares = (hit: SearchResult) => {
    const terms = new Set(core.termsOfPassage(hit.id).flat());
    return words.filter((word) => terms.has(word.term)).length >= RELATED.shared;
  };
  const results = core.search({ q: words.map((word) => word.surface).join(' '), filters: noFilters(), limit: RELATED.pool, offset: 0, sort: 'relevance', facets: false }).results;
  const byYear = new Map<number, SearchResult>();
  for (const hit of results) {
    if (hit.year === passage.year || !shares(hit)) continue;
    const known = byYear.get(hit.year);
    if (known === undefined || (known.report.kind !== 'annual-report' && hit.report.kind === 'annual-report')) byYear.set(hit.year, hit);
  }
  return [...byYear.values()]
    .sort((a, b) => b.year - a.year)
    .slice(0, RELATED.years)
    .map((hit) => ({ year: hit.year, url: `/passages/${hit.id}`, title: hit.report.title, ordinal: hit.ordinal, section: hit.section, snippetHtml: hit.snippetHtml, source: SOURCE_KINDS[hit.report.kind] }));
}

/** How "same topic in other years" is found: key words, results looked at, key words a match must share, years shown. */
const RELATED = { keyWords: 8, pool: 40, shared: 3, years: 5 };

/** The passage page: the passage in full, its neighbours and its citations. */
export function passagePage(core: SearchCore, id: string, query: QueryParams, origin: string) {
  const passage = findPassage(core, id);
  const report = findReport(core, passage.reportId);
  const q = optionalQuery(query.q);
  const marks = marksOf(core, q);
  const siblings = core.passages.filter((p) => p.reportId === passage.reportId);
  const at = siblings.indexOf(passage);
  const neighbour = (other: Passage | undefined) =>
    other === undefined ? null : { id: other.id, ordinal: other.ordinal, url: `/passages/${other.id}${q === '' ? '' : `?q=${encodeURIComponent(q)}`}`, html: passageHtml(core, other, marks) };
  const permalink = `${origin}/passages/${passage.id}`;
  return {
    title: `${report.title}, paragraph ${passage.ordinal}`,
    q,
    passage: { ...core.view(passage), themes: themeBadges(passage.themes), html: passageHtml(core, passage, marks) },
    evidence: passage.themeEvidence.slice(0, 6),
    report,
    source: sourceOf(report),
    permalink,
    readUrl: `/reports/${report.id}${q === '' ? '' : `?q=${encodeURIComponent(q)}`}#${passage.id}`,
    previous: neighbour(siblings[at - 1]),
    next: neighbour(siblings[at + 1]),
    citations: citations({ passage, report, permalink }),
    elsewhere: sameTopicElsewhere(core, passage),
    jsonUrl: `/api/passages/${passage.id}`,
  };
}

/** The reader: the whole cleaned report, headings as headings, every passage anchored and numbered. */
export function reportPage(core: SearchCore, id: string, query: QueryParams) {
  const report: Report = findReport(core, id);
  const q = optionalQuery(query.q);
  const marks = marksOf(core, q);
  const passages = core.passages.filter((p) => p.reportId === report.id);
  const headings = core.bundle.headings[report.id] ?? [];
  const blocks: Array<{ heading?: { label: string; level: number; anchor: string }; passage?: unknown }> = [];
  // A table of contents: every section heading, anchored, so a long report can be entered anywhere.
  const toc: Array<{ label: string; level: number; anchor: string }> = [];
  let h = 0;
  for (const passage of passages) {
    while (h < headings.length && headings[h]!.start < passage.start) {
      const heading = { label: headings[h]!.label, level: Math.min(headings[h]!.level + 1, 4), anchor: `${report.id}-s${h + 1}` };
      blocks.push({ heading });
      toc.push(heading);
      h++;
    }
    blocks.push({ passage: { id: passage.id, ordinal: passage.ordinal, url: `/passages/${passage.id}`, html: passageHtml(core, passage, marks), themes: themeBadges(passage.themes.slice(0, 1)) } });
  }
  return { title: report.title, q, report, source: sourceOf(report), blocks, toc, jsonUrl: `/api/passages?report=${report.id}&limit=1000` };
}

/** The answer page: the answer in large type, its sentence and citation, or why there is none. */
export function askPage(core: SearchCore, answerer: Answerer, query: QueryParams, origin: string) {
  const q = readQuery(query.q);
  const response = answerer.answer(q);
  const present = (answer: Answer) => {
    const passage = core.passage(answer.passage.id)!;
    const report = core.report(passage.reportId)!;
    return {
      ...answer,
      likely: answer.confidence >= ANSWERING.likely,
      confidencePercent: Math.round(answer.confidence * 100),
      hit: hitModel(core, answer.passage, q, origin),
      citation: citations({ passage, report, permalink: `${origin}/passages/${passage.id}` }).plain,
      source: `${report.title} (${report.year}), paragraph ${passage.ordinal}`,
    };
  };
  return {
    title: `${q} — answer`,
    q,
    asking: true,
    answer: response.answer === null ? null : present(response.answer),
    reason: response.reason,
    readAs: response.analysis.readAs,
    byYear: response.byYear.map((row) => ({ year: row.year, reason: row.reason, restated: row.restated, answer: row.answer === null ? null : present(row.answer) })),
    passages: response.passages.map((hit) => hitModel(core, hit, q, origin)),
    searchUrl: `/search?q=${encodeURIComponent([...response.analysis.head, ...response.analysis.qualifiers].join(' ') || q)}`,
    jsonUrl: `/api/answer?q=${encodeURIComponent(q)}`,
  };
}

/** The rows of an export: every matching passage (up to 10,000), best first. */
export function exportRows(core: SearchCore, state: SearchState, origin: string) {
  const response = core.search({ q: state.q, filters: state.filters, sort: state.sort, limit: EXPORT_LIMIT, offset: 0, snippets: false });
  return response.results.map((hit) => ({
    id: hit.id,
    year: hit.year,
    report: hit.report.title,
    reportId: hit.report.id,
    kind: hit.report.kind,
    section: hit.section ?? '',
    paragraph: hit.ordinal,
    page: hit.page ?? '',
    // Where the text is in the source file: characters start (included) to end (excluded).
    start: hit.start,
    end: hit.end,
    file: hit.file,
    themes: hit.themes.join('; '),
    text: hit.text,
    permalink: `${origin}/passages/${hit.id}`,
  }));
}
