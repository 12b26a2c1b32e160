// The compiled JavaScript that `npm start` runs: dist/, built from the TypeScript sources by tsc when it
// is missing or older than any source file, so that a server starts without compiling TypeScript on
// the fly. Tests, the CLI and the scripts run the sources directly (through tsx).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The folders compiled into dist/ (as tsconfig.build.json lists them). */
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

/**
 * Compiles the sources into dist/ (into a fresh folder that then replaces dist/, so a server starting
 * meanwhile never loads half a build). Type errors are reported but do not stop the build: tsc still
 * writes the JavaScript, as the sources run under tsx whatever their types. Returns false when no
 * compiler is installed (an install without dev dependencies) or nothing was written.
 */
export function compile(root, log = (line) => console.error(line)) {
  let tsc;
  try {
    tsc = createRequire(path.join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return false;
  }
  const temporary = path.join(root, `dist.${process.pid}.tmp`);
  log('Compiling the server into dist/ (after a change to the sources; a few seconds)…');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', temporary], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (!existsSync(path.join(temporary, 'server', 'main.js'))) {
    rmSync(temporary, { recursive: true, force: true });
    log(result.stdout + result.stderr);
    return false;
  }
  if (result.status !== 0) log(`tsc reported type errors (the build is used anyway):\n${result.stdout}`);
  writeFileSync(path.join(temporary, STAMP), new Date().toISOString());
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  renameSync(temporary, path.join(root, 'dist'));
  return true;
}
