// The route pool: costly routes answered on a worker thread with its own copy of the index, loaded from
// the data folder, the same as the main thread would answer them. Over the real corpus.
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, writeBuild } from '../../indexer/build.ts';
import { HttpError } from '../../server/errors.ts';
import { RoutePool } from '../../server/route-pool.ts';
import { noFilters, SearchCore } from '../../server/search/search-core.ts';
import { repoRoot } from '../support/corpus-server.ts';

let dataDir: string;
let core: SearchCore;
let pool: RoutePool;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dgsn-pool-'));
  cpSync(path.join(repoRoot, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
  const paths = { root: dir, corpusDir: path.join(dir, 'corpus'), dataDir: path.join(dir, 'data') };
  const result = await buildIndex(paths);
  writeBuild(paths, result.bundle, result.texts);
  dataDir = paths.dataDir;
  core = new SearchCore(result.bundle);
  pool = new RoutePool(dataDir);
});

afterAll(async () => {
  await pool.close();
});

const request = (routePath: string, query: Record<string, string> = {}, params: Record<string, string> = {}) => ({ path: routePath, query, params, origin: 'http://localhost:3000' });

describe('RoutePool', () => {
  it('loads the index on its worker', async () => {
    expect(await pool.ready).toBe(true);
  });

  it('answers a search as the main thread would', async () => {
    const { body } = (await pool.run(request('/api/search', { q: 'sextortion' }))) as { body: { total: number; results: Array<{ id: string }> } };
    const here = core.search({ q: 'sextortion', filters: noFilters(), limit: 10, offset: 0, sort: 'relevance' });
    expect(body.total).toBe(here.total);
    expect(body.results.map((result) => result.id)).toEqual(here.results.map((result) => result.id));
  });

  it('renders a page', async () => {
    const { html } = (await pool.run(request('/passages/:id', {}, { id: 'dgsn-2023-p050' }))) as { html: string };
    expect(html).toContain('508 incidents');
  });

  it('gives a bad request its status and message, as a typed error', async () => {
    const error = await pool.run(request('/api/passages/:id', {}, { id: 'dgsn-2023-p999' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 404, message: 'No passage has the id "dgsn-2023-p999"' });
  });

  it('still answers after being told to load the build on disk again', async () => {
    pool.reload();
    const { body } = (await pool.run(request('/api/search', { q: 'drones' }))) as { body: { total: number } };
    expect(body.total).toBeGreaterThan(0);
  });

  it('is not available before its worker has loaded the index, nor when the folder holds none; started again once it does', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'dgsn-pool-empty-'));
    const late = new RoutePool(folder);
    expect(late.available()).toBe(false);
    expect(await late.ready).toBe(false);
    expect(late.available()).toBe(false);
    cpSync(dataDir, folder, { recursive: true });
    late.restart();
    expect(await late.ready).toBe(true);
    expect(late.available()).toBe(true);
    await late.close();
    expect(late.available()).toBe(false);
  });

  it('starts no worker when told there is nothing to load yet, until restart()', async () => {
    const waiting = new RoutePool(dataDir, () => {}, { start: false });
    expect(await waiting.ready).toBe(false);
    expect(waiting.available()).toBe(false);
    waiting.restart();
    expect(await waiting.ready).toBe(true);
    expect(waiting.available()).toBe(true);
    await waiting.close();
  });
});
