// `npm start`: make sure the index is up to date (building it if the corpus changed), then serve the site
// on http://localhost:3000. Settings come from the environment: PORT, PUBLIC_URL, DATA_DIR (where the
// built index lives), API_RATE_LIMIT (requests per client per minute on /api; unset: no limit) and
// LOG_LEVEL (pino level, `info` by default; `silent` for none).
import http from 'node:http';
import net from 'node:net';
import { pino } from 'pino';
import { pathsFromEnvironment } from '../indexer/build.ts';
import { PROJECT_ROOT } from '../language/project.ts';
import { createApp } from './app.ts';
import { LiveIndex } from './live-index.ts';
import { RoutePool } from './route-pool.ts';
import { ensureIndex, IndexUnavailableError } from './index-store.ts';
import { SearchCore } from './search/search-core.ts';
import { loggerOptions, portSetting, rateLimitSetting, SettingError, workerSetting } from './settings.ts';

const root = PROJECT_ROOT;
// Settings are checked before anything else, so a wrong one stops the start with one line.
let port: number;
let rateLimit: number | undefined;
let useWorker: boolean;
try {
  port = portSetting(process.env.PORT);
  rateLimit = rateLimitSetting(process.env.API_RATE_LIMIT);
  useWorker = workerSetting(process.env.SEARCH_WORKER);
} catch (error) {
  if (!(error instanceof SettingError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const logger = pino(loggerOptions({ isTTY: process.stdout.isTTY === true, nodeEnv: process.env.NODE_ENV, level: process.env.LOG_LEVEL }));
const paths = pathsFromEnvironment(root);

// The index on disk, or a fresh build when it is missing, out of date, or does not load (an index file
// that parses but holds no usable index is rebuilt, never fatal).
async function startingCore(): Promise<SearchCore> {
  const log = (line: string) => logger.info(line);
  const first = await ensureIndex(paths, log);
  try {
    return announce(new SearchCore(first.bundle), first.rebuilt);
  } catch (error) {
    if (first.rebuilt) throw error;
    log(`index: the index on disk does not load (${error instanceof Error ? error.message : String(error)})`);
    const again = await ensureIndex(paths, log, { rebuild: true });
    return announce(new SearchCore(again.bundle), true);
  }
}

function announce(core: SearchCore, rebuilt: boolean): SearchCore {
  core.warmUp();
  logger.info(`${rebuilt ? 'Index built' : 'Index loaded'}: ${core.reports.length} reports, ${core.passages.length} passages`);
  return core;
}

// Searches, answers, pages and exports run on a worker thread with its own copy of the index, so that
// no request, however costly, holds up the others. It loads the index on disk alongside this thread;
// until it has, and whenever it cannot (a build served from memory because the data folder is
// read-only), they run in turns on this thread instead.
// With no index on disk yet (a fresh clone), it starts once this thread has built one.
// SEARCH_WORKER=off keeps it from starting at all.
// The worker that runs the costly routes loads its own copy of the index. It is started once this thread
// serves (until then, and until it is ready, this thread answers those routes itself), so that the two
// loads do not share the machine's cores while the server starts.
const pool = new RoutePool(paths.dataDir, (line) => logger.warn(line), { start: false });

let core: SearchCore;
try {
  core = await startingCore();
} catch (error) {
  if (!(error instanceof IndexUnavailableError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// A new build (`npm run index`, `dgsn add`) is served as soon as it is written, without a restart.
const live = new LiveIndex(core);
live.watch(paths.dataDir, (line) => logger.info(line));
live.onReplace(() => pool.reload());
function startWorker(): void {
  if (!useWorker) return;
  pool.restart();
  // A build that replaced the one on disk while the worker loaded is loaded again.
  void pool.ready.then((ok) => {
    if (ok && pool.buildId !== live.current.core.bundle.buildId) pool.reload();
  });
}
const app = createApp({ live, runner: pool, publicUrl: process.env.PUBLIC_URL, logger, apiRateLimit: rateLimit, logError: (error) => logger.error(error) });
let shuttingDown = false;
const server = http.createServer((req, res) => {
  // While shutting down, each response closes its connection, so clients reconnect elsewhere.
  if (shuttingDown) res.setHeader('Connection', 'close');
  app(req, res);
});
server.listen(port, () => {
  console.log(`Serving on http://localhost:${port}`);
  startWorker();
});
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another port.` : `Cannot serve on port ${port}: ${error.message}`);
  process.exit(1);
});

// On SIGTERM (or Ctrl-C): answer every request already sent, then exit 0. Connections the kernel has
// accepted but the server has not yet taken up would be reset by closing the listener at once, so it
// keeps accepting for a moment (each response now closing its connection); then the listener is closed
// on its own (http.Server#close would drop connections whose request has not been read yet), and
// connections still idle after a grace period are closed.
const DRAIN_MS = 200;
const GRACE_MS = 1000;
function shutDown(signal: string): void {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info(`${signal}: finishing requests in flight, then stopping`);
  // The listener closes once no connection has come in for DRAIN_MS, and only after the loop has taken
  // up the connections already waiting (setImmediate runs after the loop's poll for new ones): a busy
  // loop takes up waiting connections late, and closing before would reset them.
  let lastConnection = performance.now();
  server.on('connection', () => (lastConnection = performance.now()));
  const closeWhenQuiet = () =>
    setImmediate(() => {
      const quiet = performance.now() - lastConnection;
      if (quiet < DRAIN_MS) {
        setTimeout(closeWhenQuiet, DRAIN_MS - quiet);
        return;
      }
      net.Server.prototype.close.call(server, () => process.exit(0));
      setTimeout(() => server.closeIdleConnections(), GRACE_MS).unref();
    });
  setTimeout(closeWhenQuiet, DRAIN_MS);
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', () => shutDown('SIGTERM'));
process.on('SIGINT', () => shutDown('SIGINT'));
