// The index build end to end on small corpora made in the test: what happens to a researcher's index
// when a corpus file or the manifest is broken.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SearchOptions } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildIndex, pathsFromEnvironment, readBundle, writeBuild, writeFileAtomic, type BuildPaths } from '../../indexer/build.ts';
import { passageTerms } from '../../indexer/corpus-stats.ts';
import { loadIndex } from '../../indexer/index-config.ts';
import { runIndexer } from '../../indexer/main.ts';
import { wordsAt } from '../../indexer/positions.ts';
import { repoRoot, smallCorpus, tempDir } from '../support/fixtures.ts';

const repo = path.resolve(import.meta.dirname, '../..');

/** A corpus folder holding the 2023 report and the 2024 press summary, described by a manifest. */
function makeCorpus(extraEntries: object[] = []): BuildPaths {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dgsn-build-'));
  const corpusDir = path.join(root, 'corpus');
  mkdirSync(corpusDir);
  for (const file of ['dgsn-2023-annual-report.txt', 'dgsn-2024-press-summary.txt']) {
    copyFileSync(path.join(repo, 'corpus', file), path.join(corpusDir, file));
  }
  writeManifest(corpusDir, [
    { id: 'dgsn-2023', file: 'dgsn-2023-annual-report.txt', title: 'National Security Services Report for 2023', year: 2023, kind: 'annual-report' },
    { id: 'dgsn-2024-press', file: 'dgsn-2024-press-summary.txt', year: 2024, kind: 'press-article' },
    ...extraEntries,
  ]);
  return { root, corpusDir, dataDir: path.join(root, 'data') };
}

function writeManifest(corpusDir: string, reports: object[]): void {
  writeFileSync(path.join(corpusDir, 'reports.json'), JSON.stringify({ reports }));
}

async function run(paths: BuildPaths): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runIndexer(paths, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

describe('npm run index', () => {
  describe('when the corpus is sound', () => {
    it('writes the index and the passage dataset, prints the table and exits 0', async () => {
      const paths = makeCorpus();
      const { code, output } = await run(paths);
      expect(code).toBe(0);
      expect(output).toMatch(/dgsn-2023\s+2023\s+annual-report\s+159\s+\d+\s+3/);
      expect(output).toContain('Primary themes per report:');
      const dataset = JSON.parse(readFileSync(path.join(paths.dataDir, 'passages.json'), 'utf8'));
      expect(dataset[0]).toMatchObject({ id: 'dgsn-2023-p001', reportId: 'dgsn-2023', file: 'corpus/dgsn-2023-annual-report.txt', year: 2023 });
      for (const field of ['section', 'themes', 'start', 'end', 'text']) expect(dataset[0]).toHaveProperty(field);
      expect(readdirSync(paths.dataDir).sort()).toEqual(['index.json', 'passages.json', 'passages.ndjson', 'positions.bin', 'postings.bin']);
      expect(readFileSync(path.join(paths.dataDir, 'passages.ndjson'), 'utf8').split('\n')[0]).toMatch(/^\{"buildId":"[0-9a-f-]{36}","bytes":\{"text":\[\d+(,\d+)*\],"themeEvidence":\[\d+(,\d+)*\]\}\}$/);
    });
  });

  describe('when a file is not in the manifest', () => {
    it('indexes it under an id from its name, with title and year detected, and says so', async () => {
      const paths = makeCorpus();
      writeFileSync(path.join(paths.corpusDir, 'Annual Review 2019.txt'), 'Annual Review\n\nDuring the year 2019, the police opened 12 new stations in the north.\n');
      const { code, output } = await run(paths);
      expect(code).toBe(0);
      const report = readBundle(paths.dataDir)!.reports.find((r) => r.id === 'annual-review-2019');
      expect(report).toMatchObject({ title: 'Annual Review', year: 2019, listed: false, passages: 1 });
      expect(output).toContain('note: annual-review-2019 is not in the manifest');
    });
  });

  describe.each([
    ['an empty file', 'empty.txt', Buffer.alloc(0), 'indexer: corpus/empty.txt is empty'],
    ['a file of white space', 'blank.txt', Buffer.from('  \n\n \t\n'), 'indexer: corpus/blank.txt is empty (only white space)'],
    ['a binary file', 'photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'indexer: corpus/photo.txt is a binary file, not text'],
    ['a file that is not UTF-8', 'latin1.txt', Buffer.from('Rapport de la s\xfbret\xe9 2019', 'latin1'), 'indexer: corpus/latin1.txt is not valid UTF-8 text (save it as UTF-8)'],
  ])('when the corpus holds %s', (_, name, bytes, message) => {
    it('names the file and the problem, still indexes the other reports and exits 1', async () => {
      const paths = makeCorpus([{ id: 'broken', file: name, year: 2019 }]);
      writeFileSync(path.join(paths.corpusDir, name), bytes);
      const { code, output } = await run(paths);
      expect(code).toBe(1);
      expect(output).toContain(`error: ${message}`);
      expect(readBundle(paths.dataDir)!.reports.map((r) => r.id)).toEqual(['dgsn-2023', 'dgsn-2024-press']);
    });
  });

  describe('when a manifest entry names a missing file', () => {
    it('names the entry’s file and indexes the rest', async () => {
      const paths = makeCorpus([{ id: 'dgsn-2019', file: 'dgsn-2019.txt', year: 2019 }]);
      const { code, output } = await run(paths);
      expect(code).toBe(1);
      expect(output).toContain('error: indexer: corpus/reports.json lists corpus/dgsn-2019.txt, which does not exist');
      expect(readBundle(paths.dataDir)!.reports).toHaveLength(2);
    });
  });

  describe('when two manifest entries share an id', () => {
    it('keeps the first, names the second and exits 1', async () => {
      const paths = makeCorpus([{ id: 'dgsn-2023', file: 'dgsn-2024-press-summary.txt' }]);
      const { code, output } = await run(paths);
      expect(code).toBe(1);
      expect(output).toContain('error: indexer: corpus/reports.json, entry 3 repeats the report id "dgsn-2023" of entry 1');
    });
  });

  describe('when a manifest entry is invalid', () => {
    it('names the entry and the field', async () => {
      const paths = makeCorpus([{ id: 'dgsn-2019', file: 'x.txt', year: 'last year' }]);
      const { code, output } = await run(paths);
      expect(code).toBe(1);
      expect(output).toMatch(/error: indexer: corpus\/reports.json, entry 3 is invalid: year .*number/);
    });
  });

  describe('when the manifest is malformed', () => {
    it('says so, writes nothing, keeps the previous index byte for byte and exits 1', async () => {
      const paths = makeCorpus();
      expect((await run(paths)).code).toBe(0);
      const before = readFileSync(path.join(paths.dataDir, 'index.json'), 'utf8');
      writeFileSync(path.join(paths.corpusDir, 'reports.json'), '{"reports": [');
      const { code, output } = await run(paths);
      expect(code).toBe(1);
      expect(output).toMatch(/^indexer: corpus\/reports.json is not valid JSON \(.+\)\nNothing was indexed; the previous index is kept.$/);
      expect(readFileSync(path.join(paths.dataDir, 'index.json'), 'utf8')).toBe(before);
    });
  });

  describe('when a report that was indexed before breaks', () => {
    it('keeps its passages from the previous good build and indexes the others afresh', async () => {
      const paths = makeCorpus();
      await run(paths);
      const before = readBundle(paths.dataDir)!.passages.filter((p) => p.reportId === 'dgsn-2024-press');
      writeFileSync(path.join(paths.corpusDir, 'dgsn-2024-press-summary.txt'), '');
      const { code, output } = await run(paths);
      expect(code).toBe(1);
      expect(output).toContain('kept: dgsn-2024-press could not be read, so its passages from the previous build are kept.');
      const after = readBundle(paths.dataDir)!;
      expect(after.passages.filter((p) => p.reportId === 'dgsn-2024-press')).toEqual(before);
      expect(after.reports.map((r) => r.id).sort()).toEqual(['dgsn-2023', 'dgsn-2024-press']);
    });
  });

  describe('when no report at all can be read', () => {
    it('keeps the previous index and exits 1', async () => {
      const paths = makeCorpus();
      writeManifest(paths.corpusDir, [{ id: 'gone', file: 'gone.txt' }]);
      for (const file of ['dgsn-2023-annual-report.txt', 'dgsn-2024-press-summary.txt']) writeFileSync(path.join(paths.corpusDir, file), '');
      const { code, output } = await run(paths);
      expect(code).toBe(1);
      expect(output).toContain('indexer: no report could be indexed; the previous index is kept.');
      expect(existsSync(path.join(paths.dataDir, 'index.json'))).toBe(false);
    });
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dgsn-atomic-'));
    const file = path.join(dir, 'index.json');
    writeFileAtomic(file, 'old');
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['index.json']);
  });

  describe('when the write fails', () => {
    it('throws and leaves the previous file as it was', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'dgsn-atomic-'));
      const file = path.join(dir, 'index.json');
      writeFileAtomic(file, 'good');
      mkdirSync(path.join(dir, 'blocked'));
      expect(() => writeFileAtomic(path.join(dir, 'blocked'), 'x')).toThrow();
      expect(readFileSync(file, 'utf8')).toBe('good');
      expect(readdirSync(dir).sort()).toEqual(['blocked', 'index.json']);
    });
  });
});

describe('readBundle', () => {
  it('returns null for a missing, truncated or foreign index file', async () => {
    const paths = makeCorpus();
    expect(readBundle(paths.dataDir)).toBeNull();
    writeBuild(paths, (await buildIndex(paths)).bundle);
    const whole = readFileSync(path.join(paths.dataDir, 'index.json'), 'utf8');
    writeFileSync(path.join(paths.dataDir, 'index.json'), whole.slice(0, 1000));
    expect(readBundle(paths.dataDir)).toBeNull();
    writeFileSync(path.join(paths.dataDir, 'index.json'), JSON.stringify({ format: 999, passages: [] }));
    expect(readBundle(paths.dataDir)).toBeNull();
  });

  it('reads back every passage as it was built, each text and theme evidence decoded from the store’s buffer when read (accents and all)', async () => {
    const paths = makeCorpus();
    const built = (await buildIndex(paths)).bundle;
    writeBuild(paths, built);
    const read = readBundle(paths.dataDir)!;
    expect(built.passages.some((passage) => /[^\x00-\x7f]/.test(passage.text))).toBe(true);
    expect(read.passages).toHaveLength(built.passages.length);
    read.passages.forEach((passage, i) => expect({ ...passage }).toEqual(built.passages[i]));
    // The texts and the theme evidence are not among the store's passage lines, but follow them.
    const store = readFileSync(path.join(paths.dataDir, 'passages.ndjson'), 'utf8');
    expect(store.split('\n')[1]).not.toMatch(/"text":|"themeEvidence":/);
    expect(store.endsWith(JSON.stringify(built.passages.at(-1)!.themeEvidence))).toBe(true);
  });

  it('reads an index file written in ASCII alone, every other character escaped, and reads back what was built', async () => {
    const paths = makeCorpus();
    const built = (await buildIndex(paths)).bundle;
    writeBuild(paths, built);
    const file = readFileSync(path.join(paths.dataDir, 'index.json'));
    expect(file.every((byte) => byte < 0x80)).toBe(true);
    const { passages: _passages, ...rest } = built;
    const read = readBundle(paths.dataDir)!;
    expect(read.headings).toEqual(rest.headings);
    expect(read.reports).toEqual(rest.reports);
    expect(JSON.stringify(rest.headings)).toMatch(/[^\x00-\x7f]/);
  });

  it('refuses a store whose texts are cut short or changed, naming the store', async () => {
    const paths = makeCorpus();
    writeBuild(paths, (await buildIndex(paths)).bundle);
    const storeFile = path.join(paths.dataDir, 'passages.ndjson');
    const store = readFileSync(storeFile);
    for (const damaged of [store.subarray(0, store.length - 10), Buffer.concat([store.subarray(0, store.length - 1), Buffer.from('!')])]) {
      writeFileSync(storeFile, damaged);
      const problems: string[] = [];
      expect(readBundle(paths.dataDir, (problem) => problems.push(problem))).toBeNull();
      expect(problems).toEqual([expect.stringMatching(/^passages\.ndjson holds \d+ passages that do not match the \d+ the index was built with$/)]);
    }
  });

  it('reads back each passage’s words as term ids, as the analysis of its text gives them', async () => {
    const paths = makeCorpus();
    writeBuild(paths, (await buildIndex(paths)).bundle);
    expect(existsSync(path.join(paths.dataDir, 'positions.bin'))).toBe(true);
    const read = readBundle(paths.dataDir)!;
    read.passages.forEach((passage, i) => expect(wordsAt(read.positions!, i)).toEqual(passageTerms(passage.text)));
  });

  it('reads back the full-text index from its numbers: every search as on the index built', async () => {
    const paths = makeCorpus();
    const built = (await buildIndex(paths)).bundle;
    writeBuild(paths, built);
    expect(readFileSync(path.join(paths.dataDir, 'index.json'), 'utf8')).not.toMatch(/"documentIds":\{/);
    const [before, after] = [loadIndex(built.index), loadIndex(readBundle(paths.dataDir)!.index)];
    expect(after.documentCount).toBe(before.documentCount);
    const searches: Array<[string, SearchOptions]> = [
      ['sextortion', {}],
      ['drug seizures', { combineWith: 'AND' }],
      ['police', { fields: ['section', 'title'] }],
      ['sextorsion', { fuzzy: 0.3 }],
      ['cocai', { prefix: true }],
    ];
    for (const [q, options] of searches) {
      expect(after.search(q, options)).toEqual(before.search(q, options));
      expect(after.search(q, options).length, q).toBeGreaterThan(0);
    }
  });

  it.each(['postings.bin', 'positions.bin'])('refuses a %s that is missing, cut short or changed, naming it', async (name) => {
    const paths = makeCorpus();
    writeBuild(paths, (await buildIndex(paths)).bundle);
    const file = path.join(paths.dataDir, name);
    const bytes = readFileSync(file);
    const changed = Buffer.from(bytes);
    changed[changed.length - 1] = changed[changed.length - 1]! ^ 1;
    for (const damaged of [bytes.subarray(0, bytes.length - 4), changed, null]) {
      if (damaged === null) rmSync(file);
      else writeFileSync(file, damaged);
      const problems: string[] = [];
      expect(readBundle(paths.dataDir, (problem) => problems.push(problem))).toBeNull();
      expect(problems).toEqual([`${name} ${damaged === null ? 'is missing' : 'does not match the index it was built with'}`]);
    }
  });

  it('returns null when the passage store belongs to another build, as after an interrupted build', async () => {
    const paths = makeCorpus();
    writeBuild(paths, (await buildIndex(paths)).bundle);
    const store = readFileSync(path.join(paths.dataDir, 'passages.ndjson'), 'utf8');
    expect(readBundle(paths.dataDir)?.passages).toHaveLength(171);
    writeBuild(paths, (await buildIndex(paths)).bundle);
    writeFileSync(path.join(paths.dataDir, 'passages.ndjson'), store);
    expect(readBundle(paths.dataDir)).toBeNull();
  });
});

describe('pathsFromEnvironment', () => {
  it('is the repository’s corpus and data folders by default', () => {
    expect(pathsFromEnvironment('/repo', {})).toEqual({ root: '/repo', corpusDir: '/repo/corpus', dataDir: '/repo/data' });
  });

  it('takes DATA_DIR and CORPUS_DIR, made absolute', () => {
    const paths = pathsFromEnvironment('/repo', { DATA_DIR: '/tmp/d', CORPUS_DIR: 'rel/c' });
    expect(paths.dataDir).toBe('/tmp/d');
    expect(paths.corpusDir).toBe(path.resolve('rel/c'));
  });

  it('is what `npm run index` writes to', async () => {
    const corpus = smallCorpus();
    const dataDir = tempDir('dgsn-env-data-');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'indexer/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, CORPUS_DIR: corpus.corpusDir },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(existsSync(path.join(dataDir, 'index.json'))).toBe(true);
  });
});
