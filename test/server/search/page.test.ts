// The page stages of a search, on passages of my own: near-copies folded, relevance spread across
// years, year order, and facets counted under the other filters.
import { describe, expect, it } from 'vitest';
import type { Passage, ThemeSlug } from '../../../indexer/types.ts';
import { copiesOf, diversify, facetCounts, facetSlots, foldCopies, matchesFilters, sortByYear, unfilteredFacetCounts } from '../../../server/search/page.ts';
import { RANKING } from '../../../server/search/ranking.ts';

const passage = (id: string, year: number, themes: string[] = [], reportId = `r${year}`): Passage =>
  ({ id, reportId, file: 'f.txt', year, ordinal: 1, section: null, sectionPath: [], themes: themes as ThemeSlug[], themeEvidence: [], start: 0, end: 1, text: id }) as unknown as Passage;
const scored = (id: string, year: number, score: number, themes: string[] = []) => ({ passage: passage(id, year, themes), score });
// Reports named press-… are press articles; the others, official reports.
const kindOf = (p: Passage) => (p.reportId.startsWith('press') ? 'press-article' : 'annual-report');
const isOfficial = (p: Passage) => kindOf(p) === 'annual-report';
const none = { years: [], themes: [], reports: [], kinds: [] };
const ids = (items: Array<{ passage: Passage }>) => items.map((item) => item.passage.id);

describe('foldCopies', () => {
  it('keeps the better ranked of two near-copies and lists the other under it', () => {
    const copies = copiesOf([['a', 'b']]);
    const { kept, folded } = foldCopies([scored('b', 2024, 3), scored('c', 2023, 2), scored('a', 2024, 1)], copies);
    expect(ids(kept)).toEqual(['b', 'c']);
    expect(folded.get('b')).toEqual(['a']);
  });

  it("puts the official report's passage first when a press article restating it ranks higher, in the press article's place and with its score", () => {
    const copies = copiesOf([['press-p1', 'report-p9']]);
    const ranked = [
      { passage: passage('press-p1', 2023, [], 'press-2023'), score: 3 },
      scored('other', 2023, 2),
      { passage: passage('report-p9', 2023, [], 'r2023'), score: 1 },
    ];
    const { kept, folded } = foldCopies(ranked, copies, isOfficial);
    expect(ids(kept)).toEqual(['report-p9', 'other']);
    expect(kept[0]!.score).toBe(3);
    expect(folded.get('report-p9')).toEqual(['press-p1']);
  });

  it('keeps the press article when the report passage it restates is not among the matches', () => {
    const copies = copiesOf([['press-p1', 'report-p9']]);
    const { kept, folded } = foldCopies([{ passage: passage('press-p1', 2023, [], 'press-2023'), score: 3 }], copies, isOfficial);
    expect(ids(kept)).toEqual(['press-p1']);
    expect(folded.size).toBe(0);
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
    const facets = facetCounts(items, { ...none, years: [2024] }, { years: [2023, 2024], kinds: ['annual-report'], kindOf }, (list) => list);
    expect(facets.year).toEqual({ 2023: 1, 2024: 2 });
    expect(facets.theme).toEqual({ drugs: 1, traffic: 1 });
  });

  it('lists every year and kind of the corpus, with 0 where nothing matches, so "no match" differs from "no report"', () => {
    const items = [scored('a', 2024, 1, ['drugs'])];
    const facets = facetCounts(items, none, { years: [2021, 2023, 2024], kinds: ['annual-report', 'press-article'], kindOf }, (list) => list);
    expect(facets.year).toEqual({ 2021: 0, 2023: 0, 2024: 1 });
    expect(facets.kind).toEqual({ 'annual-report': 1, 'press-article': 0 });
  });

  it('counts kinds under the other filters, and splits each year by kind', () => {
    const items = [
      scored('a', 2023, 1, ['drugs']),
      { passage: passage('b', 2023, ['drugs'], 'press-2023'), score: 1 },
      { passage: passage('c', 2024, ['drugs'], 'press-2024'), score: 1 },
    ];
    const facets = facetCounts(items, { ...none, kinds: ['press-article'] }, { years: [2023, 2024], kinds: ['annual-report', 'press-article'], kindOf }, (list) => list);
    expect(facets.kind).toEqual({ 'annual-report': 1, 'press-article': 2 });
    expect(facets.year).toEqual({ 2023: 1, 2024: 1 });
    expect(facets.yearKind).toEqual({ 2023: { 'press-article': 1 }, 2024: { 'press-article': 1 } });
  });
});

describe('unfilteredFacetCounts', () => {
  // Passages of two years and two kinds, some themes, and a press article (p1) restating an official
  // passage (a1), another press article (p2) restating nothing; and b3, an official passage of 2024.
  const a1 = passage('a1', 2023, ['drugs', 'traffic']);
  const a2 = passage('a2', 2023, ['traffic']);
  const p1 = passage('p1', 2023, ['drugs'], 'press-2023');
  const p2 = passage('p2', 2024, ['cyber'], 'press-2024');
  const b3 = passage('b3', 2024, ['drugs']);
  const all = [a1, a2, p1, p2, b3];
  const copies = copiesOf([['a1', 'p1']]);
  const frame = { years: [2021, 2023, 2024], kinds: ['annual-report', 'press-article'], kindOf };
  const slots = facetSlots(all, frame, (p) => copies.has(p.id));
  const collapse = <T extends { passage: Passage; score: number }>(items: T[]) => {
    const plain = items.filter((item) => !copies.has(item.passage.id));
    const copied = items.filter((item) => copies.has(item.passage.id));
    return copied.length === 0 ? plain : plain.concat(foldCopies(copied, copies, isOfficial).kept);
  };

  it('counts what facetCounts counts with no filter set, keys and their order included, near-copies folded', () => {
    for (const order of [[a1, a2, p1, p2, b3], [p2, b3, p1, a2, a1], [p1, a1], [b3], []]) {
      const items = order.map((p, i) => ({ passage: p, score: 10 - i }));
      const expected = facetCounts(items, none, frame, collapse);
      const got = unfilteredFacetCounts(items, slots, (list) => foldCopies(list, copies, isOfficial).kept);
      expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
    }
  });

  it('counts a press article restating an official passage once with it, but under its own kind apart', () => {
    const items = [a1, p1].map((p, i) => ({ passage: p, score: 2 - i }));
    const facets = unfilteredFacetCounts(items, slots, (list) => foldCopies(list, copies, isOfficial).kept);
    expect(facets.year).toEqual({ 2021: 0, 2023: 1, 2024: 0 });
    expect(facets.kind).toEqual({ 'annual-report': 1, 'press-article': 1 });
    expect(facets.theme).toEqual({ drugs: 1, traffic: 1 });
  });
});

describe('matchesFilters', () => {
  it('needs one value of each kind of filter set', () => {
    expect(matchesFilters(passage('a', 2024, ['drugs']), { ...none, years: [2023, 2024], themes: ['drugs'] }, kindOf)).toBe(true);
    expect(matchesFilters(passage('a', 2024, ['drugs']), { ...none, years: [2023] }, kindOf)).toBe(false);
    expect(matchesFilters(passage('a', 2024, ['drugs'], 'press-2024'), { ...none, kinds: ['annual-report'] }, kindOf)).toBe(false);
    expect(matchesFilters(passage('a', 2024, ['drugs'], 'press-2024'), { ...none, kinds: ['press-article'] }, kindOf)).toBe(true);
  });
});
