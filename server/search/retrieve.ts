// Stage 2 of a search, retrieve: every passage that matches a concept of the plan (one of its wordings,
// or the report year it names), with each wording's BM25 score there, from MiniSearch's postings; and
// each passage's own words, which the order of a phrase's words and the scoring stage read.
import { LRUCache } from 'lru-cache';
import type { default as MiniSearch, SearchOptions } from 'minisearch';
import type { Language } from '../../language/analyzer.ts';
import { hasSequenceAt, wordsAt, type TermPositions } from '../../indexer/positions.ts';
import { LANGUAGE_FIELDS, type IndexedDocument } from '../../indexer/index-config.ts';
import type { Passage } from '../../indexer/types.ts';
import type { Alternative, Concept } from './plan.ts';
import { RANKING } from './ranking.ts';

// What the retriever reads of MiniSearch's own state (its postings, field lengths and ids) to score a
// term in a few passages without a search over all of them. Pinned to MiniSearch 7's layout; the tests
// check that the scores equal its search's.
interface MiniSearchInternals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _fieldIds: Record<string, number>;
  _idToShortId: Map<string, number>;
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
}

// One term's match in one passage.
export interface TermHit {
  score: number;
  terms: string[];
  inText: boolean;
}

/** A passage's match of a concept or wording: its score, and the words and phrases to mark. */
export interface Hit {
  score: number;
  /** The best quality among the alternatives that matched. */
  quality: number;
  terms: Set<string>;
  phrases: string[][];
  /** True when the match is in the passage's own words, not only its heading or report title. */
  inText: boolean;
}

// The phrases of a hit that matched none: one list for all of them (hits are never changed once made;
// a merged hit gets lists of its own), frozen so that a change would fail loudly.
const NO_PHRASES = Object.freeze([]) as unknown as string[][];

/** Finds the passages of a concept or a wording, with their scores; caches what queries share. */
export class Retriever {
  /** The hits of a year typed among the words: every passage of that year (the same for every query). */
  private readonly byYear = new Map<number, Map<string, Hit>>();
  private readonly termCache = new LRUCache<string, Map<string, TermHit>>({ max: 2000, maxSize: 2_000_000, sizeCalculation: (hits) => hits.size + 1 });
  // With the caches off (benchmarks), a term is still looked up once per query: the wordings of a
  // thesaurus group share their terms, and a query that looked each up again would pay a cost no user meets.
  private readonly queryTerms = new Map<string, Map<string, TermHit>>();
  private byShortId: { idOf: Array<string | undefined>; lengths: Float64Array; fields: number } | undefined;

  constructor(
    private readonly index: MiniSearch<IndexedDocument>,
    private readonly passages: Passage[],
    /** The report years of the corpus. */
    private readonly years: Set<number>,
    /** `caches: false` looks every term up afresh (for benchmarks). */
    private readonly options: { caches: boolean },
    /** The passages' words as term ids, and each passage's number in them. */
    private readonly positions: { words: TermPositions; ordinal: Map<string, number> },
  ) {}

  // Each term of the positions' dictionary by its text (worked out on first use).
  private termIds: Map<string, number> | undefined;

  /** Starts a new query: with the caches off, what the last one looked up is forgotten. */
  startQuery(): void {
    this.queryTerms.clear();
  }

  // The passages that match a concept, and how many its first alternative (the words typed) matches.
  conceptHits(concept: Concept): { hits: Map<string, Hit>; typed: number } {
    const maps = concept.alternatives.filter((alternative) => !alternative.fallback).map((alternative) => this.alternativeHits(alternative));
    const typed = maps[0]?.size ?? 0;
    const year = this.yearOfLabel(concept.label);
    if (year !== null) maps.push(this.yearHits(year, concept.label));
    const fallbacks = concept.alternatives.filter((alternative) => alternative.fallback).map((alternative) => this.alternativeHits(alternative));
    // A concept matched one way only is that way's hits as they are (no copy: nothing changes them).
    if (fallbacks.length === 0 && maps.length === 1) return { hits: maps[0]!, typed };
    const hits = mergeHits(maps, RANKING.extraEvidence);
    for (const [id, hit] of mergeHits(fallbacks)) if (!hits.has(id)) hits.set(id, hit);
    return { hits, typed };
  }

  // The report year a query word names, or null.
  yearOfLabel(label: string): number | null {
    const year = /^(19|20)\d\d$/.test(label) ? Number(label) : null;
    return year !== null && this.years.has(year) ? year : null;
  }

  // A year among the query's words is met by every passage of that year's reports, as well as by the
  // passages that write it ("compared with 2021").
  private yearHits(year: number, label: string): Map<string, Hit> {
    let hits = this.byYear.get(year);
    if (hits === undefined) {
      hits = new Map();
      const terms = new Set([label]);
      for (const passage of this.passages) {
        if (passage.year === year) hits.set(passage.id, { score: RANKING.yearWordScore, quality: 1, terms, phrases: NO_PHRASES, inText: true });
      }
      this.byYear.set(year, hits);
    }
    return hits;
  }

  // The passages that hold one term (with its fuzzy or prefix variants), with the term's BM25 score in
  // each. Cached: the wordings of a thesaurus group share many terms, and popular terms recur.
  private termHits(term: string, fuzzy: boolean, prefix: boolean, language: Language): Map<string, TermHit> {
    const key = `${language}${fuzzy ? 'f' : '-'}${prefix ? 'p' : '-'} ${term}`;
    const cached = this.options.caches ? this.termCache.get(key) : this.queryTerms.get(key);
    if (cached !== undefined) return cached;
    const hits = fuzzy || prefix ? this.searchedTermHits(term, fuzzy, prefix, language) : this.exactTermHits(term, language);
    if (this.options.caches) this.termCache.set(key, hits);
    else this.queryTerms.set(key, hits);
    return hits;
  }

  // A term's hits with its fuzzy or prefix variants, from MiniSearch's search.
  private searchedTermHits(term: string, fuzzy: boolean, prefix: boolean, language: Language): Map<string, TermHit> {
    const options: SearchOptions = {
      boost: RANKING.boost,
      bm25: RANKING.bm25,
      tokenize: (text) => [text],
      processTerm: (text) => text,
      fuzzy: fuzzy ? RANKING.fuzziness : false,
      prefix,
      weights: { fuzzy: RANKING.fuzzyWeight, prefix: RANKING.prefixWeight },
      fields: [LANGUAGE_FIELDS[language].text, LANGUAGE_FIELDS[language].section, 'title'],
    };
    const hits = new Map<string, TermHit>();
    const textField = LANGUAGE_FIELDS[language].text;
    for (const result of this.index.search(term, options)) {
      let inText = false;
      for (const matched in result.match) if (result.match[matched]!.includes(textField)) inText = true;
      hits.set(String(result.id), { score: result.score, terms: result.terms, inText });
    }
    return hits;
  }

  // The hits of one exact term, each with the BM25 score MiniSearch's search gives it (the same fields,
  // boosts and parameters, summed over the fields in the same order), read from MiniSearch's postings:
  // in the given passages only, or in all that hold it. Reading the postings builds no result objects and
  // sorts nothing; and a wording such as "online sexual extortion" is looked for where its rarest word
  // is, not wherever "online" is.
  private exactTermHits(term: string, language: Language, ids?: Iterable<string>): Map<string, TermHit> {
    // Every hit shares one list of the term (hits are never changed once made).
    const terms = [term];
    return this.postingHits(term, language, (score, inText) => ({ score, terms, inText }), ids);
  }

  // The passages of one exact term read from the postings as `make` builds its hits: a TermHit for the
  // term caches, or straight away the Hit of a one-word wording (one object per passage, not two).
  private postingHits<H extends { score: number; inText: boolean }>(term: string, language: Language, make: (score: number, inText: boolean) => H, ids?: Iterable<string>): Map<string, H> {
    const index = this.index as unknown as MiniSearchInternals;
    const data = index._index.get(term);
    const hits = new Map<string, H>();
    if (data === undefined) return hits;
    const textField = LANGUAGE_FIELDS[language].text;
    const { k, b, d } = RANKING.bm25;
    // Each field's postings of the term, boost, average length and the term's rarity there, worked out once.
    const scored = [textField, LANGUAGE_FIELDS[language].section, 'title'].map((field) => {
      const id = index._fieldIds[field]!;
      const postings = data.get(id);
      return {
        id,
        postings,
        text: field === textField,
        boost: RANKING.boost[field as keyof typeof RANKING.boost] ?? 1,
        average: index._avgFieldLength[id]!,
        rarity: postings === undefined ? 0 : Math.log(1 + (index._documentCount - postings.size + 0.5) / (postings.size + 0.5)),
      };
    });
    const { idOf, lengths, fields } = this.shortIds();
    const score = (field: (typeof scored)[number], short: number, frequency: number) =>
      field.boost * field.rarity * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * lengths[short * fields + field.id]!) / field.average)));
    if (ids === undefined) {
      // Every passage that holds it, field by field as MiniSearch adds them up.
      for (const field of scored) {
        if (field.postings === undefined) continue;
        for (const [short, frequency] of field.postings) {
          const id = idOf[short];
          if (id === undefined) continue;
          const hit = hits.get(id);
          if (hit === undefined) hits.set(id, make(score(field, short, frequency), field.text));
          else {
            hit.score += score(field, short, frequency);
            if (field.text) hit.inText = true;
          }
        }
      }
      return hits;
    }
    for (const id of ids) {
      const short = index._idToShortId.get(id);
      if (short === undefined) continue;
      let sum = 0;
      let found = false;
      let inText = false;
      for (const field of scored) {
        const frequency = field.postings?.get(short);
        if (frequency === undefined) continue;
        sum += score(field, short, frequency);
        found = true;
        if (field.text) inText = true;
      }
      if (found) hits.set(id, make(sum, inText));
    }
    return hits;
  }

  // MiniSearch's passage ids and field lengths by its short ids, in arrays read without a map lookup
  // (worked out on first use; the index never changes once loaded).
  private shortIds(): { idOf: Array<string | undefined>; lengths: Float64Array; fields: number } {
    if (this.byShortId === undefined) {
      const index = this.index as unknown as MiniSearchInternals;
      const fields = Object.keys(index._fieldIds).length;
      let size = 0;
      for (const short of index._documentIds.keys()) size = Math.max(size, short + 1);
      const idOf = new Array<string | undefined>(size);
      const lengths = new Float64Array(size * fields);
      for (const [short, id] of index._documentIds) idOf[short] = id;
      for (const [short, perField] of index._fieldLength) perField.forEach((length, field) => (lengths[short * fields + field] = length ?? 0));
      this.byShortId = { idOf, lengths, fields };
    }
    return this.byShortId;
  }

  // How many passages hold a term in a language's text field (MiniSearch's postings, not read through).
  private textPostings(term: string, language: Language): number {
    const index = this.index as unknown as MiniSearchInternals;
    return index._index.get(term)?.get(index._fieldIds[LANGUAGE_FIELDS[language].text]!)?.size ?? 0;
  }

  // The passages holding every word of an alternative: the intersection of its terms' passages, each
  // scored by the sum of its terms' BM25 scores (what MiniSearch's AND gives, without its multiplier).
  // The rarest word's passages are looked up; the other words are scored in those passages only.
  alternativeHits(alternative: Alternative): Map<string, Hit> {
    // One exact word: its hits made straight from the postings, its BM25 sum then weighted.
    if (!alternative.fuzzy && !alternative.prefix && alternative.terms.length === 1) {
      const terms = new Set(alternative.terms);
      const hits = this.postingHits(alternative.terms[0]!, alternative.language, (score, inText): Hit => ({ score, quality: alternative.quality, terms, phrases: NO_PHRASES, inText }));
      if (alternative.weight !== 1) for (const hit of hits.values()) hit.score *= alternative.weight;
      return hits;
    }
    const exact = !alternative.fuzzy && !alternative.prefix && alternative.terms.length > 1;
    const postings = exact ? alternative.terms.map((term) => this.textPostings(term, alternative.language)) : [];
    const rarest = exact ? postings.indexOf(Math.min(...postings)) : -1;
    const first = rarest < 0 ? undefined : this.termHits(alternative.terms[rarest]!, false, false, alternative.language);
    const perTerm =
      first === undefined
        ? alternative.terms.map((term) => this.termHits(term, alternative.fuzzy, alternative.prefix, alternative.language)).sort((a, b) => a.size - b.size)
        : [first, ...alternative.terms.filter((_, i) => i !== rarest).map((term) => this.exactTermHits(term, alternative.language, first.keys()))];
    const [smallest, ...others] = perTerm;
    const adjacent = alternative.adjacent && alternative.terms.length > 1;
    // The passages that matched the same words share one set of them: a common word matches thousands.
    const termSets = new Map<string, Set<string>>();
    const setOf = (terms: string[]) => {
      const key = terms.join(' ');
      let set = termSets.get(key);
      if (set === undefined) termSets.set(key, (set = new Set(terms)));
      return set;
    };
    const hits = new Map<string, Hit>();
    // A one-word wording: each of its word's hits is a hit, made at once.
    if (others.length === 0) {
      for (const [id, hit] of smallest ?? []) {
        hits.set(id, { score: hit.score * alternative.weight, quality: alternative.quality, terms: setOf(hit.terms), phrases: NO_PHRASES, inText: hit.inText });
      }
      return hits;
    }
    const found: Array<{ id: string; score: number; terms: string[]; inText: boolean }> = [];
    for (const [id, first] of smallest ?? []) {
      let score = first.score;
      let inText = first.inText;
      const terms = [...first.terms];
      let all = true;
      for (const map of others) {
        const hit = map.get(id);
        if (hit === undefined) {
          all = false;
          break;
        }
        score += hit.score;
        inText ||= hit.inText;
        terms.push(...hit.terms);
      }
      if (all) found.push({ id, score, terms, inText });
    }
    const noTerms = new Set<string>();
    // The words' order is checked in every passage that has the words (from the positions the build
    // stored), so the total of a phrase or a thesaurus wording is exact.
    for (const { id, score, terms, inText } of found) {
      if (adjacent && !this.hasSequence(id, alternative.terms)) continue;
      hits.set(id, {
        score: score * alternative.weight,
        quality: alternative.quality,
        terms: adjacent ? noTerms : setOf(terms),
        phrases: adjacent ? [alternative.terms] : NO_PHRASES,
        // A sequence was checked in the text itself; single words say in which fields they matched.
        inText: adjacent || inText,
      });
    }
    return hits;
  }

  // The index terms of each content word of a passage, read from the positions the build stored.
  tokensOf(id: string): string[][] {
    return wordsAt(this.positions.words, this.positions.ordinal.get(id)!);
  }

  private hasSequence(id: string, terms: string[]): boolean {
    const { words, ordinal } = this.positions;
    this.termIds ??= new Map(words.dictionary.map((term, i) => [term, i]));
    return hasSequenceAt(words, ordinal.get(id)!, terms.map((term) => this.termIds!.get(term) ?? -1));
  }
}

// Several ways of matching one passage: the best counts fully, each other one adds `extra` of its score.
// A passage matched one way keeps that way's hit as it is (hits are never changed once made: the sets
// of words are shared); only a passage matched several ways gets a hit of its own.
export function mergeHits(maps: Array<Map<string, Hit>>, extra = 0): Map<string, Hit> {
  if (maps.length === 1) return new Map(maps[0]);
  const merged = new Map<string, Hit>();
  const combined = new Map<string, { best: number; sum: number; hit: Hit }>();
  for (const map of maps) {
    for (const [id, hit] of map) {
      const seen = merged.get(id);
      if (seen === undefined) {
        merged.set(id, hit);
        continue;
      }
      let own = combined.get(id);
      if (own === undefined) {
        own = { best: seen.score, sum: seen.score, hit: { ...seen, terms: new Set(seen.terms), phrases: [...seen.phrases] } };
        combined.set(id, own);
        merged.set(id, own.hit);
      }
      own.best = Math.max(own.best, hit.score);
      own.sum += hit.score;
      own.hit.score = own.best + extra * (own.sum - own.best);
      own.hit.quality = Math.max(own.hit.quality, hit.quality);
      hit.terms.forEach((term) => own.hit.terms.add(term));
      own.hit.phrases.push(...hit.phrases);
      own.hit.inText ||= hit.inText;
    }
  }
  return merged;
}
