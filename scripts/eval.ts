// `npm run eval`: scores the running search (GET /api/search on a loopback port) and, once it exists,
// the answers, on test/eval/dev.json with the definitions of shared/eval/README.md, next to the naive
// MiniSearch baseline computed in the same run. `npm run eval -- --set holdout` scores the held-out set
// written independently of the system (a check, never a tuning target); `--verbose` lists misses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultPaths } from '../indexer/build.ts';
import { formatTable } from '../indexer/main.ts';
import { createApp } from '../server/app.ts';
import { ensureIndex } from '../server/index-store.ts';
import { listen } from '../server/listen.ts';
import { SearchCore } from '../server/search/search-core.ts';
import { naiveSearch } from './baseline.ts';
import { answerIsCorrect, average, scoreQuery, type QaItem, type SearchItem, type SearchScores } from './eval-metrics.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { set: { type: 'string', default: 'dev' }, verbose: { type: 'boolean', default: false } } });
const set = JSON.parse(readFileSync(path.join(root, `test/eval/${values.set}.json`), 'utf8')) as { search: SearchItem[]; qa: QaItem[] };

async function evaluate(name: string, search: (q: string) => Promise<string[]> | string[]): Promise<[string, SearchScores]> {
  const scores: SearchScores[] = [];
  for (const item of set.search) {
    const score = scoreQuery(await search(item.q), item.needles);
    if (values.verbose && (score.recallAt5 < 1 || score.successAt1 < 1)) console.log(`  ${name} | ${item.q}: ${JSON.stringify(score)}`);
    scores.push(score);
  }
  return [name, average(scores)];
}

const { bundle } = await ensureIndex(defaultPaths(root));
const server = await listen(createApp({ core: new SearchCore(bundle) }));
try {
  const viaApi = async (q: string) => {
    const response = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}&limit=10`);
    return ((await response.json()) as { results: Array<{ text: string }> }).results.map((result) => result.text);
  };
  const corpus = path.join(root, 'corpus');
  const rows = [
    await evaluate('this product (GET /api/search)', viaApi),
    await evaluate('baseline: MiniSearch defaults', naiveSearch(corpus)),
    await evaluate('baseline: prefix + fuzzy 0.2', naiveSearch(corpus, { prefix: true, fuzzy: 0.2 })),
  ];
  const f = (n: number) => n.toFixed(3);
  console.log(`Search, ${values.set} set (${set.search.length} queries, first 10 results each):`);
  console.log(formatTable(['system', 'recall@5', 'recall@10', 'success@1', 'MRR', 'year coverage'], rows.map(([name, s]) => [name, f(s.recallAt5), f(s.recallAt10), f(s.successAt1), f(s.mrr), f(s.yearCoverage)])));
  let correct = 0;
  for (const item of set.qa) {
    const response = await fetch(`${server.url}/api/answer?q=${encodeURIComponent(item.q)}`);
    const body = (await response.json()) as { answer: { text: string; passage: { year: number } } | null; reason: string | null };
    const right = answerIsCorrect(item, body.answer);
    if (right) correct++;
    if (values.verbose && !right) {
      const got = body.answer === null ? `declined: ${body.reason}` : `"${body.answer.text}" (${body.answer.passage.year})`;
      console.log(`  answer | ${item.q} — expected ${item.answers === null ? 'a decline' : `${item.answers.join(' or ')} (${item.year})`}, got ${got}`);
    }
  }
  console.log(`\nAnswers, ${values.set} set (${set.qa.length} questions, GET /api/answer): accuracy ${(correct / set.qa.length).toFixed(3)} (${correct}/${set.qa.length}); the baselines answer no question.`);
} finally {
  await server.close();
}
