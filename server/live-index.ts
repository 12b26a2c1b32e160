// The index a running server answers from, replaced without a restart when a new build is written. Each
// request takes the generation current when it starts, so requests in flight finish on the old index.
import { unwatchFile, watchFile } from 'node:fs';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { INDEX_FILE, readBundle } from '../indexer/build.ts';
import { Answerer } from './answer/answerer.ts';
import { SearchCore } from './search/search-core.ts';

/** Everything that belongs to one build of the index. */
export interface Generation {
  core: SearchCore;
  answerer: Answerer;
  /** Rendered pages, which are pure functions of their address for as long as this build serves. */
  pages: LRUCache<string, string>;
  /** The API's responses likewise, with their size in characters (a repeated search needs no worker). */
  responses: LRUCache<string, { body: unknown; chars: number }>;
  /**
   * The pages and responses being worked out, by the same key: a request that arrives meanwhile waits
   * for that work instead of starting its own (fifty visitors of a new search cost one).
   */
  inflight: Map<string, Promise<unknown>>;
}

/** The rendered pages (and, apart, the JSON responses) kept per build hold at most this many characters in all. */
export const PAGE_CACHE_CHARS = 30_000_000;

export class LiveIndex {
  private generation: Generation;

  constructor(core: SearchCore) {
    this.generation = LiveIndex.generationOf(core);
  }

  private static generationOf(core: SearchCore): Generation {
    return {
      core,
      answerer: new Answerer(core),
      pages: new LRUCache({ max: 500, maxSize: PAGE_CACHE_CHARS, sizeCalculation: (html) => html.length + 1 }),
      responses: new LRUCache({ max: 500, maxSize: PAGE_CACHE_CHARS, sizeCalculation: (response) => response.chars + 1 }),
      inflight: new Map(),
    };
  }

  /** The generation to answer a request from. */
  get current(): Generation {
    return this.generation;
  }

  private readonly listeners: Array<() => void> = [];

  /** Serves a new build from now on. */
  replace(core: SearchCore): void {
    core.warmUp();
    this.generation = LiveIndex.generationOf(core);
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` each time a new build is served (to tell worker threads to load it too). */
  onReplace(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * Watches the data folder and serves each new build as soon as it is complete (the index file is
   * written last, so its change means the build is whole). Returns a function that stops watching.
   */
  watch(dataDir: string, log: (line: string) => void, intervalMs = 1000): () => void {
    const file = path.join(dataDir, INDEX_FILE);
    // A build that cannot be loaded is reported once and passed over: the current one goes on serving.
    const refused = new Set<string>();
    const check = () => {
      const bundle = readBundle(dataDir, (reason) => log(`index: a new build on disk is not usable (${reason}); still serving build ${this.generation.core.bundle.buildId}`));
      if (bundle === null || bundle.buildId === this.generation.core.bundle.buildId || refused.has(bundle.buildId)) return;
      let core: SearchCore;
      try {
        core = new SearchCore(bundle);
      } catch (error) {
        refused.add(bundle.buildId);
        log(`index: build ${bundle.buildId} does not load (${error instanceof Error ? error.message : String(error)}); still serving build ${this.generation.core.bundle.buildId}`);
        return;
      }
      this.replace(core);
      log(`index: now serving build ${bundle.buildId} (${bundle.reports.length} reports, ${bundle.passages.length} passages)`);
    };
    watchFile(file, { interval: intervalMs }, check);
    return () => unwatchFile(file, check);
  }
}
