// Where the server gets its index: the bundle on disk when it matches the corpus, a fresh build when the
// corpus, the manifest or the indexer changed (or the file is missing or corrupt).
import { buildIndex, corpusFingerprint, IndexWriteError, readBundle, writeBuild, type BuildPaths, type IndexBundle } from '../indexer/build.ts';

/** How the index was obtained. */
export interface EnsuredIndex {
  /** The bundle the server will serve. */
  bundle: IndexBundle;
  /** True when this call built it; false when the one on disk was up to date. */
  rebuilt: boolean;
}

/** The index could neither be loaded nor built. */
export class IndexUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexUnavailableError';
  }
}

/**
 * Returns an up-to-date index bundle, building and writing it first when the one on disk is missing,
 * unreadable, or was built from other content. Problems with single reports are logged and the rest is
 * served; when nothing can be built, the previous bundle is served if there is one.
 */
export async function ensureIndex(paths: BuildPaths, log: (line: string) => void = () => {}, options: { rebuild?: boolean } = {}): Promise<EnsuredIndex> {
  const onDisk = options.rebuild === true ? null : readBundle(paths.dataDir, (reason) => log(`index: ${reason}`));
  if (onDisk !== null && onDisk.fingerprint === corpusFingerprint(paths.corpusDir)) {
    for (const problem of onDisk.problems) log(`index: ${problem.message}`);
    return { bundle: onDisk, rebuilt: false };
  }
  log(options.rebuild === true ? 'index: rebuilding it from the corpus' : onDisk === null ? 'index: no usable index on disk; building it from the corpus' : 'index: the corpus changed; rebuilding the index');
  try {
    const result = await buildIndex(paths);
    for (const problem of result.problems) log(`index: ${problem.message}`);
    if (result.bundle.passages.length === 0) throw new IndexUnavailableError('index: no report in the corpus could be indexed');
    try {
      writeBuild(paths, result.bundle, result.texts);
    } catch (error) {
      // A full or read-only data folder does not stop the server: it serves the build from memory.
      if (!(error instanceof IndexWriteError)) throw error;
      log(`${error.message.replace(/; the previous index is kept$/, '')}; serving the new build from memory`);
    }
    return { bundle: result.bundle, rebuilt: true };
  } catch (error) {
    // Loaded here: the manifest reader is needed only when the index is rebuilt.
    const { ManifestError } = await import('../indexer/read.ts');
    if (!(error instanceof ManifestError || error instanceof IndexUnavailableError)) throw error;
    if (onDisk === null) throw new IndexUnavailableError(error.message);
    log(`${error.message}; serving the previous index`);
    return { bundle: onDisk, rebuilt: false };
  }
}
