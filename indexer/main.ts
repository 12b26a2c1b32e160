// `npm run index`: build the index from the corpus and print what was indexed. Exits 1 when any corpus
// file had a problem (the rest is still indexed and the previous passages of broken reports are kept).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIndex, IndexWriteError, pathsFromEnvironment, writeBuild, type BuildPaths, type BuildResult, type IndexBundle } from './build.ts';
import { LockBusyError, withDataLock } from './lock.ts';
import { THEMES } from './classify.ts';
import { ManifestError } from './read.ts';
import type { Report } from './types.ts';

/** Lays rows out as a plain-text table with aligned columns (numbers right-aligned). */
export function formatTable(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((row) => typeof row[c] === 'number'));
  const line = (row: string[]) =>
    row.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  return [line(cells[0]!), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

const REPORT_COLUMNS = ['report', 'year', 'kind', 'passages', 'words', 'debris lines', 'ms'];

// One report's row of the table: what was indexed of it, and how long it took.
function reportRow(result: BuildResult, report: Report): Array<string | number> {
  return [
    report.id + (report.listed ? '' : ' (not in manifest)') + (result.carriedOver.includes(report.id) ? ' (kept from previous build)' : ''),
    report.year,
    report.kind,
    report.passages,
    report.words,
    report.debrisLines,
    Math.round(result.timings.perReport[report.id] ?? 0),
  ];
}

// The whole index in one line.
function summaryLine(result: BuildResult): string {
  return `${result.bundle.reports.length} reports, ${result.bundle.passages.length} passages, built in ${Math.round(result.timings.totalMs)} ms.`;
}

/** The report of a build, as printed by `npm run index`: a row per report, the primary themes per report, a summary. */
export function describeBuild(result: BuildResult): string {
  const { reports, passages } = result.bundle;
  const out: string[] = [];
  out.push(formatTable(REPORT_COLUMNS, reports.map((report) => reportRow(result, report))));
  out.push('');
  out.push('Primary themes per report:');
  // Counted in one pass over the passages, so that a large corpus prints at once.
  const counts = new Map<string, number>();
  for (const passage of passages) counts.set(`${passage.reportId} ${passage.themes[0]}`, (counts.get(`${passage.reportId} ${passage.themes[0]}`) ?? 0) + 1);
  out.push(
    formatTable(
      ['theme', ...reports.map((report) => report.id)],
      THEMES.map((theme) => [theme.slug, ...reports.map((report) => counts.get(`${report.id} ${theme.slug}`) ?? 0)]),
    ),
  );
  out.push('');
  out.push(summaryLine(result));
  return out.join('\n');
}

/**
 * What `dgsn add` prints of the build that follows it: the new report's row under the table's header,
 * and the whole index in one line (`dgsn index` prints every row).
 */
export function describeAddition(result: BuildResult, reportId: string): string {
  const added = result.bundle.reports.filter((report) => report.id === reportId);
  return [formatTable(REPORT_COLUMNS, added.map((report) => reportRow(result, report))), '', summaryLine(result)].join('\n');
}

/** How indexUnlocked reports: progress while it reads the reports, and the text it logs of the build. */
export interface IndexOptions {
  /** Called as each report is read (done of total). */
  onProgress?: (done: number, total: number) => void;
  /** The text logged for a build that was written (default: describeBuild, the full table). */
  describe?: (result: BuildResult) => string;
}

/** What indexUnlocked did: the process exit code, and the bundle written (null when none was). */
export interface IndexOutcome {
  /** 0 for a clean build, 1 when any report had a problem or nothing could be indexed. */
  exitCode: number;
  /** The bundle written to the data folder, or null when the previous index was kept. */
  bundle: IndexBundle | null;
}

/**
 * Builds and writes the index, holding the data folder's lock; returns the process exit code. A data
 * folder that is busy, full or read-only gets one line saying so (exit 1), and the previous index stays.
 */
export async function runIndexer(paths: BuildPaths, log: (line: string) => void = console.log, onProgress?: (done: number, total: number) => void): Promise<number> {
  try {
    return (await withDataLock(paths.dataDir, () => indexUnlocked(paths, log, { onProgress }))).exitCode;
  } catch (error) {
    if (!(error instanceof IndexWriteError || error instanceof LockBusyError)) throw error;
    log(error.message);
    return 1;
  }
}

/** runIndexer's work, for a caller that holds the lock already; throws IndexWriteError. */
export async function indexUnlocked(paths: BuildPaths, log: (line: string) => void, options: IndexOptions = {}): Promise<IndexOutcome> {
  let result: BuildResult;
  try {
    result = await buildIndex(paths, options.onProgress);
  } catch (error) {
    if (error instanceof ManifestError) {
      log(`${error.message}\nNothing was indexed; the previous index is kept.`);
      return { exitCode: 1, bundle: null };
    }
    throw error;
  }
  if (result.bundle.passages.length === 0) {
    log([...result.problems.map((p) => p.message), 'indexer: no report could be indexed; the previous index is kept.'].join('\n'));
    return { exitCode: 1, bundle: null };
  }
  writeBuild(paths, result.bundle, result.texts);
  log((options.describe ?? describeBuild)(result));
  for (const id of result.unlisted) log(`note: ${id} is not in the manifest; its title, year and kind were detected from the text.`);
  for (const problem of result.problems) log(`error: ${problem.message}`);
  for (const id of result.carriedOver) log(`kept: ${id} could not be read, so its passages from the previous build are kept.`);
  return { exitCode: result.problems.length > 0 ? 1 : 0, bundle: result.bundle };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, data: { type: 'string' } } });
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  // DATA_DIR and CORPUS_DIR are read as `npm start` reads them; --data and --corpus come before them.
  const paths = pathsFromEnvironment(root);
  if (values.corpus !== undefined) paths.corpusDir = path.resolve(values.corpus);
  if (values.data !== undefined) paths.dataDir = path.resolve(values.data);
  process.exitCode = await runIndexer(paths);
}
