import { readBundle } from './indexer/build.ts';
import { SearchCore, noFilters } from './server/search/search-core.ts';
const core = new SearchCore(readBundle('/tmp/s100/data')!);
core.warmUp();
const t0 = performance.now();
for (let i = 0; i < 5; i++) core.search({ q: 'identity card', filters: noFilters(), limit: 10, offset: i * 10, sort: 'relevance' });
console.log('5 x', (performance.now() - t0).toFixed(0));
