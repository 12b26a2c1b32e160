// `npm run eval`: scores the search (and the answers, once they exist) on test/eval/dev.json with the
// definitions of shared/eval/README.md, next to the naive MiniSearch baseline computed in the same run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultPaths } from '../indexer/build.ts';
import { formatTable } from '../indexer/main.ts';
import { ensureIndex } from '../server/index-store.ts';
import { noFilters, SearchCore } from '../server/search/search-core.ts';
import { naiveSearch } from './baseline.ts';
import { average, scoreQuery, type QaItem, type SearchItem, type SearchScores } from './eval-metrics.ts';

const root = path.resolve(import.meta.dirname, '..');
const dev = JSON.parse(readFileSync(path.join(root, 'test/eval/dev.json'), 'utf8')) as { search: SearchItem[]; qa: QaItem[] };
const verbose = process.argv.includes('--verbose');

function evaluate(search: (q: string) => string[]): SearchScores {
  return average(
    dev.search.map((item) => {
      const scores = scoreQuery(search(item.q), item.needles);
      if (verbose && (scores.recallAt5 < 1 || scores.successAt1 < 1)) console.log(`  ${item.q}: ${JSON.stringify(scores)}`);
      return scores;
    }),
  );
}

const { bundle } = ensureIndex(defaultPaths(root));
const core = new SearchCore(bundle);
const product = evaluate((q) => core.search({ q, filters: noFilters(), limit: 10, offset: 0, sort: 'relevance' }).results.map((r) => r.text));
const corpus = path.join(root, 'corpus');
const rows: Array<[string, SearchScores]> = [
  ['this product', product],
  ['baseline: MiniSearch defaults', evaluate(naiveSearch(corpus))],
  ['baseline: prefix + fuzzy 0.2', evaluate(naiveSearch(corpus, { prefix: true, fuzzy: 0.2 }))],
];
const f = (n: number) => n.toFixed(3);
console.log(`Search (${dev.search.length} queries, first 10 results each):`);
console.log(formatTable(['system', 'recall@5', 'recall@10', 'success@1', 'MRR', 'year coverage'], rows.map(([name, s]) => [name, f(s.recallAt5), f(s.recallAt10), f(s.successAt1), f(s.mrr), f(s.yearCoverage)])));
