import { writeSyntheticCorpus } from './scripts/synthetic-corpus.ts';
import { buildIndex, readBundle, writeBuild } from './indexer/build.ts';
import { loadIndex } from './indexer/index-config.ts';
import { SearchCore, noFilters } from './server/search/search-core.ts';
import { Vocabulary } from './server/search/spelling.ts';
import { existsSync } from 'node:fs';
const size = Number(process.argv[2] ?? 10);
const dir = `/tmp/s${size}`;
if (!existsSync(`${dir}/data/index.json`)) {
  writeSyntheticCorpus('corpus', `${dir}/corpus`, size);
  let t = performance.now(); const r = buildIndex({ root: dir, corpusDir: `${dir}/corpus`, dataDir: `${dir}/data` }); console.log('build', (performance.now()-t).toFixed(0));
  writeBuild({ root: dir, corpusDir: `${dir}/corpus`, dataDir: `${dir}/data` }, r.bundle);
}
let t = performance.now(); const b = readBundle(`${dir}/data`)!; console.log('readBundle', (performance.now()-t).toFixed(0));
t = performance.now(); loadIndex(b.index); console.log('loadIndex', (performance.now()-t).toFixed(0));
t = performance.now(); new Vocabulary(b.passages.map(p => p.text)); console.log('vocabulary', (performance.now()-t).toFixed(0));
t = performance.now(); const core = new SearchCore(b); console.log('core', (performance.now()-t).toFixed(0));
t = performance.now(); core.search({ q: 'sextortion', filters: noFilters(), limit: 10, offset: 0, sort: 'relevance' }); console.log('first query', (performance.now()-t).toFixed(0));
t = performance.now(); core.search({ q: 'police', filters: noFilters(), limit: 10, offset: 0, sort: 'relevance' }); console.log('police', (performance.now()-t).toFixed(0));
t = performance.now(); core.search({ q: 'police training', filters: noFilters(), limit: 10, offset: 0, sort: 'relevance' }); console.log('police training', (performance.now()-t).toFixed(0));
