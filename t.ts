import { defaultPaths } from './indexer/build.ts';
import { ensureIndex } from './server/index-store.ts';
import { SearchCore, noFilters } from './server/search/search-core.ts';
const paths = defaultPaths(process.cwd()); if (process.env.DATA_DIR) { paths.dataDir = process.env.DATA_DIR; paths.corpusDir = process.env.CORPUS_DIR!; }
const { bundle } = await ensureIndex(paths);
const core = new SearchCore(bundle, undefined, { caches: false });
for (const q of process.argv.slice(2)) {
  const r = core.search({ q, filters: noFilters(), limit: 5, offset: 0, sort: 'relevance' });
  console.log(`## ${q} total=${r.total} related=${r.parsed.related.join('|')} syn=${r.parsed.synonyms.slice(0,8).join('|')} corr=${JSON.stringify(r.parsed.corrections)}`);
  for (const x of r.results) console.log(`  ${x.id} ${x.score} ${x.text.slice(0, 150).replace(/\n/g,' ')}`);
}
