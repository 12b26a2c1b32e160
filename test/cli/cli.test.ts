// The `dgsn` command as a user runs it: a child process over a copy of the real corpus, its output piped.
// Exit codes: 0 success, 1 no result, 2 bad usage.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBundle, type BuildPaths } from '../../indexer/build.ts';
import { Answerer } from '../../server/answer/answerer.ts';
import { noFilters, SearchCore } from '../../server/search/search-core.ts';
import { wrap } from '../../cli/main.ts';
import { copyOf, corpusState, indexed, realCorpusCopy, reportPdf, repoRoot, scannedPdf, tempDir, writeFile } from '../support/fixtures.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ANSI = /\x1b\[[0-9;]*m/;

/** Runs `node bin/dgsn.js …` on a corpus, as a pipe (not a terminal), with colours neither forced nor refused. */
function dgsn(paths: BuildPaths, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const { FORCE_COLOR, NO_COLOR, CI, PORT, PUBLIC_URL, ...inherited } = process.env;
  const child = spawn(process.execPath, ['bin/dgsn.js', ...args], {
    cwd: repoRoot,
    env: { ...inherited, DATA_DIR: paths.dataDir, CORPUS_DIR: paths.corpusDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

/** A copy of the real corpus, indexed once; the commands that do not change it share it. */
let corpus: BuildPaths;
/** The search core over that same index, to say what the commands should print. */
let core: SearchCore;

beforeAll(async () => {
  corpus = await indexed(realCorpusCopy());
  core = new SearchCore(readBundle(corpus.dataDir)!);
});

describe('dgsn --version', () => {
  it('prints the version of package.json and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await dgsn(corpus, ['--version']);
    expect([code, stdout.trim()]).toEqual([0, version]);
  });
});

describe('dgsn search', () => {
  it('prints the matching passages as plain text when piped, and exits 0', async () => {
    const { code, stdout } = await dgsn(corpus, ['search', 'sextortion']);
    const expected = core.search({ q: 'sextortion', filters: noFilters(), limit: 10, offset: 0, sort: 'relevance' });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(ANSI);
    expect(stdout.split('\n')[0]).toMatch(new RegExp(`^${expected.total} passages`));
    const first = expected.results[0]!;
    expect(stdout).toContain(`1. ${first.report.title} (${first.year})`);
    // Links on the address `npm start` serves on (no PUBLIC_URL, no PORT: localhost:3000).
    expect(stdout).toContain(`   http://localhost:3000${first.url} · ${first.themes.join(', ')}`);
  });

  describe('when FORCE_COLOR is set', () => {
    it('colours the output and highlights the matched words', async () => {
      const { code, stdout } = await dgsn(corpus, ['search', 'sextortion'], { FORCE_COLOR: '1' });
      expect(code).toBe(0);
      expect(stdout).toMatch(ANSI);
      expect(stdout).toMatch(/\x1b\[1m\x1b\[33m[Ss]extortion\x1b\[39m\x1b\[22m/);
    });
  });

  describe('when nothing matches', () => {
    it('says so and exits 1', async () => {
      const { code, stdout } = await dgsn(corpus, ['search', 'zzqqxx']);
      expect(code).toBe(1);
      expect(stdout.split('\n')[0]).toBe('0 passages');
    });
  });

  describe('with --json', () => {
    it('prints the response of the search API', async () => {
      const { code, stdout } = await dgsn(corpus, ['search', 'sextortion', '--json']);
      expect(code).toBe(0);
      const response = JSON.parse(stdout);
      expect(response).toEqual({
        ...core.search({ q: 'sextortion', filters: noFilters(), limit: 10, offset: 0, sort: 'relevance' }),
        tookMs: expect.any(Number),
      });
      expect(response).toMatchObject({ query: 'sextortion', total: expect.any(Number) });
      expect(response.results[0]).toMatchObject({ id: expect.any(String), report: { id: expect.any(String) }, snippetHtml: expect.stringContaining('<mark>') });
    });
  });

  describe.each([
    ['no query', ['search'], "error: missing required argument 'query'", 'Usage: dgsn search'],
    ['a limit of 0', ['search', 'police', '--limit', '0'], "error: option '--limit <n>' argument '0' is invalid. --limit must be a whole number from 1 to 100.", 'Usage: dgsn search'],
    ['an unknown command', ['frobnicate'], "error: unknown command 'frobnicate'", 'Usage: dgsn [options] [command]'],
  ])('with %s', (_, args, error, usage) => {
    it('names the mistake, prints the usage and exits 2', async () => {
      const { code, stdout, stderr } = await dgsn(corpus, args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[0]).toBe(error);
      expect(stderr).toContain(usage);
    });
  });
});

describe('dgsn ask', () => {
  it('prints the figure that answers, then its sentence and source, and exits 0', async () => {
    const { code, stdout } = await dgsn(corpus, ['ask', 'How much cocaine was seized in 2024?']);
    expect(code).toBe(0);
    const [figure, sentence, source] = stdout.split('\n');
    expect(figure).toBe('1.948 tons of cocaine');
    expect(sentence).toContain('1.948 tons of cocaine');
    expect(source).toMatch(/^— .+ \(2024\), paragraph \d+ · http:\/\/localhost:3000\/passages\/[a-z0-9-]+$/);
  });

  describe('when the reports do not cover the year asked about', () => {
    it('says which years they cover and exits 1', async () => {
      const question = 'How many cars were stolen in 2021?';
      const { code, stdout } = await dgsn(corpus, ['ask', question]);
      const { reason } = new Answerer(core).answer(question);
      expect(code).toBe(1);
      expect(reason).toContain('2021');
      expect(stdout.trim()).toBe(reason);
    });
  });
});

describe('dgsn export', () => {
  it('prints every passage as CSV with a header row', async () => {
    const { code, stdout } = await dgsn(corpus, ['export', '--format', 'csv']);
    expect(code).toBe(0);
    const rows: Array<Record<string, string>> = parse(stdout, { columns: true });
    expect(rows).toHaveLength(core.passages.length);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'year', 'reportId', 'report', 'kind', 'section', 'paragraph', 'page', 'start', 'end', 'file', 'themes', 'text', 'permalink']);
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(core.passages.map((passage) => passage.id)));
  });

  it('gives permalinks on PUBLIC_URL when it is set, else on the address npm start serves (PORT)', async () => {
    const onPublic = parse((await dgsn(corpus, ['export', '--query', 'sextortion'], { PUBLIC_URL: 'https://dgsn.example.org/' })).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(onPublic[0]!.permalink).toMatch(/^https:\/\/dgsn\.example\.org\/passages\/dgsn-\d{4}-p\d{3}$/);
    const onPort = parse((await dgsn(corpus, ['export', '--query', 'sextortion'], { PORT: '8080' })).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(onPort[0]!.permalink).toMatch(/^http:\/\/localhost:8080\/passages\//);
  });

  it('prints every passage as JSON', async () => {
    const { code, stdout } = await dgsn(corpus, ['export', '--format', 'json']);
    expect(code).toBe(0);
    const file = JSON.parse(stdout);
    expect(file.total).toBe(core.passages.length);
    expect(file.passages).toHaveLength(core.passages.length);
    expect(file.passages[0]).toMatchObject({ id: 'dgsn-2020-p001', year: 2020, reportId: 'dgsn-2020' });
  });

  it('prints every passage as Markdown, one heading and quote each', async () => {
    const { code, stdout } = await dgsn(corpus, ['export', '--format', 'md']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^# Search: /);
    expect(stdout.match(/^## \d{4} — /gm)).toHaveLength(core.passages.length);
    expect(stdout.match(/^> /gm)).toHaveLength(core.passages.length);
  });
});

describe('dgsn search with filters', () => {
  it('keeps only the kind of source asked for', async () => {
    const { code, stdout } = await dgsn(corpus, ['search', 'police', '--kind', 'press-article', '--json']);
    expect(code).toBe(0);
    const results = JSON.parse(stdout).results as Array<{ report: { kind: string } }>;
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => result.report.kind === 'press-article')).toBe(true);
  });

  it.each([
    [['--year', '1999'], 'dgsn: year must be one of 2020, 2023, 2024, 2025 (got "1999")'],
    [['--kind', 'blog'], 'dgsn: kind must be one of annual-report, press-article (got "blog")'],
    [['--theme', 'sports'], /^dgsn: theme must be one of crime, /],
  ])('says in one line that %j is no value the corpus has, and exits 2', async (args, message) => {
    const { code, stdout, stderr } = await dgsn(corpus, ['search', 'police', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n').at(-1)).toMatch(message);
  });
});

describe('links and --json with PUBLIC_URL', () => {
  it('prints absolute links on PUBLIC_URL in search results, answers and their JSON', async () => {
    const env = { PUBLIC_URL: 'https://dgsn.example.org' };
    expect((await dgsn(corpus, ['search', 'sextortion'], env)).stdout).toMatch(/^ {3}https:\/\/dgsn\.example\.org\/passages\/dgsn-\d{4}-p\d{3}/m);
    expect(JSON.parse((await dgsn(corpus, ['search', '--json', 'sextortion'], env)).stdout).results[0].url).toMatch(/^https:\/\/dgsn\.example\.org\/passages\//);
    expect(JSON.parse((await dgsn(corpus, ['ask', '--json', 'How many emergency calls were handled in 2023?'], env)).stdout).answer.passage.url).toMatch(/^https:\/\/dgsn\.example\.org\//);
  });
});

describe('wrap', () => {
  it('breaks text at spaces to the width, indenting every line like the first', () => {
    expect(wrap('one two three four five six seven eight nine ten eleven twelve', 25, '   ')).toBe('   one two three four\n   five six seven eight\n   nine ten eleven twelve');
  });

  it('does not count colour codes as columns', () => {
    const red = (text: string) => `\u001b[31m${text}\u001b[39m`;
    expect(wrap(`${red('aaaa')} bbbb cccc dddd eeee ffff`, 24)).toBe(`${red('aaaa')} bbbb cccc dddd eeee\nffff`);
  });

  it('leaves text whole when there is no terminal width (output piped)', () => {
    expect(wrap('a b c', undefined, '  ')).toBe('  a b c');
  });
});

describe('dgsn add', () => {
  describe('when the file is a new report', () => {
    let paths: BuildPaths;
    let added: Run;

    beforeAll(async () => {
      paths = copyOf(corpus);
      added = await dgsn(paths, ['add', writeFile(tempDir(), 'dgsn-2019-report.pdf', await reportPdf())]);
    });

    it('says what it added, with the year, language and kind it detected, and exits 0', () => {
      expect(added.code).toBe(0);
      expect(added.stdout.trim().split('\n').at(-1)).toBe('Added dgsn-2019-report: Annual Report 2019 (2019, en, annual-report).');
    });

    it('prints the new report’s row of the indexer’s table and one line on the whole index, not every report', () => {
      const lines = added.stdout.trim().split('\n');
      expect(lines.slice(0, 5)).toEqual([
        'report            year  kind           passages  words  debris lines  ms',
        expect.stringMatching(/^-+( +-+){6}$/),
        expect.stringMatching(/^dgsn-2019-report  2019  annual-report         3     \d+             0 +\d+$/),
        '',
        expect.stringMatching(/^6 reports, \d+ passages, built in \d+ ms\.$/),
      ]);
      expect(added.stdout).not.toContain('dgsn-2023');
      expect(added.stdout).not.toContain('Primary themes');
    });

    it('makes it searchable at once, with its page', async () => {
      const found = await dgsn(paths, ['search', '"cannabis resin"', 'year:2019']);
      expect(found.code).toBe(0);
      expect(found.stdout).toContain('1. Annual Report 2019 (2019)');
      expect(found.stdout).toContain('/passages/dgsn-2019-report-p001, p. 1');
    });
  });

  describe('when the file largely repeats a report of the corpus', () => {
    it('adds it and warns on stderr, naming the report', async () => {
      const paths = copyOf(corpus);
      const { code, stdout, stderr } = await dgsn(paths, ['add', path.join(repoRoot, 'test/fixtures/ingest/dgsn-2024-regional-summary.txt')]);
      expect(code).toBe(0);
      expect(stdout).toContain("Added dgsn-2024-regional-summary: Security in 2024: the DGSN's figures on identity cards, crime and cooperation (2024, en, press-article).");
      expect(stderr).toMatch(/^warning: dgsn-2024-regional-summary\.txt shares 70% of its sentences with dgsn-2024-press; \d+ of its \d+ passages are near-copies/);
    });
  });

  describe('when the corpus holds the same text already', () => {
    it('refuses it and exits 2, unless --force is given', async () => {
      const paths = copyOf(corpus);
      const press = path.join(repoRoot, 'corpus/dgsn-2024-press-summary.txt');
      const refused = await dgsn(paths, ['add', press]);
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim()).toBe(
        `add: dgsn-2024-press-summary.txt repeats 100% of its sentences from dgsn-2024-press (${paths.corpusDir}/dgsn-2024-press-summary.txt), which is already in the corpus; add it anyway with --force`,
      );
      const forced = await dgsn(paths, ['add', press, '--force', '--id', 'press-2024-again']);
      expect(forced.code).toBe(0);
      expect(forced.stderr).toMatch(/^warning: dgsn-2024-press-summary\.txt shares 100% of its sentences with dgsn-2024-press;/);
      expect(readFileSync(path.join(paths.corpusDir, 'press-2024-again.txt'), 'utf8')).toBe(readFileSync(press, 'utf8'));
    });
  });

  describe('when the file cannot be added', () => {
    it('says why on stderr, changes nothing and exits 2', async () => {
      const paths = copyOf(corpus);
      const scan = writeFile(tempDir(), 'scan.pdf', await scannedPdf());
      const before = corpusState(paths);
      const { code, stderr } = await dgsn(paths, ['add', scan]);
      expect(code).toBe(2);
      expect(stderr.trim()).toBe('add: scan.pdf has no text layer (a scanned document?); run OCR on it before adding it');
      expect(corpusState(paths)).toEqual(before);
    });
  });
});
