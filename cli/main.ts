// `dgsn`: the command-line tool. index, add, search, ask, export and serve, with human output (coloured
// and highlighted on a terminal, plain when piped) or the API's JSON with --json.
// Exit codes: 0 success, 1 no result, 2 bad usage (the usage is printed).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import he from 'he';
import pc from 'picocolors';
import { addReport } from '../indexer/add.ts';
import { pathsFromEnvironment, type BuildPaths } from '../indexer/build.ts';
import { runIndexer } from '../indexer/main.ts';
import type { SearchResult } from '../indexer/types.ts';
import { Answerer } from '../server/answer/answerer.ts';
import { vocabularies } from '../server/api.ts';
import { csvExport, jsonExport, markdownExport } from '../server/exports.ts';
import { ensureIndex } from '../server/index-store.ts';
import { exportRows, searchUrl } from '../server/pages.ts';
import { readFilters } from '../server/params.ts';
import { BadRequest } from '../server/errors.ts';
import { noFilters, SearchCore } from '../server/search/search-core.ts';
import { absoluteUrls } from '../server/api.ts';
import { portSetting } from '../server/settings.ts';
import { PROJECT_ROOT } from '../language/project.ts';

const root = PROJECT_ROOT;

/** Where the corpus and the index are (DATA_DIR and CORPUS_DIR override the defaults). */
function paths(): BuildPaths {
  return pathsFromEnvironment(root);
}

async function loadCore(): Promise<SearchCore> {
  const { bundle } = await ensureIndex(paths(), (line) => console.error(pc.dim(line)));
  return new SearchCore(bundle);
}

/** A snippet for the terminal: <mark> becomes bold yellow (or nothing when not colouring), entities decoded. */
export function terminalSnippet(html: string): string {
  return he.decode(html.replace(/<mark>(.*?)<\/mark>/g, (_, words: string) => pc.bold(pc.yellow(words))));
}

// Colour codes take no room on the screen.
const ANSI = /\u001b\[[0-9;]*m/g;
const visibleLength = (text: string) => text.replace(ANSI, '').length;

/**
 * Text wrapped at word boundaries to `width` columns (colour codes not counted), every line after the
 * first indented like the first. No width (output piped to a file or a program): the text as it is.
 */
export function wrap(text: string, width: number | undefined, indent = ''): string {
  if (width === undefined || width < indent.length + 20) return indent + text;
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(/ +/)) {
    if (visibleLength(line) > indent.length && visibleLength(line) + 1 + visibleLength(word) > width) {
      lines.push(line);
      line = indent;
    }
    line += (visibleLength(line) > indent.length ? ' ' : '') + word;
  }
  return [...lines, line].join('\n');
}

/** Where the links the CLI prints point: PUBLIC_URL, else the address `npm start` serves on (PORT). */
export function linkOrigin(env: NodeJS.ProcessEnv = process.env): string {
  return env.PUBLIC_URL !== undefined && env.PUBLIC_URL !== '' ? env.PUBLIC_URL.replace(/\/+$/, '') : `http://localhost:${portSetting(env.PORT)}`;
}

/** The API's JSON as --json prints it: links absolute when PUBLIC_URL is set, as the API gives them. */
function printJson(value: unknown): void {
  const publicUrl = process.env.PUBLIC_URL;
  console.log(JSON.stringify(publicUrl === undefined || publicUrl === '' ? value : absoluteUrls(value, linkOrigin()), null, 2));
}

const columns = () => (process.stdout.isTTY ? process.stdout.columns : undefined);

function printResult(result: SearchResult, rank: number): void {
  console.log(wrap(`${pc.bold(`${rank}.`)} ${pc.bold(result.report.title)} ${pc.cyan(`(${result.year})`)}${result.section === null ? '' : pc.dim(` — ${result.section}`)}`, columns()));
  console.log(wrap(terminalSnippet(result.snippetHtml), columns(), '   '));
  console.log(pc.dim(`   ${linkOrigin()}${result.url}${result.page === null ? '' : `, p. ${result.page}`} · ${result.themes.join(', ')}`));
}

const integer = (name: string, min: number, max: number) => (value: string) => {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
  return number;
};
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The version in the project's package.json. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The program, ready to parse arguments; `exitOverride` turns usage errors into CommanderErrors. */
export function program(): Command {
  const cli = new Command('dgsn')
    .description('Search and ask the DGSN annual reports from the terminal.')
    .version(packageVersion(), '-V, --version', 'Print the version of dgsn.')
    .showHelpAfterError()
    .exitOverride();

  cli
    .command('index')
    .description('Build the index from the corpus and print what was indexed.')
    .action(async () => {
      // A progress bar on a terminal; nothing extra when the output is piped.
      const bar = process.stderr.isTTY ? new SingleBar({ format: 'Indexing [{bar}] {value}/{total} reports', hideCursor: true }, Presets.shades_classic) : null;
      process.exitCode = await runIndexer(paths(), console.log, (done, total) => {
        if (bar === null) return;
        if (done === 0) bar.start(total, 0);
        bar.update(done);
        if (done === total) bar.stop();
      });
    });

  cli
    .command('add')
    .description('Add a report (.txt, .md, .html or .pdf) to the corpus and re-index.')
    .argument('<file>', 'the report file')
    .option('--id <id>', 'report id, and the name the file is stored under (default: from the file name)')
    .option('--title <title>', 'title (default: detected)')
    .option('--year <year>', 'the year the report covers (default: detected)', integer('--year', 1900, 2100))
    .addOption(new Option('--kind <kind>', 'kind of document (default: detected)').choices(['annual-report', 'press-article']))
    .option('--language <code>', 'language code: en, fr or ar (default: detected)')
    .option('--publisher <name>', 'publisher')
    .option('--note <text>', 'a note on the source')
    .addOption(new Option('--translation <how>', 'the file is a translation: machine or human').choices(['machine', 'human']))
    .option('--force', 'add it even when the corpus holds (nearly) the same text already')
    .action(async (file: string, options) => {
      const result = await addReport(paths(), path.resolve(file), options, (line) => console.log(line));
      if (!result.ok) {
        console.error(pc.red(result.message));
        process.exitCode = 2;
        return;
      }
      const { entry } = result;
      console.log(pc.green(`Added ${entry.id}: ${entry.title} (${entry.year}, ${entry.language}, ${entry.kind}).`));
      for (const warning of result.warnings) console.error(pc.yellow(`warning: ${warning}`));
      process.exitCode = result.indexExit;
    });

  cli
    .command('search')
    .description('Search the reports (query syntax as on the site: "phrases", OR, -word, year:2024, theme:…).')
    .argument('<query...>', 'the query')
    .option('--year <year>', 'only this report year (repeatable)', collect)
    .option('--theme <slug>', 'only this theme (repeatable)', collect)
    .option('--kind <kind>', 'only this kind of source: annual-report or press-article (repeatable)', collect)
    .option('--limit <n>', 'number of results', integer('--limit', 1, 100), 10)
    .option('--json', 'print the API JSON')
    .action(async (words: string[], options: { year?: string[]; theme?: string[]; kind?: string[]; limit: number; json?: boolean }) => {
      const core = await loadCore();
      const filters = readFilters({ year: options.year, theme: options.theme, kind: options.kind }, vocabularies(core));
      const response = core.search({ q: words.join(' '), filters, limit: options.limit, offset: 0, sort: 'relevance' });
      if (options.json) printJson(response);
      else {
        console.log(pc.dim(`${response.total} ${response.total === 1 ? 'passage' : 'passages'}${response.parsed.synonyms.length > 0 ? ` · synonyms: ${response.parsed.synonyms.join(', ')}` : ''}`));
        for (const notice of response.parsed.notices) console.log(pc.yellow(notice));
        if (response.didYouMean !== null) console.log(`Did you mean ${pc.bold(response.didYouMean)}?`);
        response.results.forEach((result, i) => printResult(result, i + 1));
      }
      process.exitCode = response.total === 0 ? 1 : 0;
    });

  cli
    .command('ask')
    .description('Ask a question; get the figure, its sentence and its source.')
    .argument('<question...>', 'the question')
    .option('--json', 'print the API JSON')
    .action(async (words: string[], options: { json?: boolean }) => {
      const response = new Answerer(await loadCore()).answer(words.join(' '));
      if (options.json) printJson(response);
      else if (response.answer === null) console.log(wrap(pc.yellow(response.reason ?? 'The reports do not answer this question.'), columns()));
      else {
        const { answer } = response;
        console.log(pc.bold(pc.green(answer.text)));
        console.log(wrap(terminalSnippet(answer.sentenceHtml), columns()));
        console.log(pc.dim(`— ${answer.passage.report.title} (${answer.passage.year}), paragraph ${answer.passage.ordinal}${answer.passage.page === null ? '' : `, p. ${answer.passage.page}`} · ${linkOrigin()}${answer.passage.url}`));
        for (const row of response.byYear) console.log(wrap(`${row.year}: ${row.answer?.text ?? pc.dim(row.reason ?? '')}`, columns(), '  '));
      }
      process.exitCode = response.answer === null ? 1 : 0;
    });

  cli
    .command('export')
    .description('Print every passage (or those matching --query) as CSV, JSON or Markdown.')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json', 'md']).default('csv'))
    .option('--query <query>', 'only the passages matching this query')
    .action(async (options: { format: 'csv' | 'json' | 'md'; query?: string }) => {
      const core = await loadCore();
      const q = options.query ?? `year:${vocabularies(core).years[0]}..${vocabularies(core).years.at(-1)}`;
      const origin = linkOrigin();
      const state = { q, filters: noFilters(), sort: options.query === undefined ? ('year-asc' as const) : ('relevance' as const), view: 'list' as const, offset: 0, limit: 10 };
      const rows = exportRows(core, state, origin);
      const file = options.format === 'csv' ? csvExport(q, rows) : options.format === 'json' ? jsonExport(q, rows) : markdownExport(q, rows, origin + searchUrl(state));
      process.stdout.write(file.body);
      process.exitCode = rows.length === 0 ? 1 : 0;
    });

  cli
    .command('serve')
    .description('Serve the site and the API (as npm start).')
    .option('--port <port>', 'port', integer('--port', 1, 65535), 3000)
    .action((options: { port: number }) => {
      const server = spawn(process.execPath, [path.join(root, 'bin/start.js')], { stdio: 'inherit', env: { ...process.env, PORT: String(options.port) } });
      server.on('exit', (code) => (process.exitCode = code ?? 0));
    });

  return cli;
}

/** Runs the CLI; returns when the command has finished (its exit code is in process.exitCode). */
export async function run(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv, { from: 'user' });
  } catch (error) {
    // A filter value the corpus does not have (--year 1999, --kind blog) is bad usage, said in one line.
    if (error instanceof BadRequest) {
      console.error(pc.red(`dgsn: ${error.message}`));
      process.exitCode = 2;
      return;
    }
    if (!(error instanceof CommanderError)) throw error;
    // --help and --version end without error; anything else is bad usage.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run(process.argv.slice(2));
