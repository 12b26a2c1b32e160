// Where the project's own files are (views, corpus, package.json, the lexicon cache): the folder of the
// nearest package.json above this module. The same folder whether the code runs from its TypeScript
// sources (tsx, the tests, the CLI) or compiled into dist/ (`npm start`).
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

/** The project's root folder. */
export const PROJECT_ROOT = findRoot(import.meta.dirname);
