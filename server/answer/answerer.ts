// Extractive question answering on top of the search core: find the passages, score their sentences by
// the question's words (weighted by rarity, synonyms below exact words), find the figure of the expected
// kind attached to those words, and return the shortest span that answers with its whole sentence.
// Every answer can be checked against its sentence; when the reports do not answer, say why.
import { LRUCache } from 'lru-cache';
import { termsOf, tokenize, type Language } from '../../language/analyzer.ts';
import { splitSentences } from '../../indexer/sentences.ts';
import type { Answer, AnswerResponse, Passage, SearchResult, YearAnswer } from '../../indexer/types.ts';
import { highlight, snippet } from '../search/highlight.ts';
import { generalRarity, type SearchCore } from '../search/search-core.ts';
import { thesaurus, wordTerms, type ThesaurusEntry } from '../../language/thesaurus.ts';
import { lexicon } from '../../language/lexicon.ts';
import type { RelatedWording, RelationKind } from '../../language/related.ts';
import { findChanges, findNames, findPlaces } from './entities.ts';
import { findValues, type Value, type ValueKind } from './numbers.ts';
import { COUNTRY_POPULATION, foldName } from '../../language/lexicon-compile.ts';
import { analyzeQuestion, asksLatest, escapeRegExp, isPastVerb, type AnswerType, type QuestionAnalysis } from './question.ts';

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
  /**
   * A figure whose clause (with the sentence's lead-in) lacks the words that set the asked thing apart
   * ("sextortion" in "sextortion cases") counts this much: "250 cases related to counterfeiting" is not
   * a count of sextortion cases, though the sentence names sextortion elsewhere.
   */
  unboundModifier: 0.5,
  /**
   * A figure whose clause lacks the question's verb ("recruited") counts this much when the sentence
   * has it elsewhere, and `verbAbsent` when the sentence lacks it: "280 women" who were promoted do not
   * answer how many were recruited. Reporting verbs (recorded, reached, handled) are not asked about.
   */
  verbElsewhere: 0.7,
  verbAbsent: 0.55,
  /** …and when another verb sends the counted to the same place ("referred to public prosecutors" for "handed over to prosecutors"). */
  sameFrame: 0.85,
  /** Another figure of the asked kind in the same sentence, scoring at least this share of the best, makes it less sure. */
  rivalShare: 0.85,
  /** …by this factor. */
  rivalDiscount: 0.85,
  /**
   * An answer whose best rival (another figure for the same year, in another sentence) scores at most this
   * share of it is clearly ahead, and counts `clearLead` more; one whose rival scores `closeRival` of it or
   * more counts `rivalDiscount` less. Measured on the dev question sets: of the top figures scoring 0.3–0.5,
   * three in four were right when clearly ahead, one in five when a rival came close.
   */
  leadShare: 0.5,
  clearLead: 1.25,
  closeRival: 0.85,
  /** A clear lead alone makes an answer at most this sure: it can turn a guess into a possible answer, never into a likely one. */
  leadCeiling: 0.65,
  /** Below this confidence no answer is given (the closest passages are): on every set, most such answers were wrong. */
  minConfidence: 0.5,
  /** An answer is at most this much surer than the share of the question's words its sentence holds. */
  coverageMargin: 0.1,
  /** A web address answering for a name when the question asks for no address or site ("the name of the app") counts this much. */
  addressNotAsked: 0.7,
  /** A figure given as a part of the one before ("including 10,720 who were wanted persons") answering a question about a part ("Of those arrested, how many …") counts this much more, and the whole it is part of this much less. */
  partGiven: 1.2,
  /** A figure a report gives for a year after its own (a plan: "the fifth edition … in Agadir next year") counts this much when that year is asked about: its own report, where there is one, tells what happened. */
  planned: 0.9,
  /** An answer found by reading a word the reports never use as the word they do write ("kids" as "children") counts this much. */
  readAs: 0.9,
  /** For "the next …" or "the latest …" with no year, each year a report is older than the last counts this much. */
  olderReport: 0.9,
  /** A count in a clause where what is counted does something ("took part", "were assigned") answering how many there are in all counts this much. */
  stockAction: 0.7,
  /** A name that does not look like a person's ("MENA", "President of Interpol") answering "who" counts this much. */
  notAPerson: 0.6,
  /** A sentence that lacks a name the question gives, which another sentence of its passage holds, counts this much. */
  nameElsewhere: 0.8,
  /** How many figures of a kind make a sentence a list of them, whose items its names tell apart. */
  listLength: 3,
  /** A sentence about another edition or rank than the one the question names ("fifth" for "6th"). */
  otherOrdinal: 0.5,
  /** How many words either side of the earlier mention a demonstrative phrase points back to are read as what it stands for. */
  antecedentWindow: 4,
  /** The most confidence an answer is given: it is read from a sentence, never certain. */
  maxConfidence: 0.95,
  /** One word of a question's wording of several, found alone, counts this much of the wording. */
  partOfWording: 0.5,
  /**
   * A figure given as a total ("the number of people arrested … reached 97,564", "a total of 19,722,041")
   * counts this much more: a "how many" question asks for the total, not for one operation's figure.
   */
  totalCue: 1.15,
  /** …and a figure given as no total, when the question asks for one ("in total", "overall"). */
  notTotal: 0.85,
  /** A name in more than this share of the passages is the reports' own subject ("DGSN"), never an answer. */
  commonName: 0.05,
  /** A change the other way than the question's ("did X rise" answered by "decreased by 21%") counts this much. */
  otherDirection: 0.5,
  /** A month or a bare year answering "when" counts this much next to a day's date (its square when the day is asked). */
  coarseDate: 0.8,
  /** A name with no word of the thing asked about beside it ("African Cup" for "which project") counts this much. */
  unnamedName: 0.7,
  /** …and one with the words that set the thing asked apart beside it or in it ("American" for "which American laboratory") this much more. */
  namedModifier: 0.15,
  /** A French report's sentence, read through the thesaurus's French wordings, counts this much. */
  otherLanguage: 0.85,
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
  change: ['change'],
  ordinal: ['ordinal'],
  date: ['date', 'year'],
  place: ['place'],
  name: ['name'],
  unknown: [],
};

const LANGUAGE_NAMES: Record<string, string> = { fr: 'French', ar: 'Arabic' };

// Verbs that only report a figure ("recorded 508 incidents", "reached 95%", "handled 34,047 cases") and
// light verbs ("took the exams", "held"): a question's verb of this kind says nothing about which figure
// it asks for.
const REPORTING_VERBS = new Set(
  ['record', 'register', 'report', 'count', 'reach', 'total', 'amount', 'number', 'note', 'see', 'witness', 'mark', 'handle', 'process',
    'receive', 'deal', 'carry', 'conduct', 'log', 'document', 'observe', 'achieve', 'exceed', 'stand', 'show', 'list', 'give', 'state',
    'take', 'make', 'have', 'get', 'do', 'go', 'come', 'hold', 'put', 'set', 'keep', 'become',
    // …and those of an event, which is held, hosted or organised alike.
    'organize', 'organise', 'host', 'stage',
    // …and "found" of a thing found (seized, detected): "how many fake banknotes were found".
    'find'],
);

// Words of a question that ask for a total.
const TOTAL_ASKED = /\b(in total|in all|altogether|overall|combined|all told|total (?:number|amount|quantity))\b/i;

// A question about a part of a whole: "Of the people arrested, how many were minors?", "Among those
// arrested …, how many were wanted persons?", "how many of the victims …".
const PART_ASKED = /^\s*(?:of|among|amongst)\s+(?:the|those|these|all)\b[^?]*?,\s*how many\b|\bhow many of (?:the|those|these|them)\b/i;

// Words that give a figure as a part of the one before it ("29,959 individuals, including 10,720 who …"):
// before the part, and after the whole.
const PART_WORDS = '(?:including|of whom|of which|among them|among whom|of them)';
const PART_CUE = new RegExp(`\\b${PART_WORDS}\\s+(?:[\\p{L}-]+\\s+){0,2}$`, 'iu');
const WHOLE_CUE = new RegExp(`^[^,.;]{0,60},\\s*${PART_WORDS}\\b`, 'iu');

// Whether the words a total is given of ("the number of people arrested in drug cases, it reached")
// hold a content word the question has none of: then it is the total of a part.
function totalOfAPart(before: string, concepts: Concept[], language: Language): boolean {
  const of = /\b(?:number|total) of ([^,;:]*?)(?:,|\s+(?:is|was|were|are|reached|amounted|stood|totall?ed|rose|fell)\b|$)/i.exec(before);
  if (of === null) return false;
  // ("…investigated in these cases": a noun pointed back to is the question's own, not a part.)
  const words = of[1]!.replace(/\b(?:these|this|such|those|said)\s+[\p{L}'’-]+/giu, ' ');
  return contentTokens(words, language).some((token) => !concepts.some((concept) => presence([token], concept).share > 0));
}

// For a question about a part, how a count stands: given as the part ("including 10,720 who …") it counts
// more, as the whole a part of it is given of ("29,959 individuals, including …") less.
function partOrWhole(text: string, value: Value): number {
  if (PART_CUE.test(text.slice(Math.max(0, value.start - 40), value.start))) return ANSWERING.partGiven;
  return WHOLE_CUE.test(text.slice(value.end)) ? 1 / ANSWERING.partGiven : 1;
}

// Words that give a figure as a total.
const TOTAL_CUE = /\b(the (?:(?:total|current|overall|present|entire|whole) )?number of|a total of|in total|totaling|totalling|overall)\b/i;

// The words that open a clause elaborating the one before it ("…, an increase of 574 percent"), or giving
// the same measure for another year ("…374,446 official reports were issued in 2023, compared with
// 372,086 in 2022").
const ELABORATION = /^\s*(\p{N}[\p{N}.,]*\s*(?:%|percent|per cent)?\s+of (?:which|whom|them|these|those)|with|whose|of whom|including|followed by|then|includ(?:ed|es)|totaling|totalling|of which|among them|namely|i\.e\.|that is|bringing|representing|reflecting|marking|recording|registering|amounting|compared (?:with|to)|against|as against|versus|up from|down from|after|from|(?:an?|the)\s+(?:[\p{L}\p{N}.,%-]+\s+){0,3}(?:increase|rise|decrease|decline|drop|jump|growth|fall|reduction|surge))\b/iu;

// The nouns for people in general.
const PERSONS = new Set(['person', 'people', 'individual', 'individuals', 'persons'].flatMap((noun) => termsOf(noun)));

// A question about how many there are in all: "does the DGSN have / employ", "work for", "are there".
const STOCK_ASKED = /\b(?:do|does|did|will)\b[^?]*\b(?:have|employ|count|number|comprise|possess)\b|\bwork(?:s|ed|ing)? (?:for|at|in)\b|\b(?:are|were|is) there\b|\bon (?:the|its|their) (?:[\p{L}'’-]+ ){0,3}payroll\b/iu;

// Whether the clause of a figure says that what it counts did something ("11,559 police officers took
// part", "benefiting a total of 7,513 police officers", "554 officers were assigned"): a verb in the
// past or in -ing other than one that states a figure ("reached", "stood at", "including").
function actionInClause(text: string, value: Value): boolean {
  const clause = clauseAround(text, value.start, value.end).text;
  return (clause.match(/\p{L}+/gu) ?? []).some(
    (word) =>
      (isPastVerb(word) || (/^\p{Ll}{3,}ing$/u.test(word) && lexicon().canBeVerb(word.slice(0, -3)))) &&
      !/^(reached|recorded|registered|totalled|totaled|stood|amounted|numbered|including|counting|compared|during|following|according|regarding|concerning|reaching|totalling|bringing|was|were|been|had|did|rose|fell|increased|decreased|distributed|divided|split|broken|spread)$/i.test(word),
  );
}

// The nouns for the members of the force, whose number with no action asked is the whole stock.
const MEMBERS = new Set(['officer', 'officers', 'policemen', 'policewomen', 'staff', 'personnel', 'employees', 'agents', 'women', 'men', 'workforce', 'headcount', 'members'].flatMap((noun) => termsOf(noun)));

// A web address ("www.cnie.ma", "https://…").
const WEB_ADDRESS = /^(?:https?:\/\/|www\.)|\.(?:ma|com|org|net|gov|int|info)(?:\/|$)/i;

// Nouns that only classify what is counted, and so stand for one another after a figure: a count of
// "sextortion cases" may be given as "508 incidents", a count of people as "300 persons".
const COUNT_NOUN_CLASSES = [
  ['case', 'incident', 'instance', 'occurrence', 'offence', 'offense', 'affair', 'file', 'matter'],
  ['person', 'people', 'individual'],
  ['staff', 'personnel', 'employee', 'worker', 'workforce'],
  // The audience of an account or a platform.
  ['follower', 'user', 'subscriber', 'fan'],
].map((nouns) => new Set(nouns.flatMap((noun) => termsOf(noun))));

// Words that end the noun phrase after a figure ("391 cases recorded" → "391 cases").
const SPAN_STOP = /^(of|in|on|at|by|for|with|from|to|during|over|under|via|including|compared|while|and|or|which|who|that|as|since|per|than|into|between|across|after|before|were|was|are|is|have|has|had|the|a|an|this|these|its|their|de|du|des|la|le|les|et|en|à|au|aux|par|pour|dont|qui|que|sur|dans|avec|soit|contre|ont|sont|été)$/i;

interface Concept {
  label: string;
  /**
   * Ways of finding it: the exact words (anywhere in the text), thesaurus wordings (words together),
   * then related words of general English (`related`: evidence for a sentence, not that a thing is
   * mentioned at all).
   */
  alternatives: Array<{ terms: string[]; together: boolean; weight: number; related?: boolean; language?: Language; relation?: RelationKind; agent?: boolean }>;
  weight: number;
  /**
   * The head noun (what is counted), the words before it that set it apart ("sextortion" of "sextortion
   * cases"), another noun of the question, or a verb (what was done).
   */
  role: 'head' | 'modifier' | 'noun' | 'verb';
  /** For a verb: true when it says what was done to the thing counted ("were recruited"): a figure must be bound to it. */
  bound?: boolean;
  /** For a verb of sending: the noun it sends to ("handed over to prosecutors"), by which another verb of the same frame stands for it. */
  goal?: Concept;
}

// Next to a figure, the head noun and verbs count half: "how many followers … on Instagram" is answered
// by the figure beside "Instagram", not the total beside "followers"; "seized" applies to every figure.
const ATTACHMENT: Record<Concept['role'], number> = { head: ANSWERING.headAttachment, modifier: 1, noun: 1, verb: ANSWERING.headAttachment };

// A noun phrase that points back to the sentence before ("this synthetic drug", "these devices", "such
// operations"): the words it stands for.
const DEMONSTRATIVE = /\b(?:this|these|such|said)\s+[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,3}/iu;

// "This" or "It" as a sentence's subject, before a verb: "This is facilitated …", "It also allows …".
// So does a connective that points back at it: "In this regard, 554 police officers … were assigned …".
const OPENING_PRONOUN = /^\s*(?:(This|These|It)\s+(?:also\s+|thus\s+|further\s+)?(?:is|are|was|were|has|have|had|will|would|can|could|allows?|allowed|enables?|enabled|makes?|made|helps?|helped|led|leads?|means?|meant|aims?|aimed)\b|(In this (?:regard|respect|context|connection|framework)|To this end|Within this framework|As part of (?:this|these) (?:efforts?|measures?))\b)/;

// The phrase a demonstrative opens, up to a small word or a verb form ("this new functional equipment"
// of "this new functional equipment, an increase …"; "this illicit trade" of "this illicit trade and …").
function demonstrativePhrase(text: string): string {
  const [determiner, ...rest] = text.split(/\s+/);
  const stop = rest.findIndex((word) => SPAN_STOP.test(word) || isPastVerb(word));
  return [determiner, ...(stop < 0 ? rest : rest.slice(0, Math.max(1, stop)))].join(' ');
}

// The sentence's words, and where it points back with a demonstrative phrase, the words that phrase
// stands for: near the last earlier mention of its noun in the paragraph ("the synthetic drug known as
// L'pufa" … "5,175 kg of this synthetic drug"), those that name what the question asks about (its head
// and the words that set it apart, or its nouns when it has no head) by their own words or a thesaurus
// wording, not a related word (a drug is not cocaine). They are placed at the phrase.
function withAntecedents(tokens: Token[], previous: Token[], last: Token[], text: string, concepts: Concept[]): Token[] {
  if (previous.length === 0) return tokens;
  // A sentence that opens on "This" or "It" as its subject ("This is facilitated through Tifli
  // Moukhtafi, …") is about what the sentence before said: the question's words found there count here.
  const pronoun = OPENING_PRONOUN.exec(text);
  if (pronoun !== null) {
    // (A connective carries the things the sentence before spoke of, not what was done to them.)
    const carriedConcepts = pronoun[2] === undefined ? concepts : concepts.filter((concept) => concept.role !== 'verb');
    const carried = last.filter((token) => carriedConcepts.some((concept) => presence(tokens, concept).share === 0 && presence([token], concept).share > 0));
    tokens = [...tokens, ...carried.map((token) => ({ ...token, start: pronoun.index, end: pronoun.index + (pronoun[1] ?? pronoun[2]!).length, antecedent: true }))].sort((a, b) => a.start - b.start);
  }
  // Without a head ("By how much did interventions with tasers increase?"), the nouns say what is measured.
  const headless = !concepts.some((concept) => concept.role === 'head');
  const wanted = concepts
    .filter((concept) => (concept.role === 'head' || concept.role === 'modifier' || (headless && concept.role === 'noun')) && presence(tokens, concept).share === 0)
    .map((concept) => ({ ...concept, alternatives: concept.alternatives.filter((alternative) => alternative.related !== true) }));
  if (wanted.length === 0) return tokens;
  const added: Token[] = [];
  for (const match of text.matchAll(new RegExp(DEMONSTRATIVE.source, 'giu'))) {
    const phrase = demonstrativePhrase(match[0]);
    const noun = contentTokens(phrase, previous[0]!.language).at(-1);
    if (noun === undefined) continue;
    const mention = previous.findLastIndex((token) => noun.terms.some((term) => matchStrength(token, term) > 0));
    if (mention < 0) continue;
    const near = previous.slice(Math.max(0, mention - ANSWERING.antecedentWindow), mention + ANSWERING.antecedentWindow + 1);
    const carried = near.filter((token) => wanted.some((concept) => presence([token], concept).share > 0));
    added.push(...carried.map((token) => ({ ...token, start: match.index!, end: match.index! + phrase.length, antecedent: true })));
  }
  // A sentence that opens on the head noun again, bare ("Cooperation with Spain ranked first …" after
  // "… international police cooperation …"), goes on with the topic of the one before: the words that
  // set the head apart there hold here.
  const heads = concepts.filter((concept) => concept.role === 'head').map((concept) => ({ ...concept, alternatives: concept.alternatives.filter((alternative) => alternative.related !== true) }));
  const modifiers = wanted.filter((concept) => concept.role === 'modifier');
  const opening = modifiers.length === 0 ? undefined : tokens.slice(0, 2).find((token) => token.antecedent !== true && heads.some((head) => presence([token], head).share > 0));
  if (opening !== undefined) {
    const mention = last.findLastIndex((token) => heads.some((head) => presence([token], head).share > 0));
    if (mention >= 0) {
      const near = last.slice(Math.max(0, mention - ANSWERING.antecedentWindow), mention);
      const carried = near.filter((token) => modifiers.some((concept) => presence([token], concept).share > 0));
      added.push(...carried.map((token) => ({ ...token, start: opening.start, end: opening.end, antecedent: true })));
    }
  }
  return added.length === 0 ? tokens : [...tokens, ...added].sort((a, b) => a.start - b.start);
}

interface Token {
  terms: string[];
  /** True for a word of the sentence before, stood for here by a demonstrative phrase ("this drug"). */
  antecedent?: boolean;
  /** The language its terms were analysed in (that of its report). */
  language: Language;
  start: number;
  end: number;
}

interface Candidate {
  /** Less than 1 when another figure of the same sentence fits about as well. */
  doubt?: number;
  /** More than 1 when no other figure for its year comes close, less than 1 when one from another sentence does. */
  lead?: number;
  passage: Passage;
  rank: number;
  sentence: { start: number; end: number; text: string };
  value: Value;
  span: { start: number; end: number };
  year: number;
  coverage: number;
  score: number;
}

function contentTokens(text: string, language: Language = 'en'): Token[] {
  return tokenize(text)
    .map((token) => ({ terms: termsOf(token.surface, language), start: token.start, end: token.end, language }))
    .filter((token) => token.terms.length > 0);
}

// A word of the text matches a word of the question when their stems are equal, or, less surely, when
// one stem extends the other by a few letters (a derivation the stemmer keeps apart: seized / seizures).
function matchStrength(token: Token, term: string): number {
  if (token.terms.includes(term)) return 1;
  const stem = token.terms[0]!;
  const [short, long] = stem.length <= term.length ? [stem, term] : [term, stem];
  if (short.length < 4 || /\d/.test(long)) return 0;
  if (long.length - short.length <= 3 && long.startsWith(short)) return ANSWERING.derivation;
  // A prefix that keeps the meaning: interconnect / connect, reorganised / organised (not un-, dis-).
  const prefix = /^(inter|re|co|sub|super|over|under|pre|post)/.exec(long)?.[0];
  return prefix !== undefined && long.slice(prefix.length).startsWith(short) && long.length - prefix.length - short.length <= 3 ? ANSWERING.derivation : 0;
}

// Where an alternative is found in `tokens` (all its words anywhere, or together in order), and how surely.
function findAlternative(tokens: Token[], alternative: Concept['alternatives'][number]): { strength: number; positions: number[] } {
  const none = { strength: 0, positions: [] };
  // English wordings are sought in English text, French ones in French text.
  if (tokens.length > 0 && (alternative.language ?? 'en') !== tokens[0]!.language) return none;
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
  return kind === 'year' ? 'date' : kind;
}

export class Answerer {
  // Recent answers, so that a question asked again is answered at once.
  private readonly cache = new LRUCache<string, AnswerResponse>({ max: 500 });

  /** The words the reports write in small letters somewhere: common words, never a person's name. */
  private lowerCaseWords: Set<string> | undefined;

  constructor(private readonly core: SearchCore) {}

  private idf(term: string): number {
    return this.idfOf(this.core.documentFrequency(term));
  }

  private idfOf(documentFrequency: number): number {
    return Math.log(1 + this.core.passages.length / Math.max(1, documentFrequency));
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
      const alternatives = this.alternativesOf(span.map((word) => word.word), exact, match?.synonyms ?? [], role);
      // A word the reports never use is as rare as the commonest of the wordings it is found by ("cops" as
      // "police officers"), not as rare as a word in no passage at all.
      const df = (terms: string[]) => Math.min(...terms.map((term) => this.core.documentFrequency(term)));
      const unused = exact.every((term) => this.core.documentFrequency(term) === 0);
      const foundAs = unused ? Math.max(0, ...alternatives.map((alternative) => df(alternative.terms))) : 0;
      concepts.push({
        label: span.map((word) => word.word).join(' '),
        alternatives,
        // Rare in the reports and in general English: "fully" or "plans" say less than "Stadia" or "Interpol".
        weight: (foundAs > 0 ? this.idfOf(foundAs) : Math.max(...exact.map((term) => this.idf(term)))) * generalRarity(span.map((word) => word.word).join(' ')),
        role,
      });
      i += span.length;
    }
    return concepts;
  }

  // The ways of finding a concept in a sentence: its words (anywhere), a hyphenated word's parts, each
  // word of a wording of several, the thesaurus's wordings, the related words of general English, and
  // for a French report's sentences the French wordings and the words analysed as French.
  private alternativesOf(words: string[], exact: string[], synonyms: ThesaurusEntry[], role: Concept['role']): Concept['alternatives'] {
    const single = (terms: string[], weight: number) => ({ terms, together: false, weight, related: true });
    const alternatives: Concept['alternatives'] = [{ terms: exact, together: false, weight: 1 }];
    // A hyphenated word's parts, and their related words, found apart ("fibre-optic" in "optical fibers").
    for (const word of words.filter((surface) => surface.includes('-'))) {
      const parts = word.split('-').filter((part) => wordTerms(part).length > 0);
      if (parts.length < 2) continue;
      alternatives.push({ terms: parts.flatMap((part) => wordTerms(part).slice(0, 1)), together: false, weight: ANSWERING.synonym });
      for (const related of parts.flatMap((part) => this.relatedWords(part, role)).filter((related) => related.terms.length === 1)) {
        alternatives.push(single(related.terms, ANSWERING.partOfWording * related.quality));
      }
    }
    // One word of a wording of several ("drug" of "drug trafficking", in "people arrested in drug cases")
    // is partial evidence, as in the search.
    if (exact.length > 1) alternatives.push(...exact.map((term) => single([term], ANSWERING.partOfWording)));
    // …and so is a one-word thesaurus wording of one of its words ("narcotics" for the "drug" of "drug cases").
    if (exact.length > 1) {
      for (const term of exact) {
        for (const synonym of thesaurus.find([term]).flatMap((match) => match.synonyms)) {
          if (synonym.language === 'en' && synonym.terms.length === 1 && synonym.terms[0] !== term) alternatives.push(single(synonym.terms, ANSWERING.partOfWording * ANSWERING.synonym));
        }
      }
    }
    // The thesaurus's English wordings, then the words general English relates to a single word, as the
    // search finds them (deaths → fatalities).
    for (const synonym of synonyms.filter((candidate) => candidate.language === 'en')) {
      alternatives.push({ terms: synonym.terms, together: synonym.terms.length > 1, weight: ANSWERING.synonym });
    }
    if (words.length === 1) {
      for (const related of this.relatedWords(words[0]!, role)) {
        alternatives.push({ terms: related.terms, together: related.terms.length > 1, weight: ANSWERING.synonym * related.quality, related: true, relation: related.kind });
      }
    }
    // For a French report's sentences: the thesaurus's French wordings ("taux d'élucidation"), and the
    // words themselves analysed as French (cocaine → cocaïne), a little below.
    for (const synonym of synonyms.filter((candidate) => candidate.language === 'fr')) {
      const terms = wordTerms(synonym.text, 'fr');
      if (terms.length > 0) alternatives.push({ terms, together: terms.length > 1, weight: ANSWERING.synonym, related: true, language: 'fr' });
    }
    const french = words.flatMap((word) => wordTerms(word, 'fr').slice(0, 1));
    if (french.length > 0) alternatives.push({ terms: french, together: false, weight: ANSWERING.derivation, related: true, language: 'fr' });
    return alternatives;
  }

  // The words general English relates to a question word; for a verb, also those related to the words
  // of its family, since texts say with a noun what questions ask with a verb (died → death → fatalities).
  private relatedWords(word: string, role: Concept['role']): RelatedWording[] {
    // A name's word-vector neighbours are other names of its kind ("Twitter" for "Facebook", "Rabat" for
    // "Casablanca"): never the same thing.
    const own = this.core.related.related(word).filter((related) => !(related.kind === 'neighbour' && /^\p{Lu}\p{Ll}/u.test(word)));
    if (role !== 'verb') return own;
    const family = lexicon().family(word).filter((form) => form !== word.toLowerCase());
    // A count is of the plural ("deaths"), whose related words the corpus may have where the singular's
    // are too common to be offered.
    const plurals = family.map((form) => (/(s|x|ch|sh)$/.test(form) ? `${form}es` : /[^aeiou]y$/.test(form) ? `${form.slice(0, -1)}ies` : `${form}s`));
    return [...own, ...family.flatMap((form) => this.core.related.related(form)), ...plurals.flatMap((form) => this.core.related.related(form).filter((related) => related.kind !== 'form'))];
  }

  // The question's words as concepts, each with its role.
  private questionConcepts(analysis: QuestionAnalysis): Concept[] {
    const nouns = analysis.qualifiers.filter((word) => !analysis.verbs.includes(word));
    // The last concept of the head is what is counted; those before it set it apart.
    const head = this.concepts(analysis.head, 'head').map((concept, i, all): Concept => (i < all.length - 1 ? { ...concept, role: 'modifier' } : concept));
    const verbs = this.concepts(analysis.verbs, 'verb').map((concept) => ({ ...concept, bound: analysis.boundVerbs.includes(concept.label) }));
    // "How many people died / visited …": people counted by what they did are counted as its nouns
    // ("fatalities", "visitors"), so the verb's words stand for the head too.
    const last = head.at(-1);
    // A classifier of the same class names what is counted too ("users" of an account for "followers",
    // "incidents" for "cases"), a little below the word itself.
    const counted = last?.alternatives[0]!.terms.at(-1);
    const classmates = counted === undefined ? [] : [...(COUNT_NOUN_CLASSES.find((nouns) => nouns.has(counted)) ?? [])].filter((term) => term !== counted);
    if (last !== undefined && classmates.length > 0) {
      head[head.length - 1] = { ...last, alternatives: [...last.alternatives, ...classmates.map((term) => ({ terms: [term], together: false, weight: ANSWERING.synonym, related: true }))] };
    }
    if (last !== undefined && PERSONS.has(last.alternatives[0]!.terms.at(-1)!) && verbs.length > 0) {
      const person = head[head.length - 1]!;
      head[head.length - 1] = {
        ...person,
        // Not the verb's own stem: "visits" are not visitors, nor "deaths" the people who died … but
        // "fatalities" and "visitors" are.
        alternatives: [
          ...person.alternatives,
          // "people were killed" read as the wording "people killed", whose thesaurus group counts them
          // ("fatalities", "road deaths").
          ...verbs.flatMap((verb) => {
            const words = [last.alternatives[0]!.terms.at(-1)!, ...wordTerms(verb.label).slice(0, 1)];
            const match = thesaurus.find(words).find((found) => found.from === 0 && found.to === 2);
            return (match?.synonyms ?? [])
              .filter((synonym) => synonym.language === 'en')
              .map((synonym) => ({ terms: synonym.terms, together: synonym.terms.length > 1, weight: ANSWERING.synonym }));
          }),
          ...verbs.flatMap((verb) =>
            verb.alternatives
              .filter((alternative) => alternative.terms.length === 1 && !verb.alternatives[0]!.terms.includes(alternative.terms[0]!))
              .map((alternative) => ({ ...alternative, weight: alternative.weight * ANSWERING.synonym, related: true, agent: true })),
          ),
          // …but people to whom it was done (the verb bound to them: passive, or with them as its object)
          // are counted by the verb's own noun: "people were arrested" by "arrests", "were extradited" by
          // "extraditions" (one each), where "people visited" is not by "visits".
          ...verbs
            .filter((verb) => verb.bound === true)
            .map((verb) => ({ terms: verb.alternatives[0]!.terms, together: false, weight: ANSWERING.synonym, related: true })),
        ],
      };
    }
    return [...head, ...this.concepts(nouns, 'noun'), ...verbs];
  }

  // Whether a name looks like a person's ("Valdecy Urquiza", "Ahmed Nasser Al Risi", "Hammouchi"): words
  // in capitals and small letters ("MENA" is an acronym) that the reports never write as common words
  // ("President of Interpol" is a title, "Digital Transition" a ministry's name), and no place.
  private looksLikePerson(name: string): boolean {
    const words = name.split(/[\s-]+/).filter((word) => !/^(al|el|ben|bin|ibn|de|da|van|von|la|le)$/i.test(word));
    if (words.length === 0 || words.some((word) => !/^\p{Lu}\p{Ll}/u.test(word))) return false;
    if (this.lowerCaseWords === undefined) {
      this.lowerCaseWords = new Set();
      for (const passage of this.core.passages) for (const [word] of passage.text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’-]*/gu)) this.lowerCaseWords.add(word);
    }
    // A single word that general English knows ("Africa", "Europe") is rather a place or a thing.
    if (words.length === 1 && lexicon().isWord(words[0]!.toLowerCase())) return false;
    return !words.some((word) => this.lowerCaseWords!.has(word.toLowerCase())) && lexicon().nearestPlace(name) === undefined;
  }

  // A name the reports use so often ("DGSN", "National Security") that it is their own subject.
  private isReportsSubject(concept: Concept): boolean {
    return /^\p{Lu}/u.test(concept.label) && concept.alternatives[0]!.terms.every((term) => this.inManyPassages(term));
  }

  // A name (a word in capitals, "Facebook") in fewer than `commonName` of the passages.
  private isRareName(concept: Concept): boolean {
    return /^\p{Lu}\p{Ll}/u.test(concept.label) && concept.alternatives[0]!.terms.every((term) => !this.inManyPassages(term));
  }

  // Whether a name's word is in more than `commonName` of the passages: the reports' own subject.
  private inManyPassages(term: string): boolean {
    return this.core.documentFrequency(term) > ANSWERING.commonName * this.core.passages.length;
  }

  // Whether the reports name a concept: by its words or a thesaurus wording, not by a related word (nor
  // by another form of its word: "track" is not "trackers").
  private mentioned(concept: Concept): boolean {
    // A verb the reports write only as another form of its family ("employed" as "employees", "hired" as
    // "hiring") is mentioned all the same: texts say with a noun what questions ask with a verb. So is a
    // noun they write only in another inflection ("woman" as "women").
    const inflections = concept.role === 'verb' ? [] : lexicon().irregularForms(concept.label).flatMap((form) => termsOf(form));
    const sameWord = (alternative: Concept['alternatives'][number]) =>
      alternative.relation === 'form' && (concept.role === 'verb' || (alternative.terms.length === 1 && inflections.includes(alternative.terms[0]!)));
    return concept.alternatives.some((alternative) => (alternative.related !== true || sameWord(alternative)) && alternative.terms.every((term) => this.core.documentFrequency(term) > 0));
  }

  /**
   * The figures of a measurable topic year by year ("sextortion cases", "hashish seizures"), as the
   * search page's "figures by year": a row per report year, each a likely answer or a reason; null when
   * the reports do not give the topic a figure in at least two years.
   */
  figuresByYear(topic: string): YearAnswer[] | null {
    for (const question of [`How many ${topic} were there over the years?`, `How much ${topic} over the years?`]) {
      const rows = this.answer(question).byYear;
      if (rows.filter((row) => row.answer !== null && row.answer.confidence >= ANSWERING.likely).length < 2) continue;
      return rows.map((row) =>
        row.answer !== null && row.answer.confidence < ANSWERING.likely ? unsureRow(row.year) : row,
      );
    }
    return null;
  }

  /** Answers a question. Never throws; declines with a reason when the reports do not answer it. */
  answer(question: string): AnswerResponse {
    const cached = this.cache.get(question);
    if (cached !== undefined) return cached;
    const response = this.work(question);
    this.cache.set(question, response);
    return response;
  }

  private work(question: string, reread = false): AnswerResponse {
    const analysis = analyzeQuestion(question);
    const response = (answer: Answer | null, reason: string | null, passages: SearchResult[] = [], byYear: YearAnswer[] = []): AnswerResponse => ({
      question,
      answer,
      reason: answer === null ? reason : null,
      byYear,
      passages,
      analysis: { type: analysis.type, years: analysis.years, severalYears: analysis.severalYears, head: analysis.head, qualifiers: analysis.qualifiers, readAs: [] },
    });
    const covered = [...new Set(this.core.reports.map((report) => report.year))].sort((a, b) => a - b);
    const coverage = `The reports cover ${listYears(covered)}.`;
    if (!analysis.isQuestion) {
      return response(null, 'This is not a question. Ask, for example, “How many sextortion cases were recorded in 2024?”, or use the search for a topic.');
    }
    const concepts = this.questionConcepts(analysis);
    if (concepts.length === 0) return response(null, 'The question has no words to look for in the reports.');
    const missing = concepts.filter((concept) => !this.mentioned(concept));
    // What the question is about must be in the reports: its head noun, or, without one, some noun. A word
    // that sets the head apart ("dodgy disinfectant", "purple cars") and that the reports never use stays
    // a word to find: no sentence has it, so every figure covers less of the question and binds less.
    const heads = concepts.filter((concept) => concept.role === 'head');
    const about = heads.length > 0 ? heads : concepts.filter((concept) => concept.role === 'noun');
    const absent = about.filter((concept) => missing.includes(concept));
    if (about.length > 0 && (heads.length > 0 ? absent.length > 0 : absent.length === about.length)) {
      // True as said: the word is not in the reports; a word general English relates to it may be.
      // Each named as the reports write it ("migration", not the lexicon's "migrate").
      const instead = [
        ...new Set(
          absent.flatMap((concept) =>
            this.core.related
              .related(concept.label)
              .filter((related) => (related.kind === 'synonym' || related.kind === 'form') && related.text.length >= 4 && related.terms.every((term) => this.core.documentFrequency(term) >= 2))
              .map((related) => (related.terms.length === 1 ? (this.core.vocabulary.writtenAs(related.terms[0]!) ?? related.text) : related.text)),
          ),
        ),
      ].slice(0, 3);
      const label = absent.map((concept) => concept.label).join(' ');
      if (instead.length === 0) return response(null, `The reports never mention “${label}”.`);
      const suggestion = `The reports never use the word “${label}”; they do write ${instead.map((word) => `“${word}”`).join(', ')}`;
      // A word of one meaning that the reports write otherwise ("kids" for "children") is read as their
      // word, as a search engine shows results for its correction: said so, and a little less sure.
      // Each of their words is tried; the surest answer is given.
      if (!reread && absent.length === 1) {
        const readings = instead
          .map((to) => ({ to, rewritten: question.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(label)}(?![\\p{L}\\p{N}])`, 'giu'), to) }))
          .filter(({ rewritten }) => rewritten !== question)
          .map(({ to, rewritten }) => this.readAs(question, rewritten, { from: label, to }, suggestion));
        const sure = (reading: AnswerResponse) => reading.answer?.confidence ?? Math.max(-1, ...reading.byYear.map((row) => row.answer?.confidence ?? -1));
        const best = readings.reduce<AnswerResponse | undefined>((surest, reading) => (surest === undefined || sure(reading) > sure(surest) ? reading : surest), undefined);
        if (best !== undefined) return best;
      }
      return response(null, `${suggestion}: ask with ${instead.length === 1 ? 'it' : 'one of those'}.`);
    }
    const present = concepts.filter((concept) => this.mentioned(concept) || concept.role === 'modifier');
    const years = analysis.severalYears && analysis.years.length === 0 ? covered : analysis.years;
    // A figure whose confidence would be under `minConfidence` is not given: it is a guess.
    const candidates = this.candidates(analysis, present, years, question).filter((candidate) => this.confidenceOf(candidate) >= ANSWERING.minConfidence);
    const passages = this.supporting(candidates, analysis, years);
    if (years.length > 0 && years.every((year) => !covered.includes(year)) && candidates.length === 0) {
      return response(null, `${coverage} None of them gives this for ${listYears(years)}.${this.elsewhere(analysis, present, years, question, passages)}`, passages);
    }
    if (analysis.severalYears && years.length > 1) {
      const byYear = this.rowsByYear(candidates, years, covered);
      const best = [...byYear].filter((row) => row.answer !== null).sort((a, b) => b.answer!.confidence - a.answer!.confidence)[0];
      return response(best?.answer ?? null, best === undefined ? `No sentence of the reports states this for ${listYears(years)}. ${coverage}` : null, passages, byYear);
    }
    const best = candidates[0];
    if (best === undefined) {
      const reason = years.some((year) => !covered.includes(year))
        ? `${coverage} None of them gives this for ${listYears(years)}.`
        : 'No sentence of the reports states this; the passages below are the closest evidence.';
      return response(null, `${reason}${this.elsewhere(analysis, present, years, question, passages)}`, passages);
    }
    return response(this.toAnswer(best), null, passages);
  }

  // The answer to a question with a word read as the reports' own (`readAs`): its answers count
  // `ANSWERING.readAs` as much, and one that is then a guess is not given.
  private readAs(question: string, rewritten: string, readAs: { from: string; to: string }, suggestion: string): AnswerResponse {
    const found = this.work(rewritten, true);
    const surer = (answer: Answer | null) => (answer === null ? null : { ...answer, confidence: round(answer.confidence * ANSWERING.readAs) });
    const kept = (answer: Answer | null) => (answer !== null && answer.confidence >= ANSWERING.minConfidence ? answer : null);
    const answer = kept(surer(found.answer));
    const byYear = found.byYear.map((row) => {
      const given = kept(surer(row.answer));
      return given === null && row.answer !== null ? unsureRow(row.year) : { ...row, answer: given };
    });
    const reason = answer === null ? `${suggestion}; read as “${readAs.to}”: ${found.reason ?? 'no figure is likely enough to give.'}` : null;
    return { ...found, question, answer, reason, byYear, analysis: { ...found.analysis, readAs: [readAs] } };
  }

  // What a decline should add: the years for which the reports do give it, and the passages in another
  // language than English, whose sentences the answers do not read.
  private elsewhere(analysis: QuestionAnalysis, concepts: Concept[], years: number[], question: string, passages: SearchResult[]): string {
    const notes: string[] = [];
    if (years.length > 0) {
      const others = [...new Set(this.candidates(analysis, concepts, [], question).filter((candidate) => candidate.score >= ANSWERING.likely * 0.85).map((candidate) => candidate.year))]
        .filter((year) => !years.includes(year))
        .sort((a, b) => a - b);
      if (others.length > 0) notes.push(` The reports do give it for ${listYears(others)}: ask about ${others.length === 1 ? 'that year' : 'those years'}.`);
    }
    const languages = [...new Set(passages.map((result) => this.core.languageOfPassage(this.core.passage(result.id)!)).filter((language) => language !== 'en'))];
    if (languages.length > 0) notes.push(` A passage below is in ${languages.map((language) => LANGUAGE_NAMES[language] ?? language).join(' and ')}, whose sentences the answers read only through the key terms of the bilingual thesaurus: it may state it.`);
    return notes.join('');
  }

  // One row per year: the year's own report's figure where it gives one (a later report's restatement is
  // taken only when it does not, and is marked so), else why there is none.
  private rowsByYear(candidates: Candidate[], years: number[], covered: number[]): YearAnswer[] {
    return years.map((year) => {
      const best = candidates.find((candidate) => candidate.year === year && candidate.passage.year === year) ?? candidates.find((candidate) => candidate.year === year);
      if (best === undefined) return { year, answer: null, restated: false, reason: covered.includes(year) ? `The ${year} report does not state this.` : `No report covers ${year}.` };
      return { year, answer: this.toAnswer(best), restated: best.passage.year !== year, reason: null };
    });
  }

  // Scores the figures of every sentence of the candidate passages, best first.
  private candidates(analysis: QuestionAnalysis, concepts: Concept[], years: number[], question: string): Candidate[] {
    const reportYears = new Set(this.core.reports.map((report) => report.year));
    const inCovered = years.filter((year) => reportYears.has(year));
    const nouns = analysis.qualifiers.filter((word) => !analysis.verbs.includes(word));
    // Retrieval is lenient (the sentences are scored on every word below): all the words, then without
    // the verbs (a text says "seizures" where a question says "seized"), then the head noun alone.
    const queries = [...new Set([[...analysis.head, ...analysis.qualifiers], [...analysis.head, ...nouns], analysis.head.length > 0 ? analysis.head : nouns].map((words) => words.join(' ')))].filter((q) => q !== '');
    const pool = new Map<string, number>();
    for (const q of queries) {
      const search = (filterYears: number[]) =>
        this.core.search({ q, filters: { years: filterYears, themes: [], reports: [], kinds: [] }, limit: ANSWERING.candidates, offset: 0, sort: 'relevance', figures: false, snippets: false, facets: false }).results;
      const add = (results: SearchResult[]) => results.forEach((result, rank) => pool.set(result.id, Math.min(pool.get(result.id) ?? rank, rank)));
      // The reports of the years asked about, then all reports (a report also gives figures for the year before).
      if (inCovered.length > 0) add(search(inCovered));
      add(search([]));
    }
    concepts = withGoals(concepts, question);
    const weightOf = (concept: Concept) => concept.weight * (concept.role === 'verb' ? ANSWERING.verbCoverage : 1);
    // A verb that only reports a figure or a light one ("recorded", "got", "received") counts where a
    // sentence has it, and is not missed where it has not: "How many calls did the hotline get?" is
    // covered as well by "the hotline received 19,722,041 calls" as by "19,722,041 calls were handled".
    const reporting = concepts.map((concept) => concept.role === 'verb' && isReportingVerb(concept.label));
    const total = concepts.reduce((sum, concept, c) => sum + (reporting[c] ? 0 : weightOf(concept)), 0);
    const kinds = EXPECTED[analysis.type];
    const direction = askedDirection(question);
    const asksTotal = TOTAL_ASKED.test(question);
    const asksPart = PART_ASKED.test(question);
    // "The next Open Days", "the latest clearance rate", with no year: the last report's word is wanted,
    // and an earlier report's counts less the older it is.
    const lastYear = Math.max(...this.core.reports.map((report) => report.year));
    const latest = years.length === 0 && asksLatest(question);
    // "How many officers does the DGSN have / employ", "… work for the DGSN", "how many … are there": the
    // whole stock, which a clause where the counted do something ("took part", "were assigned") is not.
    // (So does a question about the members of the force that says nothing of what they did: "What was
    // the total number of police officers in 2024?" is not answered by "… benefiting 7,513 police officers".)
    const counted = concepts.find((concept) => concept.role === 'head')?.alternatives[0]!.terms.at(-1);
    const asksStock = analysis.type === 'count' && (STOCK_ASKED.test(question) || (analysis.verbs.length === 0 && counted !== undefined && MEMBERS.has(counted)));
    // "Who …" asks for a person; a web address answers only a question about an address or a site.
    const asksWho = /^\s*(?:who|whom)\b/i.test(question);
    const asksAddress = /\b(web|website|site|address|url|link|portal|page|online)\b/i.test(question);
    // An edition, rank or session the question names ("the 6th edition", "the seventh edition") sets its
    // sentences apart from those of another one ("the fifth edition").
    const askedOrdinals = findValues(question).filter((value) => value.kind === 'ordinal').map((value) => value.value);
    const found: Candidate[] = [];
    for (const [id, rank] of pool) {
      const passage = this.core.passage(id)!;
      const language = this.core.languageOfPassage(passage);
      const passageTokens = contentTokens(passage.text, language);
      const inPassage = concepts.map((concept) => presence(passageTokens, concept).share);
      const previous: Token[] = [];
      let last: Token[] = [];
      for (const sentence of splitSentences(passage.text)) {
        const own = contentTokens(sentence.text, language);
        const tokens = withAntecedents(own, previous, last, sentence.text, concepts);
        previous.push(...own);
        last = own;
        const here = concepts.map((concept) => presence(tokens, concept));
        const met = concepts.map((concept, c) => weightOf(concept) * Math.max(here[c]!.share, inPassage[c]! * ANSWERING.passageOnly));
        const scale = total + met.reduce((sum, weight, c) => sum + (reporting[c] ? weight : 0), 0) || 1;
        const covered = met.reduce((sum, weight) => sum + weight, 0) / scale;
        if (covered < ANSWERING.minCoverage) continue;
        // A name the question gives ("Facebook") that another sentence of the passage holds and this one
        // lacks says this sentence is about something else of its kind ("… on Twitter reached …"); not
        // a name as common as the reports' own ("National Security").
        const nameElsewhere = concepts.some((concept, c) => concept.role === 'noun' && here[c]!.share === 0 && inPassage[c]! > 0 && this.isRareName(concept)) ? ANSWERING.nameElsewhere : 1;
        const ordinals = askedOrdinals.length === 0 ? [] : findValues(sentence.text, language).filter((value) => value.kind === 'ordinal');
        const otherOrdinal = ordinals.length > 0 && !ordinals.some((value) => askedOrdinals.includes(value.value)) ? ANSWERING.otherOrdinal : 1;
        const values = this.valuesOf(sentence.text, kinds, analysis, question, language);
        const ofKind = new Map<string, number>();
        for (const value of values) ofKind.set(value.kind, (ofKind.get(value.kind) ?? 0) + 1);
        for (const value of values) {
          // An ordinal the question gives ("which anniversary will the seventh edition mark") is not the answer.
          if (value.kind === 'ordinal' && askedOrdinals.includes(value.value)) continue;
          const figureYear = this.yearOf(sentence.text, value, passage.year, language);
          // A year named as the report's ("according to the 2024 report") is met by that report's figures
          // about any year ("…will be held in El Jadida next year").
          if (years.length > 0 && !years.includes(figureYear) && !analysis.sourceYears.includes(passage.year)) continue;
          const attachment = this.attachment(tokens, value, concepts, sentence.text) / scale;
          const span = this.span(sentence.text, value);
          const subject = value.kind === 'count' || value.kind === 'amount' ? reachedSubject(sentence.text, value) : '';
          const agreement =
            value.kind === 'name'
              ? nameAgreement(tokens, value, concepts, sentence.text)
              : Math.max(
                  this.countedNounAgreement(this.countedPhrase(sentence.text, value, span, language), concepts, language, tokens),
                  subject !== '' ? this.countedNounAgreement(subject, concepts, language) : 0,
                  describedAs(sentence.text, value, concepts, language) ? ANSWERING.sameNoun : 0,
                );
          const binding =
            this.binding(tokens, value, concepts, sentence.text, span, asksTotal, ofKind.get(value.kind)! >= ANSWERING.listLength) *
            (asksStock && value.kind === 'count' && actionInClause(sentence.text, value) ? ANSWERING.stockAction : 1) *
            (latest ? ANSWERING.olderReport ** Math.max(0, lastYear - passage.year) : 1) *
            (years.length > 0 && figureYear > passage.year ? ANSWERING.planned : 1) *
            (asksPart && value.kind === 'count' ? partOrWhole(sentence.text, value) : 1) *
            dateDetail(value, analysis, question) *
            (value.kind === 'change' && direction * value.value < 0 ? ANSWERING.otherDirection : 1) *
            (language === 'en' ? 1 : ANSWERING.otherLanguage) *
            otherOrdinal *
            nameElsewhere *
            (asksWho && value.kind === 'name' && !this.looksLikePerson(value.text) ? ANSWERING.notAPerson : 1) *
            (value.kind === 'name' && !asksAddress && WEB_ADDRESS.test(value.text) ? ANSWERING.addressNotAsked : 1);
          const score = agreement * binding * (ANSWERING.coverageWeight * covered + ANSWERING.attachmentWeight * attachment + ANSWERING.rankWeight * (1 - rank / ANSWERING.candidates));
          // A figure clearly ahead of every other counts more (below), so the floor here is lower.
          if (score * ANSWERING.clearLead < ANSWERING.minScore) continue;
          found.push({ passage, rank, sentence, value, span, year: figureYear, coverage: covered, score });
        }
      }
    }
    found.sort((a, b) => b.score - a.score || a.rank - b.rank || a.value.start - b.value.start);
    // A sentence with two figures of the asked kind that both fit is a less sure answer.
    // The more such figures (a list of four cities), the less sure.
    for (const candidate of found) {
      const rivals = found.filter((other) => other !== candidate && other.passage === candidate.passage && other.sentence.start === candidate.sentence.start && other.value.start !== candidate.value.start && other.score >= ANSWERING.rivalShare * candidate.score).length;
      if (rivals > 0) candidate.doubt = ANSWERING.rivalDiscount ** Math.min(3, rivals);
    }
    // How far ahead each figure is of the best other figure for the same year in another sentence (the
    // same figure restated elsewhere is no rival).
    for (const candidate of found) {
      const rival = found.find((other) => other !== candidate && other.year === candidate.year && other.sentence.text !== candidate.sentence.text && !sameFigure(other.value, candidate.value));
      const share = rival === undefined ? 0 : rival.score / candidate.score;
      candidate.lead = share <= ANSWERING.leadShare ? ANSWERING.clearLead : share >= ANSWERING.closeRival ? ANSWERING.rivalDiscount : 1;
    }
    return found.filter((candidate) => candidate.score * candidate.lead! >= ANSWERING.minScore);
  }

  // How surely a figure counts the thing asked about and what was done to it, from the words of its own
  // clause, the sentence's lead-in ("In sextortion cases, …") and the phrase after it: the head's
  // modifiers must be there, and the question's verb (other than a reporting verb) there or at least in
  // the sentence.
  private binding(tokens: Token[], value: Value, concepts: Concept[], text: string, span: { start: number; end: number }, asksTotal = false, inList = false): number {
    let clause = clauseAround(text, value.start, value.end);
    // A figure or a name that is its clause alone stands in apposition to what the clause before names
    // ("… the President of Interpol, Ahmed Nasser Al Risi, and …", "… then Germany (11%)").
    const rest = text.slice(clause.start, value.start) + text.slice(value.end, clause.end);
    if (clause.start > 0 && !/\p{L}{2,}/u.test(rest.replace(/\b(?:and|the|a|an|or|mr|mrs|ms|dr)\b/giu, ''))) {
      clause = { ...clause, start: clauseBefore(text, clause.start) };
    }
    // The figure's own item, for the names that tell the items of a list apart.
    const item = clause;
    // A clause that elaborates the one before ("…saw a decrease of 23%, with 391 cases recorded",
    // "…7,513 police officers, including 280 women") is about that clause's subject; an elaboration of an
    // elaboration ("…85,475 accidents in urban areas, compared with 80,091 in 2022; an increase of 7%"),
    // about the first clause; and an item of a list ("…, the United States (10%), Austria (3%)"), about
    // what the list's first clause says ("Cooperation with Spain ranked first with 37%"). Up to six steps back.
    for (let step = 0; step < 6 && clause.start > 0; step++) {
      const own = clauseAround(text, clause.start, clause.start).text;
      if (!ELABORATION.test(own) && !isListItem(own)) break;
      clause = { ...clause, start: clauseBefore(text, clause.start) };
    }
    const language = tokens[0]?.language ?? 'en';
    const lead = leadInOf(text, value, language);
    // The words of a region of the sentence, with the lead-in and the phrase after the figure.
    const within = (region: { start: number; end: number }) => (token: Token) =>
      (token.start >= region.start && token.end <= region.end) || (lead !== null && token.end <= lead.end) || (token.start >= value.end && token.end <= span.end);
    const inScope = within(clause);
    const scope = tokens.filter(inScope);
    let factor = 1;
    // What is measured must be bound: the head's modifiers, and for a question about a change with no
    // head ("Did cybercrime cases rise?") its nouns.
    const changeOf = !concepts.some((concept) => concept.role === 'head') && value.kind === 'change';
    // (The reports' own subject, "the DGSN's", sets nothing apart: every figure of the reports is the DGSN's.)
    const modifiers = concepts.filter((concept) => (concept.role === 'modifier' || (changeOf && concept.role === 'noun')) && !this.isReportsSubject(concept));
    const modifierWeight = modifiers.reduce((sum, concept) => sum + concept.weight, 0);
    if (modifierWeight > 0) {
      const bound = modifiers.reduce((sum, concept) => sum + concept.weight * presence(scope, concept).share, 0) / modifierWeight;
      factor *= ANSWERING.unboundModifier + (1 - ANSWERING.unboundModifier) * Math.min(1, bound);
    }
    // A head of several words found only in part ("police officers" of "female police officers") leaves
    // the words that set it apart unbound, as a missing modifier does.
    for (const head of concepts.filter((concept) => concept.role === 'head' && /\s/.test(concept.label))) {
      const share = Math.min(1, presence(scope, head).share);
      if (share > 0 && share <= ANSWERING.partOfWording) factor *= ANSWERING.unboundModifier + (1 - ANSWERING.unboundModifier) * share;
    }
    // A total is what is asked for unless the question names something the sentence gives apart from it
    // ("followers … on Instagram" in a sentence with the total and then each platform's).
    const before = text.slice(Math.min(clause.start, lead === null ? clause.start : 0), value.start);
    const nouns = concepts.filter((concept) => concept.role === 'noun' || concept.role === 'modifier');
    // (A question that names several of the parts and asks for them in total asks for the whole: "How many
    // suspects … in corruption, embezzlement and extortion cases in total?")
    const apart = nouns.filter((concept) => presence(tokens, concept).share > 0 && presence(scope, concept).share === 0).length;
    const namedApart = asksTotal ? apart === 1 : apart > 0;
    // In a list of figures, a rare name the question gives ("France") that the sentence holds outside the
    // figure's own item says the figure is another item's ("Cooperation with Spain ranked first with 37%,
    // followed by … France (28%)").
    if (inList) {
      const itemScope = tokens.filter(within(item));
      if (nouns.some((concept) => this.isRareName(concept) && presence(tokens, concept).share > 0 && presence(itemScope, concept).share === 0)) factor *= ANSWERING.nameElsewhere;
    }
    // A question that asks for the total ("in total", "overall") wants it more, and a figure given as no
    // total less.
    // A total of a part ("the number of people arrested in drug cases") is no total for a question that
    // names no such part ("how many people were arrested (overall) in 2020").
    const partial = totalOfAPart(before, concepts, language);
    if (TOTAL_CUE.test(before) && !namedApart && !partial) factor *= asksTotal ? ANSWERING.totalCue ** 2 : ANSWERING.totalCue;
    else if (asksTotal) factor *= ANSWERING.notTotal;
    // The verb that governs a figure comes before it in the sentence ("Seizures included …, 1.948 tons of
    // cocaine") or stands in its own clause ("12,846 officers benefited from training").
    const governing = tokens.filter((token) => token.end <= value.start || inScope(token));
    // (A French sentence's verbs are not read: its lower confidence stands for that.)
    for (const verb of concepts.filter((concept) => language === 'en' && concept.role === 'verb' && concept.bound === true && !isReportingVerb(concept.label))) {
      if (presence(governing, verb).share > 0) continue;
      if (presence(tokens, verb).share > 0) factor *= ANSWERING.verbElsewhere;
      else factor *= verb.goal !== undefined && sentToGoal(text, governing, verb.goal) ? ANSWERING.sameFrame : ANSWERING.verbAbsent;
    }
    return factor;
  }

  // The figures of a sentence of the expected kind; a question with no expected kind gets none.
  private valuesOf(text: string, kinds: ValueKind[], analysis: QuestionAnalysis, question: string, language: Language): Value[] {
    const found = [...findValues(text, language), ...(kinds.includes('change') ? findChanges(text) : []), ...(kinds.includes('place') ? findPlaces(text) : []), ...(kinds.includes('name') ? findNames(text) : [])];
    // A place or a name the question itself gives is what it asks about, not the answer.
    const asked = foldName(question);
    const inQuestion = (value: Value) => (value.kind === 'place' || value.kind === 'name' || value.kind === 'ordinal') && new RegExp(`\\b${escapeRegExp(foldName(value.text))}\\b`).test(asked);
    // A name found in many passages ("DGSN", "National Security") is the reports' subject, not a name asked for.
    const common = (value: Value) => value.kind === 'name' && wordTerms(value.text).every((term) => this.inManyPassages(term));
    // "In which city / town …" is not answered with a country.
    const asksForTown = /\b(city|cities|town|towns)\b/i.test(question);
    const country = (value: Value) => value.kind === 'place' && asksForTown && lexicon().placePopulation(value.text) === COUNTRY_POPULATION;
    // A number the question gives ("police line 19") names something; it is not the answer.
    const givenNumbers = new Set([...question.matchAll(/(?<![\p{L}\p{N}.,])(\d+)(?![\p{L}\p{N}.,])/gu)].map((match) => Number(match[1])).filter((number) => !(number >= 1950 && number <= 2099)));
    const given = (value: Value) => value.kind === 'count' && givenNumbers.has(value.value);
    // A name most of whose words the question uses is what it asks about ("the Forensic Science and
    // Technical Laboratory" of "the Casablanca forensic science lab"), not the name it asks for.
    let askedTerms: Set<string> | undefined;
    const described = (value: Value) => {
      if (value.kind !== 'name') return false;
      askedTerms ??= new Set(wordTerms(question));
      const terms = wordTerms(value.text);
      return terms.length > 1 && terms.filter((term) => askedTerms!.has(term)).length * 2 > terms.length;
    };
    const values = found.filter((value) => kinds.includes(value.kind) && !inQuestion(value) && !described(value) && !common(value) && !country(value) && !given(value));
    // "how many" asks for a count: an amount only answers when the question names its unit ("how many tons").
    if (analysis.type === 'count') {
      const units = analysis.head.join(' ').toLowerCase();
      return values.filter((value) => value.kind === 'count' || (value.unit !== null && units.includes(value.unit.replace(/s$/, ''))));
    }
    return values;
  }

  // The words naming what a figure counts: the noun phrase after it ("391 cases"), or, for a figure with
  // none, the noun it is said of ("the number of National Security officers is 79,830"), or that of the
  // figure it is compared with ("85,475 physical traffic accidents …, compared with 80,091 in 2022").
  private countedPhrase(text: string, value: Value, span: { start: number; end: number }, language: Language): string {
    const after = text.slice(value.end, span.end);
    if (/\p{L}/u.test(after)) return after;
    // A count with a unit and nothing after counts its unit ("five days"); an amount ("217 tons") measures
    // what is named around it.
    if (value.kind === 'count' && value.unit !== null && /^\p{L}+$/u.test(value.unit)) return value.unit;
    const before = text.slice(0, value.start);
    const said = /\b(?:number|total) of ([\p{L}\s'’-]+?)\s+(?:is|was|were|are|stood at|stands at|reached|amounted to|totaled|totalled|rose to|fell to)\s*(?:about|around|nearly|some|over|more than|almost)?\s*$/iu.exec(before);
    if (said !== null) return said[1]!;
    // "…brings the overall number of police districts throughout the kingdom to 454": the noun phrase after
    // "number of", up to a verb or a small word.
    const brought = /\b(?:number|total) of ((?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+)\s[^.;:]*?\bto\s*(?:about|around|nearly|some|over|more than|almost)?\s*$/iu.exec(before);
    if (brought !== null) {
      const words = brought[1]!.split(/\s+/);
      const stop = words.findIndex((word) => SPAN_STOP.test(word) || isPastVerb(word) || /^(rose|fell|grew|went|stood|came|throughout|across)$/i.test(word));
      const noun = (stop < 0 ? words : words.slice(0, stop)).join(' ');
      if (noun !== '') return noun;
    }
    if (/\b(?:compared (?:with|to)|against|versus|up from|down from|from)\s*$/i.test(before)) {
      const compared = findValues(before, language).filter((other) => other.kind !== 'year' && other.kind !== 'date').at(-1);
      if (compared !== undefined) return text.slice(compared.end, this.span(text, compared).end);
    }
    // A list that names its noun once ("21,448 candidates took part in the inspectors' competition, 14,447
    // in the officers' one"): a bare count counts what the count before it in the sentence counts.
    // Not a part of it ("103,000 suspects …, 261 of them foreigners"), which the list rule would misread.
    const partOf = /^\s+of (?:them|whom|which|these|those)\b/i.test(text.slice(value.end));
    if (value.kind === 'count' && value.unit === null && !partOf) {
      const siblings = findValues(before, language).filter((other) => other.kind === 'count' && other.unit === null);
      for (let i = siblings.length - 1; i >= 0; i--) {
        const sibling = siblings[i]!;
        if (!/,|;|\band\b|\bwhile\b/.test(text.slice(sibling.end, (siblings[i + 1] ?? value).start))) break;
        const named = text.slice(sibling.end, this.span(text, sibling).end);
        if (/\p{L}/u.test(named)) return named;
      }
    }
    return after;
  }

  // Whether the noun a figure counts (the last word of the phrase after it: "six new traffic accident
  // reporting units" counts units) is the thing the question asks about. No phrase: no evidence either way.
  private countedNounAgreement(phrase: string, concepts: Concept[], language: Language = 'en', sentence: Token[] = []): number {
    const words = contentTokens(phrase, language);
    const head = concepts.filter((concept) => concept.role === 'head');
    if (words.length === 0 || head.length === 0) return 1;
    // "5,175 kg of this synthetic drug": what the phrase points back to is what it counts.
    if (DEMONSTRATIVE.test(phrase) && sentence.some((token) => token.antecedent === true && head.some((concept) => presence([token], concept).share > 0))) return 1;
    const counted = words[words.length - 1]!;
    // A word-vector neighbour is a word used alike, which may be a broader one ("drug" for "cocaine"): it
    // names the same thing only when it is no more common in the reports than the word asked.
    const df = (term: string) => this.core.documentFrequency(term);
    const same = head.some((concept) => {
      const asked = Math.max(...concept.alternatives[0]!.terms.map(df));
      // A noun for the people who did what the verb says ("visitors" for "people visited") counts them as
      // written, not as a word it extends: "visits" are not visitors.
      const agrees = (alternative: Concept['alternatives'][number], term: string) => (alternative.agent === true ? counted.terms.includes(term) : matchStrength(counted, term) > 0);
      return concept.alternatives.some((alternative) => alternative.terms.some((term) => agrees(alternative, term) && (alternative.relation !== 'neighbour' || df(term) <= asked)));
    });
    // (A classifier of the head's class, "incidents" for "cases", is one of its wordings: see questionConcepts.)
    if (same) return ANSWERING.sameNoun;
    // What the question's verb names as a noun ("fatalities" for "how many people died") counts the same thing.
    const verbs = concepts.filter((concept) => concept.role === 'verb' && !isReportingVerb(concept.label));
    const named = verbs.some((concept) => concept.alternatives.some((alternative) => alternative.terms.length === 1 && matchStrength(counted, alternative.terms[0]!) > 0));
    // A word WordNet gives a sense of the head's ("minors" for "children") counts the same thing; a
    // broader one ("drug" for "heroin") does not.
    const headWord = head[head.length - 1]!.label.split(/\s+/).at(-1)!;
    const related = language === 'en' && lexicon().sharesSense(phrase.slice(counted.start, counted.end).toLowerCase(), headWord.toLowerCase());
    return named || related ? 1 : ANSWERING.otherNoun;
  }

  // The year a figure is about: a year named in its clause ("80,091 in 2022"), else the report's year.
  private yearOf(text: string, value: Value, reportYear: number, language: Language): number {
    const clause = clauseAround(text, value.start, value.end);
    // A year the figure is compared with ("an increase of 574 percent compared to the year 2019") is not
    // the year it is about.
    // A year with another figure between it and this one is that figure's ("numbering 40 compared to 340 in
    // 2017 and 288 in 2018": 2017 is 340's, and 40 is the report year's).
    const inClause = findValues(clause.text, language);
    const own = value.start - clause.start;
    const figures = inClause.filter((v) => v.kind !== 'year' && v.kind !== 'date' && v.start !== own);
    const between = (year: Value) => figures.some((v) => (v.start > own && v.end <= year.start) || (v.start >= year.end && v.end <= own));
    const named = inClause.filter(
      (v) =>
        (v.kind === 'year' || (v.kind === 'date' && /\d{4}/.test(v.text))) &&
        !between(v) &&
        !/\b(compared (?:to|with)|than|versus|against|relative to)\s+(?:(?:that of|those of|the year|the end of|in)\s+)*$/i.test(clause.text.slice(Math.max(0, v.start - 40), v.start)),
    );
    if (named.length === 0) {
      // "…to hold the 6th edition in El Jadida next year"; not "an increase compared to the previous year",
      // which compares this year's figure with last year's.
      const relative = /(?<!\b(?:compared (?:to|with)|than|over|from|since|versus|on)\s+(?:the\s+)?)\b(next|following|coming|last|previous|preceding) year\b/i.exec(clause.text);
      if (relative !== null) return reportYear + (/^(next|following|coming)$/i.test(relative[1]!) ? 1 : -1);
      // A sentence about the year to come says so once for all its figures ("It is expected that the
      // coming year will see …, as well as two training schools in Tangiers and Marrakesh"; "In 2026, the
      // DGSN aims to …"), with no other year before the figure.
      const before = text.slice(0, value.start);
      const earlier = findValues(before, language).filter((v) => v.kind === 'year' || v.kind === 'date');
      if (earlier.length > 0) {
        const opening = /^\s*(?:in|for|during|by)\s+((?:19|20)\d\d)\s*,/i.exec(before);
        return opening !== null && earlier.length === 1 && Number(opening[1]) > reportYear ? Number(opening[1]) : reportYear;
      }
      return /(?<!\b(?:compared (?:to|with)|than|over|from|since|versus|on)\s+(?:the\s+)?)\b(?:next|following|coming) year\b/i.test(before) ? reportYear + 1 : reportYear;
    }
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
    const language = tokens[0]?.language ?? 'en';
    // (An ordinal — "ranked first with 37%" — is no such figure for a figure of another kind; and for a
    // place or a name, only another place or name is: "two police departments in the cities of Meknes",
    // "in the city of Salé through the creation of the fourth security zone “Sala City”".)
    const others = (value.kind === 'place' ? findPlaces(text) : value.kind === 'name' ? namesNotPlaces(text) : findValues(text, language)).filter(
      (other) => other.kind !== 'year' && other.kind !== 'date' && !(other.kind === 'ordinal' && value.kind !== 'ordinal') && other.start !== value.start,
    );
    const lastBefore = Math.max(clause.start, ...others.filter((other) => other.end <= value.start).map((other) => other.end));
    const firstAfter = Math.min(clause.end, ...others.filter((other) => other.start >= value.end).map((other) => other.start));
    const before = near.filter(({ token }) => token.end <= value.start && token.start >= lastBefore).slice(-ANSWERING.window);
    const after = near.filter(({ token }) => token.start >= value.end && token.end <= firstAfter).slice(0, ANSWERING.window);
    // A sentence's lead-in ("As for the number of people arrested in drug cases, it reached 97,564 people")
    // says what all its figures count.
    const lead = leadInOf(text, value, language);
    const fromLead = lead === null || value.start < lead.end ? [] : tokens.filter((token) => token.end <= lead.end).map((token) => ({ token }));
    const window = [...before, ...after, ...fromLead].map(({ token }) => token);
    return concepts.reduce((sum, concept) => {
      const found = presence(window, concept).share;
      return sum + concept.weight * found * ATTACHMENT[concept.role];
    }, 0);
  }

  // The shortest span that answers: the figure, its unit, and the noun phrase after it ("391 cases",
  // "19,722,041 emergency calls", "1.948 tons of cocaine").
  private span(text: string, value: Value): { start: number; end: number } {
    let end = value.end;
    if (value.kind === 'percentage' || value.kind === 'date' || value.kind === 'year' || value.kind === 'change' || value.kind === 'place' || value.kind === 'name') return { start: value.start, end };
    if (value.unit !== null) {
      const rest = text.slice(end);
      // "1.948 tons of cocaine", "5,175 kg of this synthetic drug": a determiner, then up to two words.
      const of = /^\s+of\s+((?:(?:this|these|that|those|the|such)\s+)?[\p{L}’'-]+(?:\s+[\p{L}’'-]+)?)/iu.exec(rest);
      if (of !== null) {
        const determiner = /^(?:this|these|that|those|the|such)\s+/i.exec(of[1]!)?.[0] ?? '';
        const words = of[1]!.slice(determiner.length).split(/\s+/);
        const kept = SPAN_STOP.test(words[1] ?? '') || /(ed|ing)$/.test(words[1] ?? '') ? words.slice(0, 1) : words;
        end += of[0].length - (of[1]!.length - determiner.length - kept.join(' ').length);
      }
      return { start: value.start, end };
    }
    // The noun phrase: up to five words, ending before a small word, a verb form or punctuation. A word in
    // -ing followed by a noun modifies it ("traffic accident reporting units") and belongs to the phrase.
    // A quoted name within it counts as a word ("560 “TASER-7” tasers").
    const word = /\s+([\p{L}][\p{L}’'-]*|[“"][\p{L}][\p{L}\p{N}’'-]*[”"])/uy;
    const next = (at: number) => {
      word.lastIndex = at;
      return word.exec(text);
    };
    for (let taken = 0; taken < 5; taken++) {
      const match = next(end);
      // Two words that describe the noun, joined ("30 new public and private institutions"): the noun follows.
      if (match !== null && taken > 0 && /^(and|or)$/i.test(match[1]!) && !/s$/i.test(text.slice(value.end, end).trim().split(/\s+/).at(-1) ?? '')) {
        const joined = next(match.index + match[0].length);
        const noun = joined === null ? null : next(joined.index + joined[0].length);
        if (joined !== null && noun !== null && ![joined[1]!, noun[1]!].some((candidate) => SPAN_STOP.test(candidate) || isPastVerb(candidate))) {
          end = match.index + match[0].length;
          continue;
        }
      }
      if (match === null || SPAN_STOP.test(match[1]!) || isPastVerb(match[1]!)) break;
      if (/^\p{L}+ing$/u.test(match[1]!)) {
        const following = next(match.index + match[0].length);
        if (following === null || SPAN_STOP.test(following[1]!) || /^\p{L}+(ed|ing)$/u.test(following[1]!)) break;
      }
      end = match.index + match[0].length;
    }
    return { start: value.start, end };
  }

  // The confidence shown: the score on a scale where 0.85 is as sure as a sentence can make it, less when
  // another figure of the sentence fits as well, and never certain.
  private confidenceOf(candidate: Candidate): number {
    // A sentence that holds only part of the question's words cannot make the answer surer than that part.
    const covered = candidate.coverage + ANSWERING.coverageMargin;
    const read = (candidate.score / 0.85) * (candidate.doubt ?? 1);
    const lead = candidate.lead ?? 1;
    const led = lead > 1 ? Math.max(read, Math.min(read * lead, ANSWERING.leadCeiling)) : read * lead;
    return round(Math.min(ANSWERING.maxConfidence, covered, led));
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
      confidence: this.confidenceOf(candidate),
      year: candidate.year,
      value: answerValue(candidate.value),
      unit: candidate.value.unit,
      kind: answerKind(candidate.value.kind),
    };
  }

  // The passages that support the answer: those of the best candidates, then the search's own.
  private supporting(candidates: Candidate[], analysis: QuestionAnalysis, years: number[]): SearchResult[] {
    const seen = new Set<string>();
    const results: SearchResult[] = [];
    const query = [...analysis.head, ...analysis.qualifiers].join(' ');
    const fromSearch = query === '' ? [] : this.core.search({ q: query, filters: { years: years.filter((y) => this.core.reports.some((r) => r.year === y)), themes: [], reports: [], kinds: [] }, limit: 5, offset: 0, sort: 'relevance' }).results;
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

// A clause that only names an item of a list: a few words, with no verb ("then Germany ", "the United
// States ", "and the Netherlands with ").
function isListItem(clause: string): boolean {
  const words = clause.match(/[\p{L}'’-]+/gu) ?? [];
  return words.length > 0 && words.length <= 5 && /^\s*(?:and\s+|then\s+|followed by\s+)?(?:the\s+)?\p{Lu}/u.test(clause) && !words.some((word) => /^\p{Ll}/u.test(word) && (isPastVerb(word) || /^\p{Ll}{3,}ing$/u.test(word)));
}

// Where the clause before the one starting at `start` starts, past clauses of punctuation alone (the
// "), " between "France (28%)" and "then Germany").
function clauseBefore(text: string, start: number): number {
  let at = clauseAround(text, start - 2, start - 2);
  while (at.start > 0 && !/\p{L}/u.test(at.text)) at = clauseAround(text, at.start - 2, at.start - 2);
  return at.start;
}

// Whether a name is the name of the thing asked about: the head noun stands next to it ("the “Stadia”
// project", "the E-Police portal", "the platform E-Blagh"). No head: no evidence either way.
function nameAgreement(tokens: Token[], value: Value, concepts: Concept[], text: string): number {
  const head = concepts.filter((concept) => concept.role === 'head');
  if (head.length === 0) return 1;
  const before = tokens.filter((token) => token.end <= value.start).slice(-2);
  // …or three after, for a name set off by its description ("Tifli Moukhtafi, a newly developed software"),
  // or in the name itself ("the American Lawrence Livermore Laboratory").
  // (Not past the next item of a list: "…Valdecy Urquiza, and its Director of Cybercrime, Neal Jetton".)
  const next = /,?\s+(?:and|as well as|while|whereas)\s|;/.exec(text.slice(value.end));
  const limit = next === null ? Infinity : value.end + next.index;
  const after = tokens.filter((token) => token.start >= value.end && token.end <= limit).slice(0, 3);
  const inside = tokens.filter((token) => token.start >= value.start && token.end <= value.end);
  const near = [...before, ...inside, ...after];
  const adjacent = head.some((concept) => presence(near, concept).share > 0);
  // A word that sets the head apart there too ("American" for "which American laboratory") makes it the
  // one asked about rather than any laboratory of the sentence.
  const modifiers = concepts.filter((concept) => concept.role === 'modifier');
  const weight = modifiers.reduce((sum, concept) => sum + concept.weight, 0);
  const setApart = weight === 0 ? 0 : modifiers.reduce((sum, concept) => sum + concept.weight * Math.min(1, presence(near, concept).share), 0) / weight;
  return (adjacent ? ANSWERING.sameNoun : ANSWERING.unnamedName) * (1 + ANSWERING.namedModifier * setApart);
}

// A question's verb of sending ("handed over to prosecutors", "sent to Laayoune", "brought before the
// courts") with the noun it sends to: another verb of the sentence that sends the counted to the same
// place ("referred to various public prosecutors") says the same thing in other words.
function withGoals(concepts: Concept[], question: string): Concept[] {
  return concepts.map((concept) => {
    if (concept.role !== 'verb') return concept;
    const frame = new RegExp(`\\b${escapeRegExp(concept.label)}(?:\\s+(?:over|up|out|back|on))?\\s+(?:to|before|into)\\s+(?:(?:the|a|an|their|its)\\s+)?([\\p{L}'’-]+)`, 'iu').exec(question);
    if (frame === null) return concept;
    const word = frame[1]!.toLowerCase();
    const goal = concepts.find((other) => other.role !== 'verb' && other.label.toLowerCase().split(/\s+/)[0] === word);
    return goal === undefined ? concept : { ...concept, goal };
  });
}

// Whether a verb of the sentence sends to the goal: a past participle, then "to", "before" or "into" and
// at most three words before a word of the goal ("referred to various public prosecutors").
function sentToGoal(text: string, tokens: Token[], goal: Concept): boolean {
  return tokens.some((token) => presence([token], goal).share > 0 && /\b\p{L}{3,}(?:ed|en)\s+(?:(?:over|up|out|back|on)\s+)?(?:to|before|into)\s+(?:[\p{L}’'-]+\s+){0,3}$/iu.test(text.slice(Math.max(0, token.start - 80), token.start)));
}

// Whether what follows a bare count describes it as the thing asked about: "9,179 irregular immigration
// candidates, including 6,162 of foreign nationalities" counts foreigners, "29,959 individuals, including
// 10,720 who were wanted persons" wanted persons, "348,070 … cards …, with 45,739 allocated to minor
// children" minor children's cards. ("Of them", "of whom" are parts.)
function describedAs(text: string, value: Value, concepts: Concept[], language: Language): boolean {
  if (value.kind !== 'count' || value.unit !== null) return false;
  const described = /^\s+(?:of|(?:who|that|which) (?:were|are|was|is)|\p{L}{3,}ed (?:to|for))\s+(?!(?:them|whom|which|these|those|the|this|that)\b)((?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+)/iu.exec(text.slice(value.end));
  if (described === null) return false;
  const words = contentTokens(described[1]!, language);
  return concepts.some((concept) => concept.role === 'head' && presence(words, concept).share > 0);
}

// The names a text gives that are not places ("Sala City", not "Salé").
function namesNotPlaces(text: string): Value[] {
  const places = findPlaces(text);
  return findNames(text).filter((name) => !places.some((place) => name.start < place.end && name.end > place.start));
}

// The lead-in of a sentence as far as one of its figures is concerned: a lead-in that names a place or
// a name of its own ("A regional police commission was created in the city of Imouzzer Kandar, …, as
// well as … in Meknes") is that place's clause, not what the sentence's other places are about.
function leadInOf(text: string, value: Value, language: Language): { end: number } | null {
  const lead = leadIn(text, language);
  if (lead === null || (value.kind !== 'place' && value.kind !== 'name') || value.start < lead.end) return lead;
  const own = value.kind === 'place' ? findPlaces(text) : findNames(text);
  return own.some((other) => other.start < lead.end) ? null : lead;
}

// A sentence's lead-in: its first clause, when that clause holds no figure but years and dates and ends
// with a comma before the rest ("In sextortion cases, …", "Regarding narcotics, …").
function leadIn(text: string, language: Language = 'en'): { end: number } | null {
  const comma = /,\s/.exec(text);
  if (comma === null || comma.index > 160 || comma.index > text.length * 0.6) return null;
  // (An ordinal, "Drug-related cases rank first among …, accounting for … (45%)", is no figure here.)
  const firstFigure = findValues(text, language).find((value) => value.kind !== 'year' && value.kind !== 'date' && value.kind !== 'ordinal')?.start ?? text.length;
  if (firstFigure < comma.index) return null;
  // A lead-in restated in other words ("As for the rate of reprimand, i.e. the rate of solving crimes,
  // it has …") runs on through the restatement, unless a figure stands in it.
  const restated = /^,\s+(?:i\.\s?e\.|ie|that is|namely|in other words)\s+[^,]*,\s/i.exec(text.slice(comma.index));
  const end = restated === null ? comma.index : comma.index + restated[0].length - 2;
  return { end: firstFigure < end ? comma.index : end };
}

function isReportingVerb(word: string): boolean {
  return lexicon().lemmas(word).some((lemma) => REPORTING_VERBS.has(lemma));
}

// A year's row whose figure is not sure enough to show.
function unsureRow(year: number): YearAnswer {
  return { year, answer: null, restated: false, reason: `The ${year} report gives no figure for this that is likely enough to show.` };
}

function listYears(years: number[]): string {
  if (years.length <= 1) return years.join('');
  return `${years.slice(0, -1).join(', ')} and ${years[years.length - 1]}`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

// How well a date answers "when": a day ("June 3", "May 17-21, 2024") fully; a month ("June 2024") or a
// bare year less, and much less when the question asks for the day ("what day", "on what date").
function dateDetail(value: Value, analysis: QuestionAnalysis, question: string): number {
  if (analysis.type !== 'date') return 1;
  const hasDay = value.kind === 'date' && /\d{1,2}\b(?!\d)/.test(value.text.replace(/\b(19|20)\d\d\b/g, ''));
  if (hasDay) return 1;
  const asksDay = /\b(what|which) (day|date|dates)\b|\bon what\b/i.test(question);
  return asksDay ? ANSWERING.coarseDate * ANSWERING.coarseDate : ANSWERING.coarseDate;
}

// Which way a question about a change expects it to have gone: 1 up ("did X rise"), -1 down, 0 either
// ("rise or fall", "change").
function askedDirection(question: string): number {
  // "Did cybercrime fall?" is answered as well by "increased by 40%": only "by how much did X fall"
  // presumes the way it went.
  if (/^\s*(did|do|does|has|have|had|was|were|is|are)\b/i.test(question)) return 0;
  const up = /\b(rise|rose|risen|increase|increased|grow|grew|grown|climb|climbed|go up|went up|gain|gained)\b/i.test(question);
  const down = /\b(fall|fell|fallen|decrease|decreased|drop|dropped|decline|declined|go down|went down|shrink|shrank)\b/i.test(question);
  return up === down ? 0 : up ? 1 : -1;
}

// The number an answer stands for: the figure; for a date, its year when it names one; none for a
// place or a name.
function answerValue(value: Value): number | null {
  if (value.kind === 'date') {
    const year = /\b(19|20)\d\d\b/.exec(value.text);
    return year === null ? null : Number(year[0]);
  }
  return Number.isNaN(value.value) ? null : value.value;
}

// The same figure, however written ("97,564 people", "97,564 persons"; a name in any case).
function sameFigure(a: Value, b: Value): boolean {
  if (Number.isNaN(a.value) || Number.isNaN(b.value)) return a.text.toLowerCase() === b.text.toLowerCase();
  return a.value === b.value && a.kind === b.kind;
}

// The thing a verb of reaching says a figure is the number of: "the followers of the official account …
// on Twitter reached 225,191 users" counts followers, whatever word follows the figure. The subject is
// read back to the clause's start, and its noun is the last word before its first preposition; a pronoun
// or "the number" names nothing (empty). A verb of change to a level ("rose to") says the same.
function reachedSubject(text: string, value: Value): string {
  const before = /(?:^|[,;:]|\b(?:as|and|while|whereas|where|when)\b)\s*([^,;:]*?)\s+(?:reached|amounted to|stood at|totalled|totaled|numbered|(?:rose|increased|grew|climbed|jumped|fell|dropped|declined|decreased) to)\s*(?:about|around|nearly|some|over|more than|almost)?\s*$/iu.exec(text.slice(0, value.start));
  if (before === null) return '';
  const parts = before[1]!.split(/\s+(?:of|on|in|for|at|from|with|by)\s+/i);
  // "the seizures of “hashish” and its derivatives rose to 217 tons": an amount of seizures is an amount
  // of what was seized (the first thing named).
  const measure = value.kind === 'amount' && parts.length > 1 && /\b(?:seizures?|quantit(?:y|ies)|amounts?|volumes?|weight)$/i.test(parts[0]!.trim());
  // "The number of suspects investigated in these cases reached 693 individuals" counts suspects.
  const numberOf = parts.length > 1 && /^(?:the\s+)?(?:overall\s+|total\s+)?(?:number|total|count)$/i.test(parts[0]!.trim());
  const words = numberOf ? parts[1]!.split(/\s+/) : [];
  const verb = words.findIndex((word) => isPastVerb(word));
  const named = (verb < 0 ? words : words.slice(0, verb)).join(' ');
  const subject = (measure ? parts[1]!.split(/\s+and\s+/)[0]! : named !== '' ? named : parts[0]!).replace(/[“”"]/g, '').trim();
  return /^(?:the\s+)?(?:it|they|this|that|these|those|which|number|total|figure|count|rate)$/i.test(subject) ? '' : subject;
}
