// Adding a report: check and read the file, work out what the manifest needs (title, year, kind,
// language, overridable), refuse a text the corpus holds already, copy it into the corpus, describe it in
// the manifest and re-index. Everything is checked before anything is written, so a rejected file leaves
// the corpus and the index as they were.
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { detect as detectLanguageCode } from 'tinyld';
import { buildIndex, corpusFingerprint, corpusLabel, IndexWriteError, readBundle, writeFileAtomic, type BuildPaths, type IndexBundle } from './build.ts';
import { LockBusyError, withDataLock } from './lock.ts';
import { clean, documentTitle } from './clean.ts';
import { detectKind, detectYear, idFromFileName } from './detect.ts';
import { describeAddition, indexUnlocked } from './main.ts';
import { MANIFEST_FILE, ManifestError, readManifest, readSource, SUPPORTED_EXTENSIONS } from './read.ts';
import { segment } from './segment.ts';
import { sentenceKeys, sharedShare } from './sentences.ts';
import type { ManifestEntry, Report, ReportKind, Translation } from './types.ts';

/** Languages whose reports the indexer analyses (stemming, stop words, normalisation). */
export const LANGUAGES = ['en', 'fr', 'ar'];

/** What the user may state instead of letting it be detected. */
export interface AddOptions {
  /** The report id; the file is then stored in the corpus as `<id><extension>`. */
  id?: string;
  title?: string;
  year?: number;
  kind?: ReportKind;
  language?: string;
  publisher?: string;
  note?: string;
  /** `machine` or `human` when the file is a translation. */
  translation?: Translation;
  /** Add the file even when (nearly) all of its sentences are in a report already in the corpus. */
  force?: boolean;
}

/**
 * The outcome of an add: the manifest entry written, the indexer's exit code and the warnings to show
 * (a text that largely repeats a report of the corpus); or why nothing was written.
 */
export type AddResult = { ok: true; entry: ManifestEntry; indexExit: number; warnings: string[] } | { ok: false; message: string };

/** From this share of its sentences found in one report of the corpus, a text is refused as a copy of it (unless forced). */
export const COPY_SHARE = 0.9;
/** From this share, the text is added with a warning naming that report. */
export const OVERLAP_WARNING_SHARE = 0.5;

/** The language of a text, as one of LANGUAGES, or null when it is none of them. */
export function detectLanguage(text: string): string | null {
  const code = detectLanguageCode(text.slice(0, 5000));
  return LANGUAGES.includes(code) ? code : null;
}

/** Adds a report file to the corpus and re-indexes; `log` receives the new report's row of the indexer's table. */
export async function addReport(paths: BuildPaths, source: string, options: AddOptions, log: (line: string) => void = () => {}): Promise<AddResult> {
  // Under the data folder's lock, so that the manifest read below is the one this add extends.
  try {
    return await withDataLock(paths.dataDir, () => addUnlocked(paths, source, options, log));
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    return { ok: false, message: `add: ${error.message.replace(/^indexer: /, '')}` };
  }
}

async function addUnlocked(paths: BuildPaths, source: string, options: AddOptions, log: (line: string) => void): Promise<AddResult> {
  const fail = (message: string): AddResult => ({ ok: false, message: `add: ${message}` });
  if (!existsSync(source) || !statSync(source).isFile()) return fail(`${source} does not exist`);
  const name = path.basename(source);
  const extension = path.extname(name).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(extension)) {
    return fail(`${name} has an unsupported type (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  if (options.language !== undefined && !LANGUAGES.includes(options.language)) {
    return fail(`"${options.language}" is not a language the indexer knows (known: ${LANGUAGES.join(', ')})`);
  }
  if (options.year !== undefined && (!Number.isInteger(options.year) || options.year < 1900 || options.year > 2100)) {
    return fail(`the year must be a whole number from 1900 to 2100 (got ${options.year})`);
  }
  // Checked before it names a file, so that an id can never lead outside the corpus folder.
  if (options.id !== undefined && !REPORT_ID.test(options.id)) return fail(idProblem(options.id));
  const relativeCorpus = corpusLabel(paths);
  if (path.resolve(path.dirname(source)) === path.resolve(paths.corpusDir)) {
    return fail(`${name} is already in the corpus folder; describe it in ${MANIFEST_FILE} and run \`dgsn index\` instead`);
  }
  // Under its id when one is given, so that two files of the same name can both be added.
  const stored = options.id === undefined ? name : `${options.id}${extension}`;
  const read = await readSource(source, name);
  if ('problem' in read) return fail(read.problem.replace(/^indexer: /, ''));
  let entries: ManifestEntry[];
  try {
    entries = readManifest(paths.corpusDir, relativeCorpus).entries;
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    return fail(`${error.message.replace(/^indexer: /, '')}; fix the manifest first`);
  }
  const cleaned = clean(read.text);
  const title = options.title ?? documentTitle(read.declaredTitle, cleaned);
  const year = options.year ?? detectYear(title, read.text);
  if (year === null) return fail(`${name} names no year; give the year it covers with --year`);
  const language = options.language ?? detectLanguage(cleaned.blocks.map((block) => block.text).join('\n'));
  if (language === null) return fail(`the language of ${name} is not one of ${LANGUAGES.join(', ')}; give it with --language`);
  const id = options.id ?? uniqueId(idFromFileName(name), new Set(entries.map((entry) => entry.id!)));
  if (entries.some((entry) => entry.id === id)) return fail(`the report id "${id}" is already in the manifest`);
  if (!REPORT_ID.test(id)) return fail(idProblem(id));
  // A text already in the corpus (added before, or under another format) is named before any clash of names.
  const overlap = largestOverlap(sentenceKeys(segment(read.text, cleaned.blocks).passages.map((passage) => passage.text)), await currentCorpus(paths));
  if (overlap !== null && overlap.share >= COPY_SHARE && options.force !== true) {
    const held = `${relativeCorpus}/${path.basename(overlap.report.file)}`;
    return fail(`${name} repeats ${percent(overlap.share)} of its sentences from ${overlap.report.id} (${held}), which is already in the corpus; add it anyway with --force`);
  }
  const target = path.join(paths.corpusDir, stored);
  if (existsSync(target)) return fail(`${relativeCorpus}/${stored} already exists; store it under another name with --id, or remove the old one first`);
  if (entries.some((entry) => entry.file === stored)) return fail(`the manifest already lists a file named ${stored}; store it under another name with --id`);
  const entry: ManifestEntry = {
    id,
    file: stored,
    title: title ?? name.replace(/\.[^.]+$/, ''),
    year,
    kind: options.kind ?? detectKind(read.text, cleaned.dropped.length),
    ...(options.publisher === undefined ? {} : { publisher: options.publisher }),
    language,
    note: options.note ?? `Added with \`dgsn add\` from ${name}.`,
    ...(options.translation === undefined ? {} : { translation: options.translation }),
  };
  const manifestFile = path.join(paths.corpusDir, MANIFEST_FILE);
  const before = existsSync(manifestFile) ? readFileSync(manifestFile, 'utf8') : null;
  const manifest = before === null ? { reports: [] as unknown[] } : (JSON.parse(before) as { reports: unknown[] });
  // Only now, with every check passed, is anything written; and if any step fails (a full disk, a
  // read-only folder), every step is undone: the corpus, the manifest and the index stay as they were.
  try {
    copyFileSync(source, target);
    writeFileAtomic(manifestFile, `${JSON.stringify({ ...manifest, reports: [...manifest.reports, entry] }, null, 2)}\n`);
    const { exitCode, bundle } = await indexUnlocked(paths, log, { describe: (result) => describeAddition(result, id) });
    const warnings = overlap !== null && overlap.share >= OVERLAP_WARNING_SHARE ? [overlapWarning(name, entry, overlap, bundle)] : [];
    return { ok: true, entry, indexExit: exitCode, warnings };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!(error instanceof IndexWriteError) && typeof code !== 'string') throw error;
    rmSync(target, { force: true });
    if (before === null) rmSync(manifestFile, { force: true });
    else if (readFileSync(manifestFile, 'utf8') !== before) writeFileSync(manifestFile, before);
    const why = error instanceof IndexWriteError ? error.message.replace(/^indexer: /, '').replace(/; the previous index is kept$/, '') : `${code}: ${(error as Error).message}`;
    return fail(`${name} could not be added (${why}); the corpus, the manifest and the index are as they were`);
  }
}

const REPORT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

function idProblem(id: string): string {
  return `the report id must be lower-case letters, digits and hyphens (got "${id}")`;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

// The reports and passages already in the corpus: the index's, when it was built from the corpus as it
// is now; else built afresh from the corpus (nothing is written).
async function currentCorpus(paths: BuildPaths): Promise<Pick<IndexBundle, 'reports' | 'passages'>> {
  const bundle = readBundle(paths.dataDir);
  if (bundle !== null && bundle.fingerprint === corpusFingerprint(paths.corpusDir)) return bundle;
  return (await buildIndex(paths)).bundle;
}

/** A report of the corpus and the share of a new text's sentences it holds. */
interface Overlap {
  /** The report of the corpus. */
  report: Report;
  /** The share of the new text's sentences (of five words or more) found in it, from 0 to 1. */
  share: number;
}

// The report of the corpus that holds the largest share of the new text's sentences; null when none holds any.
function largestOverlap(keys: ReadonlySet<string>, corpus: Pick<IndexBundle, 'reports' | 'passages'>): Overlap | null {
  const texts = new Map<string, string[]>();
  for (const passage of corpus.passages) {
    const list = texts.get(passage.reportId) ?? [];
    list.push(passage.text);
    texts.set(passage.reportId, list);
  }
  let best: Overlap | null = null;
  for (const report of corpus.reports) {
    const share = sharedShare(keys, sentenceKeys(texts.get(report.id) ?? []));
    if (share > 0 && (best === null || share > best.share)) best = { report, share };
  }
  return best;
}

// What the user should know of a text that largely repeats a report: how much, and what the search will
// do with it. Near-copies are folded together only within a year, so a different year is pointed out.
function overlapWarning(name: string, entry: ManifestEntry, overlap: Overlap, bundle: IndexBundle | null): string {
  const head = `${name} shares ${percent(overlap.share)} of its sentences with ${overlap.report.id}`;
  if (overlap.report.year !== entry.year) {
    return `${head}, a report of ${overlap.report.year}, but was added as ${entry.year}; near-copies of other years are not folded together in results, so check the year (--year)`;
  }
  if (bundle === null) return head;
  const reportOf = new Map(bundle.passages.map((passage) => [passage.id, passage.reportId]));
  const folded = new Set<string>();
  for (const pair of bundle.nearCopies) {
    const [mine, theirs] = reportOf.get(pair[0]) === entry.id ? pair : [pair[1], pair[0]];
    if (reportOf.get(mine) === entry.id && reportOf.get(theirs) === overlap.report.id) folded.add(mine);
  }
  const total = bundle.reports.find((report) => report.id === entry.id)?.passages ?? 0;
  return `${head}; ${folded.size} of its ${total} passages are near-copies of that report's and will be folded together with them in results`;
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
