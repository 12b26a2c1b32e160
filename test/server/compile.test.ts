// `npm start` runs the compiled JavaScript in dist/, compiled again whenever a source file is newer
// than the last build. Checked on a folder of my own, with the real bundler (esbuild).
import { existsSync, mkdtempSync, mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, isStale } from '../../bin/compile.js';
import { repoRoot } from '../support/corpus-server.ts';

// A project of one source file that imports a package, with the repository's node_modules.
function tinyProject(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dgsn-compile-'));
  for (const folder of ['server', 'indexer', 'language', 'cli']) mkdirSync(path.join(root, folder));
  writeFileSync(path.join(root, 'server', 'main.ts'), "import escapeHtml from 'escape-html';\nexport const answer: number = 42;\nconsole.log(escapeHtml('<b>'));\n");
  writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }\n');
  // esbuild, and the packages bundled, are found from the project's package.json, as in the repository.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

describe('the compiled server in dist/', () => {
  const root = tinyProject();

  it('is stale before the first build', () => {
    expect(isStale(root)).toBe(true);
  });

  it('is built by compile, and then up to date', () => {
    expect(compile(root, () => {})).toBe(true);
    expect(existsSync(path.join(root, 'dist', 'server', 'main.js'))).toBe(true);
    expect(isStale(root)).toBe(false);
  });

  it('bundles the packages a source imports into the compiled file, with its types removed', () => {
    const compiled = readFileSync(path.join(root, 'dist', 'server', 'main.js'), 'utf8');
    expect(compiled).not.toMatch(/from ['"]escape-html['"]/);
    expect(compiled).toContain('&lt;');
    expect(compiled).not.toContain(': number');
  });

  it('is stale again once a source file is newer than the build', () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'server', 'main.ts'), later, later);
    expect(isStale(root)).toBe(true);
  });
});
