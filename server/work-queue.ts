// Searches, answers, pages and exports run on the event loop; left to themselves, fifty clients sending
// costly requests would keep it busy for seconds and make every other request (a health check, a
// cached page) wait behind them. The queue runs such jobs a few milliseconds per turn of the loop, so
// that other requests are read and answered between two turns; and it turns requests away with 503
// when too many wait.
import { HttpError } from './errors.ts';

/** A turn of the event loop runs jobs for at most about this long (plus the last job's own time). */
export const SLICE_MS = 5;

/** How many jobs may wait before new ones are turned away. */
export const QUEUE_LIMIT = 200;

/** The server is too busy to take the request (503, with Retry-After). */
export class BusyError extends HttpError {
  constructor() {
    super(503, 'The server is busy; please try again in a moment');
    this.name = 'BusyError';
  }
}

interface Job {
  run: () => unknown;
  done: (value: unknown) => void;
  fail: (error: unknown) => void;
}

export class WorkQueue {
  private readonly jobs: Job[] = [];
  private scheduled = false;

  constructor(private readonly limit = QUEUE_LIMIT) {}

  /** How many jobs wait. */
  get waiting(): number {
    return this.jobs.length;
  }

  /** Runs `work` in its turn; rejects with BusyError at once when the queue is full. */
  run<T>(work: () => T): Promise<T> {
    if (this.jobs.length >= this.limit) return Promise.reject(new BusyError());
    return new Promise<T>((done, fail) => {
      this.jobs.push({ run: work, done: done as (value: unknown) => void, fail });
      this.schedule();
    });
  }

  // Jobs run in turns of the event loop (setImmediate lets the loop read sockets and answer cheap
  // requests between turns); a turn takes jobs until it has worked SLICE_MS, so that many cheap jobs
  // (cached searches) share one turn and a costly one has a turn of its own.
  private schedule(): void {
    if (this.scheduled || this.jobs.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const started = performance.now();
      do {
        const job = this.jobs.shift()!;
        try {
          job.done(job.run());
        } catch (error) {
          job.fail(error);
        }
      } while (this.jobs.length > 0 && performance.now() - started < SLICE_MS);
      this.schedule();
    });
  }
}
