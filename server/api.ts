// The JSON API of shared/API.md: each function reads its parameters, asks the search core, and returns
// one plain object. Routing and rendering are in app.ts.
import { THEMES } from '../indexer/themes.ts';
import { REPORT_KINDS, type AnswerResponse, type PassageView, type Report, type SearchResponse } from '../indexer/types.ts';
import { plainCitation } from './citation.ts';
import { NotFound, quote } from './errors.ts';
import { LIMITS, readFilters, readInteger, readQuery, readSearchRequest, type RawParam, type Vocabularies } from './params.ts';
import type { Answerer } from './answer/answerer.ts';
import type { SearchCore } from './search/search-core.ts';

/** A query string as Express parses it. */
export type QueryParams = Record<string, RawParam>;

/** Passage ids look like `dgsn-2024-p041`; anything else is refused before any lookup. */
export const PASSAGE_ID = /^[a-z0-9][a-z0-9-]{0,63}-p\d{3,6}$/;
export const REPORT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A passage with its neighbours and citation, as GET /api/passages/:id returns it. */
export interface PassageDetail extends PassageView {
  previousId: string | null;
  nextId: string | null;
  citation: string;
}

/** What the filters may take in this corpus. */
export function vocabularies(core: SearchCore): Vocabularies {
  return {
    years: [...new Set(core.reports.map((report) => report.year))].sort((a, b) => a - b),
    themes: THEMES.map((theme) => theme.slug),
    reports: core.reports.map((report) => report.id),
    kinds: REPORT_KINDS,
  };
}

/** GET /api: what the API offers, one line per endpoint, with the README's API section for the rest. */
export function endpoints(origin: string) {
  const at = (path: string) => `${origin}${path}`;
  return {
    documentation: 'README.md, section "JSON API", and shared/API.md',
    endpoints: [
      { path: '/api/health', url: at('/api/health'), returns: 'status, report and passage counts, build time' },
      { path: '/api/search?q=…', url: at('/api/search?q=sextortion'), returns: 'matching passages with snippets, facets and how the query was read' },
      { path: '/api/answer?q=…', url: at('/api/answer?q=How%20many%20emergency%20calls%20were%20handled%20in%202023%3F'), returns: 'the answer to a question with its sentence, or why there is none' },
      { path: '/api/passages', url: at('/api/passages'), returns: 'every passage, filtered like search, in report order' },
      { path: '/api/passages/:id', url: at('/api/passages/dgsn-2024-p001'), returns: 'one passage with its neighbours and a citation' },
      { path: '/api/reports', url: at('/api/reports'), returns: 'the reports with their passage and word counts' },
      { path: '/api/themes', url: at('/api/themes'), returns: 'the themes with their passage counts' },
    ],
  };
}

export function health(core: SearchCore) {
  return { status: 'ok', reports: core.reports.length, passages: core.passages.length, builtAt: core.bundle.builtAt };
}

export function search(core: SearchCore, query: QueryParams): SearchResponse {
  return core.search(readSearchRequest(query, vocabularies(core)));
}

export function answer(answerer: Answerer, query: QueryParams): AnswerResponse {
  return answerer.answer(readQuery(query.q));
}

/** The passage with this id, or a NotFound naming it. */
export function findPassage(core: SearchCore, id: string) {
  const passage = PASSAGE_ID.test(id) ? core.passage(id) : undefined;
  if (passage === undefined) throw new NotFound(`No passage has the id ${quote(id)}`);
  return passage;
}

/** The report with this id, or a NotFound naming it. */
export function findReport(core: SearchCore, id: string): Report {
  const report = REPORT_ID.test(id) ? core.report(id) : undefined;
  if (report === undefined) throw new NotFound(`No report has the id ${quote(id)}`);
  return report;
}

export function passageDetail(core: SearchCore, id: string, origin: string): PassageDetail {
  const passage = findPassage(core, id);
  const report = findReport(core, passage.reportId);
  const siblings = core.passages.filter((p) => p.reportId === passage.reportId);
  const at = siblings.indexOf(passage);
  return {
    ...core.view(passage),
    previousId: siblings[at - 1]?.id ?? null,
    nextId: siblings[at + 1]?.id ?? null,
    citation: plainCitation({ passage, report, permalink: `${origin}/passages/${passage.id}` }),
  };
}

export function passageList(core: SearchCore, query: QueryParams) {
  const filters = readFilters(query, vocabularies(core));
  const limit = readInteger('limit', query.limit, 1, LIMITS.passages.maxLimit, LIMITS.passages.defaultLimit);
  const offset = readInteger('offset', query.offset, 0, LIMITS.passages.maxOffset, 0);
  const passages = core.filter(filters);
  return { total: passages.length, passages: passages.slice(offset, offset + limit).map((passage) => core.view(passage)) };
}

export function reportList(core: SearchCore) {
  return { reports: core.reports.map(({ id, title, year, kind, passages, words, publisher, language, file, listed, note }) => ({ id, title, year, kind, passages, words, publisher, language, file, listed, note })) };
}

export function themeList(core: SearchCore) {
  return {
    themes: THEMES.map(({ slug, label, description }) => ({
      slug,
      label,
      description,
      passages: core.passages.filter((passage) => passage.themes.includes(slug)).length,
    })),
  };
}

/**
 * The same JSON with every `url` that is a path on this site ("/passages/…") made absolute with the
 * origin, for clients that store or forward the links (used when PUBLIC_URL is set).
 */
export function absoluteUrls(value: unknown, origin: string): unknown {
  if (Array.isArray(value)) return value.map((item) => absoluteUrls(item, origin));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, key === 'url' && typeof field === 'string' && field.startsWith('/') && !field.startsWith('//') ? origin + field : absoluteUrls(field, origin)]),
  );
}
