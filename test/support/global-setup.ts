// Compiles the general lexicon into its cache once, before any test file runs, so that parallel test
// files (and the servers they start) load it rather than compile it side by side on a fresh clone.
import { lexicon } from '../../language/lexicon.ts';

export default function setup(): void {
  lexicon();
}
