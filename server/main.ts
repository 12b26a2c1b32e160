// `npm start`: make sure the index is up to date (building it if the corpus changed), then serve the site
// on http://localhost:3000 (or $PORT).
import path from 'node:path';
import { defaultPaths } from '../indexer/build.ts';
import { createApp } from './app.ts';
import { ensureIndex, IndexUnavailableError } from './index-store.ts';
import { SearchCore } from './search/search-core.ts';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 3000);

try {
  const { bundle, rebuilt } = ensureIndex(defaultPaths(root), (line) => console.log(line));
  const core = new SearchCore(bundle);
  core.warmUp();
  const app = createApp({ core, publicUrl: process.env.PUBLIC_URL, logError: (error) => console.error(error) });
  const server = app.listen(port, () => {
    console.log(`${rebuilt ? 'Index built' : 'Index loaded'}: ${bundle.reports.length} reports, ${bundle.passages.length} passages.`);
    console.log(`Serving on http://localhost:${port}`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another port.` : `Cannot serve: ${error.message}`);
    process.exit(1);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  process.on('SIGINT', () => server.close(() => process.exit(0)));
} catch (error) {
  if (error instanceof IndexUnavailableError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
