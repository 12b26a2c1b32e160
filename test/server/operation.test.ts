// Running the real server as a process: shutting down cleanly, a port already in use, a corrupt index
// file; and the request limits of the app.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { freePort, listen } from '../../server/listen.ts';
import { indexed, smallCorpus } from '../support/fixtures.ts';
import { startServerProcess } from '../support/server-process.ts';
import { realCore } from '../support/corpus-server.ts';

const dataDir = () => mkdtempSync(path.join(os.tmpdir(), 'dgsn-ops-'));

describe('server/main.ts', () => {
  describe('on SIGTERM', () => {
    it('finishes the requests in flight and exits 0', async () => {
      const server = await startServerProcess({ PORT: String(await freePort()), DATA_DIR: dataDir(), LOG_LEVEL: 'silent' });
      // Twenty requests whose connections are open (so they are in flight) when SIGTERM arrives.
      const connected: Array<Promise<void>> = [];
      const inFlight = Array.from({ length: 20 }, (_, i) => {
        let onConnect: () => void = () => {};
        connected.push(new Promise((done) => (onConnect = done)));
        return new Promise<number>((done, fail) => {
          const request = http.get(`${server.url}/api/search?q=police&offset=${i}`, (response) => {
            response.resume();
            response.on('end', () => done(response.statusCode ?? 0));
          });
          request.on('socket', (socket) => socket.on('connect', onConnect));
          request.on('error', fail);
        });
      });
      await Promise.all(connected);
      server.child.kill('SIGTERM');
      expect(await Promise.all(inFlight)).toEqual(Array(20).fill(200));
      expect(await server.exit).toBe(0);
    });
  });

  describe('when the port is in use', () => {
    it('says so in one line and exits 1', async () => {
      const port = String(await freePort());
      const first = await startServerProcess({ PORT: port, DATA_DIR: dataDir(), LOG_LEVEL: 'silent' });
      const second = await startServerProcess({ PORT: port, DATA_DIR: dataDir(), LOG_LEVEL: 'silent' });
      expect(await second.exit).toBe(1);
      expect(second.output().trim().split('\n').at(-1)).toBe(`Port ${port} is in use; set PORT to another port.`);
      expect(second.output()).not.toMatch(/\n\s+at /);
      first.child.kill('SIGTERM');
      await first.exit;
    });
  });

  describe('when the index file on disk is corrupt', () => {
    it('rebuilds it from the corpus, logs why, and serves', async () => {
      const data = dataDir();
      writeFileSync(path.join(data, 'index.json'), '{"format": 1, "passages": [');
      const server = await startServerProcess({ PORT: String(await freePort()), DATA_DIR: data, LOG_LEVEL: 'info' });
      expect(server.output()).toContain('index: no usable index on disk; building it from the corpus');
      expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ status: 'ok', passages: 310 });
      server.child.kill('SIGTERM');
      expect(await server.exit).toBe(0);
    });
  });
});

/** The index file of a data folder, changed by `edit` (and, with a new build id, the store's header too). */
function editBuild(dataDir: string, edit: (index: Record<string, unknown>) => void): void {
  const indexFile = path.join(dataDir, 'index.json');
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as Record<string, unknown>;
  edit(index);
  const storeFile = path.join(dataDir, 'passages.ndjson');
  const [header, ...lines] = readFileSync(storeFile, 'utf8').split('\n');
  writeFileSync(storeFile, [JSON.stringify({ ...JSON.parse(header!), buildId: index.buildId }), ...lines].join('\n'));
  writeFileSync(indexFile, JSON.stringify(index));
}

const health = async (url: string) => (await fetch(`${url}/api/health`)).json();

describe('faults in the index on disk', () => {
  describe('when a new build parses but does not load', () => {
    it('keeps serving the current build and logs why', async () => {
      const paths = await indexed(smallCorpus());
      const server = await startServerProcess({ PORT: String(await freePort()), DATA_DIR: paths.dataDir, CORPUS_DIR: paths.corpusDir, LOG_LEVEL: 'info' });
      const before = (await health(server.url)) as { passages: number; builtAt: string };
      editBuild(paths.dataDir, (index) => {
        index.buildId = 'a-build-with-no-index';
        index.index = {};
      });
      const deadline = Date.now() + 10_000;
      while (!server.output().includes('does not load') && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
      expect(server.output()).toContain('index: build a-build-with-no-index does not load');
      expect(server.child.exitCode).toBeNull();
      expect(await health(server.url)).toMatchObject({ status: 'ok', passages: before.passages, builtAt: before.builtAt });
      expect((await fetch(`${server.url}/api/search?q=police`)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exit).toBe(0);
    });
  });

  describe('when the index on disk parses but does not load at start-up', () => {
    it('rebuilds it from the corpus and serves', async () => {
      const paths = await indexed(smallCorpus());
      editBuild(paths.dataDir, (index) => (index.index = {}));
      const server = await startServerProcess({ PORT: String(await freePort()), DATA_DIR: paths.dataDir, CORPUS_DIR: paths.corpusDir, LOG_LEVEL: 'info' });
      expect(server.output()).toContain('index: the index on disk does not load');
      expect(server.output()).toContain('index: rebuilding it from the corpus');
      expect(await health(server.url)).toMatchObject({ status: 'ok' });
      server.child.kill('SIGTERM');
      expect(await server.exit).toBe(0);
    });
  });

  describe.each([
    ['cut short by a line', (lines: string[]) => lines.slice(0, -2).concat([''])],
    ['with a passage replaced by {}', (lines: string[]) => [lines[0]!, '{}', ...lines.slice(2)]],
  ])('when the passage store is %s', (_, corrupt) => {
    it('is noticed at start-up, named, and rebuilt', async () => {
      const paths = await indexed(smallCorpus());
      const storeFile = path.join(paths.dataDir, 'passages.ndjson');
      // (The store's header gives the length in bytes of each passage's text.)
      const passages = (JSON.parse(readFileSync(storeFile, 'utf8').split('\n')[0]!) as { bytes: { text: number[] } }).bytes.text.length;
      writeFileSync(storeFile, corrupt(readFileSync(storeFile, 'utf8').split('\n')).join('\n'));
      const server = await startServerProcess({ PORT: String(await freePort()), DATA_DIR: paths.dataDir, CORPUS_DIR: paths.corpusDir, LOG_LEVEL: 'info' });
      expect(server.output()).toMatch(/index: passages\.ndjson holds \d+ passages that do not match the \d+ the index was built with/);
      expect(await health(server.url)).toMatchObject({ status: 'ok', passages });
      expect((await fetch(`${server.url}/api/search?q=police`)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exit).toBe(0);
    });
  });
});

describe('request limits', () => {
  it('answers 414 for an address over 4096 characters', async () => {
    const server = await listen(createApp({ core: await realCore() }));
    const response = await fetch(`${server.url}/api/search?q=a&pad=${'x'.repeat(4100)}`);
    expect(response.status).toBe(414);
    expect(await response.json()).toEqual({ error: { status: 414, message: 'The address is longer than 4096 characters' } });
    await server.close();
  });

  it('limits /api requests per client when a rate is configured, and leaves pages alone', async () => {
    const server = await listen(createApp({ core: await realCore(), apiRateLimit: 3 }));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.url}/api/health`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    await server.close();
  });
});
