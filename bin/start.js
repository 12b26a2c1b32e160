#!/usr/bin/env node
// `npm start`: the server from the compiled JavaScript in dist/ (compiled first when missing or out of
// date), which starts several times faster than compiling TypeScript on the fly. Without a compiler
// (an install without dev dependencies) it runs the TypeScript sources through tsx instead.
import path from 'node:path';
import { compile, isStale } from './compile.js';

const root = path.resolve(import.meta.dirname, '..');
if (!isStale(root) || compile(root)) {
  await import('../dist/server/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/main.ts');
}
