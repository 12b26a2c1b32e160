// `npm run bench:load`: starts the real server as `npm start` does (bin/start.js, the compiled server) and drives it with
// autocannon: 50 connections for 20 s on each route. The trivial route /api/health of the same server is
// the ceiling; each route's throughput is shown as a share of it. The query mix repeats (as popular
// searches do, so the result cache serves most of it); the "distinct queries" run never repeats a query
// and so measures the search itself. The last run floods the server with its costliest requests while
// other clients call /api/health, whose latency must stay low. `-- --duration 5` shortens every run.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { formatTable } from '../indexer/main.ts';
import { freePort } from '../server/listen.ts';
import { QUERY_MIX } from './bench.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { duration: { type: 'string', default: '20' }, connections: { type: 'string', default: '50' } } });
const duration = Number(values.duration);
const connections = Number(values.connections);

const QUESTIONS = [
  'How many emergency calls were handled in 2023?', 'What was the crime clearance rate in 2024?', 'How much cocaine was seized in 2024?',
  'How many sextortion cases were recorded in 2021?', 'How many traffic accidents were recorded over the years?', 'How many drones were acquired in 2024?',
];
const WORDS = ['police', 'drugs', 'traffic', 'training', 'cameras', 'identity', 'cocaine', 'forensic', 'cooperation', 'recruitment', 'violence', 'school', 'festival', 'laboratory', 'vehicles', 'women', 'victims', 'networks', 'borders', 'seizures'];


async function main(): Promise<void> {
  const port = await freePort();
  const server = spawn(process.execPath, ['bin/start.js'], { cwd: root, env: { ...process.env, PORT: String(port), LOG_LEVEL: 'silent' } });
  await new Promise<void>((ready, fail) => {
    server.stdout.on('data', (chunk) => String(chunk).includes('Serving on') && ready());
    server.on('exit', (code) => fail(new Error(`bench:load: the server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  let counter = 0;
  const runs: Array<{ name: string; requests: autocannon.Request[] }> = [
    { name: 'GET /api/health (ceiling)', requests: [{ path: '/api/health' }] },
    { name: 'GET /api/search (query mix)', requests: QUERY_MIX.map((q) => ({ path: `/api/search?q=${encodeURIComponent(q)}` })) },
    {
      name: 'GET /api/search (distinct queries)',
      requests: [{ setupRequest: (request) => ({ ...request, path: `/api/search?q=${encodeURIComponent(`${WORDS[counter % WORDS.length]} ${WORDS[Math.floor(counter / WORDS.length) % WORDS.length]}`)}&offset=${Math.floor(counter++ / 400)}` }) }],
    },
    { name: 'GET /search page (query mix)', requests: QUERY_MIX.map((q) => ({ path: `/search?q=${encodeURIComponent(q)}` })) },
    { name: 'GET /api/answer (questions)', requests: QUESTIONS.map((q) => ({ path: `/api/answer?q=${encodeURIComponent(q)}` })) },
  ];
  const results: Array<{ name: string; result: autocannon.Result }> = [];
  try {
    for (const run of runs) {
      const result = await autocannon({ url: base, connections, duration, requests: run.requests });
      results.push({ name: run.name, result });
    }
    // The costliest requests a client can send, never the same twice (so no cache helps): a report page
    // highlighting 500 characters of common words, and exports of every match. While 40 connections
    // send them, 10 others call /api/health, which must stay fast.
    let heavy = 0;
    const costly = (request: autocannon.Request) => {
      const n = heavy++;
      const q = encodeURIComponent(`${WORDS.map((_, k) => WORDS[(n + k * 7) % WORDS.length]).join(' ').repeat(4).slice(0, 480)} ${n}`);
      return { ...request, path: n % 2 === 0 ? `/reports/dgsn-2023?q=${q}` : `/search.csv?q=${q}` };
    };
    const [flood, health] = await Promise.all([
      autocannon({ url: base, connections: Math.max(1, connections - 10), duration, requests: [{ setupRequest: costly }] }),
      autocannon({ url: base, connections: 10, duration, requests: [{ path: '/api/health' }] }),
    ]);
    results.push({ name: 'costly requests, never repeated (40 connections)…', result: flood });
    results.push({ name: '…and GET /api/health meanwhile (10 connections)', result: health });
  } finally {
    server.kill('SIGTERM');
  }
  const ceiling = results[0]!.result.requests.average;
  console.log(`${connections} connections, ${duration} s per route, server on 127.0.0.1 (one Node.js process).`);
  console.log(
    formatTable(
      ['route', 'requests/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'share of ceiling'],
      results.map(({ name, result }) => [name, Math.round(result.requests.average), result.latency.p50, result.latency.p99, result.errors + result.timeouts, result.non2xx, `${Math.round((100 * result.requests.average) / ceiling)}%`]),
    ),
  );
}

await main();
