// `npm run bench:scale`: synthetic corpora of 10×, 100× and 1000× the seed size, made at run time from
// the seed reports (figures altered, years shifted), each indexed and served by this product and by
// default MiniSearch over the same passages, in the same run. Per size: build time, peak RSS and heap,
// index size on disk, cold start (process start to the first answered query), query p50/p95.
// `-- --sizes 10,100` chooses the sizes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable } from '../indexer/main.ts';
import { writeSyntheticCorpus } from './synthetic-corpus.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10,100,1000' } } });
const sizes = values.sizes.split(',').map(Number);

function child(mode: string, ...args: string[]): Record<string, number> {
  const run = spawnSync(process.execPath, ['--max-old-space-size=6144', '--expose-gc', '--import', 'tsx', 'scripts/scale-child.ts', mode, ...args], {
    cwd: root,
    env: { ...process.env, SPAWNED_AT: String(Date.now()) },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`bench:scale: ${mode} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  return JSON.parse(line) as Record<string, number>;
}

const rows: Array<Array<string | number>> = [];
const totals: string[] = [];
const f = (n: number | undefined, digits = 0) => (n === undefined ? '—' : n.toFixed(digits));
for (const size of sizes) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `dgsn-scale-${size}-`));
  try {
    const corpus = path.join(dir, 'corpus');
    const data = path.join(dir, 'data');
    const { reports, words } = writeSyntheticCorpus(path.join(root, 'corpus'), corpus, size);
    console.log(`${size}×: ${reports} reports, ${(words / 1e6).toFixed(1)} million words…`);
    // A size that cannot be built or served is reported with its reason rather than stopping the run.
    const attempt = (run: () => Record<string, number>): Record<string, number> | string => {
      try {
        return run();
      } catch (error) {
        return (error as Error).message.split('\n').find((line) => /Error|heap|Invalid string length/i.test(line))?.trim().slice(0, 120) ?? 'failed';
      }
    };
    const build = attempt(() => child('build', corpus, data));
    const serve = typeof build === 'string' ? build : attempt(() => child('serve', data));
    mkdirSync(data, { recursive: true });
    const plainBuild = attempt(() => child('plain-build', data, corpus));
    const plainServe = typeof plainBuild === 'string' ? plainBuild : attempt(() => child('plain-serve', data));
    const row = (name: string, b: Record<string, number> | string, s: Record<string, number> | string) =>
      typeof b === 'string' || typeof s === 'string'
        ? [`${size}× ${name}`, `failed: ${typeof b === 'string' ? b : s}`, '', '', '', '', '', '', '', '']
        : [`${size}× ${name}`, f(b.passages), f((b.buildMs ?? NaN) / 1000, 1), f(b.maxRssMb), f(b.indexMb), f((s.coldMs ?? NaN) / 1000, 2), f(s.maxRssMb), f(s.heapMb), f(s.p50, 2), f(s.p95, 2)];
    rows.push(row('this product', build, serve), row('default MiniSearch', plainBuild, plainServe));
    if (typeof serve !== 'string') totals.push(`${size}×: totals of ${serve.totalsChecked} quoted phrases checked against a count of every passage's words: ${serve.totalsWrong === 0 ? 'all exact' : `${serve.totalsWrong} wrong`}.`);
    // The heap of MiniSearch holding the passages' texts as well, which this product keeps to show them.
    if (typeof plainServe !== 'string') rows.push([`${size}× MiniSearch + texts`, '', '', '', '', '', '', f(plainServe.heapWithTextsMb), '', '']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(formatTable(['corpus', 'passages', 'build s', 'build RSS MB', 'index MB', 'cold start s', 'serve RSS MB', 'heap after GC MB', 'query p50 ms', 'query p95 ms'], rows));
for (const line of totals) console.log(line);
