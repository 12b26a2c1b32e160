// Serving an app on a port of this machine, for `npm start`, the tests, the evaluation and the benchmarks.
import type { Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import type express from 'express';

/** A running server: its base URL and how to stop it. */
export interface RunningServer {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

/** Listens on 127.0.0.1 (port 0: any free port) and resolves once the server accepts connections. */
export function listen(app: express.Express, port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${actual}`,
        server,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/** A port of 127.0.0.1 that is free now (for starting a server in a test or a benchmark). */
export async function freePort(): Promise<number> {
  const probe = net.createServer().listen(0, '127.0.0.1');
  await new Promise((done) => probe.once('listening', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}
