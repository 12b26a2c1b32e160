// A fuzz run against the running server: 5,000 random requests (random paths, parameters, repeated
// parameters, broken encodings, every method). None may get a 5xx, and the run may add to the server's
// memory no more than its bounded caches hold (about 11 MB was measured; it was given as "within 20%"
// until the server's own start-up memory shrank, which moved a ratio but not the growth).
import vm from 'node:vm';
import v8 from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { listen } from '../../server/listen.ts';
import { realCore } from '../support/corpus-server.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const PATHS = ['/', '/search', '/search.csv', '/search.json', '/search.md', '/ask', '/api/search', '/api/answer', '/api/health', '/api/passages', '/api/reports', '/api/themes', '/passages/dgsn-2023-p050', '/passages/', '/reports/dgsn-2024', '/reports/', '/static/style.css', '/static/../package.json', '/api/passages/dgsn-2020-p001', '/nothing', '/api/', '//api//search', '/%2e%2e/%2e%2e/etc/passwd'];
const NAMES = ['q', 'limit', 'offset', 'year', 'theme', 'report', 'sort', 'view', 'q[]', 'q[a]', '__proto__', 'constructor', ''];
const VALUES = ['sextortion', 'How many emergency calls were handled in 2023?', '0', '-1', '101', '1e3', '2024', '2021', 'drugs', 'dgsn-2023', 'year-asc', 'list', '', '%', '%ZZ', '%00', '%E0%A4%A', '%F0%9F%9A%93', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'a'.repeat(600), '\u202eabc'];
const METHODS = ['GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];

const request = fc.record({
  method: fc.constantFrom(...METHODS),
  path: fc.oneof(fc.constantFrom(...PATHS), fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).map((s) => `/${encodeURIComponent(s)}`)),
  params: fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 30 }))), { maxLength: 6 }),
  raw: fc.boolean(),
});

// Values go in raw (broken percent-encodings included) or properly encoded.
function urlOf(base: string, { path, params, raw }: { path: string; params: Array<[string, string]>; raw: boolean }): string {
  const query = params.map(([name, value]) => (raw ? `${name}=${value.replace(/[\s#]/g, '+')}` : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)).join('&');
  return `${base}${path}${query === '' ? '' : `?${query}`}`;
}

describe('the server under 5,000 random requests', () => {
  it('never answers 5xx, and adds to its memory no more than its caches hold', async () => {
    const server = await listen(createApp({ core: await realCore() }));
    const samples = fc.sample(request, { numRuns: 5_500, seed: 20261122 });
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const send = async (sample: (typeof samples)[number]) => {
      const url = urlOf(server.url, sample);
      const response = await fetch(url, { method: sample.method, body: ['POST', 'PUT', 'PATCH'].includes(sample.method) ? 'x=1' : undefined });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500) failures.push(`${sample.method} ${url} → ${response.status}`);
    };
    // A warm-up of 500 requests, then the measured 5,000, eight at a time.
    const run = async (batch: typeof samples) => {
      for (let i = 0; i < batch.length; i += 8) await Promise.all(batch.slice(i, i + 8).map(send));
    };
    await run(samples.slice(0, 500));
    gc();
    const before = process.memoryUsage().heapUsed;
    await run(samples.slice(500));
    gc();
    const after = process.memoryUsage().heapUsed;
    await server.close();
    expect(failures).toEqual([]);
    // The run reached real pages, bad parameters and unknown paths alike.
    expect([200, 400, 404].every((status) => (statuses.get(status) ?? 0) > 100)).toBe(true);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(5_500);
    expect(after - before).toBeLessThan(16 * 2 ** 20);
  }, 240_000);
});
