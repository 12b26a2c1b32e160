#!/usr/bin/env node
// The `dgsn` command: runs the TypeScript CLI through tsx's loader (no separate build step).
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`dgsn export | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { run } = await import('../cli/main.ts');
await run(process.argv.slice(2));
