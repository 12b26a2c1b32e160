import { defaultPaths } from './indexer/build.ts';
import { ensureIndex } from './server/index-store.ts';
import { SearchCore, noFilters } from './server/search/search-core.ts';
const { bundle } = await ensureIndex(defaultPaths(process.cwd()));
const core = new SearchCore(bundle);
const words = 'police security national services year report number cases crime officers training women road drugs victims cameras school festival networks borders seizures vehicles'.split(' ');
const times: number[] = [];
for (let i = 0; i < 40; i++) {
  const q = Array.from({ length: 60 }, (_, k) => words[(i * 7 + k * 3 + (k * k) % 5) % words.length]).join(' ').slice(0, 500) + ` x${i}`;
  const t = performance.now();
  core.search({ q, filters: noFilters(), limit: 10, offset: 0, sort: 'relevance' });
  times.push(performance.now() - t);
}
console.log(times.map((x) => x.toFixed(0)).join(' '));
