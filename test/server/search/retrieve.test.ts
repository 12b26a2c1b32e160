// Stage 2 of a search, retrieve, on passages of my own: the passages of a wording (every word, in order
// for a phrase), of a concept (its wordings merged), and of a report year typed among the words.
import { describe, expect, it } from 'vitest';
import { termsOf } from '../../../language/analyzer.ts';
import { createIndex, toIndexedDocument } from '../../../indexer/index-config.ts';
import { encodePositions } from '../../../indexer/positions.ts';
import type { Passage, ThemeSlug } from '../../../indexer/types.ts';
import type { Alternative } from '../../../server/search/plan.ts';
import { RANKING } from '../../../server/search/ranking.ts';
import { mergeHits, Retriever, type Hit } from '../../../server/search/retrieve.ts';

const passage = (id: string, year: number, text: string): Passage =>
  ({ id, reportId: `r${year}`, file: 'f.txt', year, ordinal: 1, section: null, sectionPath: [], themes: [] as ThemeSlug[], themeEvidence: [], start: 0, end: text.length, text, words: text.split(' ').length, page: null }) as Passage;

const passages = [
  passage('a', 2023, 'The brigades recorded 508 cases of sexual extortion during the year.'),
  passage('b', 2023, 'Extortion cases rose; sexual offences fell.'),
  passage('c', 2024, 'Drug seizures reached 123 tons of cannabis resin.'),
];
const index = createIndex();
index.addAll(passages.map((p) => toIndexedDocument(p, 'Report')));
// The passages' words as term ids, as the build stores them.
const positions = { words: encodePositions(passages, () => 'en'), ordinal: new Map(passages.map((p, i) => [p.id, i])) };
const retriever = new Retriever(index, passages, new Set([2023, 2024]), { caches: true }, positions);

const wording = (text: string, adjacent: boolean): Alternative => ({
  label: text,
  terms: text.split(' ').map((word) => termsOf(word)[0]!),
  adjacent,
  weight: 1,
  fuzzy: false,
  prefix: false,
  language: 'en',
  quality: 1,
});

describe('Retriever', () => {
  it('finds the passages that hold every word of a wording, scored', () => {
    const hits = retriever.alternativeHits(wording('sexual extortion', false));
    expect([...hits.keys()].sort()).toEqual(['a', 'b']);
    expect(hits.get('a')!.score).toBeGreaterThan(0);
  });

  it('scores a wording of several words as the sum of its words’ scores in a search of MiniSearch, though it reads only the rarest word’s passages', () => {
    // "extortion" is in a and b; "sexual" too; "cases" in a (as "cases") and b: each word's score in a
    // passage must be what MiniSearch's own search gives it there, over the same fields and boosts.
    const options = { boost: RANKING.boost, bm25: RANKING.bm25, tokenize: (text: string) => [text], processTerm: (text: string) => text, fields: ['text', 'section', 'title'] };
    const alone = (term: string) => new Map(index.search(term, options).map((result) => [String(result.id), result.score]));
    const hits = retriever.alternativeHits(wording('sexual extortion cases', false));
    const [sexual, extortion, cases] = ['sexual', 'extort', 'case'].map(alone);
    expect([...hits.keys()].sort()).toEqual(['a', 'b']);
    for (const id of ['a', 'b']) expect(hits.get(id)!.score).toBeCloseTo(sexual!.get(id)! + extortion!.get(id)! + cases!.get(id)!, 10);
  });

  it('keeps, for a phrase, only the passages where its words stand together in order', () => {
    const hits = retriever.alternativeHits(wording('sexual extortion', true));
    expect([...hits.keys()]).toEqual(['a']);
    expect(hits.get('a')!.phrases).toEqual([['sexual', 'extort']]);
  });

  it('merges the wordings of a concept, and counts how many passages the words typed match', () => {
    const { hits, typed } = retriever.conceptHits({ label: 'sextortion', alternatives: [wording('sextortion', false), wording('sexual extortion', true)] });
    expect(typed).toBe(0);
    expect([...hits.keys()]).toEqual(['a']);
  });

  it('reads a report year typed among the words as every passage of that year', () => {
    expect(retriever.yearOfLabel('2024')).toBe(2024);
    expect(retriever.yearOfLabel('2019')).toBeNull();
    const { hits } = retriever.conceptHits({ label: '2024', alternatives: [wording('2024', false)] });
    expect([...hits.keys()]).toEqual(['c']);
  });

  it("gives each passage's words as index terms, stop words left out", () => {
    expect(retriever.tokensOf('c').map((terms) => terms[0])).toEqual(['drug', 'seizur', 'reach', '123', 'ton', 'cannabi', 'resin']);
  });
});

describe('mergeHits', () => {
  const hit = (score: number, terms: string[]): Hit => ({ score, quality: 1, terms: new Set(terms), phrases: [], inText: true });

  it('counts the best way of matching a passage fully and each other one by `extra` of its score', () => {
    const merged = mergeHits([new Map([['a', hit(2, ['x'])]]), new Map([['a', hit(1, ['y'])]])], 0.5);
    expect(merged.get('a')!.score).toBe(2.5);
    expect([...merged.get('a')!.terms]).toEqual(['x', 'y']);
  });
});
