// The answers that are not plain figures: the places a sentence names (by the world's place list, so a
// capitalised word is a city only when one of that name exists), the names it gives (a quoted name, a web
// address, a word in capitals, a capitalised name), and the changes it states ("a decrease of 23%").
import { lexicon } from '../../language/lexicon.ts';
import { findValues, type Value } from './numbers.ts';

const MONTHS = /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
// A run of capitalised words, with the small words of Arabic and French place names between them
// ("Fkih Ben Salah", "El Jadida", "Salé Al Jadida").
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:al|el|ben|de|du|la|les|sur)\s+)?\p{Lu}[\p{L}’'-]*){0,4}/gu;
const QUOTED = /[“"«]\s*([^”"»]{2,80}?)\s*[”"»]/gu;
/** A place whose name is also an English word ("Mobile", "Police", "Union") counts only from this size. */
const WORD_PLACE_POPULATION = 100_000;

interface Run {
  start: number;
  words: Array<{ text: string; start: number; end: number }>;
}

function runs(text: string): Run[] {
  return [...text.matchAll(CAPITALISED)].map((match) => {
    const start = match.index ?? 0;
    const words = [...match[0].matchAll(/[\p{L}’'-]+/gu)].map((word) => ({ text: word[0], start: start + (word.index ?? 0), end: start + (word.index ?? 0) + word[0].length }));
    return { start, words };
  });
}

// A name of several capitalised runs joined by a small word: "Naif Arab University for Security
// Sciences", "Ministry of the Interior".
function joined(text: string, list: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of list) {
    const last = out.at(-1);
    const between = last === undefined ? '' : text.slice(last.words.at(-1)!.end, run.start);
    if (last !== undefined && /^\s+(of|for|and|de|du|of the|for the)\s+$/.test(between)) last.words.push(...run.words);
    else out.push({ start: run.start, words: [...run.words] });
  }
  return out;
}

/** True when the text before `at` ends a sentence (or there is none): its first word is capitalised anyway. */
function startsSentence(text: string, at: number): boolean {
  return /(^|[.!?:]\s*["“]?)\s*$/.test(text.slice(Math.max(0, at - 4), at)) || at === 0;
}

/** The places a text names, longest names first: cities of the world's place list, and countries. */
export function findPlaces(text: string): Value[] {
  const found: Value[] = [];
  // A name in quotation marks is a name ("Tifli Moukhtafi"), whatever town it may spell.
  const quoted = [...text.matchAll(QUOTED)].map((match) => [match.index ?? 0, (match.index ?? 0) + match[0].length] as const);
  for (const run of runs(text)) {
    if (quoted.some(([start, end]) => run.start >= start && run.start < end)) continue;
    const words = run.words.map((word) => ({ ...word, text: word.text.replace(/[’']s$/, '') }));
    const used = new Array<boolean>(words.length).fill(false);
    for (let length = words.length; length >= 1; length--) {
      for (let from = 0; from + length <= words.length; from++) {
        if (used.slice(from, from + length).some(Boolean)) continue;
        const part = words.slice(from, from + length);
        const name = part.map((word) => word.text).join(' ');
        if (length === 1 && (MONTHS.test(name) || /^(al|el|ben|de|du|la|les|sur)$/i.test(name))) continue;
        const place = lexicon().nearestPlace(name);
        if (place === undefined) continue;
        // A name that is also an English word is a place only on its own, mid-sentence, and a large one:
        // "Rabat" or "Fez", not "Mobile" of "Mobile Intervention Unit" or "Police" at a sentence's start.
        const isWord = length === 1 && lexicon().isWord(name.toLowerCase());
        if (isWord && (words.length > 1 || startsSentence(text, part[0]!.start) || place.population < WORD_PLACE_POPULATION)) continue;
        const start = part[0]!.start;
        const end = part[length - 1]!.end;
        found.push({ value: Number.NaN, kind: 'place', unit: null, start, end, text: text.slice(start, end) });
        used.fill(true, from, from + length);
      }
    }
  }
  // A name the place list lacks is a place where the text says so: "the Driouch district", "the city of
  // Tiflet", "in Errahma neighborhood", or a name of no English word right after "in" or "at" ("a police
  // station at Beni Bouaayach"). At least one of its words must not be an English word ("the National
  // Security district"), and the nouns of a body or a building that end it are not part of it ("in
  // Tamesna Police District").
  // Such a name said to be a place stands for the part of it the place list knows ("the city of Imouzzer
  // Kandar", not "Kandar").
  for (const { pattern, cue } of NAMED_PLACE) {
    for (const match of text.matchAll(pattern)) {
      const words = match[1]!.split(/\s+/);
      if (cue === 'preposition') {
        // An acronym (DGSN) or a possessive (Interpol’s) is no place name.
        if (words.some((word) => /^\p{Lu}{2,}$/u.test(word) || /[’']s$/.test(word))) continue;
        while (words.length > 1 && INSTITUTION.test(words.at(-1)!)) words.pop();
      }
      const name = words.join(' ');
      if (words.every((word) => lexicon().isWord(word.toLowerCase()))) continue;
      const start = (match.index ?? 0) + match[0].indexOf(name);
      const end = start + name.length;
      const overlapping = found.filter((value) => start < value.end && end > value.start);
      if (!overlapping.every((value) => value.start >= start && value.end <= end && value.end - value.start < name.length)) continue;
      for (const value of overlapping) found.splice(found.indexOf(value), 1);
      found.push({ value: Number.NaN, kind: 'place', unit: null, start, end, text: name });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const PLACE_NOUN = '(?:district|province|prefecture|region|city|town|commune|municipality|village|neighbou?rhood|quarter|suburb|borough|locality)';
const PLACE_NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2}";
// The nouns that end the name of a body or a building after a place's name ("Tamesna Police District").
const INSTITUTION = /^(?:police|security|district|prefecture|province|region|regional|provincial|command|brigade|headquarters|center|centre|station|airport|port|school|university|hospital|office|department|service|unit|court|commission|institute|academy|laboratory)$/i;
const NAMED_PLACE: Array<{ pattern: RegExp; cue: 'noun' | 'preposition' }> = [
  { pattern: new RegExp(`\\b(${PLACE_NAME})\\s+${PLACE_NOUN}\\b`, 'gu'), cue: 'noun' },
  { pattern: new RegExp(`\\b${PLACE_NOUN} of (${PLACE_NAME})`, 'gu'), cue: 'noun' },
  { pattern: new RegExp(`\\b(?:in|at) (${PLACE_NAME})`, 'gu'), cue: 'preposition' },
];

// A name as the reports give one: in quotation marks, a web address, a word in capitals (BOLAWRAP), a
// hyphenated brand (E-Blagh), or capitalised words that do not open the sentence.
const ADDRESS = /\b(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:ma|com|org|net|gov|int|info)\b(?:\/[^\s,;)]*)?/gi;
const CAPITALS = /(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*(?![\p{L}\p{N}])/gu;
const BRAND = /(?<![\p{L}\p{N}])\p{Lu}-\p{L}[\p{L}\d]*(?:-\p{L}[\p{L}\d]*)*/gu;

/** The names a text gives, each once, in order. */
export function findNames(text: string): Value[] {
  const found: Value[] = [];
  const taken = (start: number, end: number) => found.some((value) => start < value.end && end > value.start);
  const add = (start: number, end: number) => {
    const name = text.slice(start, end).replace(/[.,;:]+$/, '');
    if (name.length < 2 || taken(start, start + name.length)) return;
    found.push({ value: Number.NaN, kind: 'name', unit: null, start, end: start + name.length, text: name });
  };
  for (const match of text.matchAll(QUOTED)) {
    const inner = match[1]!;
    if (inner.split(/\s+/).length > 8) continue;
    const start = (match.index ?? 0) + match[0].indexOf(inner);
    add(start, start + inner.length);
  }
  for (const pattern of [ADDRESS, BRAND, CAPITALS]) {
    for (const match of text.matchAll(pattern)) {
      if (pattern === ADDRESS && !/www\.|https?:|\.ma\b/i.test(match[0])) continue;
      if (pattern === CAPITALS && match[0].replace(/[\d-]/g, '').length < 3) continue;
      add(match.index ?? 0, (match.index ?? 0) + match[0].length);
    }
  }
  for (const run of joined(text, runs(text))) {
    if (startsSentence(text, run.start) && run.words.length === 1) continue;
    const words = startsSentence(text, run.start) ? run.words.slice(1) : run.words;
    if (words.length === 0 || words.every((word) => MONTHS.test(word.text))) continue;
    add(words[0]!.start, words[words.length - 1]!.end);
  }
  return found.sort((a, b) => a.start - b.start);
}

const UP = 'increase|increased|increases|increasing|rise|rises|rose|risen|rising|grew|grow|grown|growth|jump|jumped|surge|surged|climbed|up|higher|more';
const DOWN = 'decrease|decreased|decreases|decreasing|decline|declined|declining|drop|dropped|fell|fall|fallen|falling|down|lower|less|reduction|reduced|shrank';
const APPROXIMATELY = '(?:about|around|nearly|some|almost|more than|over|approximately|roughly|close to|a further|an additional)';
// "a decrease of 23%", "dropped by 4%", and a noun of change with a verb that gives its size ("whose
// decrease exceeded 26.40 percent", "the increase stood at 7%").
const DIRECTION_BEFORE = new RegExp(`\\b(${UP}|${DOWN})\\s+(?:(?:exceeded|reached|stood at|was|is|totall?ed)\\s+)?(?:of|by|to)?\\s*${APPROXIMATELY}?\\s*$`, 'i');
const DIRECTION_AFTER = new RegExp(`^\\s+(${UP}|${DOWN})\\b`, 'i');
const IS_DOWN = new RegExp(`^(${DOWN})$`, 'i');

/**
 * The changes a text states: a figure with the word that says which way it went ("a decrease of 23%",
 * "an 18% increase", "fell by 10%"). The value is signed (a decrease is negative); the text runs from
 * the direction word to the figure.
 */
export function findChanges(text: string): Value[] {
  const changes: Value[] = [];
  for (const value of findValues(text)) {
    if (value.kind !== 'percentage' && value.kind !== 'count' && value.kind !== 'amount') continue;
    const before = DIRECTION_BEFORE.exec(text.slice(Math.max(0, value.start - 60), value.start));
    const after = DIRECTION_AFTER.exec(text.slice(value.end, value.end + 30));
    // "rose to 95%" gives the new level, not the change.
    if (before !== null && /\bto\s*\S*\s*$/i.test(before[0])) continue;
    const word = before?.[1] ?? after?.[1];
    if (word === undefined) {
      // A list that says its verb once: "sexual assaults dropped by 4%, drug-related cases by 7%, and
      // thefts targeting bank agencies by 45%".
      const elided = new RegExp(`\\bby\\s+${APPROXIMATELY}?\\s*$`, 'i').exec(text.slice(Math.max(0, value.start - 30), value.start));
      const previous = changes.at(-1);
      if (elided === null || previous === undefined) continue;
      const start = value.start - elided[0].length;
      changes.push({ value: Math.sign(previous.value) * value.value, kind: 'change', unit: value.unit, start, end: value.end, text: text.slice(start, value.end) });
      continue;
    }
    const start = before !== null ? value.start - before[0].length + before[0].indexOf(before[1]!) : value.start;
    const end = before !== null ? value.end : value.end + after![0].length;
    const sign = IS_DOWN.test(word) ? -1 : 1;
    changes.push({ value: sign * value.value, kind: 'change', unit: value.unit, start, end, text: text.slice(start, end) });
  }
  return changes;
}
