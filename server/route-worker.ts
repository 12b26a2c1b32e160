// A worker thread of the route pool (route-pool.ts): its own copy of the index, loaded from the data
// folder, answering the costly routes (searches, answers, pages, exports) that the main thread sends it,
// so that the main thread's event loop stays free for every other request.
import { parentPort, workerData } from 'node:worker_threads';
import { readBundle } from '../indexer/build.ts';
import { ROUTES, routeOutcome, type RouteRequest } from './app.ts';
import { HttpError } from './errors.ts';
import { LiveIndex } from './live-index.ts';
import { createRenderer } from './render.ts';
import { SearchCore } from './search/search-core.ts';

/** A message from the pool: a request to answer, or word that a new build is on disk. */
export type ToWorker = { type: 'route'; id: number; request: RouteRequest } | { type: 'reload' };
/** A message to the pool. */
export type FromWorker =
  | { type: 'ready'; buildId: string }
  | { type: 'failed'; message: string }
  | { type: 'outcome'; id: number; outcome: unknown }
  | { type: 'error'; id: number; status: number; message: string };

const port = parentPort!;
const { dataDir } = workerData as { dataDir: string };
const render = createRenderer();

// The build on disk, as a search core ready to serve (the index and its answerer, as the main thread's).
function load(): SearchCore {
  const bundle = readBundle(dataDir);
  if (bundle === null) throw new Error(`no usable index in ${dataDir}`);
  const core = new SearchCore(bundle);
  core.warmUp();
  return core;
}

let live: LiveIndex;
try {
  live = new LiveIndex(load());
  port.postMessage({ type: 'ready', buildId: live.current.core.bundle.buildId } satisfies FromWorker);
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
  process.exit(1);
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'reload') {
    // A build that does not load leaves the current one serving, as in the main thread.
    try {
      live.replace(load());
    } catch {
      // The main thread reports an unusable build; this thread keeps what it has.
    }
    return;
  }
  const route = ROUTES.find((candidate) => candidate.path === message.request.path);
  try {
    if (route === undefined) throw new Error(`no route ${message.request.path}`);
    port.postMessage({ type: 'outcome', id: message.id, outcome: routeOutcome(route, { core: live.current.core, answerer: live.current.answerer, ...message.request }, render) } satisfies FromWorker);
  } catch (error) {
    // A typed error keeps its status and message; anything else is a 500 whose details the main thread logs.
    const reply: FromWorker =
      error instanceof HttpError
        ? { type: 'error', id: message.id, status: error.status, message: error.message }
        : { type: 'error', id: message.id, status: 500, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    port.postMessage(reply);
  }
});
