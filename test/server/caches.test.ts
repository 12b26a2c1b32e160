// The caches are bounded by what they hold, not only by how many entries: no client can grow the
// server's memory by asking for large or endlessly different things.
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { listen } from '../../server/listen.ts';
import { LiveIndex, PAGE_CACHE_CHARS } from '../../server/live-index.ts';
import { noFilters, RANKING, SearchCore } from '../../server/search/search-core.ts';
import { realCore } from '../support/corpus-server.ts';
import { indexed, realCorpusCopy } from '../support/fixtures.ts';
import { readBundle } from '../../indexer/build.ts';

// A core of its own, so that what other test files search does not fill its cache.
const core = new SearchCore(readBundle((await indexed(realCorpusCopy())).dataDir)!);

describe('the search response cache', () => {
  it('keeps pages of results, within its bound in characters', () => {
    for (let offset = 0; offset < 50; offset++) core.search({ q: 'police', filters: noFilters(), limit: 10, offset, sort: 'relevance' });
    const use = core.cacheUse();
    expect(use.responses).toBe(50);
    expect(use.chars).toBeGreaterThan(0);
    expect(use.chars).toBeLessThanOrEqual(RANKING.cacheChars);
  });

  it('never keeps an export of every match', () => {
    const before = core.cacheUse().responses;
    for (const q of ['drugs', 'crime', 'police officers']) core.search({ q, filters: noFilters(), limit: 1000, offset: 0, sort: 'relevance' });
    expect(core.cacheUse().responses).toBe(before);
  });
});

describe('the rendered page cache', () => {
  it('adds no entry for parameters the pages do not read', async () => {
    const live = new LiveIndex(await realCore());
    const server = await listen(createApp({ live, logError: () => {} }));
    try {
      for (let j = 0; j < 30; j++) expect((await fetch(`${server.url}/search?q=police&j=${j}`)).status).toBe(200);
      expect(live.current.pages.size).toBe(1);
      await fetch(`${server.url}/search?q=police&year=2024`);
      expect(live.current.pages.size).toBe(2);
      expect(live.current.pages.calculatedSize).toBeLessThanOrEqual(PAGE_CACHE_CHARS);
    } finally {
      await server.close();
    }
  });
});

describe('the API response cache', () => {
  it('keeps one response per build and parameters the API reads, and says how long serving it took', async () => {
    const live = new LiveIndex(await realCore());
    const server = await listen(createApp({ live, logError: () => {} }));
    try {
      const first = await (await fetch(`${server.url}/api/search?q=sextortion`)).json();
      for (let j = 0; j < 20; j++) expect((await fetch(`${server.url}/api/search?q=sextortion&j=${j}`)).status).toBe(200);
      expect(live.current.responses.size).toBe(1);
      const again = await (await fetch(`${server.url}/api/search?q=sextortion`)).json();
      expect({ ...again, tookMs: 0 }).toEqual({ ...first, tookMs: 0 });
      expect(again.tookMs).toBeLessThan(5);
      await fetch(`${server.url}/api/search?q=sextortion&year=2024`);
      expect(live.current.responses.size).toBe(2);
      expect(live.current.responses.calculatedSize).toBeLessThanOrEqual(PAGE_CACHE_CHARS);
    } finally {
      await server.close();
    }
  });
});

describe('requests for the same page or response while it is being worked out', () => {
  // A core of their own, each with its caches empty, so that every search below is worked out afresh.
  const fresh = async () => new SearchCore(readBundle((await indexed(realCorpusCopy())).dataDir)!, undefined, { caches: false });

  it('share that work: ten at once search as much as one', async () => {
    const counts: number[] = [];
    for (const concurrent of [1, 10]) {
      const freshCore = await fresh();
      const search = vi.spyOn(freshCore, 'search');
      const server = await listen(createApp({ live: new LiveIndex(freshCore), logError: () => {} }));
      try {
        const pages = await Promise.all(Array.from({ length: concurrent }, () => fetch(`${server.url}/search?q=sextortion`)));
        expect(pages.map((page) => page.status)).toEqual(Array(concurrent).fill(200));
        const api = await Promise.all(Array.from({ length: concurrent }, () => fetch(`${server.url}/api/search?q=hashish`)));
        expect(api.map((response) => response.status)).toEqual(Array(concurrent).fill(200));
        counts.push(search.mock.calls.length);
      } finally {
        await server.close();
      }
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });

  it('each get the error when that work fails, and the next request tries again', async () => {
    const live = new LiveIndex(await realCore());
    const server = await listen(createApp({ live, logError: () => {} }));
    try {
      const statuses = await Promise.all(Array.from({ length: 5 }, () => fetch(`${server.url}/api/search?q=police&limit=0`).then((response) => response.status)));
      expect(statuses).toEqual([400, 400, 400, 400, 400]);
      expect(live.current.inflight.size).toBe(0);
    } finally {
      await server.close();
    }
  });
});
