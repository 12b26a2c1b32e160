// `npm run bench:start`: cold start at the seed size, from launching the server to the first search
// answered over HTTP, the way a user meets it. Runs, alternating so that the machine's noise falls on
// all alike:
//   - `npm start` (npm, then the compiled server in dist/);
//   - `node bin/start.js` (what npm start runs, without npm's own start-up);
//   - the TypeScript sources through tsx (how npm start ran before it ran compiled code);
//   - the baseline: a bare Node HTTP server that loads default MiniSearch's saved index of the same
//     passages with `MiniSearch.loadJSON` and answers one search.
// `-- --runs 5` sets the runs per variant (default 5). The index must be up to date (it is built first).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { compile, isStale } from '../bin/compile.js';
import { defaultPaths } from '../indexer/build.ts';
import { formatTable } from '../indexer/main.ts';
import { ensureIndex } from '../server/index-store.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

const freePort = () =>
  new Promise<number>((done) => {
    const server = net.createServer().listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => done(port));
    });
  });

// Milliseconds from spawning the command to the first 200 answer of `path` on its port.
async function coldStart(command: string, args: string[], searchPath: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env: { ...process.env, PORT: String(port), LOG_LEVEL: 'silent' }, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`bench:start: ${command} ${args.join(' ')} exited with ${child.exitCode}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}${searchPath}`);
        if (response.ok) {
          await response.text();
          return performance.now() - started;
        }
      } catch {
        // Not listening yet.
      }
      await new Promise((done) => setTimeout(done, 10));
    }
  } finally {
    process.kill(-child.pid!, 'SIGKILL');
    await new Promise((done) => setTimeout(done, 200));
  }
}

const { bundle } = await ensureIndex(defaultPaths(root));
if (isStale(root)) compile(root);
// The baseline's index: default MiniSearch over the same passages, saved as JSON.
const dir = mkdtempSync(path.join(os.tmpdir(), 'dgsn-bench-start-'));
const mini = new MiniSearch({ fields: ['text'], storeFields: ['id'] });
mini.addAll(bundle.passages.map((passage) => ({ id: passage.id, text: passage.text })));
const indexFile = path.join(dir, 'minisearch.json');
writeFileSync(indexFile, JSON.stringify(mini));
const baselineServer = path.join(dir, 'baseline.mjs');
writeFileSync(
  baselineServer,
  [
    `import http from 'node:http';`,
    `import { readFileSync } from 'node:fs';`,
    `import MiniSearch from ${JSON.stringify(path.join(root, 'node_modules/minisearch/dist/es/index.js'))};`,
    `const index = MiniSearch.loadJSON(readFileSync(${JSON.stringify(indexFile)}, 'utf8'), { fields: ['text'], storeFields: ['id'] });`,
    `http.createServer((req, res) => res.end(JSON.stringify(index.search(new URL(req.url, 'http://x').searchParams.get('q')).slice(0, 10)))).listen(Number(process.env.PORT));`,
  ].join('\n'),
);

const variants: Array<{ label: string; command: string; args: string[]; path: string }> = [
  { label: '`npm start` (npm, then dist/)', command: 'npm', args: ['start', '--silent'], path: '/api/search?q=police' },
  { label: '`node bin/start.js` (dist/)', command: process.execPath, args: ['bin/start.js'], path: '/api/search?q=police' },
  { label: 'the sources through tsx (before)', command: process.execPath, args: ['--import', 'tsx', 'server/main.ts'], path: '/api/search?q=police' },
  { label: 'baseline: MiniSearch loadJSON + node:http', command: process.execPath, args: [baselineServer], path: '/?q=police' },
];
const samples = new Map(variants.map((variant) => [variant.label, [] as number[]]));
for (let run = 0; run < runs; run++) {
  for (const variant of variants) samples.get(variant.label)!.push(await coldStart(variant.command, variant.args, variant.path));
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const base = median(samples.get(variants.at(-1)!.label)!);
console.log(`Cold start at the seed size (${bundle.passages.length} passages), launch to first search answered, median of ${runs} runs:`);
console.log(
  formatTable(
    ['variant', 'median ms', 'min ms', 'max ms', '× baseline'],
    variants.map(({ label }) => {
      const list = samples.get(label)!;
      return [label, median(list).toFixed(0), Math.min(...list).toFixed(0), Math.max(...list).toFixed(0), (median(list) / base).toFixed(1)];
    }),
  ),
);
