// `npm start`: make sure the index is up to date (building it if the corpus changed), then serve the site
// on http://localhost:3000. Settings come from the environment: PORT, PUBLIC_URL, DATA_DIR (where the
// built index lives), API_RATE_LIMIT (requests per client per minute on /api; unset: no limit) and
// LOG_LEVEL (pino level, `info` by default; `silent` for none).
import path from 'node:path';
import { pino } from 'pino';
import { defaultPaths } from '../indexer/build.ts';
import { createApp } from './app.ts';
import { ensureIndex, IndexUnavailableError } from './index-store.ts';
import { SearchCore } from './search/search-core.ts';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const paths = defaultPaths(root);
if (process.env.DATA_DIR !== undefined) paths.dataDir = path.resolve(process.env.DATA_DIR);

let core: SearchCore;
try {
  const { bundle, rebuilt } = ensureIndex(paths, (line) => logger.info(line));
  core = new SearchCore(bundle);
  core.warmUp();
  logger.info(`${rebuilt ? 'Index built' : 'Index loaded'}: ${bundle.reports.length} reports, ${bundle.passages.length} passages`);
} catch (error) {
  if (!(error instanceof IndexUnavailableError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const rateLimit = process.env.API_RATE_LIMIT === undefined ? undefined : Number(process.env.API_RATE_LIMIT);
const app = createApp({ core, publicUrl: process.env.PUBLIC_URL, logger, apiRateLimit: rateLimit, logError: (error) => logger.error(error) });
const server = app.listen(port, () => console.log(`Serving on http://localhost:${port}`));
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another port.` : `Cannot serve on port ${port}: ${error.message}`);
  process.exit(1);
});

// On SIGTERM (or Ctrl-C) stop accepting connections, let requests in flight finish, then exit 0.
function shutDown(signal: string): void {
  logger.info(`${signal}: finishing requests in flight, then stopping`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', () => shutDown('SIGTERM'));
process.on('SIGINT', () => shutDown('SIGINT'));
