// Read stage: the manifest and the corpus files, with every problem reported against the file at fault
// so that one broken file never stops the others from being indexed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ExtractionError, htmlToText, MAX_FILE_BYTES, pdfToText } from './formats.ts';
import type { CorpusProblem, ManifestEntry } from './types.ts';

export const MANIFEST_FILE = 'reports.json';
/** File types the indexer reads, by extension. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf'];

/** A corpus file read and decoded, with the manifest entry that describes it (if any). */
export interface SourceFile {
  /** Path relative to the repository root, e.g. `corpus/dgsn-2023-annual-report.txt`. */
  file: string;
  /** The manifest entry, or just `{file}` for a file the manifest does not list. */
  entry: ManifestEntry;
  /** False when the file is not in the manifest. */
  listed: boolean;
  /** The text to index: the file's own characters (.txt, .md) or the text extracted from it (.html, .pdf). */
  text: string;
  /** True when `text` was extracted rather than read as it is. */
  extracted: boolean;
  /** For a PDF, where each page starts in `text`; null otherwise. */
  pageStarts: number[] | null;
  /** A title the file itself declares (HTML <title>), or null. */
  declaredTitle: string | null;
  /** SHA-256 of the file's bytes. */
  sha256: string;
}

/** Everything the read stage found. */
export interface CorpusReading {
  /** The files that were read successfully. */
  sources: SourceFile[];
  /** One entry per problem, naming the file. */
  problems: CorpusProblem[];
  /** Ids of manifest entries whose file could not be read: their previous passages are kept. */
  failedIds: string[];
}

/** The manifest could not be used at all; nothing is indexed and the previous index is kept. */
export class ManifestError extends Error {
  constructor(readonly file: string, message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and hyphens'),
    file: z.string().regex(/^(?!\.{1,2}$)[^/\\]+$/, 'must be a file name inside the corpus folder (no folders, no "..")'),
    title: z.string().min(1).optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    kind: z.enum(['annual-report', 'press-article']).optional(),
    publisher: z.string().optional(),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language code such as "en"').optional(),
    note: z.string().optional(),
    translation: z.enum(['machine', 'human']).optional(),
  })
  .strict();

const manifestSchema = z.object({ reports: z.array(z.unknown()) }).strict();

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'entry'} ${issue.message}`).join('; ');
}

/** Reads and checks `reports.json`: a malformed file throws; a malformed entry is a problem and is skipped. */
export function readManifest(corpusDir: string, relativeDir: string): { entries: ManifestEntry[]; problems: CorpusProblem[] } {
  const file = `${relativeDir}/${MANIFEST_FILE}`;
  const full = path.join(corpusDir, MANIFEST_FILE);
  if (!existsSync(full)) return { entries: [], problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    throw new ManifestError(file, `indexer: ${file} is not valid JSON (${(error as Error).message})`);
  }
  const shape = manifestSchema.safeParse(json);
  if (!shape.success) {
    throw new ManifestError(file, `indexer: ${file} must be an object {"reports": [...]}: ${describeIssues(shape.error)}`);
  }
  const entries: ManifestEntry[] = [];
  const problems: CorpusProblem[] = [];
  const byId = new Map<string, number>();
  const byFile = new Map<string, number>();
  shape.data.reports.forEach((raw, i) => {
    const parsed = entrySchema.safeParse(raw);
    const where = `${file}, entry ${i + 1}`;
    if (!parsed.success) {
      problems.push({ file, message: `indexer: ${where} is invalid: ${describeIssues(parsed.error)}` });
      return;
    }
    const entry = parsed.data;
    const sameId = byId.get(entry.id);
    if (sameId !== undefined) {
      problems.push({ file, message: `indexer: ${where} repeats the report id "${entry.id}" of entry ${sameId}` });
      return;
    }
    const sameFile = byFile.get(entry.file);
    if (sameFile !== undefined) {
      problems.push({ file, message: `indexer: ${where} lists ${entry.file} again (already entry ${sameFile})` });
      return;
    }
    byId.set(entry.id, i + 1);
    byFile.set(entry.file, i + 1);
    entries.push(entry);
  });
  return { entries, problems };
}

/** Decodes a file as UTF-8 text or says, in one sentence, why it is not a readable report. */
export function decodeText(bytes: Uint8Array, file: string): { text: string } | { problem: string } {
  if (bytes.length === 0) return { problem: `indexer: ${file} is empty` };
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { problem: `indexer: ${file} is a binary file, not text` };
  let text: string;
  try {
    // ignoreBOM keeps a byte-order mark in the text, so that offsets match the file as other tools read it.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { problem: `indexer: ${file} is not valid UTF-8 text (save it as UTF-8)` };
  }
  if (text.trim() === '') return { problem: `indexer: ${file} is empty (only white space)` };
  return { text };
}

/** What reading one file gives: its text to index, or the reason it cannot be read. */
export type SourceRead = Omit<SourceFile, 'file' | 'entry' | 'listed'> | { problem: string };

/**
 * Reads one report file (`full` is its path, `file` how messages name it): checks its size, decodes or
 * extracts its text (HTML through a parser, PDF through its text layer). Never throws for a bad file.
 */
export async function readSource(full: string, file: string): Promise<SourceRead> {
  const read = await readSourceText(full, file);
  // A report is at most this much text: a small PDF can expand to tens of megabytes of text, and one
  // report of that size would hold the indexer (and every search over it) for minutes.
  if (!('problem' in read) && read.text.length > MAX_TEXT_CHARS) {
    const millions = (read.text.length / 1e6).toFixed(1);
    return { problem: `indexer: ${file} has ${millions} million characters of text, more than the ${MAX_TEXT_CHARS / 1e6} million a report may have; split it into parts, or check that it is one report` };
  }
  return read;
}

/** The most text one report may have, in characters (about three million words). */
export const MAX_TEXT_CHARS = 20_000_000;

async function readSourceText(full: string, file: string): Promise<SourceRead> {
  const size = statSync(full).size;
  if (size > MAX_FILE_BYTES) {
    return { problem: `indexer: ${file} is ${Math.round(size / 2 ** 20)} MB, larger than the ${MAX_FILE_BYTES / 2 ** 20} MB the indexer reads` };
  }
  const bytes = readFileSync(full);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const extension = path.extname(full).toLowerCase();
  if (extension === '.pdf') {
    try {
      const { text, pageStarts } = await pdfToText(bytes, file);
      return { text, extracted: true, pageStarts, declaredTitle: null, sha256 };
    } catch (error) {
      if (!(error instanceof ExtractionError)) throw error;
      return { problem: error.message };
    }
  }
  const decoded = decodeText(bytes, file);
  if ('problem' in decoded) return decoded;
  if (extension === '.html' || extension === '.htm') {
    const { text, title } = htmlToText(decoded.text);
    if (text.trim() === '') return { problem: `indexer: ${file} has no text once navigation and scripts are set aside` };
    return { text, extracted: true, pageStarts: null, declaredTitle: title, sha256 };
  }
  return { text: decoded.text, extracted: false, pageStarts: null, declaredTitle: null, sha256 };
}

/**
 * Reads every report of the corpus folder: the files the manifest lists, then any other supported file
 * (indexed as unlisted). Throws ManifestError only when the manifest itself is unusable.
 */
export async function readCorpus(corpusDir: string, relativeDir = 'corpus'): Promise<CorpusReading> {
  const { entries, problems } = readManifest(corpusDir, relativeDir);
  const sources: SourceFile[] = [];
  const failedIds: string[] = [];
  const listedFiles = new Set(entries.map((entry) => entry.file));
  const readOne = async (entry: ManifestEntry, listed: boolean): Promise<void> => {
    const file = `${relativeDir}/${entry.file}`;
    const full = path.join(corpusDir, entry.file);
    const fail = (message: string) => {
      problems.push({ file, message });
      if (entry.id !== undefined) failedIds.push(entry.id);
    };
    if (!existsSync(full) || !statSync(full).isFile()) {
      return fail(`indexer: ${relativeDir}/${MANIFEST_FILE} lists ${file}, which does not exist`);
    }
    if (!SUPPORTED_EXTENSIONS.includes(path.extname(entry.file).toLowerCase())) {
      return fail(`indexer: ${file} has an unsupported type (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`);
    }
    const read = await readSource(full, file);
    if ('problem' in read) return fail(read.problem);
    sources.push({ file, entry, listed, ...read });
  };
  for (const entry of entries) await readOne(entry, true);
  const unlisted = existsSync(corpusDir)
    ? readdirSync(corpusDir)
        .filter((name) => name !== MANIFEST_FILE && !name.startsWith('.') && !listedFiles.has(name))
        .filter((name) => statSync(path.join(corpusDir, name)).isFile())
        .sort()
    : [];
  for (const name of unlisted) await readOne({ file: name }, false);
  return { sources, problems, failedIds };
}
