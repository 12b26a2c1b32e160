import { mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIndex } from './indexer/build.ts';
import { noFilters, SearchCore } from './server/search/search-core.ts';
const src = readFileSync('test/server/search/search-core.test.ts','utf8');
const REPORTS = eval(src.slice(src.indexOf('const REPORTS = ')+16, src.indexOf('];\n\nasync function')+1));
const root = mkdtempSync(path.join(os.tmpdir(), 'dgsn-search-'));
const corpusDir = path.join(root, 'corpus'); mkdirSync(corpusDir);
for (const { entry, text } of REPORTS) writeFileSync(path.join(corpusDir, entry.file), text);
writeFileSync(path.join(corpusDir, 'reports.json'), JSON.stringify({ reports: REPORTS.map((r: any) => r.entry) }));
const result = await buildIndex({ root, corpusDir, dataDir: path.join(root, 'data') });
const core = new SearchCore(result.bundle);
for (const arg of process.argv.slice(2)) {
  const [q, sort] = arg.split('|');
  const r = core.search({ q, filters: noFilters(), limit: 10, offset: 0, sort: (sort as any) ?? 'relevance' });
  console.log(`## ${arg}: total ${r.total} partial ${r.parsed.partial} related ${JSON.stringify(r.parsed.related)} syn ${JSON.stringify(r.parsed.synonyms)} corr ${JSON.stringify(r.parsed.corrections)} notices ${JSON.stringify(r.parsed.notices)}`);
  console.log('   ' + r.results.map((x) => `${x.id}:${x.score}${x.duplicates.length ? '+' + x.duplicates : ''}`).join('  '));
}
