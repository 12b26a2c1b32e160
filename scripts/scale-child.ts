// One measurement of the scale benchmark, in a fresh process so that its memory and start-up are its own.
// Modes: `build CORPUS DATA` (our indexer), `serve DATA` (cold start to first answer, then query
// latencies), `plain-build DATA CORPUS` and `plain-serve DATA` (default MiniSearch over the same passages).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { buildIndex, INDEX_FILE, POSITIONS_FILE, readBundle, STORE_FILE, writeBuild } from '../indexer/build.ts';
import { noFilters, SearchCore } from '../server/search/search-core.ts';
import { passageTerms } from '../indexer/corpus-stats.ts';
import { wordTerms } from '../language/thesaurus.ts';
import { naiveChunks } from './baseline.ts';
import { QUERY_MIX } from './bench.ts';

const [mode, first, second] = process.argv.slice(2) as [string, string, string?];
/** Phrases whose totals are checked against a count of every passage's words. */
const TOTALS_SAMPLE = ['Open Days', 'traffic accidents', 'national security', 'money laundering'];
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
// The heap is measured after a forced collection (the parent starts this process with --expose-gc), so
// that it is what the process keeps, not what it has yet to collect.
const heapMb = () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const report = (fields: Record<string, number>) => {
  console.log(JSON.stringify({ heapMb: heapMb(), ...fields, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
};
// Each query three times, at three offsets, so that no answer comes from a cache.
const latencies = (run: (q: string, round: number) => void) => {
  const samples: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of QUERY_MIX) {
      const started = performance.now();
      run(q, round);
      samples.push(performance.now() - started);
    }
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
};

if (mode === 'build') {
  const started = performance.now();
  const paths = { root: path.dirname(first), corpusDir: first, dataDir: second! };
  const result = await buildIndex(paths);
  writeBuild(paths, result.bundle);
  // The index on disk is the index file and the passage store and positions the server loads with it.
  const indexBytes = [INDEX_FILE, STORE_FILE, POSITIONS_FILE].reduce((sum, file) => sum + statSync(path.join(second!, file)).size, 0);
  report({ buildMs: performance.now() - started, passages: result.bundle.passages.length, indexMb: indexBytes / 2 ** 20 });
} else if (mode === 'serve') {
  // No reference to the loaded bundle is kept here, so only what the search core keeps is measured.
  const core = new SearchCore(readBundle(first)!, undefined, { caches: false });
  core.search({ q: 'sextortion', filters: noFilters(), limit: 10, offset: 0, sort: 'relevance' });
  const coldMs = performance.now() + performance.timeOrigin - Number(process.env.SPAWNED_AT);
  const { p50, p95 } = latencies((q, round) => core.search({ q, filters: noFilters(), limit: 10, offset: round * 10, sort: 'relevance' }));
  // The heap is measured before the check below analyses every passage afresh.
  const heap = heapMb();
  // Totals are exact: a quoted phrase's total (with the near-copies folded into its results) equals the
  // passages whose own words, analysed here afresh, have the phrase's terms in a row.
  const words = core.passages.map((passage) => passageTerms(passage.text, core.languageOfPassage(passage)));
  const inARow = (tokens: string[][], terms: string[]) => tokens.some((_, i) => terms.every((term, k) => tokens[i + k]?.includes(term) === true));
  let totalsWrong = 0;
  for (const phrase of TOTALS_SAMPLE) {
    const response = core.search({ q: `"${phrase}"`, filters: noFilters(), limit: 1_000_000, offset: 0, sort: 'relevance' });
    const found = response.results.reduce((sum, result) => sum + 1 + result.duplicates.length, 0);
    const terms = wordTerms(phrase);
    const counted = words.filter((tokens) => inARow(tokens, terms)).length;
    if (found !== counted || response.total !== response.results.length) totalsWrong++;
  }
  report({ coldMs, p50, p95, totalsChecked: TOTALS_SAMPLE.length, totalsWrong, heapMb: heap });
} else if (mode === 'plain-build') {
  const started = performance.now();
  // The same passages as this product's build, or naive chunks of the corpus when that build failed.
  const passages = readBundle(first)?.passages.map(({ id, text }) => ({ id, text })) ?? naiveChunks(second!).map(({ id, text }) => ({ id: String(id), text }));
  const index = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
  index.addAll(passages);
  writeFileSync(path.join(first, 'plain.json'), JSON.stringify(index));
  report({ buildMs: performance.now() - started, passages: passages.length, indexMb: statSync(path.join(first, 'plain.json')).size / 2 ** 20 });
} else if (mode === 'plain-serve') {
  const index = MiniSearch.loadJSON<{ id: string; text: string }>(readFileSync(path.join(first, 'plain.json'), 'utf8'), { fields: ['text'] });
  index.search('sextortion');
  const coldMs = performance.now() + performance.timeOrigin - Number(process.env.SPAWNED_AT);
  const { p50, p95 } = latencies((q) => index.search(q).slice(0, 10));
  const indexOnly = heapMb();
  // A search tool also keeps the passages' texts to show them: MiniSearch's heap with them held too.
  const texts = new Map(readBundle(first)?.passages.map((passage) => [passage.id, passage.text]) ?? []);
  const withTexts = heapMb();
  report({ coldMs, p50, p95, heapMb: indexOnly, heapWithTextsMb: withTexts, textsHeld: texts.size });
}
