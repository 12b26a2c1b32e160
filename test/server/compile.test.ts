// `npm start` runs the compiled JavaScript in dist/, compiled again whenever a source file is newer
// than the last build. Checked on a folder of my own, with the real compiler.
import { cpSync, existsSync, mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, isStale } from '../../bin/compile.js';
import { repoRoot } from '../support/corpus-server.ts';

// A project of one source file, with the repository's compiler settings and node_modules.
function tinyProject(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dgsn-compile-'));
  for (const folder of ['server', 'indexer', 'language', 'cli']) mkdirSync(path.join(root, folder));
  writeFileSync(path.join(root, 'server', 'main.ts'), "export const answer: number = 42;\n");
  writeFileSync(path.join(root, 'package.json'), '{ "type": "module", "devDependencies": { "typescript": "*" } }\n');
  cpSync(path.join(repoRoot, 'tsconfig.json'), path.join(root, 'tsconfig.json'));
  cpSync(path.join(repoRoot, 'tsconfig.build.json'), path.join(root, 'tsconfig.build.json'));
  writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true, allowImportingTsExtensions: true, noEmit: true, skipLibCheck: true, typeRoots: [path.join(repoRoot, 'node_modules/@types')] } }));
  // The compiler is found from the project's package.json, as in the repository.
  cpSync(path.join(repoRoot, 'node_modules', 'typescript'), path.join(root, 'node_modules', 'typescript'), { recursive: true });
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

  it('is stale again once a source file is newer than the build', () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'server', 'main.ts'), later, later);
    expect(isStale(root)).toBe(true);
  });
});
