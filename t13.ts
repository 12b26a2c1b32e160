import { createApp } from './server/app.ts';
import { listen } from './server/listen.ts';
import { defaultPaths } from './indexer/build.ts';
import { ensureIndex } from './server/index-store.ts';
import { SearchCore } from './server/search/search-core.ts';
const { bundle } = await ensureIndex(defaultPaths(process.cwd()));
const server = await listen(createApp({ core: new SearchCore(bundle) }));
const words = 'police security national services year report number cases crime officers training women road drugs ';
const q = words.repeat(10).slice(0, 500);
for (const path of [`/reports/dgsn-2023?q=${encodeURIComponent(q)}`, `/search?q=${encodeURIComponent(q)}`, `/api/answer?q=${encodeURIComponent(q + '?')}`, `/search.csv?q=${encodeURIComponent(q)}`]) {
  const times: number[] = [];
  for (let j = 0; j < 8; j++) { const t = performance.now(); const r = await fetch(`${server.url}${path}&j=${j}`); await r.text(); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(path.slice(0, 30), times.map((x) => x.toFixed(0)).join(' '));
}
await server.close();
