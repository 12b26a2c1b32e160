// The query language: plain words (all should match), "exact phrases", OR between two words or phrases,
// -excluded words, and filters year:2024, year:2020..2023, theme:cybercrime, report:dgsn-2023.
// Parsing never throws: anything malformed is read literally or ignored with a notice.
import type { PassageFilters } from '../../indexer/types.ts';

/** A word or a quoted phrase of the query. */
export interface QueryClause {
  /** The words as the user wrote them (without the quotes). */
  text: string;
  /** True for a quoted phrase: its words must appear together, in order, exactly. */
  phrase: boolean;
}

/** A query read into its parts. */
export interface ParsedQuery {
  /** All groups should match; a group matches when any of its clauses does (clauses joined by OR). */
  groups: QueryClause[][];
  /** Clauses after `-`: passages containing them are left out. */
  excluded: QueryClause[];
  /** Filters written in the query. */
  filters: PassageFilters;
  /** What was read literally or ignored, for the user. */
  notices: string[];
}

interface Token {
  text: string;
  phrase: boolean;
  negated: boolean;
}

const OPENING_QUOTES = '"“„«';
const CLOSING_QUOTES = '"”»“';
const FILTER = /^(year|theme|report|kind):(.*)$/i;
const FILTER_LIKE = /^([a-z]+):(?!\/\/)(\S+)$/i;
const YEAR_RANGE = /^(\d{4})(?:\.\.(\d{4}))?$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function tokenizeQuery(input: string, notices: string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  // A minus before an unbalanced quote still excludes the word that follows it.
  let carriedNegation = false;
  while (i < input.length) {
    if (/\s/.test(input[i]!)) {
      i++;
      continue;
    }
    let negated: boolean = carriedNegation;
    carriedNegation = false;
    if (input[i] === '-' && i + 1 < input.length && !/\s/.test(input[i + 1]!)) {
      negated = true;
      i++;
    }
    if (OPENING_QUOTES.includes(input[i]!)) {
      let close = i + 1;
      while (close < input.length && !CLOSING_QUOTES.includes(input[close]!)) close++;
      if (close < input.length) {
        const text = input.slice(i + 1, close).trim();
        if (text !== '') tokens.push({ text, phrase: true, negated });
        i = close + 1;
        continue;
      }
      notices.push('An opening quote has no closing quote; its words were read as plain words.');
      carriedNegation = negated;
      i++;
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/.test(input[end]!) && !OPENING_QUOTES.includes(input[end]!)) end++;
    const text = input.slice(i, end);
    tokens.push({ text, phrase: false, negated });
    i = end;
  }
  return tokens;
}

function parseYears(value: string): number[] | null {
  const years: number[] = [];
  for (const part of value.split(',')) {
    const match = YEAR_RANGE.exec(part);
    if (match === null) return null;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from < MIN_YEAR || to > MAX_YEAR || to < from) return null;
    for (let year = from; year <= to; year++) years.push(year);
  }
  return years;
}

// A filter token adds to the filters, or is ignored with a notice; anything that only looks like a
// filter (`site:x`, `2.0:`) is returned to be read as words.
function readFilter(token: Token, filters: PassageFilters, notices: string[]): boolean {
  const match = FILTER.exec(token.text);
  if (match === null) {
    if (FILTER_LIKE.test(token.text)) notices.push(`"${token.text}" is not a filter (filters are year:, theme:, report: and kind:); it was read as words.`);
    return false;
  }
  const key = match[1]!.toLowerCase();
  const value = match[2]!.trim().toLowerCase();
  if (token.negated) {
    notices.push(`Filters cannot be excluded with "-"; "-${token.text}" was ignored.`);
    return true;
  }
  if (value === '') {
    notices.push(`"${token.text}" has no value; it was ignored.`);
    return true;
  }
  if (key === 'year') {
    const years = parseYears(value);
    if (years === null) notices.push(`"${token.text}" is not a year or a range like year:2020..2023; it was ignored.`);
    else filters.years.push(...years.filter((year) => !filters.years.includes(year)));
  } else if (key === 'theme') {
    filters.themes.push(...value.split(',').filter((theme) => theme !== '' && !filters.themes.includes(theme)));
  } else if (key === 'kind') {
    filters.kinds.push(...value.split(',').filter((kind) => kind !== '' && !filters.kinds.includes(kind)));
  } else {
    filters.reports.push(...value.split(',').filter((report) => report !== '' && !filters.reports.includes(report)));
  }
  return true;
}

/** Reads a query into groups of clauses, exclusions and filters. Never throws. */
export function parseQuery(input: string): ParsedQuery {
  const notices: string[] = [];
  const filters: PassageFilters = { years: [], themes: [], reports: [], kinds: [] };
  const groups: QueryClause[][] = [];
  const excluded: QueryClause[] = [];
  let joinNext = false;
  const tokens = tokenizeQuery(input, notices);
  tokens.forEach((token, i) => {
    if (!token.phrase && token.text === 'OR' && !token.negated) {
      const previous = groups.length > 0 && !joinNext;
      const next = tokens.slice(i + 1).some((t) => !(t.text === 'OR' && !t.phrase));
      if (previous && next) joinNext = true;
      else notices.push('"OR" must stand between two words or phrases; a lone OR was ignored.');
      return;
    }
    const dropJoin = () => {
      if (joinNext) notices.push('"OR" must stand between two words or phrases; a lone OR was ignored.');
      joinNext = false;
    };
    if (!token.phrase && readFilter(token, filters, notices)) {
      dropJoin();
      return;
    }
    const clause: QueryClause = { text: token.text, phrase: token.phrase };
    if (token.negated) {
      dropJoin();
      excluded.push(clause);
      return;
    }
    if (joinNext) groups[groups.length - 1]!.push(clause);
    else groups.push([clause]);
    joinNext = false;
  });
  return { groups, excluded, filters, notices };
}
