// The work queue: costly requests one per turn of the event loop, so others are answered in between;
// and a 503 with Retry-After when too many wait.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { listen } from '../../server/listen.ts';
import { BusyError, SLICE_MS, WorkQueue } from '../../server/work-queue.ts';
import { realCore } from '../support/corpus-server.ts';

describe('WorkQueue', () => {
  it('runs cheap jobs together in one turn of the event loop', async () => {
    const queue = new WorkQueue();
    const order: string[] = [];
    const jobs = [queue.run(() => order.push('first')), queue.run(() => order.push('second'))];
    const other = new Promise<void>((done) => setImmediate(() => done(void order.push('other work'))));
    await Promise.all([...jobs, other]);
    expect(order).toEqual(['first', 'second', 'other work']);
  });

  it('lets other work run once a turn has worked its slice', async () => {
    const queue = new WorkQueue();
    const order: string[] = [];
    const busy = () => {
      const until = performance.now() + SLICE_MS + 2;
      while (performance.now() < until);
    };
    const jobs = [queue.run(() => (busy(), order.push('costly'))), queue.run(() => order.push('next'))];
    const other = new Promise<void>((done) => setImmediate(() => done(void order.push('other work'))));
    await Promise.all([...jobs, other]);
    expect(order).toEqual(['costly', 'other work', 'next']);
  });

  it('gives each job its own result or error', async () => {
    const queue = new WorkQueue();
    await expect(queue.run(() => 42)).resolves.toBe(42);
    await expect(
      queue.run(() => {
        throw new Error('broken');
      }),
    ).rejects.toThrow('broken');
  });

  it('turns a job away at once when the queue is full', async () => {
    const queue = new WorkQueue(1);
    const waiting = queue.run(() => 'kept');
    await expect(queue.run(() => 'refused')).rejects.toBeInstanceOf(BusyError);
    await expect(waiting).resolves.toBe('kept');
    expect(queue.waiting).toBe(0);
  });
});

describe('the app under load', () => {
  it('answers 503 with Retry-After for a costly request it cannot queue, and still answers the health check', async () => {
    const server = await listen(createApp({ core: await realCore(), queue: new WorkQueue(0), logError: () => {} }));
    try {
      const busy = await fetch(`${server.url}/api/search?q=police`);
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(await busy.json()).toEqual({ error: { status: 503, message: 'The server is busy; please try again in a moment' } });
      expect((await fetch(`${server.url}/search?q=police`)).status).toBe(503);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
