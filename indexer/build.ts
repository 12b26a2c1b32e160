// Build stage: run the pipeline over the corpus and write the index and the passage dataset. Writes are
// atomic (write, then rename), and a report whose file is broken keeps its passages from the previous
// good build, so a failed or interrupted build never loses what was indexed.
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { AsPlainObject } from 'minisearch';
import { languageOf } from '../language/analyzer.ts';
import { PROJECT_ROOT } from '../language/project.ts';
import { nearCopiesOf, vocabularyOf, type CorpusVocabulary } from './corpus-stats.ts';
import { binaryIndexBytes, binaryIndexFrom, isBinaryIndex, toBinaryIndex, type BinaryIndex, type BinaryIndexHeader } from './index-binary.ts';
import { createIndex, INDEX_FORMAT, toIndexedDocument } from './index-config.ts';
import { encodePositions, positionsBytes, positionsFrom, type TermPositions } from './positions.ts';
import type { Heading } from './segment.ts';
import type { CorpusProblem, Passage, Report } from './types.ts';

/** Where the corpus is read from and the artefacts are written to. */
export interface BuildPaths {
  /** Repository root: file paths in reports and passages are relative to it. */
  root: string;
  /** Folder of the source reports and their manifest. */
  corpusDir: string;
  /** Folder of the built artefacts (git-ignored). */
  dataDir: string;
}

/** Everything the server loads: reports, passages and the serialised full-text index. */
export interface IndexBundle {
  /** Version of this file's shape (INDEX_FORMAT). */
  format: number;
  /** Unique id of the build that wrote it. */
  buildId: string;
  /** Fingerprint of the corpus, manifest and indexer code it was built from. */
  fingerprint: string;
  /** ISO time of the build. */
  builtAt: string;
  /** The indexed reports, in manifest order. */
  reports: Report[];
  /** All passages, report by report, in reading order. */
  passages: Passage[];
  /** Every section heading per report id, so readers can show the report's structure. */
  headings: Record<string, Heading[]>;
  /** The problems met by the build (empty for a clean build). */
  problems: CorpusProblem[];
  /** The corpus's words and term frequencies, for spelling and rarity. */
  vocabulary: CorpusVocabulary;
  /** Pairs of passage ids that are near-copies of one another (same year only). */
  nearCopies: Array<[string, string]>;
  /** The serialised MiniSearch index: MiniSearch's own form when built, its numbers (POSTINGS_FILE) when read. */
  index: AsPlainObject | BinaryIndex;
  /** What the passage store must hold to belong to this index: its passage count and their SHA-256. */
  store?: { passages: number; sha256: string };
  /** Each passage's words as term ids, worked out at build time (held in POSITIONS_FILE on disk). */
  positions: TermPositions;
  /** On disk: the positions' term dictionary and the SHA-256 of POSITIONS_FILE. */
  positionsFile?: { dictionary: string[]; sha256: string };
  /** On disk: the SHA-256 of POSTINGS_FILE, which holds the numbers of `index`. */
  postingsFile?: { sha256: string };
}

/** What one build did. */
export interface BuildResult {
  /** The bundle written (or that would have been written). */
  bundle: IndexBundle;
  /** Problems with corpus files; the build exits non-zero when there are any. */
  problems: CorpusProblem[];
  /** Ids of reports whose files failed and whose previous passages were kept. */
  carriedOver: string[];
  /** Ids of reports indexed from files the manifest does not list. */
  unlisted: string[];
  /** Milliseconds the build took, per report id and in total. */
  timings: { perReport: Record<string, number>; totalMs: number };
  /** The extracted text of each HTML or PDF report, by report id (the text its offsets point into). */
  texts: Record<string, string>;
}

export const INDEX_FILE = 'index.json';
/**
 * The passage store the server loads: a header line naming the build and giving the length in bytes of
 * each passage's text and theme evidence, then one line per passage with all but those, then the texts
 * and the evidence, one after another. Those are not parsed at load: they stay in one buffer, out of the
 * JavaScript heap, and a passage's are decoded when they are read.
 */
export const STORE_FILE = 'passages.ndjson';
/** Each passage's words as term ids (indexer/positions.ts), read with the index. */
export const POSITIONS_FILE = 'positions.bin';
/** The full-text index's postings and field lengths (indexer/index-binary.ts); its terms are in INDEX_FILE. */
export const POSTINGS_FILE = 'postings.bin';
/** The dataset for researchers: every passage, as one JSON array. */
export const PASSAGES_FILE = 'passages.json';
/** Where the text extracted from HTML and PDF reports is kept, one `<report id>.txt` each. */
export const TEXT_DIR = 'text';

/**
 * How file paths name the corpus folder: relative to the repository (`corpus`) when it is inside it, else
 * the folder's absolute path (never a climb like `../../tmp/…`).
 */
export function corpusLabel(paths: BuildPaths): string {
  const relative = path.relative(paths.root, paths.corpusDir);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? paths.corpusDir : relative;
}

/** The default paths, relative to a repository root. */
export function defaultPaths(root: string): BuildPaths {
  return { root, corpusDir: path.join(root, 'corpus'), dataDir: path.join(root, 'data') };
}

/** The folders `npm start`, `npm run index` and the CLI use: the defaults, or DATA_DIR and CORPUS_DIR. */
export function pathsFromEnvironment(root: string, env: NodeJS.ProcessEnv = process.env): BuildPaths {
  const chosen = defaultPaths(root);
  if (env.DATA_DIR !== undefined && env.DATA_DIR !== '') chosen.dataDir = path.resolve(env.DATA_DIR);
  if (env.CORPUS_DIR !== undefined && env.CORPUS_DIR !== '') chosen.corpusDir = path.resolve(env.CORPUS_DIR);
  return chosen;
}

// The TypeScript sources, also when this runs compiled from dist/: an index built by either is the same.
const INDEXER_DIR = path.join(PROJECT_ROOT, 'indexer');
// The language module analyses what the indexer writes, so a change to it calls for a rebuild too.
const LANGUAGE_DIR = path.join(INDEXER_DIR, '..', 'language');

function hashFolder(hash: ReturnType<typeof createHash>, dir: string, filter: (name: string) => boolean): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).filter(filter).sort()) {
    hash.update(name).update('\0').update(readFileSync(path.join(dir, name))).update('\0');
  }
}

/**
 * A content hash of everything an index is made from: the corpus files, the manifest, and the indexer's
 * own code and data. When it has not changed, the index on disk is up to date.
 */
export function corpusFingerprint(corpusDir: string): string {
  const hash = createHash('sha256').update(`format ${INDEX_FORMAT}\0`);
  hashFolder(hash, corpusDir, (name) => !name.startsWith('.'));
  hashFolder(hash, INDEXER_DIR, (name) => /\.(ts|json)$/.test(name));
  hashFolder(hash, LANGUAGE_DIR, (name) => /\.(ts|json)$/.test(name));
  return hash.digest('hex');
}

/** Writes a file so that readers see either the old content or the new, never a part. */
export function writeFileAtomic(file: string, content: string | Iterable<string>): void {
  const temporary = writeTemporary(file, content);
  try {
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(path.dirname(file));
}

/** Temporary files of writes that never finished (a process killed mid-write) end with this. */
export const TEMPORARY_SUFFIX = '.tmp';

// Writes content whole (and synced) to a temporary file beside `file`, and returns its name; on failure
// nothing is left behind.
function writeTemporary(file: string, content: string | Buffer | Iterable<string>): string {
  ensureFolder(path.dirname(file));
  const temporary = `${file}.${process.pid}.${randomUUID()}${TEMPORARY_SUFFIX}`;
  try {
    // Written piece by piece: a large corpus serialised as one string would pass V8's string limit.
    const fd = openSync(temporary, 'w');
    try {
      if (Buffer.isBuffer(content)) for (let at = 0; at < content.length; ) at += writeSync(fd, content, at);
      else for (const piece of typeof content === 'string' ? [content] : content) writeSync(fd, piece);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return temporary;
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The bundle in the data folder, or null when there is none, it is unreadable, of another format, or its
 * passage store belongs to another build (a build interrupted between its two files).
 */
export function readBundle(dataDir: string, onProblem: (reason: string) => void = () => {}): IndexBundle | null {
  const file = path.join(dataDir, INDEX_FILE);
  const store = path.join(dataDir, STORE_FILE);
  if (!existsSync(file) || !existsSync(store)) return null;
  try {
    // Written in ASCII (asciiJson), so read as Latin-1: the fastest decoding, into the compact strings
    // JSON.parse reads fastest.
    const bundle = JSON.parse(readFileSync(file, 'latin1')) as Omit<IndexBundle, 'passages'>;
    if (bundle.format !== INDEX_FORMAT) return null;
    const passages = readStore(readFileSync(store), bundle.buildId, bundle.store);
    if (passages === null) return null;
    // A store cut short, or with a line changed, does not belong to this index.
    if (typeof passages === 'string') {
      onProblem(`${STORE_FILE} ${passages}`);
      return null;
    }
    const positions = readChecked(dataDir, POSITIONS_FILE, bundle.positionsFile?.sha256, (bytes) => {
      const read = positionsFrom(bytes, bundle.positionsFile!.dictionary);
      return read?.offsets.length === passages.length + 1 ? read : null;
    });
    if (typeof positions === 'string') {
      onProblem(`${POSITIONS_FILE} ${positions}`);
      return null;
    }
    // The index's passage ids are the passages' own strings, not a second copy of each.
    const header = bundle.index as BinaryIndexHeader;
    if (Array.isArray(header.documentIds)) {
      const ids = new Map(passages.map((passage) => [passage.id, passage.id]));
      header.documentIds = header.documentIds.map((id) => (id === null ? null : (ids.get(id) ?? id)));
    }
    const index = readChecked(dataDir, POSTINGS_FILE, bundle.postingsFile?.sha256, (bytes) => binaryIndexFrom(header, bytes));
    if (typeof index === 'string') {
      onProblem(`${POSTINGS_FILE} ${index}`);
      return null;
    }
    return { ...bundle, index, passages, positions };
  } catch (error) {
    onProblem(`${INDEX_FILE} or ${STORE_FILE} cannot be read (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
}

// A binary file of the index read by `read` once its bytes match the SHA-256 the index file records: a
// reason when it is missing, damaged or of another build (or `read` refuses it).
function readChecked<T>(dataDir: string, name: string, sha256: string | undefined, read: (bytes: Buffer) => T | null): T | string {
  const file = path.join(dataDir, name);
  if (sha256 === undefined || !existsSync(file)) return 'is missing';
  const bytes = readFileSync(file);
  return (sha256Of(bytes) === sha256 ? read(bytes) : null) ?? 'does not match the index it was built with';
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// The fields of a passage kept out of the store's lines, each read from the store's buffer when it is
// read: its text, and the evidence for its themes (which only the passage page shows). Each is written as
// the field's serialised form, and read back by `decode`.
const LAZY_FIELDS = [
  { field: 'text', encode: (passage: Passage) => passage.text, decode: (raw: string): unknown => raw },
  { field: 'themeEvidence', encode: (passage: Passage) => JSON.stringify(passage.themeEvidence), decode: (raw: string): unknown => JSON.parse(raw) },
] as const;
type LazyField = (typeof LAZY_FIELDS)[number]['field'];
type StoredLine = Omit<Passage, LazyField>;

// The passages of a store file: null when it belongs to another build, a reason when it is damaged.
function readStore(buffer: Buffer, buildId: string, expected: IndexBundle['store']): Passage[] | string | null {
  let at = buffer.indexOf(10);
  if (at < 0) return null;
  const header = JSON.parse(buffer.toString('utf8', 0, at)) as { buildId?: string; bytes?: Partial<Record<LazyField, number[]>> } | null;
  if (header?.buildId !== buildId) return null;
  const lengths = LAZY_FIELDS.map(({ field }) => header.bytes?.[field] ?? []);
  const count = lengths[0]!.length;
  const hash = createHash('sha256').update(`${JSON.stringify(header.bytes ?? null)}\n`);
  const lines: StoredLine[] = [];
  at += 1;
  while (lines.length < count) {
    const end = buffer.indexOf(10, at);
    if (end < 0) break;
    const line = buffer.subarray(at, end);
    hash.update(line).update('\n');
    lines.push(JSON.parse(line.toString('utf8')) as StoredLine);
    at = end + 1;
  }
  const rest = buffer.subarray(at);
  hash.update(rest);
  const total = lengths.flat().reduce((sum, length) => sum + length, 0);
  if (expected === undefined || lines.length !== expected.passages || lengths.some((field) => field.length !== expected.passages) || total !== rest.length || hash.digest('hex') !== expected.sha256) {
    return `holds ${lines.length} passages that do not match the ${expected?.passages ?? 0} the index was built with`;
  }
  // Each field's values follow one another, field after field: where each passage's value starts, and
  // (one more) where the last one ends, in one array per field shared by every passage.
  let start = 0;
  const starts = lengths.map((field) => {
    const offsets = new Float64Array(field.length + 1);
    field.forEach((length, i) => {
      offsets[i] = start;
      start += length;
    });
    offsets[field.length] = start;
    return offsets;
  });
  const store: StoreBytes = { buffer: rest, starts };
  const one = interner();
  return lines.map((line, i) => storedPassage(shared(line, one), store, i));
}

// The same text in many passages' lines (a report's id and file, a heading, a theme) is one string, not
// one copy per passage (at 1000x, 310,000 copies of each).
function shared(line: StoredLine, one: <T extends string>(text: T) => T): StoredLine {
  line.reportId = one(line.reportId);
  line.file = one(line.file);
  if (line.section !== null) line.section = one(line.section);
  line.sectionPath = line.sectionPath.map(one);
  line.themes = line.themes.map(one);
  return line;
}

// A function giving, for each text, the first string seen with it.
function interner(): <T extends string>(text: T) => T {
  const seen = new Map<string, string>();
  return <T extends string>(text: T): T => {
    const kept = seen.get(text);
    if (kept !== undefined) return kept as T;
    seen.set(text, text);
    return text;
  };
}

// A store's texts and theme evidence: its buffer, and where each passage's value of each field starts.
interface StoreBytes {
  buffer: Buffer;
  starts: Float64Array[];
}
// Where a stored passage's lazy fields are: its store, and its number there.
const STORE = Symbol('store');
const NUMBER = Symbol('number in the store');
interface Stored {
  [STORE]: StoreBytes;
  [NUMBER]: number;
}
// One getter per field, shared by every stored passage, so that they keep one shape.
const getters = LAZY_FIELDS.map(
  ({ decode }, f) =>
    function (this: Stored): unknown {
      const { buffer, starts } = this[STORE];
      const i = this[NUMBER];
      return decode(buffer.toString('utf8', starts[f]![i], starts[f]![i + 1]));
    },
);

// A passage whose lazy fields are decoded from the store's buffer when read: own, enumerable properties,
// so that a copy or JSON of it has them as a passage read any other way does.
function storedPassage(line: StoredLine, store: StoreBytes, number: number): Passage {
  Object.defineProperty(line, STORE, { value: store, enumerable: false });
  Object.defineProperty(line, NUMBER, { value: number, enumerable: false });
  LAZY_FIELDS.forEach(({ field }, f) => Object.defineProperty(line, field, { get: getters[f], enumerable: true, configurable: true }));
  return line as Passage;
}

/**
 * Builds the index from the corpus. Throws ManifestError (and writes nothing) when the manifest is
 * unusable. Otherwise indexes every readable report, keeps the previous passages of reports whose
 * files fail, and returns the bundle and the problems; `write` then puts it on disk.
 */
export async function buildIndex(paths: BuildPaths, onProgress: (done: number, total: number) => void = () => {}): Promise<BuildResult> {
  const started = performance.now();
  // The reading and cleaning stages (HTML and PDF parsers, the manifest's schema) are loaded only when an
  // index is built: a server whose index is up to date starts without them.
  const [{ readCorpus }, { processSource }] = await Promise.all([import('./read.ts'), import('./pipeline.ts')]);
  const reading = await readCorpus(paths.corpusDir, corpusLabel(paths));
  const problems: CorpusProblem[] = [...reading.problems];
  const reports: Report[] = [];
  const passages: Passage[] = [];
  const headings: Record<string, Heading[]> = {};
  const perReport: Record<string, number> = {};
  const texts: Record<string, string> = {};
  const takenIds = new Set(reading.sources.flatMap((source) => (source.entry.id === undefined ? [] : [source.entry.id])));
  const failedFiles = new Set(problems.map((problem) => problem.file));
  for (const [done, source] of reading.sources.entries()) {
    onProgress(done, reading.sources.length);
    const reportStarted = performance.now();
    const processed = processSource(source, takenIds);
    if (!processed.ok) {
      problems.push(processed.problem);
      failedFiles.add(source.file);
      continue;
    }
    takenIds.add(processed.report.id);
    if (source.extracted) texts[processed.report.id] = source.text;
    reports.push(processed.report);
    passages.push(...processed.passages);
    headings[processed.report.id] = processed.headings;
    perReport[processed.report.id] = performance.now() - reportStarted;
  }
  onProgress(reading.sources.length, reading.sources.length);
  const carriedOver = carryOver(readBundle(paths.dataDir), reading.failedIds, failedFiles, { reports, passages, headings });
  const index = createIndex();
  const byId = new Map(reports.map((report) => [report.id, report]));
  index.addAll(passages.map((passage) => toIndexedDocument(passage, byId.get(passage.reportId)?.title ?? '', byId.get(passage.reportId)?.language)));
  const bundle: IndexBundle = {
    format: INDEX_FORMAT,
    buildId: randomUUID(),
    fingerprint: corpusFingerprint(paths.corpusDir),
    builtAt: new Date().toISOString(),
    reports,
    passages,
    headings,
    problems,
    vocabulary: vocabularyOf(passages),
    nearCopies: nearCopiesOf(passages),
    index: index.toJSON(),
    positions: encodePositions(passages, (passage) => languageOf(byId.get(passage.reportId)?.language)),
  };
  return {
    bundle,
    problems,
    carriedOver,
    unlisted: reports.filter((report) => !report.listed).map((report) => report.id),
    timings: { perReport, totalMs: performance.now() - started },
    texts,
  };
}

// Keeps, from the previous good build, every report whose file failed this time: by id for manifest
// entries, by file for unlisted files.
function carryOver(
  previous: IndexBundle | null,
  failedIds: string[],
  failedFiles: Set<string>,
  into: { reports: Report[]; passages: Passage[]; headings: Record<string, Heading[]> },
): string[] {
  if (previous === null) return [];
  const present = new Set(into.reports.map((report) => report.id));
  const kept = previous.reports.filter(
    (report) => !present.has(report.id) && (failedIds.includes(report.id) || failedFiles.has(report.file)),
  );
  for (const report of kept) {
    into.reports.push(report);
    into.passages.push(...previous.passages.filter((passage) => passage.reportId === report.id));
    into.headings[report.id] = previous.headings[report.id] ?? [];
  }
  return kept.map((report) => report.id);
}

/** The data folder could not take the build (full, read-only, not allowed): the previous one is intact. */
export class IndexWriteError extends Error {
  constructor(
    readonly dataDir: string,
    readonly reason: NodeJS.ErrnoException,
  ) {
    super(`indexer: cannot write the index to ${dataDir} (${reason.code ?? 'error'}: ${reason.message.replace(/^\w+: /, '').split(',')[0]}); the previous index is kept`);
    this.name = 'IndexWriteError';
  }
}

/**
 * Writes the passage dataset, the passage store and the index as one step: every file is written whole
 * to a temporary name first, and only when all are written (and synced) are they renamed into place,
 * the index last (the file the server checks first). A folder that is full or read-only therefore keeps
 * the previous build entirely, and IndexWriteError says why. No file is built as one string, so a corpus
 * of any size can be written.
 */
export function writeBuild(paths: BuildPaths, bundle: IndexBundle, texts: Record<string, string> = {}): void {
  const { passages, positions, positionsFile: _positionsFile, ...rest } = bundle;
  const hash = createHash('sha256');
  const positionBytes = positionsBytes(positions);
  // The full-text index: its numbers in their own file, the rest in the index file.
  const binary = isBinaryIndex(bundle.index) ? bundle.index : toBinaryIndex(bundle.index);
  const { fieldLengths: _fieldLengths, postings: _postings, ...indexHeader } = binary;
  const postingBytes = binaryIndexBytes(binary);
  const files: Array<[string, string | Buffer | Iterable<string>]> = [
    [path.join(paths.dataDir, POSTINGS_FILE), postingBytes],
    [path.join(paths.dataDir, POSITIONS_FILE), positionBytes],
    ...Object.entries(texts).map(([id, text]): [string, string] => [path.join(paths.dataDir, TEXT_DIR, `${id}.txt`), text]),
    [path.join(paths.dataDir, PASSAGES_FILE), arrayPieces(passages)],
    [path.join(paths.dataDir, STORE_FILE), storePieces(bundle.buildId, passages, hash)],
  ];
  const written: Array<[string, string]> = [];
  try {
    for (const [file, content] of files) written.push([writeTemporary(file, content), file]);
    const positionsFile = { dictionary: positions.dictionary, sha256: sha256Of(positionBytes) };
    const postingsFile = { sha256: sha256Of(postingBytes) };
    const index = asciiJson(JSON.stringify({ ...rest, index: indexHeader, store: { passages: passages.length, sha256: hash.digest('hex') }, positionsFile, postingsFile }));
    written.push([writeTemporary(path.join(paths.dataDir, INDEX_FILE), index), path.join(paths.dataDir, INDEX_FILE)]);
  } catch (error) {
    for (const [temporary] of written) rmSync(temporary, { force: true });
    if (isFileSystemError(error)) throw new IndexWriteError(paths.dataDir, error);
    throw error;
  }
  for (const [temporary, file] of written) renameSync(temporary, file);
  syncFolder(paths.dataDir);
}

/**
 * JSON text with every character outside ASCII written as a \\u escape: the same value, in a file that
 * decodes without a UTF-8 pass. At 100x the index file's few hundred accented letters made reading it
 * take 290-360 ms instead of 70-160 ms.
 */
export function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Makes a folder and its missing parents one by one: Node's recursive mkdir reports a read-only file
// system as ENOENT, which would hide the reason.
function ensureFolder(dir: string): void {
  if (existsSync(dir)) return;
  ensureFolder(path.dirname(dir));
  mkdirSync(dir);
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

// A folder's entries are synced too, so that the renames survive a crash (where the system allows it).
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot sync a folder; the renames are then as durable as the system makes them.
  }
}

function* arrayPieces(passages: Passage[]): Generator<string> {
  yield '[\n';
  for (let i = 0; i < passages.length; i++) yield `${JSON.stringify(passages[i])}${i < passages.length - 1 ? ',' : ''}\n`;
  yield ']\n';
}

// The store: a header naming the build with the byte length of each passage's lazy fields, a line per
// passage without them, then each field's values one after another; all but the build's name added to
// `hash`.
function* storePieces(buildId: string, passages: Passage[], hash: ReturnType<typeof createHash>): Generator<string> {
  const values = LAZY_FIELDS.map(({ encode }) => passages.map(encode));
  const bytes = Object.fromEntries(LAZY_FIELDS.map(({ field }, f) => [field, values[f]!.map((value) => Buffer.byteLength(value))]));
  yield `${JSON.stringify({ buildId, bytes })}\n`;
  hash.update(`${JSON.stringify(bytes)}\n`);
  for (const passage of passages) {
    const { text: _text, themeEvidence: _themeEvidence, ...line } = passage;
    const piece = `${JSON.stringify(line)}\n`;
    hash.update(piece);
    yield piece;
  }
  for (const field of values) {
    for (const value of field) {
      hash.update(value);
      yield value;
    }
  }
}
