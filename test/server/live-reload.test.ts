// A report added while the real server runs is served within seconds, without a restart and without a
// single failed request.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../indexer/types.ts';
import { freePort } from '../../server/listen.ts';
import { indexed, reportPdf, repoRoot, smallCorpus, tempDir, writeFile } from '../support/fixtures.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

/** Runs `node bin/dgsn.js …` and resolves with its exit code. */
function dgsn(args: string[], env: Record<string, string>): Promise<number | null> {
  const child = spawn(process.execPath, ['bin/dgsn.js', ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'ignore' });
  return new Promise((done) => child.on('close', done));
}

let server: ServerProcess | undefined;

// A failed test must not leave its server running.
afterEach(() => {
  if (server !== undefined && server.child.exitCode === null) server.child.kill('SIGTERM');
});

describe('the running server', () => {
  describe('when a report is added with `dgsn add`', () => {
    it('serves it within 10 seconds, without a restart, while every request in the meantime succeeds', async () => {
      const paths = await indexed(smallCorpus());
      const folders = { DATA_DIR: paths.dataDir, CORPUS_DIR: paths.corpusDir };
      server = await startServerProcess({ PORT: String(await freePort()), LOG_LEVEL: 'silent', ...folders });
      const searchUrl = `${server.url}/api/search?q=${encodeURIComponent('"cannabis resin"')}`;

      // A client searching without pause for as long as the test runs.
      const statuses: number[] = [];
      const failures: string[] = [];
      let found = false;
      let stopped = false;
      const client = (async () => {
        while (!stopped && server.child.exitCode === null) {
          try {
            const response = await fetch(searchUrl);
            statuses.push(response.status);
            const body = (await response.json()) as SearchResponse;
            if (body.results?.some((result) => result.report.id === 'dgsn-2019-report')) found = true;
          } catch (error) {
            failures.push(String(error));
          }
        }
      })();

      await sleep(300);
      expect(found).toBe(false);
      const pdf = writeFile(tempDir(), 'dgsn-2019-report.pdf', await reportPdf());
      expect(await dgsn(['add', pdf], folders)).toBe(0);
      const added = Date.now();
      while (!found && Date.now() - added < 10_000) await sleep(50);
      const waited = Date.now() - added;
      stopped = true;
      await client;

      expect(found).toBe(true);
      expect(waited).toBeLessThan(10_000);
      expect(server.child.exitCode).toBeNull();
      expect(failures).toEqual([]);
      expect(statuses.length).toBeGreaterThan(10);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      const health = await (await fetch(`${server.url}/api/health`)).json();
      expect(health).toMatchObject({ status: 'ok', reports: 3 });

      server.child.kill('SIGTERM');
      expect(await server.exit).toBe(0);
    });
  });
});
