// The compiled JavaScript that `npm start` runs: dist/, bundled from the TypeScript sources by esbuild
// when it is missing or older than any source file, so that a server starts without compiling
// TypeScript on the fly or loading hundreds of files. Tests, the CLI and the scripts run the sources
// directly (through tsx).
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The folders whose sources the server is compiled from. */
export const SOURCE_FOLDERS = ['indexer', 'language', 'server', 'cli'];
const STAMP = '.built';

// The latest modification time of the .ts and .json files under a folder.
function newestSource(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing, unfinished, or older than a source file. */
export function isStale(root) {
  const stamp = path.join(root, 'dist', STAMP);
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCE_FOLDERS.some((folder) => newestSource(path.join(root, folder)) > built);
}

/** The server's entry points, bundled into dist/server/ (the route worker is started from its own file). */
const ENTRIES = ['server/main.ts', 'server/route-worker.ts'];

/**
 * Bundles the server into dist/server/ with esbuild: the server's modules and the packages it uses in a
 * few files (what only the indexer needs in chunks loaded on first use), which Node loads several times
 * faster than the hundreds of files they come from. Into a fresh folder that then replaces dist/, so a
 * server starting meanwhile never loads half a build. Types are not checked (`npm test` does). Returns
 * false when esbuild is not installed or the bundle fails.
 */
export function compile(root, log = (line) => console.error(line)) {
  let esbuild;
  try {
    esbuild = createRequire(path.join(root, 'package.json'))('esbuild');
  } catch {
    return false;
  }
  const temporary = path.join(root, `dist.${process.pid}.tmp`);
  log('Compiling the server into dist/ (after a change to the sources; a second or two)…');
  try {
    esbuild.buildSync({
      absWorkingDir: root,
      entryPoints: ENTRIES.filter((entry) => existsSync(path.join(root, entry))),
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: path.join(temporary, 'server'),
      // Chunks beside the entries, so that a module's own URL finds the worker's file next to it.
      chunkNames: '[name]-[hash]',
      sourcemap: true,
      logLevel: 'silent',
      // pino starts its transports (pino-pretty on a terminal) from files beside its own: it runs from
      // node_modules.
      external: ['pino', 'pino-pretty', 'pino-http', 'thread-stream'],
      // The packages written as CommonJS call require(), which an ES module bundle must be given.
      banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    });
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    log(`The server could not be compiled: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
  writeFileSync(path.join(temporary, STAMP), new Date().toISOString());
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  renameSync(temporary, path.join(root, 'dist'));
  return true;
}

// `npm run build`: compiles now, whether or not dist/ is up to date.
if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(compile(path.resolve(import.meta.dirname, '..')) ? 0 : 1);
}
