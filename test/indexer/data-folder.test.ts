// The data folder under real faults: a full disk and a read-only folder (small tmpfs mounts, which need
// root, as CI has; elsewhere these tests are skipped with a note), two `dgsn add` at once, and the
// temporary files of a write that was killed.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addReport } from '../../indexer/add.ts';
import { readBundle, type BuildPaths } from '../../indexer/build.ts';
import { runIndexer } from '../../indexer/main.ts';
import { freePort } from '../../server/listen.ts';
import { corpusState, indexed, repoRoot, smallCorpus, tempDir, writeFile } from '../support/fixtures.ts';
import { startServerProcess } from '../support/server-process.ts';

const mounted: string[] = [];

/** A fresh tmpfs of `kilobytes`, or null where this machine does not allow mounting one. */
function tmpfs(kilobytes: number): string | null {
  const dir = tempDir('dgsn-tmpfs-');
  const run = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir], { encoding: 'utf8' });
  if (run.status !== 0) return null;
  mounted.push(dir);
  return dir;
}

function readOnly(dir: string): void {
  const run = spawnSync('mount', ['-o', 'remount,ro', dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`could not remount ${dir} read-only: ${run.stderr}`);
}

afterAll(() => {
  for (const dir of mounted) spawnSync('umount', [dir]);
});

const canMount = (() => {
  const probe = tmpfs(64);
  if (probe === null) console.warn('data-folder: tmpfs tests skipped (mounting needs root)');
  return probe !== null;
})();

/** The small corpus, indexed, inside `dir` (a mount point). */
async function smallCorpusIn(dir: string): Promise<BuildPaths> {
  const small = smallCorpus();
  cpSync(small.corpusDir, path.join(dir, 'corpus'), { recursive: true });
  return indexed({ root: dir, corpusDir: path.join(dir, 'corpus'), dataDir: path.join(dir, 'data') });
}

/** Fills a mount point until only `free` bytes are left. */
function fillUpTo(dir: string, free: number): void {
  const stats = statfsSync(dir);
  const available = stats.bavail * stats.bsize;
  writeFileSync(path.join(dir, 'filler'), Buffer.alloc(Math.max(0, available - free)));
}

const REPORT_2019 = 'Annual report 2019\n\nIn 2019 the police seized 12 tons of cannabis resin and arrested 900 traffickers.\n';

describe.skipIf(!canMount)('when the disk is full', () => {
  it('`dgsn add` refuses, saying why, and leaves the corpus, the manifest and the index as they were', async () => {
    const disk = tmpfs(2048)!;
    const paths = await smallCorpusIn(disk);
    const before = corpusState(paths);
    const buildId = readBundle(paths.dataDir)!.buildId;
    // Room for the report and the manifest, not for a new index.
    fillUpTo(disk, 24 * 1024);
    const source = writeFile(tempDir(), 'dgsn-2019.txt', REPORT_2019);
    const result = await addReport(paths, source, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^add: dgsn-2019\.txt could not be added \(cannot write the index to .* \(ENOSPC: no space left on device\)\); the corpus, the manifest and the index are as they were$/);
    expect(corpusState(paths)).toEqual(before);
    expect(readBundle(paths.dataDir)!.buildId).toBe(buildId);
    expect(readdirSync(paths.dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('`dgsn index` keeps the previous index and says why', async () => {
    const disk = tmpfs(2048)!;
    const paths = await smallCorpusIn(disk);
    const buildId = readBundle(paths.dataDir)!.buildId;
    fillUpTo(disk, 8 * 1024);
    const lines: string[] = [];
    expect(await runIndexer(paths, (line) => lines.push(line))).toBe(1);
    expect(lines.at(-1)).toMatch(/^indexer: cannot write the index to .* \(ENOSPC: no space left on device\); the previous index is kept$/);
    expect(readBundle(paths.dataDir)!.buildId).toBe(buildId);
  });
});

describe.skipIf(!canMount)('when the data folder is read-only', () => {
  it('the server starts and serves the index on disk', async () => {
    const disk = tmpfs(4096)!;
    const paths = await smallCorpusIn(disk);
    readOnly(disk);
    const server = await startServerProcess({ PORT: String(await freePort()), DATA_DIR: paths.dataDir, CORPUS_DIR: paths.corpusDir, LOG_LEVEL: 'silent' });
    expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ status: 'ok' });
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
  });

  it('the server builds the index in memory when there is none, says so, and serves it', async () => {
    const disk = tmpfs(1024)!;
    readOnly(disk);
    const corpus = smallCorpus();
    const server = await startServerProcess({ PORT: String(await freePort()), DATA_DIR: path.join(disk, 'data'), CORPUS_DIR: corpus.corpusDir, LOG_LEVEL: 'info' });
    // The warning goes to standard error, which may reach us after standard output's "Serving on".
    const warning = /cannot write the index to .* \(EROFS: read-only file system\); serving the new build from memory/;
    for (let waited = 0; waited < 5000 && !warning.test(server.output()); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.output()).toMatch(warning);
    expect(await (await fetch(`${server.url}/api/search?q=police`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
  });
});

describe.skipIf(!canMount)('when the lexicon cache cannot be written (a read-only node_modules)', () => {
  it('the lexicon is compiled and kept in memory, with a warning', () => {
    const disk = tmpfs(64)!;
    readOnly(disk);
    const script = "import { lexicon } from './language/lexicon.ts'; console.log(lexicon().isWord('seized'), lexicon().relation('deaths', 'fatalities'));";
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: repoRoot,
      env: { ...process.env, DGSN_LEXICON_CACHE: path.join(disk, 'cache') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('true related');
    expect(run.stderr).toContain('lexicon: cannot cache the compiled lexicon');
  }, 120_000);
});

describe('two `dgsn add` at once', () => {
  it('both reports end up in the manifest and the index', async () => {
    const paths = await indexed(smallCorpus());
    const folder = tempDir();
    const files = [writeFile(folder, 'dgsn-2019.txt', REPORT_2019), writeFile(folder, 'dgsn-2018.txt', REPORT_2019.replaceAll('2019', '2018'))];
    const env = { ...process.env, DATA_DIR: paths.dataDir, CORPUS_DIR: paths.corpusDir };
    const exits = await Promise.all(
      files.map((file) => new Promise<number | null>((done) => spawn(process.execPath, ['bin/dgsn.js', 'add', file], { cwd: repoRoot, env, stdio: 'ignore' }).on('close', done))),
    );
    expect(exits).toEqual([0, 0]);
    const manifest = JSON.parse(readFileSync(path.join(paths.corpusDir, 'reports.json'), 'utf8')) as { reports: Array<{ id: string }> };
    expect(manifest.reports.map((report) => report.id).sort()).toEqual(['dgsn-2018', 'dgsn-2019', 'dgsn-2023', 'dgsn-2024-press']);
    expect(readBundle(paths.dataDir)!.reports.map((report) => report.id).sort()).toEqual(['dgsn-2018', 'dgsn-2019', 'dgsn-2023', 'dgsn-2024-press']);
  });
});

describe('temporary files a killed write left behind', () => {
  it('are removed by the next index', async () => {
    const paths = await indexed(smallCorpus());
    mkdirSync(path.join(paths.dataDir, 'text'), { recursive: true });
    writeFileSync(path.join(paths.dataDir, 'index.json.4242.dead.tmp'), 'half');
    writeFileSync(path.join(paths.dataDir, 'text', 'x.txt.4242.dead.tmp'), 'half');
    expect(await runIndexer(paths, () => {})).toBe(0);
    expect(readdirSync(paths.dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(path.join(paths.dataDir, 'text')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    rmSync(paths.root, { recursive: true, force: true });
  });
});
