// Costly routes off the event loop: a worker thread (route-worker.ts) with its own copy of the index
// answers searches, answers, pages and exports, while the main thread only reads requests, serves
// cached pages and cheap routes (/api/health), and writes responses. However long a search takes, the
// main thread stays free. A worker that dies is replaced; its requests in flight get a 500.
import { Worker } from 'node:worker_threads';
import type { RouteOutcome, RouteRequest, RouteRunner } from './app.ts';
import { HttpError } from './errors.ts';
import type { FromWorker, ToWorker } from './route-worker.ts';
import { BusyError, QUEUE_LIMIT } from './work-queue.ts';

/** The worker's young generation, in MB (about three semi-spaces of 64 MB; V8's default is far smaller). */
const SEARCH_YOUNG_GENERATION_MB = 192;

interface Pending {
  done: (outcome: RouteOutcome) => void;
  fail: (error: unknown) => void;
}

export class RoutePool implements RouteRunner {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private closing = false;
  /** Resolves true once the worker has loaded the index, false when it could not. */
  ready: Promise<boolean>;
  /** The build the worker loaded first (once ready). */
  buildId: string | null = null;
  private loadedNow = false;

  constructor(
    private readonly dataDir: string,
    private readonly log: (line: string) => void = () => {},
    /** `start: false` waits for `restart()` (when there is no index on disk yet to load). */
    { start = true, limit = QUEUE_LIMIT }: { start?: boolean; limit?: number } = {},
  ) {
    this.limit = limit;
    if (start) ({ worker: this.worker, ready: this.ready } = this.spawn());
    else this.ready = Promise.resolve(false);
  }

  private readonly limit: number;

  private spawn(): { worker: Worker; ready: Promise<boolean> } {
    // Compiled, the worker is plain JavaScript; from the TypeScript sources it first registers tsx's loader.
    const typescript = import.meta.url.endsWith('.ts');
    const script = new URL(`./route-worker.${typescript ? 'ts' : 'js'}`, import.meta.url);
    // A young generation larger than V8's default: a search allocates an object or two per matching
    // passage, and with room for them the worker collects garbage less often (at 100× the seed corpus,
    // in-process: the query mix's p50 about −25% with 64 MB semi-spaces; see the README, Performance).
    const options = { workerData: { dataDir: this.dataDir }, resourceLimits: { maxYoungGenerationSizeMb: SEARCH_YOUNG_GENERATION_MB } };
    const worker = typescript
      ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`, { ...options, eval: true })
      : new Worker(script, options);
    let started = false;
    let loaded: (ok: boolean) => void = () => {};
    const ready = new Promise<boolean>((done) => (loaded = (ok) => {
      started ||= ok;
      done(ok);
    }));
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        this.buildId = message.buildId;
        this.loadedNow = true;
        loaded(true);
      }
      else if (message.type === 'failed') {
        this.log(`route pool: the worker could not load the index (${message.message})`);
        loaded(false);
      } else {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.type === 'outcome') waiting?.done(message.outcome as RouteOutcome);
        else waiting?.fail(message.status === 500 ? new Error(message.message) : new HttpError(message.status, message.message));
      }
    });
    worker.on('error', (error) => this.log(`route pool: the worker failed (${error.message})`));
    worker.on('exit', (code) => {
      this.loadedNow = false;
      loaded(false);
      for (const waiting of this.pending.values()) waiting.fail(new Error(`the route worker stopped (exit code ${code})`));
      this.pending.clear();
      // A worker that never loaded the index is not started again: the next one would fail alike.
      if (this.closing || !started) return;
      this.log(`route pool: the worker stopped (exit code ${code}); starting another`);
      ({ worker: this.worker, ready: this.ready } = this.spawn());
    });
    return { worker, ready };
  }

  /** True while a worker has the index loaded and takes requests (until then, the caller runs them itself). */
  available(): boolean {
    return this.loadedNow && !this.closing;
  }

  /** Starts a worker again, after one that could not load the index (the index has been built since). */
  restart(): void {
    if (this.loadedNow || this.closing) return;
    ({ worker: this.worker, ready: this.ready } = this.spawn());
  }

  /** Answers a costly route on the worker; rejects with BusyError at once when too many wait. */
  run(request: RouteRequest): Promise<RouteOutcome> {
    if (this.pending.size >= this.limit) return Promise.reject(new BusyError());
    const id = this.next++;
    return new Promise<RouteOutcome>((done, fail) => {
      this.pending.set(id, { done, fail });
      this.worker!.postMessage({ type: 'route', id, request } satisfies ToWorker);
    });
  }

  /** Tells the worker to load the build now on disk. */
  reload(): void {
    this.worker?.postMessage({ type: 'reload' } satisfies ToWorker);
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    this.closing = true;
    await this.worker?.terminate();
  }
}
