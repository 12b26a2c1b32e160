// Searches, answers, pages and exports run on the event loop; left to themselves, fifty clients sending
// costly requests would keep it busy for seconds and make every other request (a health check, a
// cached page) wait behind them. The queue runs one such job per turn of the loop, so that other
// requests are read and answered between two jobs, and turns requests away with 503 when too many wait.
import { HttpError } from './errors.ts';

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

  // One job per turn: setImmediate lets the loop read sockets (and answer cheap requests) between jobs.
  private schedule(): void {
    if (this.scheduled || this.jobs.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const job = this.jobs.shift();
      if (job !== undefined) {
        try {
          job.done(job.run());
        } catch (error) {
          job.fail(error);
        }
      }
      this.schedule();
    });
  }
}
