// The real server as a separate process, started as `npm start` starts it, for tests of its operation.
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './corpus-server.ts';

/** A server process: its base URL, what it printed, and its exit. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exit: Promise<number | null>;
}

/** Starts the server as `npm start` does (bin/start.js, from dist/) with these environment variables, and waits until it serves, or exits. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['bin/start.js'], { cwd: repoRoot, env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  while (!output.includes('Serving on') && child.exitCode === null) await new Promise((done) => setTimeout(done, 50));
  return { child, url: `http://127.0.0.1:${env.PORT}`, output: () => output, exit };
}
