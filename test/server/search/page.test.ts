// The page stages of a search, on passages of my own: near-copies folded, relevance spread across
// years, year order, and facets counted under the other filters.
import { describe, expect, it } from 'vitest';
import type { Passage, ThemeSlug } from '../../../indexer/types.ts';
import { copiesOf, diversify, facetCounts, foldCopies, matchesFilters, sortByYear } from '../../../server/search/page.ts';
import { RANKING } from '../../../server/search/ranking.ts';

const passage = (id: string, year: number, themes: string[] = []): Passage =>
  ({ id, reportId: `r${year}`, file: 'f.txt', year, ordinal: 1, section: null, sectionPath: [], themes: themes as ThemeSlug[], themeEvidence: [], start: 0, end: 1, text: id }) as unknown as Passage;
const scored = (id: string, year: number, score: number, themes: string[] = []) => ({ passage: passage(id, year, themes), score });
const ids = (items: Array<{ passage: Passage }>) => items.map((item) => item.passage.id);

describe('foldCopies', () => {
  it('keeps the better ranked of two near-copies and lists the other under it', () => {
    const copies = copiesOf([['a', 'b']]);
    const { kept, folded } = foldCopies([scored('b', 2024, 3), scored('c', 2023, 2), scored('a', 2024, 1)], copies);
    expect(ids(kept)).toEqual(['b', 'c']);
    expect(folded.get('b')).toEqual(['a']);
  });
});

describe('diversify', () => {
  it('lets a passage of another year pass a slightly better one of a year already shown', () => {
    const ordered = diversify([scored('a', 2024, 1), scored('b', 2024, 0.95), scored('c', 2023, 0.9)]);
    expect(ids(ordered)).toEqual(['a', 'c', 'b']);
  });

  it('keeps the order when the gap is larger than the year decay', () => {
    const low = RANKING.yearDecay * 0.5;
    expect(ids(diversify([scored('a', 2024, 1), scored('b', 2024, 0.99), scored('c', 2023, low)]))).toEqual(['a', 'b', 'c']);
  });
});

describe('sortByYear', () => {
  it('orders by year, then by score within a year', () => {
    const items = [scored('a', 2023, 1), scored('b', 2024, 0.5), scored('c', 2024, 0.9)];
    expect(ids(sortByYear(items, 'year-desc'))).toEqual(['c', 'b', 'a']);
    expect(ids(sortByYear(items, 'year-asc'))).toEqual(['a', 'c', 'b']);
  });
});

describe('facetCounts', () => {
  it('counts each facet under the other filters, so that choosing a year still shows the other years', () => {
    const items = [scored('a', 2023, 1, ['drugs']), scored('b', 2024, 1, ['drugs']), scored('c', 2024, 1, ['traffic'])];
    const facets = facetCounts(items, { years: [2024], themes: [], reports: [] }, (list) => list);
    expect(facets.year).toEqual({ 2023: 1, 2024: 2 });
    expect(facets.theme).toEqual({ drugs: 1, traffic: 1 });
  });
});

describe('matchesFilters', () => {
  it('needs one value of each kind of filter set', () => {
    expect(matchesFilters(passage('a', 2024, ['drugs']), { years: [2023, 2024], themes: ['drugs'], reports: [] })).toBe(true);
    expect(matchesFilters(passage('a', 2024, ['drugs']), { years: [2023], themes: [], reports: [] })).toBe(false);
  });
});
