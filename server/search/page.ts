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

/**
 * Near-copies are left out of a result list; the passage kept lists them. The kept one is the original
 * (a passage for which `isOriginal` holds, such as the official report's) when one of the copies is, put
 * in the place and with the score of the best-ranked copy: a press article restating the report never
 * stands in for it. Otherwise it is the best-ranked copy.
 */
export function foldCopies<T extends Scored>(ranked: T[], copies: Map<string, string[]>, isOriginal: (passage: Passage) => boolean = () => false): { kept: T[]; folded: Map<string, string[]> } {
  // Only the items that have near-copies can stand in for one another: they alone are looked up by id.
  const byId = new Map<string, T>();
  for (const item of ranked) if (copies.has(item.passage.id)) byId.set(item.passage.id, item);
  const keptIds = new Set<string>();
  const kept: T[] = [];
  const folded = new Map<string, string[]>();
  const fold = (original: string, copy: string) => folded.set(original, [...(folded.get(original) ?? []), copy]);
  for (const item of ranked) {
    const id = item.passage.id;
    // Most passages have no near-copy: they are kept as they are.
    if (!copies.has(id)) {
      kept.push(item);
      continue;
    }
    // An original already put in a copy's place.
    if (keptIds.has(id)) continue;
    const keptCopy = copies.get(id)?.find((other) => keptIds.has(other));
    if (keptCopy !== undefined) {
      fold(keptCopy, id);
      continue;
    }
    const original = isOriginal(item.passage) ? undefined : copies.get(id)?.map((other) => byId.get(other)).find((other) => other !== undefined && !keptIds.has(other.passage.id) && isOriginal(other.passage));
    const keep = original === undefined ? item : { ...original, score: item.score };
    keptIds.add(keep.passage.id);
    kept.push(keep);
    if (original !== undefined) fold(original.passage.id, id);
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

/** The kind of source (annual report, press article) of a passage's report. */
export type KindOf = (passage: Passage) => string;

/** True when a passage passes the filters (each kind of filter: any of its values). */
export function matchesFilters(passage: Passage, filters: PassageFilters, kindOf: KindOf): boolean {
  return (
    (filters.years.length === 0 || filters.years.includes(passage.year)) &&
    (filters.reports.length === 0 || filters.reports.includes(passage.reportId)) &&
    (filters.themes.length === 0 || passage.themes.some((theme) => filters.themes.includes(theme))) &&
    (filters.kinds.length === 0 || filters.kinds.includes(kindOf(passage)))
  );
}

/** True when any filter is set. */
export function hasFilters(filters: PassageFilters): boolean {
  return filters.years.length + filters.themes.length + filters.reports.length + filters.kinds.length > 0;
}

/** What the facets count over: the corpus's years and kinds (each listed, 0 included), and each passage's kind. */
export interface FacetFrame {
  years: Iterable<number>;
  kinds: Iterable<string>;
  kindOf: KindOf;
}

// Each facet counts the result set under the other filters, so choosing a year shows how many passages
// each other year would give. Every year and kind of the corpus is listed, with 0 where nothing matches,
// so that a client can tell "no match in 2021" from "no report for 2021".
export function facetCounts<T extends Scored>(ranked: T[], filters: PassageFilters, frame: FacetFrame, collapse: (items: T[]) => T[]): SearchResponse['facets'] {
  const year: Record<string, number> = {};
  const kind: Record<string, number> = {};
  const yearKind: Record<string, Record<string, number>> = {};
  for (const y of frame.years) {
    year[y] = 0;
    yearKind[y] = {};
  }
  for (const k of frame.kinds) kind[k] = 0;
  const theme: Record<string, number> = {};
  const matching = (chosen: PassageFilters) => (hasFilters(chosen) ? ranked.filter((item) => matchesFilters(item.passage, chosen, frame.kindOf)) : ranked);
  // The years are counted without the year filter and the themes without the theme filter: with neither
  // set (the usual case) both count the same folded items, worked out once.
  const withoutYears = collapse(matching({ ...filters, years: [] }));
  const withoutThemes = filters.years.length === 0 && filters.themes.length === 0 ? withoutYears : collapse(matching({ ...filters, themes: [] }));
  // Counted in maps keyed by number, then written out: an object keyed by a year converts it to a string
  // at every step.
  const byYear = new Map<number, Map<string, number>>();
  for (const { passage } of withoutYears) {
    const k = frame.kindOf(passage);
    let split = byYear.get(passage.year);
    if (split === undefined) byYear.set(passage.year, (split = new Map()));
    split.set(k, (split.get(k) ?? 0) + 1);
  }
  for (const [y, split] of byYear) {
    let total = 0;
    const out = (yearKind[y] ??= {});
    for (const [k, count] of split) {
      out[k] = (out[k] ?? 0) + count;
      total += count;
    }
    year[y] = (year[y] ?? 0) + total;
  }
  const byTheme = new Map<string, number>();
  for (const { passage } of withoutThemes) {
    for (const slug of passage.themes) byTheme.set(slug, (byTheme.get(slug) ?? 0) + 1);
  }
  for (const [slug, count] of byTheme) theme[slug] = count;
  // Each kind is counted under its own filter: near-copies fold differently when only one kind is shown.
  // The items are split by kind in one pass; when they are all of one kind and nothing else is filtered,
  // its count is the folded count worked out above.
  const anyKind = matching({ ...filters, kinds: [] });
  const byKind = new Map<string, T[]>();
  for (const item of anyKind) {
    const k = frame.kindOf(item.passage);
    const list = byKind.get(k);
    if (list === undefined) byKind.set(k, [item]);
    else list.push(item);
  }
  for (const k of Object.keys(kind)) {
    const items = byKind.get(k) ?? [];
    kind[k] = byKind.size === 1 && items.length === anyKind.length && !hasFilters(filters) ? withoutYears.length : collapse(items).length;
  }
  return { year, theme, kind, yearKind };
}

/** Each passage's place in the facet counts, worked out once per index (see `facetSlots`). */
export interface FacetSlots {
  /** The corpus's years, ascending, and its kinds of source. */
  years: number[];
  kinds: string[];
  themes: string[];
  of: Map<Passage, { year: number; kind: number; themes: number[]; copied: boolean }>;
}

/** Each passage's year, kind and themes as small numbers, and whether it has near-copies. */
export function facetSlots(passages: Passage[], frame: FacetFrame, hasCopies: (passage: Passage) => boolean): FacetSlots {
  const years = [...new Set(frame.years)].sort((a, b) => a - b);
  const kinds = [...frame.kinds];
  const themes: string[] = [];
  const themeIndex = new Map<string, number>();
  const of: FacetSlots['of'] = new Map();
  for (const passage of passages) {
    const themeSlots = passage.themes.map((slug) => {
      let index = themeIndex.get(slug);
      if (index === undefined) themeIndex.set(slug, (index = themes.push(slug) - 1));
      return index;
    });
    of.set(passage, { year: years.indexOf(passage.year), kind: kinds.indexOf(frame.kindOf(passage)), themes: themeSlots, copied: hasCopies(passage) });
  }
  return { years, kinds, themes, of };
}

/**
 * The facets of a search with no filter set, counted in arrays of numbers: the same counts, keys and key
 * order as `facetCounts` gives (which a filtered search uses), at a fraction of its cost on a large
 * corpus. Only the passages with near-copies go through `fold` (foldCopies), by kind as well as together.
 */
export function unfilteredFacetCounts<T extends Scored>(items: T[], slots: FacetSlots, fold: (items: T[]) => T[]): SearchResponse['facets'] {
  const kindCount = slots.kinds.length;
  const yearKind = new Int32Array(slots.years.length * kindCount);
  const themeCounts = new Int32Array(slots.themes.length);
  const plainByKind = new Int32Array(kindCount);
  // The order in which each count first rose from 0, which is the order facetCounts writes its keys in.
  const yearKindOrder: number[] = [];
  const themeOrder: number[] = [];
  const count = (slot: { year: number; kind: number; themes: number[] }) => {
    const at = slot.year * kindCount + slot.kind;
    if (yearKind[at] === 0) yearKindOrder.push(at);
    yearKind[at]! += 1;
    for (const index of slot.themes) {
      if (themeCounts[index] === 0) themeOrder.push(index);
      themeCounts[index]! += 1;
    }
  };
  const copied: T[] = [];
  for (const item of items) {
    const slot = slots.of.get(item.passage)!;
    if (slot.copied) {
      copied.push(item);
      continue;
    }
    count(slot);
    plainByKind[slot.kind]! += 1;
  }
  for (const item of copied.length === 0 ? [] : fold(copied)) count(slots.of.get(item.passage)!);
  const year: Record<string, number> = {};
  const yearKindOut: Record<string, Record<string, number>> = {};
  for (const y of slots.years) {
    year[y] = 0;
    yearKindOut[y] = {};
  }
  for (const at of yearKindOrder) {
    const y = slots.years[Math.floor(at / kindCount)]!;
    yearKindOut[y]![slots.kinds[at % kindCount]!] = yearKind[at]!;
    year[y]! += yearKind[at]!;
  }
  const theme: Record<string, number> = {};
  for (const index of themeOrder) theme[slots.themes[index]!] = themeCounts[index]!;
  const kind: Record<string, number> = {};
  slots.kinds.forEach((k, index) => {
    const ofKind = copied.filter((item) => slots.of.get(item.passage)!.kind === index);
    kind[k] = plainByKind[index]! + (ofKind.length === 0 ? 0 : fold(ofKind).length);
  });
  return { year, theme, kind, yearKind: yearKindOut };
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
