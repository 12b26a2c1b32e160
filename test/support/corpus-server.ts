// The real corpus, indexed once per test file into a temporary folder, served by the real app on a
// loopback port.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIndex } from '../../indexer/build.ts';
import { createApp } from '../../server/app.ts';
import { listen, type RunningServer } from '../../server/listen.ts';
import { SearchCore } from '../../server/search/search-core.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

let core: Promise<SearchCore> | undefined;

/** The search core over the real corpus (built once per process). */
export function realCore(): Promise<SearchCore> {
  core ??= buildIndex({ root: repoRoot, corpusDir: path.join(repoRoot, 'corpus'), dataDir: mkdtempSync(path.join(os.tmpdir(), 'dgsn-real-')) }).then(
    (result) => new SearchCore(result.bundle),
  );
  return core;
}

/** The app over the real corpus, listening on 127.0.0.1 (with PUBLIC_URL when `publicUrl` is given). */
export async function startRealServer(options: { publicUrl?: string } = {}): Promise<RunningServer> {
  return listen(createApp({ core: await realCore(), logError: () => {}, ...options }));
}
