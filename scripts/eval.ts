// `npm run eval`: scores the running search (GET /api/search on a loopback port) and the answers on every
// evaluation set, with the definitions of shared/eval/README.md, next to naive MiniSearch over the same
// passages (defaults, and prefix + fuzzy 0.2) rebuilt in the same run.
//
// Sets (test/eval/): dev.json and dev2.json (shared); holdout.json (first held-out set, since studied, so
// now a dev set too); blind-a.json and blind-b.json (written from the reports by someone who never saw the
// code or the results: measured, never studied); new-reports.json (queries on four press reports written
// for this project, test/fixtures/reports/, added with `dgsn add` to a copy of the corpus first);
// new-reports-b.json (three more, test/fixtures/reports-b/, written and queried by another writer who
// never saw the code or a result: measured blind until 2026-11-30, when its misses were studied);
// new-reports-c.json (three more, test/fixtures/reports-c/, written and queried afresh the same way to
// replace it: measured, never studied); studied-qa.json (80 questions for the
// answers, written the same way; its misses were seen once on 2026-11-30, so it is a dev set now);
// dev-qa3.json (60 questions written the same way, to be studied: a dev set from the start);
// studied-qa2.json (72 questions written afresh the same way, measured blind as blind-qa2 until its misses
// were studied on 2026-11-30, when blind-qa3.json was written to replace it); blind-qa3.json (70+
// questions written afresh the same way: measured, never studied); dev-qa4.json (151 questions written
// the same way on 2026-11-30, measured once unseen, then studied: a dev set); blind-qa4.json (141, written
// the same way that evening: measured, never studied); dev-qa5.json (150, written on 2026-12-01 to be
// studied after one unseen run) and blind-qa5.json (130, written the same day: measured blind until its
// misses were studied on 2026-12-01, when it became studied-qa5.json); blind-c.json (45 queries) and
// blind-qa6.json (130 questions), written afresh on 2026-12-01 the same way: measured, never studied;
// new-reports-d.json (three more reports, test/fixtures/reports-d/, and 30 queries, written the same day
// the same way: measured, never studied).
// A set whose name
// starts with "blind" (or new-reports-c, new-reports-d) never has its misses listed, even with --verbose.
//
//   npm run eval                      every set, one table each
//   npm run eval -- --set dev2        one set; --verbose lists its misses (which makes it a dev set)
//   npm run eval -- --ablate          R@5 / S@1 / MRR per set with each lexical resource turned off
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addReport } from '../indexer/add.ts';
import { buildIndex, defaultPaths, type BuildPaths, type IndexBundle } from '../indexer/build.ts';
import { formatTable } from '../indexer/main.ts';
import { RELATED, type RelationKind } from '../language/related.ts';
import { Thesaurus } from '../language/thesaurus.ts';
import { createApp } from '../server/app.ts';
import { ensureIndex } from '../server/index-store.ts';
import { listen } from '../server/listen.ts';
import { noFilters, RANKING, SearchCore } from '../server/search/search-core.ts';
import { passageSearch } from './baseline.ts';
import { answerIsCorrect, average, scoreQuery, type QaItem, type SearchItem, type SearchScores } from './eval-metrics.ts';

const root = path.resolve(import.meta.dirname, '..');
const ALL_SETS = ['dev', 'dev2', 'holdout', 'blind-a', 'blind-b', 'new-reports', 'new-reports-b', 'new-reports-c', 'studied-qa', 'dev-qa3', 'studied-qa2', 'dev-qa4', 'dev-qa5', 'studied-qa5', 'blind-qa3', 'blind-qa4', 'blind-c', 'blind-qa6', 'new-reports-d'];
/** Sets measured only: their misses are never listed, so that nobody studies them. */
const isBlind = (name: string) => name.startsWith('blind') || name === 'new-reports-c' || name === 'new-reports-d';
/** The sets scored on the seed corpus with reports added first, and the folder of those reports. */
const ADDED_REPORTS: Record<string, string> = { 'new-reports': 'test/fixtures/reports', 'new-reports-b': 'test/fixtures/reports-b', 'new-reports-c': 'test/fixtures/reports-c', 'new-reports-d': 'test/fixtures/reports-d' };
const { values } = parseArgs({
  options: { set: { type: 'string', multiple: true }, verbose: { type: 'boolean', default: false }, ablate: { type: 'boolean', default: false } },
});
const sets = values.set ?? ALL_SETS;
const f = (n: number) => n.toFixed(3);

type Search = (q: string) => Promise<string[]> | string[];

function loadSet(name: string): { search: SearchItem[]; qa: QaItem[] } {
  const set = JSON.parse(readFileSync(path.join(root, `test/eval/${name}.json`), 'utf8')) as { search?: SearchItem[]; qa?: QaItem[] };
  return { search: set.search ?? [], qa: set.qa ?? [] };
}

async function scoreSet(items: SearchItem[], search: Search, label: string, listMisses = false): Promise<SearchScores> {
  const scores: SearchScores[] = [];
  for (const item of items) {
    const score = scoreQuery(await search(item.q), item.needles);
    if (listMisses && (score.recallAt5 < 1 || score.successAt1 < 1)) console.log(`  ${label} | ${item.q}: ${JSON.stringify(score)}`);
    scores.push(score);
  }
  return average(scores);
}

// The corpus a set is scored on: the seed corpus, or a copy of it with the set's reports added.
const bundles = new Map<string, Promise<IndexBundle>>();
function bundleFor(name: string): Promise<IndexBundle> {
  const folder = ADDED_REPORTS[name];
  const key = folder ?? 'seed';
  let bundle = bundles.get(key);
  if (bundle === undefined) {
    bundle = folder === undefined ? ensureIndex(defaultPaths(root)).then((result) => result.bundle) : withReportsOf(folder);
    bundles.set(key, bundle);
  }
  return bundle;
}

async function withReportsOf(relativeFolder: string): Promise<IndexBundle> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'dgsn-eval-'));
  const paths: BuildPaths = { root, corpusDir: path.join(work, 'corpus'), dataDir: path.join(work, 'data') };
  cpSync(path.join(root, 'corpus'), paths.corpusDir, { recursive: true });
  const folder = path.join(root, relativeFolder);
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.txt')).sort()) {
    const result = await addReport(paths, path.join(folder, file), { kind: 'press-article' });
    if (!result.ok) throw new Error(`eval: ${result.message}`);
  }
  return (await buildIndex(paths)).bundle;
}

const inProcess = (core: SearchCore): Search => (q) => core.search({ q, filters: noFilters(), limit: 10, offset: 0, sort: 'relevance' }).results.map((r) => r.text);

// Every answer given (not the declines), with its confidence and whether it was right, over all sets.
const answered: Array<{ confidence: number; right: boolean }> = [];

/** How often the answers of each confidence band were right: what the confidence shown means. */
function calibration(): void {
  if (answered.length === 0) return;
  const bands: Array<[string, number, number]> = [['0.9–1.0', 0.9, Infinity], ['0.7–0.9 (likely)', 0.7, 0.9], ['0.5–0.7', 0.5, 0.7], ['under 0.5', -Infinity, 0.5]];
  const rows = bands.map(([label, low, high]) => {
    const inBand = answered.filter((entry) => entry.confidence >= low && entry.confidence < high);
    const right = inBand.filter((entry) => entry.right).length;
    return [label, inBand.length, right, inBand.length === 0 ? '—' : f(right / inBand.length)];
  });
  console.log(`\nCalibration of the answers given on ${sets.join(', ')} (declines left out):`);
  console.log(formatTable(['confidence', 'answers', 'right', 'share right'], rows));
}

async function evaluateSets(): Promise<void> {
  for (const name of sets) {
    const set = loadSet(name);
    const bundle = await bundleFor(name);
    const listMisses = values.verbose && !isBlind(name);
    if (values.verbose && isBlind(name)) console.log(`(${name} is measured only: its misses are not listed.)`);
    const server = await listen(createApp({ core: new SearchCore(bundle, undefined, { caches: false }), logError: () => {} }));
    try {
      const viaApi: Search = async (q) => {
        const response = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}&limit=10`);
        return ((await response.json()) as { results: Array<{ text: string }> }).results.map((result) => result.text);
      };
      if (set.search.length > 0) {
        const rows: Array<[string, SearchScores]> = [
          ['this product (GET /api/search)', await scoreSet(set.search, viaApi, 'product', listMisses)],
          ['MiniSearch defaults, same passages', await scoreSet(set.search, passageSearch(bundle.passages), 'defaults', listMisses)],
          ['MiniSearch prefix + fuzzy 0.2, same passages', await scoreSet(set.search, passageSearch(bundle.passages, { prefix: true, fuzzy: 0.2 }), 'fuzzy', listMisses)],
        ];
        console.log(`\nSearch, ${name} (${set.search.length} queries, first 10 results each):`);
        console.log(formatTable(['system', 'recall@5', 'recall@10', 'success@1', 'MRR', 'year coverage'], rows.map(([label, s]) => [label, f(s.recallAt5), f(s.recallAt10), f(s.successAt1), f(s.mrr), f(s.yearCoverage)])));
      }
      if (set.qa.length > 0) {
        let correct = 0;
        for (const item of set.qa) {
          const response = await fetch(`${server.url}/api/answer?q=${encodeURIComponent(item.q)}`);
          const body = (await response.json()) as { answer: { text: string; confidence: number; passage: { year: number } } | null; reason: string | null };
          const right = answerIsCorrect(item, body.answer);
          if (right) correct++;
          if (body.answer !== null) answered.push({ confidence: body.answer.confidence, right });
          if (listMisses && !right) {
            const got = body.answer === null ? `declined: ${body.reason}` : `"${body.answer.text}" (${body.answer.passage.year})`;
            console.log(`  answer | ${item.q} — expected ${item.answers === null ? 'a decline' : `${item.answers.join(' or ')} (${item.year})`}, got ${got}`);
          }
        }
        console.log(`Answers, ${name} (${set.qa.length} questions, GET /api/answer): accuracy ${f(correct / set.qa.length)} (${correct}/${set.qa.length}); the baselines answer no question.`);
      }
    } finally {
      await server.close();
    }
  }
}

// Each lexical resource turned off in turn (and all of them), in-process with the caches off.
async function ablate(): Promise<void> {
  const searchSets = sets.filter((name) => loadSet(name).search.length > 0);
  const kinds: RelationKind[] = ['form', 'synonym', 'neighbour', 'compound', 'clipping'];
  // Each variant changes a setting and returns what undoes it; `words` replaces the thesaurus.
  let words: Thesaurus | undefined;
  const variants: Array<[string, () => () => void]> = [
    ['everything on', () => () => {}],
    ['without the thesaurus (domain and bilingual lists)', () => {
      words = new Thesaurus([]);
      return () => (words = undefined);
    }],
    ...kinds.map((kind): [string, () => () => void] => [`without ${kind}s`, () => {
      RELATED.use[kind] = false;
      return () => (RELATED.use[kind] = true);
    }]),
    ['no general lexicon at all', () => {
      const saved = { ...RELATED.use };
      for (const kind of kinds) RELATED.use[kind] = false;
      return () => Object.assign(RELATED.use, saved);
    }],
    ['no coordination (sum of BM25)', () => {
      const saved = RANKING.coordination;
      RANKING.coordination = 0;
      return () => (RANKING.coordination = saved);
    }],
    ['with dense fusion (weight 0.5)', () => {
      const saved = RANKING.denseWeight;
      RANKING.denseWeight = 0.5;
      return () => (RANKING.denseWeight = saved);
    }],
    ['no general-English rarity', () => {
      const saved = RANKING.generalRarityFloor;
      RANKING.generalRarityFloor = 1;
      return () => (RANKING.generalRarityFloor = saved);
    }],
  ];
  const rows: string[][] = [];
  for (const [label, apply] of variants) {
    const undo = apply();
    const row = [label];
    for (const name of searchSets) {
      const s = await scoreSet(loadSet(name).search, inProcess(new SearchCore(await bundleFor(name), words, { caches: false })), label);
      row.push(`${f(s.recallAt5)} / ${f(s.successAt1)} / ${f(s.mrr)}`);
    }
    undo();
    rows.push(row);
  }
  const baseline = ['MiniSearch defaults, same passages'];
  for (const name of searchSets) {
    const s = await scoreSet(loadSet(name).search, passageSearch((await bundleFor(name)).passages), 'defaults');
    baseline.push(`${f(s.recallAt5)} / ${f(s.successAt1)} / ${f(s.mrr)}`);
  }
  rows.push(baseline);
  console.log('Ablation: recall@5 / success@1 / MRR per set');
  console.log(formatTable(['variant', ...searchSets], rows));
}

if (values.ablate) await ablate();
else {
  await evaluateSets();
  calibration();
}
