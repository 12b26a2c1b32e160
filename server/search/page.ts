// The last stages of a search: the page and the facets. Near-copies folded into the passage kept;
// relevance order spread across years, or year order; and each facet counted under the other filters.
import type { Passage, PassageFilters, SearchResponse } from '../../indexer/types.ts';
import { RANKING } from './ranking.ts';

/** A scored passage, as the page stages see it. */
export interface Scored {
  passage: Passage;
  score: number;
}

/** The near-copies of each passage, from the pairs the index build found (both ways). */
export function copiesOf(pairs: ReadonlyArray<readonly [string, string]>): Map<string, string[]> {
  const copies = new Map<string, string[]>();
  for (const [a, b] of pairs) {
    copies.set(a, [...(copies.get(a) ?? []), b]);
    copies.set(b, [...(copies.get(b) ?? []), a]);
  }
  return copies;
}

/** Near-copies are left out of a result list; the passage kept (the better ranked) lists them. */
export function foldCopies<T extends Scored>(ranked: T[], copies: Map<string, string[]>): { kept: T[]; folded: Map<string, string[]> } {
  const keptIds = new Set<string>();
  const kept: T[] = [];
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

/**
 * Relevance order, with each further passage from an already-shown year counting a little less
 * (RANKING.yearDecay), so that the first page shows how a topic runs through the years. Only the first
 * RANKING.diversityDepth are reordered.
 */
export function diversify<T extends Scored>(ranked: T[]): T[] {
  const pool = ranked.slice(0, RANKING.diversityDepth);
  const rest = ranked.slice(RANKING.diversityDepth);
  const shown = new Map<number, number>();
  const out: T[] = [];
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

/** True when a passage passes the filters (each kind of filter: any of its values). */
export function matchesFilters(passage: Passage, filters: PassageFilters): boolean {
  return (
    (filters.years.length === 0 || filters.years.includes(passage.year)) &&
    (filters.reports.length === 0 || filters.reports.includes(passage.reportId)) &&
    (filters.themes.length === 0 || passage.themes.some((theme) => filters.themes.includes(theme)))
  );
}

/** True when any filter is set. */
export function hasFilters(filters: PassageFilters): boolean {
  return filters.years.length + filters.themes.length + filters.reports.length > 0;
}

// Each facet counts the result set under the other filters, so choosing a year shows how many passages
// each other year would give.
export function facetCounts<T extends Scored>(ranked: T[], filters: PassageFilters, collapse: (items: T[]) => T[]): SearchResponse['facets'] {
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

/** Year order (then relevance within a year). */
export function sortByYear<T extends Scored>(ranked: T[], sort: 'year-asc' | 'year-desc'): T[] {
  const direction = sort === 'year-asc' ? 1 : -1;
  return [...ranked].sort((a, b) => direction * (a.passage.year - b.passage.year) || b.score - a.score);
}

/** The values of both lists, each once. */
export function union<T>(a: T[], b: T[]): T[] {
  return [...new Set([...a, ...b])];
}
