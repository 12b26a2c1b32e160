// How `npm start` gets its index: rebuilt only when the content changed, never lost to a broken file.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildPaths } from '../../indexer/build.ts';
import { ensureIndex, IndexUnavailableError } from '../../server/index-store.ts';

const repo = path.resolve(import.meta.dirname, '../..');

function makeCorpus(): BuildPaths {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dgsn-store-'));
  const corpusDir = path.join(root, 'corpus');
  mkdirSync(corpusDir);
  copyFileSync(path.join(repo, 'corpus/dgsn-2024-press-summary.txt'), path.join(corpusDir, 'press.txt'));
  writeFileSync(path.join(corpusDir, 'reports.json'), JSON.stringify({ reports: [{ id: 'press', file: 'press.txt', year: 2024 }] }));
  return { root, corpusDir, dataDir: path.join(root, 'data') };
}

describe('ensureIndex', () => {
  describe('when there is no index yet', () => {
    it('builds and writes it', async () => {
      const paths = makeCorpus();
      const lines: string[] = [];
      const { bundle, rebuilt } = await ensureIndex(paths, (line) => lines.push(line));
      expect(rebuilt).toBe(true);
      expect(bundle.reports.map((r) => r.id)).toEqual(['press']);
      expect(lines).toEqual(['index: no usable index on disk; building it from the corpus']);
    });
  });

  describe('when the corpus has not changed', () => {
    it('loads the index on disk without rebuilding', async () => {
      const paths = makeCorpus();
      const first = await ensureIndex(paths);
      const second = await ensureIndex(paths);
      expect(second.rebuilt).toBe(false);
      expect(second.bundle.buildId).toBe(first.bundle.buildId);
    });
  });

  describe('when a corpus file or the manifest changes', () => {
    it('rebuilds', async () => {
      const paths = makeCorpus();
      const first = await ensureIndex(paths);
      writeFileSync(path.join(paths.corpusDir, 'reports.json'), JSON.stringify({ reports: [{ id: 'press', file: 'press.txt', year: 2024, title: 'Renamed' }] }));
      const second = await ensureIndex(paths);
      expect(second.rebuilt).toBe(true);
      expect(second.bundle.buildId).not.toBe(first.bundle.buildId);
      expect(second.bundle.reports[0]!.title).toBe('Renamed');
    });
  });

  describe('when the index file on disk is corrupt', () => {
    it('rebuilds it from the corpus', async () => {
      const paths = makeCorpus();
      await ensureIndex(paths);
      writeFileSync(path.join(paths.dataDir, 'index.json'), '{"format": 1, "passa');
      expect((await ensureIndex(paths)).rebuilt).toBe(true);
    });
  });

  describe('when the manifest breaks after a good build', () => {
    it('serves the previous index and says why', async () => {
      const paths = makeCorpus();
      const first = await ensureIndex(paths);
      writeFileSync(path.join(paths.corpusDir, 'reports.json'), 'not json');
      const lines: string[] = [];
      const second = await ensureIndex(paths, (line) => lines.push(line));
      expect(second.bundle.buildId).toBe(first.bundle.buildId);
      expect(lines.at(-1)).toMatch(/^indexer: corpus\/reports.json is not valid JSON .*; serving the previous index$/);
    });
  });

  describe('when nothing can be built and there is no previous index', () => {
    it('throws an error that names the problem', async () => {
      const paths = makeCorpus();
      writeFileSync(path.join(paths.corpusDir, 'reports.json'), '[]');
      await expect(ensureIndex(paths)).rejects.toThrow(IndexUnavailableError);
      await expect(ensureIndex(paths)).rejects.toThrow('indexer: corpus/reports.json must be an object {"reports": [...]}');
    });
  });
});
