// Reading the figures of a sentence: numbers with separators and decimals, percentages, scale words
// ("40 million"), units ("1.948 tons"), numbers written in words ("fourteen (14)", "one million
// dirhams"), and the years, ordinals and dates that must not pass for counts.
import { LRUCache } from 'lru-cache';

/** What a figure measures. */
export type ValueKind = 'count' | 'percentage' | 'amount' | 'year' | 'ordinal' | 'date' | 'change' | 'place' | 'name';

/** A figure found in a text. */
export interface Value {
  /** Its numeric value ("19,722,041" → 19722041, "fourteen (14)" → 14, "40 million" → 40000000); NaN for a place or a name. */
  value: number;
  /** What it measures. */
  kind: ValueKind;
  /** The unit word when there is one (`tons`, `dirhams`, `%`). */
  unit: string | null;
  /** Offset of the figure (with its scale and unit) in the text. */
  start: number;
  /** Offset just past it. */
  end: number;
  /** The figure as written. */
  text: string;
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11,
  twelfth: 12, sixteenth: 16, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, seventieth: 70, hundredth: 100,
};
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const UNITS: Record<string, string> = {
  '%': '%', percent: '%', 'per cent': '%', percentage: '%',
  tons: 'tons', ton: 'tons', tonnes: 'tons', tonne: 'tons', 'metric tons': 'tons',
  kg: 'kg', kilograms: 'kg', kilogram: 'kg', kilos: 'kg', grams: 'grams', gram: 'grams', g: 'grams',
  dirhams: 'dirhams', dirham: 'dirhams', dh: 'dirhams', mad: 'dirhams',
  euros: 'euros', euro: 'euros', dollars: 'dollars', dollar: 'dollars', 'us dollars': 'dollars',
  km: 'km', kilometers: 'km', kilometres: 'km', hours: 'hours', hour: 'hours', days: 'days', years: 'years', bottles: 'bottles',
};
const NUMBER_WORD = `(?:${[...Object.keys(SMALL), ...Object.keys(SCALES)].join('|')})`;

// A figure in digits: 19,722,041 · 1.948 · 95 · 17-21 (a range) · 5th; then an optional scale word and unit.
// Digits that are part of a name (TASER-7, COVID-19) are not figures, nor are the two sides of a
// schedule or a ratio ("7/7", "24/24", "24h/24").
const DIGITS = /(?<![\p{L}\p{N}.,/]|\p{L}-)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:(st|nd|rd|th)\b|-(\d+)\b)?(?![\p{L}\p{N}]|[.,]\d|h?\/\d)/gu;
// How many of a smaller unit make a larger one, for a quantity continued in it ("123 tons and 971 kg").
const IN_LARGER: Record<string, Record<string, number>> = { tons: { kg: 1_000, grams: 1_000_000 }, kg: { grams: 1_000 } };
// A figure in words: "one million", "fourteen (14)", "six (06)", "twenty-five".
const WORDS = new RegExp(`\\b(${NUMBER_WORD}(?:[\\s-]+(?:and\\s+)?${NUMBER_WORD})*)\\b(?:\\s*\\((\\d+)\\))?`, 'giu');
const DATE = new RegExp(`\\b(?:(?:${MONTHS})\\s+\\d{1,2}(?:-\\d{1,2})?(?:,?\\s+\\d{4})?|\\d{1,2}\\s+(?:${MONTHS})(?:\\s+\\d{4})?|(?:${MONTHS})\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})\\b`, 'g');

/** The value of a number written in words ("one million" → 1000000, "twenty-five" → 25), or null. */
export function wordsToNumber(words: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of words.toLowerCase().split(/[\s-]+/)) {
    if (word === 'and' || word === '') continue;
    if (word in SMALL) {
      current += SMALL[word]!;
      seen = true;
    } else if (word === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (word in SCALES) {
      total += (current || 1) * SCALES[word]!;
      current = 0;
      seen = true;
    } else {
      return null;
    }
  }
  return seen ? total + current : null;
}

// The unit and scale words right after a figure: " million dirhams", "%", " tons".
function readSuffix(text: string, at: number): { scale: number; unit: string | null; length: number } {
  const rest = text.slice(at);
  const scale = /^\s+(hundred|thousand|million|billion)\b/i.exec(rest);
  const afterScale = scale === null ? rest : rest.slice(scale[0].length);
  const unit = /^(\s*%|\s+(?:per cent|percent|percentage points?|metric tons|us dollars|tons?|tonnes?|kilograms?|kilos|kg|grams?|g|dirhams?|dh|mad|euros?|dollars?|kilometers|kilometres|km|hours?|days|years|bottles))\b|^\s*%/i.exec(afterScale);
  const unitWord = unit === null ? null : unit[0].trim().toLowerCase().replace(/ points?$/, '');
  return {
    scale: scale === null ? 1 : SCALES[scale[1]!.toLowerCase()]!,
    unit: unitWord === null ? null : (UNITS[unitWord] ?? unitWord),
    length: (scale?.[0].length ?? 0) + (unit?.[0].length ?? 0),
  };
}

function kindOf(unit: string | null, raw: string): ValueKind {
  if (unit === '%') return 'percentage';
  if (unit !== null && unit !== 'years' && unit !== 'days' && unit !== 'hours') return 'amount';
  if (/^(19[5-9]\d|20\d\d)$/.test(raw) && unit === null) return 'year';
  return 'count';
}

// French figures: "1 153 741" or "19.420" (thousands), "137,8" or "94,43 %" (decimals), then a scale
// ("1,26 million") and a unit; "une tonne et 58 kilogrammes" keeps its two parts.
const FRENCH_DIGITS = /(?<![\p{L}\p{N}.,])(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?|\d+(?:,\d+)?|une?)(?:\s+(millions?|milliards?))?(?:\s*(%|pour cent)|\s+(tonnes?|kilogrammes?|kg|grammes?|dirhams?|DH|euros?|comprimés|cachets|personnes|affaires|cas))?(?:\s+et\s+(\d+)\s+(kilogrammes?|kg|grammes?))?(?![\p{L}\p{N}])/giu;
const FRENCH_UNITS: Record<string, string> = { '%': '%', 'pour cent': '%', tonne: 'tons', tonnes: 'tons', kilogramme: 'kg', kilogrammes: 'kg', kg: 'kg', gramme: 'grams', grammes: 'grams', dirham: 'dirhams', dirhams: 'dirhams', dh: 'dirhams', euro: 'euros', euros: 'euros' };

/** Every figure of a French text, in order: French separators, decimals, scales and units. */
export function findFrenchValues(text: string): Value[] {
  const values: Value[] = [];
  for (const match of text.matchAll(FRENCH_DIGITS)) {
    const raw = match[1]!;
    const start = match.index ?? 0;
    const end = start + match[0].length;
    // "une" is a figure only with a unit ("une tonne"), never as an article.
    if (/^une?$/i.test(raw) && match[4] === undefined) continue;
    let value = /^une?$/i.test(raw) ? 1 : Number(raw.replace(/[ \u00a0\u202f.]/g, '').replace(',', '.'));
    if (match[2] !== undefined) value *= /^milliard/i.test(match[2]) ? 1_000_000_000 : 1_000_000;
    const unitWord = (match[3] ?? match[4])?.toLowerCase();
    const unit = unitWord === undefined ? null : (FRENCH_UNITS[unitWord] ?? null);
    if (match[5] !== undefined && unit !== null) value += Number(match[5]) / (IN_LARGER[unit]?.[FRENCH_UNITS[match[6]!.toLowerCase()] ?? ''] ?? Infinity);
    const year = /^(19|20)\d\d$/.test(raw) && unitWord === undefined;
    const kind: ValueKind = unit === '%' ? 'percentage' : year ? 'year' : unit !== null ? 'amount' : 'count';
    values.push({ value, kind, unit, start, end, text: text.slice(start, end) });
  }
  return values;
}

// Scoring one answer reads the same sentence's figures many times (each figure's year, clause, neighbours,
// lead-in): they are read once and remembered.
const read = new LRUCache<string, Value[]>({ max: 5000 });

/** Every figure of a text, in order, with what it measures (read the French way for a French text). Never throws. */
export function findValues(text: string, language: 'en' | 'fr' | 'ar' = 'en'): Value[] {
  const key = `${language}\u0000${text}`;
  let values = read.get(key);
  if (values === undefined) {
    values = language === 'fr' ? findFrenchValues(text) : findEnglishValues(text);
    read.set(key, values);
  }
  // A copy: callers sort and filter it.
  return [...values];
}

function findEnglishValues(text: string): Value[] {
  const values: Value[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (start: number, end: number) => taken.some(([a, b]) => start < b && end > a);
  for (const match of text.matchAll(DATE)) {
    const start = match.index ?? 0;
    values.push({ value: Number(/\d+/.exec(match[0])![0]), kind: 'date', unit: null, start, end: start + match[0].length, text: match[0] });
    taken.push([start, start + match[0].length]);
  }
  for (const match of text.matchAll(DIGITS)) {
    const start = match.index ?? 0;
    if (overlaps(start, start + match[0].length)) continue;
    const raw = match[1]!;
    // "fourteen (14)": the digits restate the words, which the next pass reads as one figure.
    if (new RegExp(`\\b${NUMBER_WORD}\\s*\\($`, 'i').test(text.slice(Math.max(0, start - 20), start))) continue;
    if (match[2] !== undefined) {
      values.push({ value: Number(raw), kind: 'ordinal', unit: null, start, end: start + match[0].length, text: match[0] });
      taken.push([start, start + match[0].length]);
      continue;
    }
    const suffix = readSuffix(text, start + match[0].length);
    const end = start + match[0].length + suffix.length;
    const value = Number(raw.replace(/,/g, '')) * suffix.scale;
    // A range of two years ("2022-2026") is years; any other range ("17-21") is a count.
    const yearRange = match[3] !== undefined && /^(19|20)\d\d$/.test(raw) && /^(19|20)\d\d$/.test(match[3]);
    const kind = yearRange ? 'year' : match[3] !== undefined ? 'count' : kindOf(suffix.unit, raw);
    values.push({ value, kind, unit: suffix.unit, start, end, text: text.slice(start, end) });
    taken.push([start, end]);
  }
  for (const match of text.matchAll(WORDS)) {
    const start = match.index ?? 0;
    const inDigits = match[2];
    const fromWords = wordsToNumber(match[1]!);
    // A scale word alone ("million") is part of a figure in digits or no figure at all.
    if (fromWords === null || overlaps(start, start + match[0].length) || /^(hundred|thousand|million|billion)$/i.test(match[1]!)) continue;
    // "one" is a pronoun more often than a count: "one of the …", "the new one", "one another".
    if (/^one$/i.test(match[0]) && (/^\s*(of|another|and|or|hand|day|way|on|in|for|that|which|who|with|by|[,.;:)]|$)/i.test(text.slice(start + 3, start + 12)) || /\b(the|no|each|every|any|which|this|that|a|an|only|single|another)\s+$/i.test(text.slice(Math.max(0, start - 10), start)))) continue;
    const suffix = readSuffix(text, start + match[0].length);
    const end = start + match[0].length + suffix.length;
    const value = (inDigits === undefined ? fromWords : Number(inDigits)) * suffix.scale;
    values.push({ value, kind: kindOf(suffix.unit, ''), unit: suffix.unit, start, end, text: text.slice(start, end) });
    taken.push([start, end]);
  }
  for (const match of text.matchAll(new RegExp(`\\b(${Object.keys(ORDINAL_WORDS).join('|')})\\b`, 'gi'))) {
    const start = match.index ?? 0;
    if (overlaps(start, start + match[0].length)) continue;
    values.push({ value: ORDINAL_WORDS[match[1]!.toLowerCase()]!, kind: 'ordinal', unit: null, start, end: start + match[0].length, text: match[0] });
  }
  return joinCompounds(text, values.sort((a, b) => a.start - b.start));
}

// A compound quantity stays whole, in digits or in words: "123 tons and 971 kg" is 123.971 tons, "eight
// kilograms and 501 grams" 8.501 kg.
function joinCompounds(text: string, values: Value[]): Value[] {
  const joined: Value[] = [];
  for (const value of values) {
    const larger = joined[joined.length - 1];
    const smaller = larger?.unit == null || value.unit === null ? undefined : IN_LARGER[larger.unit]?.[value.unit];
    if (larger !== undefined && smaller !== undefined && /^\s+and\s+$/i.test(text.slice(larger.end, value.start))) {
      joined[joined.length - 1] = { ...larger, value: larger.value + value.value / smaller, end: value.end, text: text.slice(larger.start, value.end) };
      continue;
    }
    joined.push(value);
  }
  return joined;
}
