// Question analysis: what kind of answer is expected, which years are asked about, and which words
// carry the question, with the head noun (the thing counted) apart from the words that qualify it.
import { lexicon } from '../../language/lexicon.ts';

/** The kind of value that answers a question. */
export type AnswerType = 'count' | 'quantity' | 'percentage' | 'change' | 'ordinal' | 'date' | 'place' | 'name' | 'unknown';

/** A question read into its parts. */
export interface QuestionAnalysis {
  /** The expected kind of answer. */
  type: AnswerType;
  /** Years named in the question ("in 2023", "between 2023 and 2024"), in order. */
  years: number[];
  /** True when the question asks about several years ("over the years", two years or a range). */
  severalYears: boolean;
  /** The words naming what is counted or measured ("emergency calls" in "How many emergency calls …"). */
  head: string[];
  /** Every other meaningful word of the question ("command", "rooms", "handle"). */
  qualifiers: string[];
  /** The qualifiers that are verbs ("handle", "seized"): they say what was done, not which figure. */
  verbs: string[];
  /**
   * The verbs of what was done to the thing counted, in the passive ("were recruited", "was seized") or
   * with it as object ("How many officers did the DGSN employ"): a figure must be bound to them (officers
   * who were trained were not recruited). A verb of which it is the subject ("visitors attended") mostly
   * restates what the head noun already says.
   */
  boundVerbs: string[];
  /** Years named as the report's ("according to the 2024 report"), not as the year a figure is about. */
  sourceYears: number[];
  /** False for text that is not a question (a bare topic, a statement). */
  isQuestion: boolean;
}

// Words that shape a question but say nothing about its subject.
const QUESTION_WORDS = new Set([
  'how', 'many', 'much', 'what', 'which', 'when', 'where', 'who', 'whom', 'whose', 'why', 'was', 'were', 'is', 'are', 'be', 'been',
  'did', 'do', 'does', 'have', 'has', 'had', 'there', 'being', 'number', 'numbers', 'total', 'amount', 'percentage', 'percent', 'proportion',
  'share', 'figure', 'figures', 'year', 'years', 'over', 'across', 'between', 'from', 'to', 'each', 'every', 'the', 'a', 'an', 'of', 'in',
  'on', 'at', 'for', 'by', 'and', 'or', 'during', 'among', 'amongst', 'tell', 'me', 'please', 'can', 'could', 'you',
  'it', 'its', 'their', 'they', 'this', 'that', 'these', 'those', 'date', 'dates', 'day', 'month', 'city', 'place', 'will', 'would', 'per',
  'big', 'large', 'small', 'high', 'low', 'long', 'with', 'name', 'names', 'called', 'named',
  // Words that ask for the last of several years' figures.
  'latest', 'recent', 'newest', 'current', 'most', 'count', 'tally', 'headcount', 'now',
  // Words that ask for a total, as "total" does.
  'overall', 'combined', 'altogether', 'quantity', 'volume',
]);
const AUXILIARIES = /^(did|do|does|were|was|are|is|have|has|had|will|can|could|would)$/i;
// A verb ends a noun phrase even without an auxiliary ("How many visitors attended …", "8,502 officers took part").
const IRREGULAR_PAST = /^(took|saw|made|got|went|came|gave|held|ran|left|won|lost|received|reached|benefited|benefitted|bought|sold|brought|caught|sent|spent|kept|met|paid|put|set|took|underwent|became|began|rose|fell|grew|built|done|taken|given|seen|known|shown|found|led|brought|taught|won|begun|chosen|written|driven|grown|thrown|told|spent|lost|sold|held|hit|cut|run|risen|fallen|undergone|become|struck|stolen|sought|dealt|meant|drew|drawn|drove|flew|flown|fought|hid|hidden|laid|lay|lit|rode|shot|shut|spoke|spoken|stood|stuck|swept|threw|thrown|tore|torn|understood|undertook|undertaken|oversaw|overseen|overtook|withdrew|withdrawn|wrote|broke|broken|froze|frozen|sent|bore|borne|forgot|forgotten)$/iu;

/**
 * True for a word that is a verb form in the past ("seized", "took"), which ends a noun phrase: an
 * irregular one, or a word in -ed whose dictionary form is another word ("handed" → hand), so that
 * "speed" or "need" are not read as verbs.
 */
export function isPastVerb(word: string): boolean {
  if (IRREGULAR_PAST.test(word)) return true;
  if (!/\p{L}{2,}ed$/iu.test(word)) return false;
  const lower = word.toLowerCase();
  return lexicon().lemmas(lower).some((lemma) => lemma !== lower) || !lexicon().isWord(lower);
}
// Phrases that point at the source rather than the subject.
const SOURCE_PHRASE = /\b(according to|as stated in|as per|in) (the|its) ((DGSN|DGSN's|DGSN’s|directorate's|directorate’s|police) )?(\d{4} )?(annual )?(reports?|review|balance sheet)( for (\d{4}))?\b/gi;
// A lead-in that names the source at more length ("According to press coverage of the 2024 report, how
// many …"): it says where to look, not what is asked.
const SOURCE_LEAD = /^\s*(?:according to|as (?:stated|reported) (?:in|by)|as per)\b[^,?]{1,100}?\b(?:reports?|review|balance sheet|coverage|article|press|figures|statistics|data)\b[^,?]{0,30},\s*/i;
const YEAR = /\b(19[5-9]\d|20\d\d)\b/g;
// Words that ask for the reports' last word: "the latest …", "the next …", "currently".
const LATEST = /\b(latest|most recent|newest|last reported|current|currently|now|next|upcoming|forthcoming|coming)\b/i;

/** True when a question asks for the reports' last word ("the latest …", "the next …", "currently"). */
export function asksLatest(question: string): boolean {
  return LATEST.test(question);
}
const QUESTION_START = /^(how|what|which|when|where|who|whom|whose|why|is|are|was|were|did|do|does|has|have|had|can|could|will|would|according|(?:by|on|in|at|to|for|with|from|of|during|since|under|through) (?:what|which|how|whom|whose))\b/i;

// The words of a question about a change ("Did sextortion cases rise or fall?", "By how much did thefts fall?").
const CHANGE_WORDS = /^(rise|rose|risen|fall|fell|fallen|increase|increased|decrease|decreased|grow|grew|grown|drop|dropped|decline|declined|change|changed|climb|climbed|go|went|up|down|evolve|evolved|vary|varied)$/i;
const CHANGE = /\bby how much\b|\b(did|has|have|was|were)\b.*\b(rise|fall|increase|decrease|grow|drop|decline|change|climb|go up|go down|risen|fallen|increased|decreased|grown|dropped|declined|changed)\b/;

// "In which city …", "what Casablanca neighbourhood …": a question about a place, and the kind of place.
const PLACE_ASKED = /\b(?:in |at |to |from )?(?:which|what) (?:[\p{L}-]+ )?(city|cities|region|town|towns|province|country|countries|district|prefecture|village|port|municipality|locality|neighbourhood|neighborhood)\b/iu;
// The things a name answers ("which platform", "what software").
const NAME_NOUNS = 'organi[sz]ation|unit|body|institution|official|person|partner|platform|software|application|app|portal|website|programme|program|project|operation|system|weapon|device|brigade|service|university|laboratory|lab|company|agency|school|institute|academy|foundation|ministry|association|council|centre|center|body|initiative|campaign|award|prize';

const NAME_NOUN = new RegExp(`^(?:${NAME_NOUNS})$`, 'i');

function answerType(question: string): AnswerType {
  const q = question.toLowerCase();
  // "Why did thefts rise?" asks for a reason, which is not answered with a figure.
  if (/^\s*why\b/.test(q)) return 'unknown';
  if ((CHANGE.test(q) && !/\bhow many\b/.test(q)) || /\bby how many\b/.test(q)) return 'change';
  // "How many more tons … than the year before?" asks for the difference.
  if (/\bhow (many|much) (more|fewer|less)\b/.test(q)) return 'change';
  // "Which edition", "for which consecutive year", "what number was given to the new zone" (the fourth).
  if (/\b(what|which) (edition|session|anniversary|round|rank|consecutive (year|time))\b|\b(for )?which (year|time) (running|in a row)\b|\bfor (how many|what number of) (consecutive )?(years|times) (running|in a row)\b|\bwhat number (was|is|were|are) (it |they )?(given|assigned)\b/.test(q)) return 'ordinal';
  if (/\b(what|which) (percentage|percent|proportion|share)\b|\brate\b|\bpercent/.test(q)) return 'percentage';
  // A statistic ("what is the median age of …", "the average number …", "how old …") is a figure.
  if (/\b(?:what|which) (?:is|was|are|were) the (?:average|median|mean|typical) (?!number|amount|share|percentage|rate)\w+|^\s*how old\b/.test(q)) return 'count';
  // "What was the DGSN's total headcount …", "… the overall social media following": a total is a count.
  if (/\bwhat (?:is|was|are|were) (?:the |its |their )?(?:(?:[\p{L}-]+ ){0,2}[\p{L}-]+['’]s )?(?:total|overall|combined) (?!(?:amount|quantity|value|volume|weight|share|percentage|rate|number|count)\b)[\p{L}-]+/u.test(q)) return 'count';
  // "How many" anywhere: "The suspects were linked to how many networks?" asks for a count too.
  if (/\bhow many\b|\bwhat (was|is|were) the number of\b|\bnumber of\b|\b(?:count|tally) of\b/.test(q)) return 'count';
  if (/^\s*how much\b|(?<!\bby )\bhow much\b(?! (?:more|less)\b)|\b(what|which) (was|is) the (total |overall )?(amount|quantity|value)\b|^\s*(what|which) (total |overall )?(amount|quantity|volume|weight) of\b/.test(q)) return 'quantity';
  if (/^\s*when\b|\b(what|which) (dates?|days?|months?)\b|\bin which (year|month)\b|\bwhat year\b/.test(q)) return 'date';
  if (/^\s*where\b/u.test(q) || PLACE_ASKED.test(q)) return 'place';
  if (
    new RegExp(`^\\s*who\\b|\\b(?:which|what) (?:[\\p{L}-]+ )?(?:${NAME_NOUNS})\\b`, 'u').test(q) ||
    new RegExp(`\\bwhat (?:is|was|are|were) the (?:(?!(?:of|the|for|in|on|to|and|number|amount|total|share|rate|percentage)\\b)[\\p{L}-]+ ){0,3}(?:${NAME_NOUNS})\\b(?! of\\b)`, 'u').test(q) ||
    /\bwhat (is|was|are|were) the (name|names|web ?address|address|url|website|acronym|title)\b|\bwhat (is|was) (it|this|that|the [\w\s-]+) called\b|\bcalled what\b|\bnamed what\b/.test(q)
  ) {
    return 'name';
  }
  return 'unknown';
}

// Units a "how many" question may count in ("How many kilograms of …").
const MEASURE_UNITS = /^(tons?|tonnes?|kilograms?|kilos?|kg|grams?|g|liters?|litres?|dirhams?|euros?|dollars?|kilometers?|kilometres?|km|hectares?|square|meters?|metres?)$/i;
// Small words that never follow a participle used as an adjective.
const SMALL_WORDS = /^(the|a|an|in|on|at|to|for|by|of|with|from|during|between|over|into|across|through|under|and|or|its|their|this|these|that|those)$/i;

const BASELINE = /\b(?:compared (?:with|to)|relative to|against|versus|vs\.?)\s+(?:the\s+)?(?:year\s+)?((?:19|20)\d\d)\b/gi;

function askedYears(question: string): { years: number[]; range: boolean } {
  const named = [...question.matchAll(YEAR)].map((m) => Number(m[1]));
  const range = /\b(between|from)\s+(19|20)\d\d\s+(and|to|until|through)\s+(19|20)\d\d\b|\b(19|20)\d\d\s*(-|–|to)\s*(19|20)\d\d\b/i.exec(question);
  if (range !== null && named.length >= 2) {
    const [from, to] = [Math.min(named[0]!, named[1]!), Math.max(named[0]!, named[1]!)];
    return { years: Array.from({ length: to - from + 1 }, (_, i) => from + i), range: true };
  }
  // "in 2020 compared with 2019": the second year is what the first is measured against, not asked about.
  const baseline = new Set([...question.matchAll(BASELINE)].map((m) => Number(m[1])));
  const asked = named.filter((year) => !baseline.has(year));
  return { years: [...new Set(asked.length > 0 ? asked : named)], range: false };
}

function words(text: string): string[] {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).filter((word) => !/^(19|20)\d\d$/.test(word));
}

// An adverb made from an adjective ("newly", "fully", "successfully"): how something was done, not what.
function isAdverb(word: string): boolean {
  return /^\p{L}{3,}ly$/u.test(word) && lexicon().isWord(word.slice(0, -2).toLowerCase()) && word.slice(0, -2).length >= 3;
}

// A verb in the present after a plural noun, before its object or a preposition: "How many body-worn
// cameras complement the video surveillance system?", "How many people live in Rabat?". Not a noun
// that modifies the next one ("women police officers").
function presentVerbAfterPlural(previous: string, word: string, next: string | undefined): boolean {
  const plural = /[^s]s$/i.test(previous) || /^(people|women|men|children|police)$/i.test(previous);
  const objectFollows = next === undefined || /^(the|a|an|its|their|this|these|those|in|on|at|to|for|with|from|each|every|per|during|across|some|any|all)$/i.test(next);
  return plural && objectFollows && !/s$/i.test(word) && lexicon().canBeVerb(word);
}

// The verb after "did … " in its base form: the last word that can be a verb (not a plural, not in
// -ing) before a preposition or the end ("did the laboratory obtain ISO accreditation in 2024" → obtain,
// not "accreditation"; "did the police seize in 2023" → seize), or null.
function baseVerbAfterDid(text: string): string | null {
  const stretch = /\b(?:did|do|does|will|can|could)\b((?:\s+[\p{L}\p{N}'’-]+)+?)(?=\s+(?:in|on|at|for|by|during|from|to|with|between|over|across|about|among|through|under|against|into|within)\b|\s*\??\s*$)/iu.exec(text);
  if (stretch === null) return null;
  const words = stretch[1]!.trim().split(/\s+/);
  const base = (word: string) => /^\p{L}+$/u.test(word) && !/(?<!s)s$|ing$/i.test(word);
  // A particle ("carry out", "set up") is part of the verb before it.
  const particle = /^(out|up|off|down|over|back|away|on|in)$/i;
  const candidates = [...words].slice(1).filter((word) => base(word) && !particle.test(word) && lexicon().canBeVerb(word));
  // A word that can only be a verb ("seize", "obtain") is the verb; else one right after an adverb
  // ("can Moroccans now register ID card data": register, not card); else the last that can be one.
  const verb =
    [...candidates].reverse().find((word) => !lexicon().canBeNoun(word)) ??
    candidates.find((word) => /^(now|also|still|already|ever|actually|really|\p{L}+ly)$/iu.test(words[words.indexOf(word) - 1] ?? '')) ??
    candidates.at(-1) ??
    words.at(-1)!;
  return base(verb) ? verb : null;
}

// Shorthand of typed English, written out: "how many ppl", "identified thru fingerprints".
const SHORTHAND: Record<string, string> = { ppl: 'people', thru: 'through', govt: 'government', yr: 'year', yrs: 'years', approx: 'approximately', admin: 'administrative', dept: 'department', intl: 'international', nb: 'number' };

function expandShorthand(text: string): string {
  // "what's", "who's", "where's": the question word and "is".
  return text.replace(/\b(what|who|where|when|which|how)['’]s\b/gi, '$1 is').replace(/\b[a-z]+\b/gi, (word) => SHORTHAND[word.toLowerCase()] ?? word);
}

/** Reads a question. Never throws; anything that is not a question is marked so. */
export function analyzeQuestion(input: string): QuestionAnalysis {
  // A question longer than this is not read further: no real question needs it, and it bounds the work.
  const question = expandShorthand(input.slice(0, 500));
  // Years are read from the whole question ("according to the 2024 report" names the year asked about).
  const { years, range } = askedYears(question);
  // The source ("according to the 2024 report") and the baseline of a comparison ("compared with 2019")
  // are not words of the subject.
  // A short lead-in set off by a comma ("In total, how many …", "In 2023, how many …") is read as part of
  // the question, not as the words before its question word.
  const cleaned = question
    .replace(SOURCE_LEAD, '')
    .replace(SOURCE_PHRASE, ' ')
    .replace(BASELINE, ' ')
    .trim()
    .replace(/^[\s,;:]+/, '')
    // A hedge or a filler before the question word ("Roughly how many …", "So, when …", "And which …")
    // says how exact the answer may be, or nothing: the question starts after it.
    .replace(/^(?:(?:roughly|approximately|about|around|so|and|but|ok|okay|also|exactly|precisely|just|now|then|well|hi|hello|quick question)[\s,:;-]+)+(?=(?:how|what|which|when|where|who|in which|on how many|in how many)\b)/i, '');
  // The lead-in's words stay words of the question ("Cocaine seized in 2023, how much?").
  const commaLead = /^([^,?]{1,40}),\s*(?=(?:how many|how much|what|which|when|where|who|in which|on how many|in how many)\b)/i.exec(cleaned);
  const text = cleaned
    .slice(commaLead?.[0].length ?? 0)
    // "in 2020 how many …": a year before the question word, without its comma.
    .replace(/^(?:in|during|for)\s+(?:19|20)\d\d\s+(?=(?:how|what|which|when|where|who)\b)/i, '')
    // "On how many police cars …", "In how many centres …" count what follows "how many" as any "how
    // many" question does ("By how many …" asks for a change and "For how many years running …" for an
    // ordinal: both keep their preposition).
    .replace(/^(?:on|in|at|for|from|to|with|across|into|among|within|over|through)\s+(?=how many\b)(?!how many (?:consecutive )?(?:years|times)\b)/i, '');
  // "Between 2023 and 2024, what is the latest …" asks about the last of them only.
  if (years.length > 1 && asksLatest(text)) years.splice(0, years.length, Math.max(...years));
  const severalYears = (range && years.length > 1) || years.length > 1 || /\b(over|across|through(out)?) the years\b|\b(each|every|per) year\b|\bby year\b|\bover time\b|\btrend\b/i.test(text);
  // A question typed without its mark, and with a lead-in before its question word ("in 2020 how many
  // suspects were identified"), is still a question.
  const isQuestion = /\?\s*$/.test(text) || QUESTION_START.test(text) || /\bhow (many|much)\b/i.test(text);
  // The head: the words right after "how many / how much / number of / what was the", up to a verb or a
  // small word ("How many emergency calls did …" → emergency calls).
  const leadPattern = new RegExp(`^\\s*(?:how (?:many|much)(?: (?:more|fewer|less)(?= ))?|what (?:is|was|are|were) the (?:name|names|web ?address|address|url|website|acronym|title) of(?: the)?|what (?:was|is|were) the (?:(?:[\\p{L}-]+ ){0,2}[\\p{L}-]+['’]s )?(?:(?:total|overall|combined|latest|most recent|newest|current) )*(?:number|amount|quantity|count|tally|headcount) of|what (?:was|is|were) the (?:[\\p{L}-]+ ){0,2}[\\p{L}-]+['’]s (?:total|overall|combined)|what (?:total |overall )?(?:amount|quantity|volume|weight) of|what (?:was|is|were) the|who (?:is|was|are|were) (?:(?:the )?[\\p{L}-]+['’]s|the|its|their)|what (?:percentage|proportion|share) of|which|(?:(?:with|by|from|for|to|of|in|on|at|under|through) )?(?:which|what)(?=\\s+(?:[\\p{L}-]+\\s+)?(?:${NAME_NOUNS})\\b))\\s+(.*)$`, 'iu');
  const lead = leadPattern.exec(text);
  const head: string[] = [];
  let unitAsked = false;
  // "How many" inside the question ("The suspects were linked to how many networks?", "Of the migrants
  // stopped, how many were foreigners?") is read from there; the words before it are qualifiers.
  const inside = lead === null ? /\bhow (?:many|much)\b.*$/is.exec(text) : null;
  // "By how many …" asks for a change, and "for how many years in a row …" for an ordinal: neither counts what follows.
  const asked = lead ?? (inside === null || /\bby\s+$/i.test(text.slice(0, inside.index)) || /^how many (?:consecutive )?(?:years|times)\b/i.test(inside[0]) ? null : leadPattern.exec(inside[0]));
  if (asked !== null) {
    // The noun phrase ends at a comma: "how many sporting events, national and international, did …".
    let after = words(asked[1]!.split(',')[0]!);
    // "Of the migrants stopped, how many were foreigners?": what is counted follows the verb.
    const partitive = inside === null ? commaLead !== null : /,\s*$/.test(text.slice(0, inside.index));
    if (partitive && /^(were|are|was|is)$/i.test(after[0] ?? '') && /^how many\b/i.test((inside?.[0] ?? text).trim())) after = after.slice(1);
    // "How many kilograms of L'pufa …": the unit is how it is measured; what is measured follows "of".
    const unitOf = /^(\S+)\s+of\s+(?:the\s+)?(.*)$/i.exec(asked[1]!);
    if (unitOf !== null && MEASURE_UNITS.test(unitOf[1]!)) {
      after = words(unitOf[2]!);
      unitAsked = true;
    }
    for (const [i, word] of after.entries()) {
      // An adverb ("newly") says nothing of the thing counted; a participle before a noun describes it
      // ("newly trained police officers were posted") and is no verb of the question.
      if (/^\p{L}+ly$/iu.test(word) && head.length === 0) continue;
      // (So does a chain of them: "reported stolen cars were intercepted".)
      const describes =
        isPastVerb(word) && !AUXILIARIES.test(word) && after[i + 1] !== undefined && !SMALL_WORDS.test(after[i + 1]!) && !AUXILIARIES.test(after[i + 1]!) && (head.length === 0 || /ly$/i.test(after[i - 1] ?? '') || head.every(isPastVerb));
      if (describes) {
        head.push(word);
        continue;
      }
      // Two words that describe the noun, joined ("fake or non-compliant face masks"): the noun follows.
      const next = after[i + 1];
      if (head.length > 0 && /^(or|and)$/i.test(word) && !/s$/i.test(head[head.length - 1]!) && next !== undefined && after[i + 2] !== undefined && !AUXILIARIES.test(next) && !isPastVerb(next) && !SMALL_WORDS.test(next)) continue;
      if (AUXILIARIES.test(word) || isPastVerb(word) || (head.length > 0 && QUESTION_WORDS.has(word.toLowerCase()))) break;
      // A participle in -ing before a small word opens a clause about the head ("staff working for the
      // DGSN"), and so does a light verb's before anything ("gangs doing aggravated thefts").
      if (head.length > 0 && /^\p{L}{3,}ing$/iu.test(word) && after[i + 1] !== undefined && SMALL_WORDS.test(after[i + 1]!)) break;
      if (head.length > 0 && /^(doing|having|making|taking|getting|becoming|showing|involving|using|carrying)$/i.test(word)) break;
      if (head.length > 0 && presentVerbAfterPlural(head[head.length - 1]!, word, after[i + 1])) break;
      // An adverb of place or time after the noun ("centres abroad", "stations nationwide") says where or
      // when, not what is counted.
      if (head.length > 0 && /^(abroad|overseas|nationwide|countrywide|worldwide|here|there|now|today|yet|already|still|annually|yearly|daily)$/i.test(word)) break;
      // "criminal cases Moroccan police dealt with": a capitalised word after a plural noun opens the
      // subject of a clause about the head (its "that" left out).
      // (After any noun when a verb follows the name: "the digital identity app DGSN launched".)
      if (head.length > 0 && /^\p{Lu}/u.test(word) && (/^\p{Ll}+[^s]s$/u.test(head[head.length - 1]!) || (/^\p{Ll}/u.test(head[head.length - 1]!) && after[i + 1] !== undefined && isPastVerb(after[i + 1]!) && !AUXILIARIES.test(after[i + 1]!)))) break;
      // "Which platform lets …", "What software helps …": a verb in -s after the thing a name answers.
      if (head.length === 1 && NAME_NOUN.test(head[0]!) && /^\p{L}{2,}s$/u.test(word) && lexicon().canBeVerb(word.slice(0, -1))) break;
      if (!QUESTION_WORDS.has(word.toLowerCase())) head.push(word);
    }
  }
  // "How many of the victims were foreign nationals?": the part counted is set apart by the words after
  // the verb, which come before the head as its modifiers (107 victims of foreign nationalities).
  const partOf = asked === null ? null : /^\s*how (?:many|much) of (?:the|these|those|its|their) .*?\b(?:were|are|was|is)\s+(?:of\s+)?([\p{L}-]+(?:\s+[\p{L}-]+){0,2}?)(?=\s+(?:in|during|on|at|by|for|from|to|with|over|across)\b|\s*[?,.!]|\s*$)/iu.exec(asked[0]!);
  if (partOf !== null && head.length > 0) {
    const part = words(partOf[1]!).filter((word) => !QUESTION_WORDS.has(word.toLowerCase()));
    if (part.length > 0 && !part.some((word) => isPastVerb(word) || AUXILIARIES.test(word))) head.unshift(...part.filter((word) => !head.includes(word)));
  }
  // "How big was the police force in 2023 (number of officers)?": a "number of" anywhere names the head.
  if (head.length === 0) {
    const numberOf = /\bnumber of\s+(.*)$/i.exec(text);
    if (numberOf !== null) {
      for (const word of words(numberOf[1]!)) {
        // "By how much did the number of interventions rise …": the verb of the change ends it too.
        if (AUXILIARIES.test(word) || isPastVerb(word) || QUESTION_WORDS.has(word.toLowerCase()) || (head.length > 0 && CHANGE_WORDS.test(word))) break;
        head.push(word);
      }
    }
  }
  const expected = answerType(text);
  const type = unitAsked && expected === 'count' ? 'quantity' : expected;
  // "In which town …", "which Casablanca neighbourhood": the kind of place asked for is what the answer
  // is, not a word its sentence must hold ("in the city of Imouzzer Kandar").
  const placeKind = type === 'place' ? (PLACE_ASKED.exec(text)?.[1]?.toLowerCase() ?? null) : null;
  if (placeKind !== null) head.splice(0, head.length, ...head.filter((word) => word.toLowerCase() !== placeKind));
  const headSet = new Set(head.map((word) => word.toLowerCase()));
  // A question about a change asks which way the thing went: its "rise" or "fall" are not words to find.
  // "In a row" and "on end" say how long, and "back" of "back in 2017" when: not words to find.
  // Nor are the words of a compound preposition ("thanks to", "with the help of"): they only join.
  const qualifiers = words((commaLead === null ? text : `${text} ${commaLead[1]}`).replace(/\b(?:in a row|on end)\b|\bback(?= in (?:19|20)\d\d\b)|\b(?:thanks to|due to|owing to|because of|by means of|with (?:the )?help of|as a result of)\b/gi, ' ')).filter(
    (word) =>
      !QUESTION_WORDS.has(word.toLowerCase()) &&
      word.toLowerCase() !== placeKind &&
      !headSet.has(word.toLowerCase()) &&
      !(type === 'change' && CHANGE_WORDS.test(word)) &&
      !(unitAsked && MEASURE_UNITS.test(word)) &&
      !isAdverb(word),
  );
  // Verbs: past forms ("seized"), and the last word before a preposition or the end in "did … handle".
  // A word in -ing is a verb only after a form of "be" ("were seizing"); elsewhere it names an activity
  // ("arrested for drug trafficking").
  const progressive = new Set([...text.matchAll(/\b(?:is|are|was|were|be|been|being)\s+(\p{L}+ing)\b/giu)].map((m) => m[1]!.toLowerCase()));
  // …or at the end of a question that opens with it ("Is sextortion rising?").
  const closing = /^\s*(?:is|are|was|were)\b.*?\s(\p{L}+ing)\s*\??\s*$/iu.exec(text);
  if (closing !== null) progressive.add(closing[1]!.toLowerCase());
  // (A capitalised word is a name's: "the United States", "the United Arab Emirates"; a question all in
  // capitals has its verbs in capitals too.)
  const verbs = qualifiers.filter((word) => !/^\p{Lu}\p{Ll}/u.test(word) && (isPastVerb(word) || progressive.has(word.toLowerCase())));
  // The verb after "did" is in its base form, so never a plural ("did the DGSN have across its accounts").
  const didVerb = baseVerbAfterDid(text);
  if (didVerb !== null && qualifiers.includes(didVerb) && !verbs.includes(didVerb)) verbs.push(didVerb);
  const passive = verbs.filter((verb) => new RegExp(`\\b(?:is|are|was|were|be|been|being)\\s+(?:[\\p{L}-]+ly\\s+)?${escapeRegExp(verb)}\\b`, 'iu').test(text) && !/ing$/i.test(verb));
  // "How many officers did the DGSN employ": the thing counted is the verb's object.
  const objectOf = head.length > 0 && didVerb !== null && /^\s*(?:how many|how much)\b/i.test(text) ? [didVerb] : [];
  const boundVerbs = [...new Set([...passive, ...objectOf.filter((verb) => verbs.includes(verb))])];
  const sources = [...question.matchAll(SOURCE_PHRASE)].map((match) => match[0]).concat(SOURCE_LEAD.exec(question)?.[0] ?? []);
  const sourceYears = [...new Set(sources.flatMap((source) => [...source.matchAll(YEAR)].map((year) => Number(year[1]))))];
  return { type, years, severalYears, head, qualifiers, verbs, boundVerbs, sourceYears, isQuestion };
}

/** The text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
