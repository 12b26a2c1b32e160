import { readBundle } from './indexer/build.ts';
import { SearchCore, noFilters } from './server/search/search-core.ts';
import { QUERY_MIX } from './scripts/bench.ts';
const core = new SearchCore(readBundle('/tmp/s100/data')!);
core.warmUp();
const times: Array<[number, string]> = [];
for (const q of QUERY_MIX) { const t = performance.now(); const r = core.search({ q, filters: noFilters(), limit: 10, offset: 0, sort: 'relevance' }); times.push([performance.now() - t, `${q} (${r.total})`]); }
console.log(times.sort((a, b) => b[0] - a[0]).map(([t, q]) => `${t.toFixed(1)} ${q}`).join('\n'));
