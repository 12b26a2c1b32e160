// Adding a report: check and read the file, work out what the manifest needs (title, year, language,
// overridable), copy it into the corpus, describe it in the manifest and re-index. Everything is checked
// before anything is written, so a rejected file leaves the corpus and the index as they were.
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { detect as detectLanguageCode } from 'tinyld';
import { corpusLabel, IndexWriteError, writeFileAtomic, type BuildPaths } from './build.ts';
import { LockBusyError, withDataLock } from './lock.ts';
import { clean } from './clean.ts';
import { detectYear, idFromFileName } from './detect.ts';
import { indexUnlocked } from './main.ts';
import { MANIFEST_FILE, ManifestError, readManifest, readSource, SUPPORTED_EXTENSIONS } from './read.ts';
import type { ManifestEntry, ReportKind } from './types.ts';

/** Languages whose reports the indexer analyses (stemming, stop words, normalisation). */
export const LANGUAGES = ['en', 'fr', 'ar'];

/** What the user may state instead of letting it be detected. */
export interface AddOptions {
  id?: string;
  title?: string;
  year?: number;
  kind?: ReportKind;
  language?: string;
  publisher?: string;
  note?: string;
}

/** The outcome of an add: the manifest entry written, or why nothing was. */
export type AddResult = { ok: true; entry: ManifestEntry; indexExit: number } | { ok: false; message: string };

/** The language of a text, as one of LANGUAGES, or null when it is none of them. */
export function detectLanguage(text: string): string | null {
  const code = detectLanguageCode(text.slice(0, 5000));
  return LANGUAGES.includes(code) ? code : null;
}

/** Adds a report file to the corpus and re-indexes; `log` receives the indexer's table. */
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
  if (!SUPPORTED_EXTENSIONS.includes(path.extname(name).toLowerCase())) {
    return fail(`${name} has an unsupported type (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  if (options.language !== undefined && !LANGUAGES.includes(options.language)) {
    return fail(`"${options.language}" is not a language the indexer knows (known: ${LANGUAGES.join(', ')})`);
  }
  if (options.year !== undefined && (!Number.isInteger(options.year) || options.year < 1900 || options.year > 2100)) {
    return fail(`the year must be a whole number from 1900 to 2100 (got ${options.year})`);
  }
  const relativeCorpus = corpusLabel(paths);
  const target = path.join(paths.corpusDir, name);
  if (path.resolve(path.dirname(source)) === path.resolve(paths.corpusDir)) {
    return fail(`${name} is already in the corpus folder; describe it in ${MANIFEST_FILE} and run \`dgsn index\` instead`);
  }
  if (existsSync(target)) return fail(`${relativeCorpus}/${name} already exists; rename the file or remove the old one first`);
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
  const year = options.year ?? detectYear(options.title ?? read.declaredTitle ?? cleaned.title?.text ?? null, read.text);
  if (year === null) return fail(`${name} names no year; give the year it covers with --year`);
  const language = options.language ?? detectLanguage(cleaned.blocks.map((block) => block.text).join('\n'));
  if (language === null) return fail(`the language of ${name} is not one of ${LANGUAGES.join(', ')}; give it with --language`);
  const id = options.id ?? uniqueId(idFromFileName(name), new Set(entries.map((entry) => entry.id!)));
  if (entries.some((entry) => entry.id === id)) return fail(`the report id "${id}" is already in the manifest`);
  if (entries.some((entry) => entry.file === name)) return fail(`the manifest already lists a file named ${name}; rename the file first`);
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) return fail(`the report id must be lower-case letters, digits and hyphens (got "${id}")`);
  const entry: ManifestEntry = {
    id,
    file: name,
    title: options.title ?? read.declaredTitle ?? cleaned.title?.text ?? name.replace(/\.[^.]+$/, ''),
    year,
    kind: options.kind ?? 'annual-report',
    ...(options.publisher === undefined ? {} : { publisher: options.publisher }),
    language,
    note: options.note ?? `Added with \`dgsn add\` from ${name}.`,
  };
  const manifestFile = path.join(paths.corpusDir, MANIFEST_FILE);
  const before = existsSync(manifestFile) ? readFileSync(manifestFile, 'utf8') : null;
  const manifest = before === null ? { reports: [] as unknown[] } : (JSON.parse(before) as { reports: unknown[] });
  // Only now, with every check passed, is anything written; and if any step fails (a full disk, a
  // read-only folder), every step is undone: the corpus, the manifest and the index stay as they were.
  try {
    copyFileSync(source, target);
    writeFileAtomic(manifestFile, `${JSON.stringify({ ...manifest, reports: [...manifest.reports, entry] }, null, 2)}\n`);
    const indexExit = await indexUnlocked(paths, log);
    return { ok: true, entry, indexExit };
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

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
