// Extractive question answering on top of the search core: find the passages, score their sentences by
// the question's words (weighted by rarity, synonyms below exact words), find the figure of the expected
// kind attached to those words, and return the shortest span that answers with its whole sentence.
// Every answer can be checked against its sentence; when the reports do not answer, say why.
import { LRUCache } from 'lru-cache';
import { termsOf, tokenize } from '../../language/analyzer.ts';
import { splitSentences } from '../../indexer/sentences.ts';
import type { Answer, AnswerResponse, Passage, SearchResult, YearAnswer } from '../../indexer/types.ts';
import { highlight, snippet } from '../search/highlight.ts';
import type { SearchCore } from '../search/search-core.ts';
import { thesaurus, wordTerms } from '../../language/thesaurus.ts';
import { findValues, type Value, type ValueKind } from './numbers.ts';
import { analyzeQuestion, isPastVerb, type AnswerType, type QuestionAnalysis } from './question.ts';

/** The answerer's constants, in one place. */
export const ANSWERING = {
  /** Passages taken from the search for the years asked about, and from all years. */
  candidates: 15,
  /** Weights of the parts of a sentence's score. */
  coverageWeight: 0.55,
  attachmentWeight: 0.35,
  rankWeight: 0.1,
  /** A word found only elsewhere in the passage counts this much; a thesaurus wording this much. */
  passageOnly: 0.5,
  synonym: 0.85,
  derivation: 0.8,
  /** A verb of the question ("seized") counts this much towards a sentence's coverage: texts often say it with a noun. */
  verbCoverage: 0.5,
  /** The head noun ("cases" in "how many sextortion cases") and verbs ("seized") count this much next to a figure. */
  headAttachment: 0.5,
  /** How far from a figure (in words, within its clause) the words it counts may stand. */
  window: 6,
  /** A figure whose noun ("… reporting units") is not the thing asked about ("accidents") counts this much. */
  otherNoun: 0.5,
  /** A figure whose noun is the thing asked about counts this much more. */
  sameNoun: 1.1,
  /** Below this share of the question's words, a sentence does not answer. */
  minCoverage: 0.5,
  /** Below this score nothing is answered; from `likely` up it is a likely answer. */
  minScore: 0.4,
  likely: 0.7,
};

const EXPECTED: Record<AnswerType, ValueKind[]> = {
  count: ['count', 'amount'],
  quantity: ['amount', 'count'],
  percentage: ['percentage'],
  date: ['date', 'year'],
  place: [],
  name: [],
  unknown: [],
};

// Words that end the noun phrase after a figure ("391 cases recorded" → "391 cases").
const SPAN_STOP = /^(of|in|on|at|by|for|with|from|to|during|over|under|via|including|compared|while|and|or|which|who|that|as|since|per|than|into|between|across|after|before|were|was|are|is|have|has|had|the|a|an|this|these|its|their)$/i;

interface Concept {
  label: string;
  /**
   * Ways of finding it: the exact words (anywhere in the text), thesaurus wordings (words together),
   * then related words of general English (`related`: evidence for a sentence, not that a thing is
   * mentioned at all).
   */
  alternatives: Array<{ terms: string[]; together: boolean; weight: number; related?: boolean }>;
  weight: number;
  /** The head noun (what is counted), another noun of the question, or a verb (what was done). */
  role: 'head' | 'noun' | 'verb';
}

// Next to a figure, the head noun and verbs count half: "how many followers … on Instagram" is answered
// by the figure beside "Instagram", not the total beside "followers"; "seized" applies to every figure.
const ATTACHMENT: Record<Concept['role'], number> = { head: ANSWERING.headAttachment, noun: 1, verb: ANSWERING.headAttachment };

interface Token {
  terms: string[];
  start: number;
  end: number;
}

interface Candidate {
  passage: Passage;
  rank: number;
  sentence: { start: number; end: number; text: string };
  value: Value;
  span: { start: number; end: number };
  year: number;
  coverage: number;
  score: number;
}

function contentTokens(text: string): Token[] {
  return tokenize(text)
    .map((token) => ({ terms: termsOf(token.surface), start: token.start, end: token.end }))
    .filter((token) => token.terms.length > 0);
}

// A word of the text matches a word of the question when their stems are equal, or, less surely, when
// one stem extends the other by a few letters (a derivation the stemmer keeps apart: seized / seizures).
function matchStrength(token: Token, term: string): number {
  if (token.terms.includes(term)) return 1;
  const stem = token.terms[0]!;
  const [short, long] = stem.length <= term.length ? [stem, term] : [term, stem];
  return short.length >= 4 && long.length - short.length <= 3 && long.startsWith(short) && !/\d/.test(long) ? ANSWERING.derivation : 0;
}

// Where an alternative is found in `tokens` (all its words anywhere, or together in order), and how surely.
function findAlternative(tokens: Token[], alternative: Concept['alternatives'][number]): { strength: number; positions: number[] } {
  const none = { strength: 0, positions: [] };
  if (alternative.together) {
    for (let i = 0; i + alternative.terms.length <= tokens.length; i++) {
      if (alternative.terms.every((term, k) => tokens[i + k]!.terms.includes(term))) return { strength: 1, positions: alternative.terms.map((_, k) => i + k) };
    }
    return none;
  }
  const best = alternative.terms.map((term) => {
    let found = { strength: 0, position: -1 };
    tokens.forEach((token, i) => {
      const strength = matchStrength(token, term);
      if (strength > found.strength) found = { strength, position: i };
    });
    return found;
  });
  if (best.some((found) => found.strength === 0)) return none;
  return { strength: Math.min(...best.map((found) => found.strength)), positions: best.map((found) => found.position) };
}

/** The best way a concept is present in a text: its weight share (1 exact, less for a synonym or a derivation) and where. */
function presence(tokens: Token[], concept: Concept): { share: number; positions: number[] } {
  let best = { share: 0, positions: [] as number[] };
  for (const alternative of concept.alternatives) {
    const { strength, positions } = findAlternative(tokens, alternative);
    if (strength * alternative.weight > best.share) best = { share: strength * alternative.weight, positions };
  }
  return best;
}

// What an answer's figure measures, as the API names it (only these kinds of figure answer questions).
function answerKind(kind: ValueKind): Answer['kind'] {
  return kind === 'percentage' || kind === 'amount' || kind === 'date' ? kind : 'count';
}

export class Answerer {
  // Recent answers, so that a question asked again is answered at once.
  private readonly cache = new LRUCache<string, AnswerResponse>({ max: 500 });

  constructor(private readonly core: SearchCore) {}

  private idf(term: string): number {
    return Math.log(1 + this.core.passages.length / Math.max(1, this.core.documentFrequency(term)));
  }

  // The question's words as concepts: spelling corrected, thesaurus wordings joined, weighted by rarity.
  private concepts(words: string[], role: Concept['role']): Concept[] {
    const read = words
      .map((word) => {
        const terms = wordTerms(word);
        if (terms.length === 0) return null;
        const known = terms.some((term) => this.core.documentFrequency(term) > 0);
        const correction = known ? null : this.core.vocabulary.correct(word);
        return { word, terms: correction === null ? terms : wordTerms(correction) };
      })
      .filter((word): word is { word: string; terms: string[] } => word !== null && word.terms.length > 0);
    const matches = new Map(thesaurus.find(read.map((word) => word.terms[0]!)).map((match) => [match.from, match]));
    const concepts: Concept[] = [];
    for (let i = 0; i < read.length; ) {
      const match = matches.get(i);
      const span = read.slice(i, match?.to ?? i + 1);
      const exact = span.flatMap((word) => word.terms.slice(0, 1));
      concepts.push({
        label: span.map((word) => word.word).join(' '),
        alternatives: [
          { terms: exact, together: false, weight: 1 },
          // The thesaurus's English wordings (the answers read English text), then the words general
          // English relates to a single word, as the search finds them (deaths → fatalities).
          ...(match?.synonyms ?? []).filter((synonym) => synonym.language === 'en').map((synonym) => ({ terms: synonym.terms, together: synonym.terms.length > 1, weight: ANSWERING.synonym })),
          ...(span.length === 1 ? this.core.related.related(span[0]!.word) : []).map((related) => ({ terms: related.terms, together: related.terms.length > 1, weight: ANSWERING.synonym * related.quality, related: true })),
        ],
        weight: Math.max(...exact.map((term) => this.idf(term))),
        role,
      });
      i += span.length;
    }
    return concepts;
  }

  private mentioned(concept: Concept): boolean {
    return concept.alternatives.some((alternative) => alternative.related !== true && alternative.terms.every((term) => this.core.documentFrequency(term) > 0));
  }

  /** Answers a question. Never throws; declines with a reason when the reports do not answer it. */
  answer(question: string): AnswerResponse {
    const cached = this.cache.get(question);
    if (cached !== undefined) return cached;
    const response = this.work(question);
    this.cache.set(question, response);
    return response;
  }

  private work(question: string): AnswerResponse {
    const analysis = analyzeQuestion(question);
    const response = (answer: Answer | null, reason: string | null, passages: SearchResult[] = [], byYear: YearAnswer[] = []): AnswerResponse => ({
      question,
      answer,
      reason: answer === null ? reason : null,
      byYear,
      passages,
      analysis: { type: analysis.type, years: analysis.years, severalYears: analysis.severalYears, head: analysis.head, qualifiers: analysis.qualifiers },
    });
    const covered = [...new Set(this.core.reports.map((report) => report.year))].sort((a, b) => a - b);
    const coverage = `The reports cover ${listYears(covered)}.`;
    if (!analysis.isQuestion) {
      return response(null, 'This is not a question. Ask, for example, “How many sextortion cases were recorded in 2024?”, or use the search for a topic.');
    }
    const nouns = analysis.qualifiers.filter((word) => !analysis.verbs.includes(word));
    const concepts = [
      ...this.concepts(analysis.head, 'head'),
      ...this.concepts(nouns, 'noun'),
      ...this.concepts(analysis.verbs, 'verb'),
    ];
    if (concepts.length === 0) return response(null, 'The question has no words to look for in the reports.');
    const missing = concepts.filter((concept) => !this.mentioned(concept));
    // What the question is about must be in the reports: its head noun, or, without one, some noun.
    const heads = concepts.filter((concept) => concept.role === 'head');
    const about = heads.length > 0 ? heads : concepts.filter((concept) => concept.role === 'noun');
    const absent = about.filter((concept) => missing.includes(concept));
    if (about.length > 0 && (heads.length > 0 ? absent.length > 0 : absent.length === about.length)) {
      return response(null, `The reports never mention “${absent.map((concept) => concept.label).join(' ')}”.`);
    }
    const present = concepts.filter((concept) => this.mentioned(concept));
    const years = analysis.severalYears && analysis.years.length === 0 ? covered : analysis.years;
    const candidates = this.candidates(analysis, present, years);
    const passages = this.supporting(candidates, analysis, years);
    if (years.length > 0 && years.every((year) => !covered.includes(year)) && candidates.length === 0) {
      return response(null, `${coverage} None of them gives this for ${listYears(years)}.`, passages);
    }
    if (analysis.severalYears && years.length > 1) {
      const byYear = years.map((year) => {
        const best = candidates.find((candidate) => candidate.year === year);
        return best === undefined
          ? { year, answer: null, reason: covered.includes(year) ? `The ${year} report does not state this.` : `No report covers ${year}.` }
          : { year, answer: this.toAnswer(best), reason: null };
      });
      const best = [...byYear].filter((row) => row.answer !== null).sort((a, b) => b.answer!.confidence - a.answer!.confidence)[0];
      return response(best?.answer ?? null, best === undefined ? `No sentence of the reports states this for ${listYears(years)}. ${coverage}` : null, passages, byYear);
    }
    const best = candidates[0];
    if (best === undefined) {
      const reason = years.some((year) => !covered.includes(year))
        ? `${coverage} None of them gives this for ${listYears(years)}.`
        : 'No sentence of the reports states this; the passages below are the closest evidence.';
      return response(null, reason, passages);
    }
    return response(this.toAnswer(best), null, passages);
  }

  // Scores the figures of every sentence of the candidate passages, best first.
  private candidates(analysis: QuestionAnalysis, concepts: Concept[], years: number[]): Candidate[] {
    const reportYears = new Set(this.core.reports.map((report) => report.year));
    const inCovered = years.filter((year) => reportYears.has(year));
    const nouns = analysis.qualifiers.filter((word) => !analysis.verbs.includes(word));
    // Retrieval is lenient (the sentences are scored on every word below): all the words, then without
    // the verbs (a text says "seizures" where a question says "seized"), then the head noun alone.
    const queries = [...new Set([[...analysis.head, ...analysis.qualifiers], [...analysis.head, ...nouns], analysis.head.length > 0 ? analysis.head : nouns].map((words) => words.join(' ')))].filter((q) => q !== '');
    const pool = new Map<string, number>();
    for (const q of queries) {
      const search = (filterYears: number[]) =>
        this.core.search({ q, filters: { years: filterYears, themes: [], reports: [] }, limit: ANSWERING.candidates, offset: 0, sort: 'relevance', figures: false }).results;
      const add = (results: SearchResult[]) => results.forEach((result, rank) => pool.set(result.id, Math.min(pool.get(result.id) ?? rank, rank)));
      // The reports of the years asked about, then all reports (a report also gives figures for the year before).
      if (inCovered.length > 0) add(search(inCovered));
      add(search([]));
    }
    const weightOf = (concept: Concept) => concept.weight * (concept.role === 'verb' ? ANSWERING.verbCoverage : 1);
    const total = concepts.reduce((sum, concept) => sum + weightOf(concept), 0);
    const kinds = EXPECTED[analysis.type];
    const found: Candidate[] = [];
    for (const [id, rank] of pool) {
      const passage = this.core.passage(id)!;
      const passageTokens = contentTokens(passage.text);
      const inPassage = concepts.map((concept) => presence(passageTokens, concept).share);
      for (const sentence of splitSentences(passage.text)) {
        const tokens = contentTokens(sentence.text);
        const here = concepts.map((concept) => presence(tokens, concept));
        const covered = concepts.reduce((sum, concept, c) => sum + weightOf(concept) * Math.max(here[c]!.share, inPassage[c]! * ANSWERING.passageOnly), 0) / total;
        if (covered < ANSWERING.minCoverage) continue;
        for (const value of this.valuesOf(sentence.text, kinds, analysis)) {
          const figureYear = this.yearOf(sentence.text, value, passage.year);
          if (years.length > 0 && !years.includes(figureYear)) continue;
          const attachment = this.attachment(tokens, value, concepts, sentence.text) / total;
          const span = this.span(sentence.text, value);
          const agreement = this.countedNounAgreement(sentence.text.slice(value.end, span.end), concepts);
          const score = agreement * (ANSWERING.coverageWeight * covered + ANSWERING.attachmentWeight * attachment + ANSWERING.rankWeight * (1 - rank / ANSWERING.candidates));
          if (score < ANSWERING.minScore) continue;
          found.push({ passage, rank, sentence, value, span, year: figureYear, coverage: covered, score });
        }
      }
    }
    return found.sort((a, b) => b.score - a.score || a.rank - b.rank || a.value.start - b.value.start);
  }

  // The figures of a sentence of the expected kind; a question with no expected kind gets none.
  private valuesOf(text: string, kinds: ValueKind[], analysis: QuestionAnalysis): Value[] {
    const values = findValues(text).filter((value) => kinds.includes(value.kind));
    // "how many" asks for a count: an amount only answers when the question names its unit ("how many tons").
    if (analysis.type === 'count') {
      const units = analysis.head.join(' ').toLowerCase();
      return values.filter((value) => value.kind === 'count' || (value.unit !== null && units.includes(value.unit.replace(/s$/, ''))));
    }
    return values;
  }

  // Whether the noun a figure counts (the last word of the phrase after it: "six new traffic accident
  // reporting units" counts units) is the thing the question asks about. No phrase: no evidence either way.
  private countedNounAgreement(phrase: string, concepts: Concept[]): number {
    const words = contentTokens(phrase);
    const head = concepts.filter((concept) => concept.role === 'head');
    if (words.length === 0 || head.length === 0) return 1;
    const counted = words[words.length - 1]!;
    const same = head.some((concept) => concept.alternatives.some((alternative) => alternative.terms.some((term) => matchStrength(counted, term) > 0)));
    return same ? ANSWERING.sameNoun : ANSWERING.otherNoun;
  }

  // The year a figure is about: a year named in its clause ("80,091 in 2022"), else the report's year.
  private yearOf(text: string, value: Value, reportYear: number): number {
    const clause = clauseAround(text, value.start, value.end);
    const named = findValues(clause.text).filter((v) => v.kind === 'year' || (v.kind === 'date' && /\d{4}/.test(v.text)));
    if (named.length === 0) return reportYear;
    const middle = value.start - clause.start;
    const nearest = named.sort((a, b) => Math.abs(a.start - middle) - Math.abs(b.start - middle))[0]!;
    return Number(/(19|20)\d\d/.exec(nearest.text)?.[0] ?? reportYear);
  }

  // How strongly the question's words stand by the figure: qualifiers fully, the head noun half, each by
  // how much of it lies within a few words of the figure in the same clause.
  private attachment(tokens: Token[], value: Value, concepts: Concept[], text: string): number {
    const clause = clauseAround(text, value.start, value.end);
    const near = tokens
      .map((token, i) => ({ token, i }))
      .filter(({ token }) => token.start >= clause.start && token.end <= clause.end && (token.end <= value.start || token.start >= value.end));
    // Words past a neighbouring figure describe that figure, not this one.
    const others = findValues(text).filter((other) => other.kind !== 'year' && other.kind !== 'date' && other.start !== value.start);
    const lastBefore = Math.max(clause.start, ...others.filter((other) => other.end <= value.start).map((other) => other.end));
    const firstAfter = Math.min(clause.end, ...others.filter((other) => other.start >= value.end).map((other) => other.start));
    const before = near.filter(({ token }) => token.end <= value.start && token.start >= lastBefore).slice(-ANSWERING.window);
    const after = near.filter(({ token }) => token.start >= value.end && token.end <= firstAfter).slice(0, ANSWERING.window);
    const window = [...before, ...after].map(({ token }) => token);
    return concepts.reduce((sum, concept) => {
      const found = presence(window, concept).share;
      return sum + concept.weight * found * ATTACHMENT[concept.role];
    }, 0);
  }

  // The shortest span that answers: the figure, its unit, and the noun phrase after it ("391 cases",
  // "19,722,041 emergency calls", "1.948 tons of cocaine").
  private span(text: string, value: Value): { start: number; end: number } {
    let end = value.end;
    if (value.kind === 'percentage' || value.kind === 'date' || value.kind === 'year') return { start: value.start, end };
    if (value.unit !== null) {
      const rest = text.slice(end);
      const of = /^\s+of\s+([\p{L}’'-]+(?:\s+[\p{L}’'-]+)?)/u.exec(rest);
      if (of !== null) {
        const words = of[1]!.split(/\s+/);
        const kept = SPAN_STOP.test(words[1] ?? '') || /(ed|ing)$/.test(words[1] ?? '') ? words.slice(0, 1) : words;
        end += of[0].length - (of[1]!.length - kept.join(' ').length);
      }
      return { start: value.start, end };
    }
    // The noun phrase: up to five words, ending before a small word, a verb form or punctuation. A word in
    // -ing followed by a noun modifies it ("traffic accident reporting units") and belongs to the phrase.
    const word = /\s+([\p{L}][\p{L}’'-]*)/uy;
    const next = (at: number) => {
      word.lastIndex = at;
      return word.exec(text);
    };
    for (let taken = 0; taken < 5; taken++) {
      const match = next(end);
      if (match === null || SPAN_STOP.test(match[1]!) || isPastVerb(match[1]!)) break;
      if (/^\p{L}+ing$/u.test(match[1]!)) {
        const following = next(match.index + match[0].length);
        if (following === null || SPAN_STOP.test(following[1]!) || /^\p{L}+(ed|ing)$/u.test(following[1]!)) break;
      }
      end = match.index + match[0].length;
    }
    return { start: value.start, end };
  }

  private toAnswer(candidate: Candidate): Answer {
    const { passage, sentence, span } = candidate;
    const spanStart = sentence.start + span.start;
    const spanEnd = sentence.start + span.end;
    const marks = [{ start: spanStart, end: spanEnd }];
    return {
      text: passage.text.slice(spanStart, spanEnd),
      sentence: sentence.text,
      sentenceHtml: highlight(sentence.text, [{ start: span.start, end: span.end }]),
      passage: { ...this.core.view(passage), snippetHtml: snippet(passage.text, marks), score: round(candidate.score), duplicates: [] },
      confidence: round(Math.min(1, candidate.score / 0.85)),
      year: candidate.year,
      value: candidate.value.value,
      unit: candidate.value.unit,
      kind: answerKind(candidate.value.kind),
    };
  }

  // The passages that support the answer: those of the best candidates, then the search's own.
  private supporting(candidates: Candidate[], analysis: QuestionAnalysis, years: number[]): SearchResult[] {
    const seen = new Set<string>();
    const results: SearchResult[] = [];
    const query = [...analysis.head, ...analysis.qualifiers].join(' ');
    const fromSearch = query === '' ? [] : this.core.search({ q: query, filters: { years: years.filter((y) => this.core.reports.some((r) => r.year === y)), themes: [], reports: [] }, limit: 5, offset: 0, sort: 'relevance' }).results;
    for (const candidate of candidates) {
      if (seen.has(candidate.passage.id) || results.length >= 5) continue;
      seen.add(candidate.passage.id);
      results.push({ ...this.core.view(candidate.passage), snippetHtml: snippet(candidate.passage.text, [{ start: candidate.sentence.start + candidate.span.start, end: candidate.sentence.start + candidate.span.end }]), score: round(candidate.score), duplicates: [] });
    }
    for (const result of fromSearch) {
      if (seen.has(result.id) || results.length >= 5) continue;
      seen.add(result.id);
      results.push(result);
    }
    return results;
  }
}

// The clause of a sentence around a span: between the nearest separators (; : ( ) or a comma followed by
// a space) on each side.
function clauseAround(text: string, start: number, end: number): { start: number; end: number; text: string } {
  // A comma before a year ("December 6-7, 2023") is part of a date, not the end of a clause.
  const separator = /[;:()]|,["”’]?\s(?!(19|20)\d\d\b)|\s[–—-]\s/g;
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(separator)) {
    const at = match.index ?? 0;
    if (at + match[0].length <= start) from = at + match[0].length;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return { start: from, end: to, text: text.slice(from, to) };
}

function listYears(years: number[]): string {
  if (years.length <= 1) return years.join('');
  return `${years.slice(0, -1).join(', ')} and ${years[years.length - 1]}`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
