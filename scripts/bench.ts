// `npm run bench`: in-process figures on the real corpus, each next to the same figure for plain
// default MiniSearch over the same passages, measured in the same run: index build time, query latency
// (p50/p95) over a fixed mix of queries, snippet cost, and /api/search over HTTP on a loopback port.
import path from 'node:path';
import MiniSearch from 'minisearch';
import { buildIndex, defaultPaths } from '../indexer/build.ts';
import { formatTable } from '../indexer/main.ts';
import { createApp } from '../server/app.ts';
import { listen } from '../server/listen.ts';
import { markedSpans, snippet } from '../server/search/highlight.ts';
import { noFilters, SearchCore } from '../server/search/search-core.ts';

/** The fixed query mix: single words, phrases, synonyms, typos, filters, questions. */
export const QUERY_MIX = [
  'sextortion', 'cocaine', 'police', 'drones', 'earthquake',
  '"money laundering"', '"traffic accidents"', '"Open Days"',
  'hashish seizures', 'Twitter followers', 'identity card', 'clearance rate',
  'sextorsion', 'recruitmnt', 'extradtion',
  'cocaine year:2024', 'police theme:welfare', 'road accidents report:dgsn-2023',
  'How many emergency calls were handled in 2023?', 'What was the crime clearance rate in 2024?',
];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function timeAsync(repeat: number, run: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

function time(repeat: number, run: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function main(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '..');
  const paths = defaultPaths(root);
  const builds = await timeAsync(5, () => buildIndex(paths));
  const bundle = (await buildIndex(paths)).bundle;
  const plainBuilds = time(5, () => new MiniSearch({ fields: ['text'] }).addAll(bundle.passages));
  const core = new SearchCore(bundle);
  const uncached = new SearchCore(bundle, undefined, { caches: false });
  const plain = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
  plain.addAll(bundle.passages);

  const rounds = 30;
  const ours = QUERY_MIX.flatMap((q) => time(rounds, () => uncached.search({ q, filters: noFilters(), limit: 10, offset: 0, sort: 'relevance' })));
  const oursCached = QUERY_MIX.flatMap((q) => time(rounds, () => core.search({ q, filters: noFilters(), limit: 10, offset: 0, sort: 'relevance' })));
  const theirs = QUERY_MIX.flatMap((q) => time(rounds, () => plain.search(q)));
  const spec = core.marksFor('sextortion cocaine police');
  const snippets = time(2000, () => {
    const passage = bundle.passages[Math.floor(Math.random() * bundle.passages.length)]!;
    snippet(passage.text, markedSpans(passage.text, spec));
  });

  const server = await listen(createApp({ core: uncached }));
  const http = async (pathname: string) => {
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      for (const q of QUERY_MIX) {
        const started = performance.now();
        await (await fetch(`${server.url}${pathname}${encodeURIComponent(q)}`)).arrayBuffer();
        samples.push(performance.now() - started);
      }
    }
    return samples;
  };
  await http('/api/search?q='); // warm-up
  const api = await http('/api/search?q=');
  const health = await http('/api/health?q=');
  await server.close();

  const ms = (n: number) => n.toFixed(2);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  console.log(`Corpus: ${bundle.reports.length} reports, ${bundle.passages.length} passages; query mix of ${QUERY_MIX.length} queries × ${rounds} rounds.`);
  console.log(
    formatTable(
      ['measure', 'this product', 'baseline', 'ratio', 'baseline is'],
      [
        ['index build, median ms', ms(percentile(builds, 50)), ms(percentile(plainBuilds, 50)), ratio(percentile(builds, 50), percentile(plainBuilds, 50)), 'default MiniSearch addAll (no reading, cleaning or tagging)'],
        ['query p50 ms (in-process, no cache)', ms(percentile(ours, 50)), ms(percentile(theirs, 50)), ratio(percentile(ours, 50), percentile(theirs, 50)), 'default MiniSearch search'],
        ['query p95 ms (in-process, no cache)', ms(percentile(ours, 95)), ms(percentile(theirs, 95)), ratio(percentile(ours, 95), percentile(theirs, 95)), 'default MiniSearch search'],
        ['query p50 ms (in-process, cached)', ms(percentile(oursCached, 50)), ms(percentile(theirs, 50)), ratio(percentile(oursCached, 50), percentile(theirs, 50)), 'default MiniSearch search'],
        ['snippet per passage, p50 ms', ms(percentile(snippets, 50)), '—', '—', ''],
        ['GET /api/search p50 ms (no cache)', ms(percentile(api, 50)), ms(percentile(health, 50)), ratio(percentile(api, 50), percentile(health, 50)), 'GET /api/health, same server'],
        ['GET /api/search p95 ms (no cache)', ms(percentile(api, 95)), ms(percentile(health, 95)), ratio(percentile(api, 95), percentile(health, 95)), 'GET /api/health, same server'],
      ],
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
