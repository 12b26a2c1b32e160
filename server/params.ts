// Reading request parameters: every value a user can send either becomes a typed value or a BadRequest
// that names the parameter and what is allowed.
import type { PassageFilters, SearchRequest, SortOrder } from '../indexer/types.ts';
import { BadRequest, quote } from './errors.ts';

/** What a query string may hold for one name (Express gives a string, an array or nested objects). */
export type RawParam = unknown;

/** The limits of the API, from shared/API.md. */
export const LIMITS = {
  maxQueryLength: 500,
  search: { defaultLimit: 10, maxLimit: 100, maxOffset: 10_000 },
  passages: { defaultLimit: 100, maxLimit: 1000, maxOffset: 10_000_000 },
};

const SORTS: SortOrder[] = ['relevance', 'year-asc', 'year-desc'];

/** The values a filter may take, for validation and for messages. */
export interface Vocabularies {
  years: number[];
  themes: string[];
  reports: string[];
  kinds: string[];
}

function values(name: string, raw: RawParam): string[] {
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.some((value) => typeof value !== 'string')) throw new BadRequest(`${name} must be plain text, not a structure`);
  return list as string[];
}

function single(name: string, raw: RawParam): string | undefined {
  const list = values(name, raw);
  if (list.length > 1) throw new BadRequest(`${name} must be given once`);
  return list[0];
}

/** The query text: required, non-blank, at most 500 characters. */
export function readQuery(raw: RawParam, name = 'q'): string {
  const q = single(name, raw);
  if (q === undefined || q.trim() === '') throw new BadRequest(`${name} is required: the text to search for`);
  if (q.length > LIMITS.maxQueryLength) {
    throw new BadRequest(`${name} must be at most ${LIMITS.maxQueryLength} characters (got ${q.length})`);
  }
  return q;
}

/** A whole number within bounds, or the default when absent. */
export function readInteger(name: string, raw: RawParam, min: number, max: number, fallback: number): number {
  const text = single(name, raw);
  if (text === undefined || text === '') return fallback;
  if (!/^\d{1,9}$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
    throw new BadRequest(`${name} must be a whole number from ${min} to ${max} (got ${quote(text)})`);
  }
  return Number(text);
}

/** The sort order, `relevance` by default. */
export function readSort(raw: RawParam): SortOrder {
  const text = single('sort', raw);
  if (text === undefined || text === '') return 'relevance';
  if (!(SORTS as string[]).includes(text)) throw new BadRequest(`sort must be one of ${SORTS.join(', ')} (got ${quote(text)})`);
  return text as SortOrder;
}

function readList(name: string, raw: RawParam, allowed: string[]): string[] {
  const list = values(name, raw).filter((value) => value !== '');
  for (const value of list) {
    if (!allowed.includes(value)) throw new BadRequest(`${name} must be one of ${allowed.join(', ')} (got ${quote(value)})`);
  }
  return [...new Set(list)];
}

/** The repeatable filters year, theme, report and kind, each checked against what the corpus has. */
export function readFilters(query: Record<string, RawParam>, known: Vocabularies): PassageFilters {
  return {
    years: readList('year', query.year, known.years.map(String)).map(Number),
    themes: readList('theme', query.theme, known.themes),
    reports: readList('report', query.report, known.reports),
    kinds: readList('kind', query.kind, known.kinds),
  };
}

/** A whole search request from the query string of /api/search or /search. */
export function readSearchRequest(query: Record<string, RawParam>, known: Vocabularies): SearchRequest {
  return {
    q: readQuery(query.q),
    filters: readFilters(query, known),
    limit: readInteger('limit', query.limit, 1, LIMITS.search.maxLimit, LIMITS.search.defaultLimit),
    offset: readInteger('offset', query.offset, 0, LIMITS.search.maxOffset, 0),
    sort: readSort(query.sort),
  };
}
