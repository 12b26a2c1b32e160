// Once, before any test file runs: compiles the general lexicon into its cache, and the server into
// dist/ when it is out of date, so that parallel test files (and the servers they start as `npm start`
// does) load them rather than build them side by side on a fresh clone.
import { compile, isStale } from '../../bin/compile.js';
import { lexicon } from '../../language/lexicon.ts';
import { repoRoot } from './corpus-server.ts';

export default function setup(): void {
  lexicon();
  if (isStale(repoRoot) && !compile(repoRoot)) throw new Error('global setup: the server could not be compiled into dist/');
}
