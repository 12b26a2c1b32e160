import { readBundle } from './indexer/build.ts';
import { SearchCore, noFilters } from './server/search/search-core.ts';
const core = new SearchCore(readBundle('/tmp/s100/data')!);
core.warmUp();
const t = performance.now();
for (let i = 0; i < 5; i++) core.search({ q: 'police', filters: noFilters(), limit: 10, offset: i*10, sort: 'relevance' });
console.log('5 x police', (performance.now() - t).toFixed(0));
