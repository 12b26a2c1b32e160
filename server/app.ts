// The Express application. createApp builds it from its dependencies and never listens, so tests drive
// it in-process; server/main.ts listens. Every route is listed in ROUTES below.
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import * as api from './api.ts';
import { HttpError, NotFound } from './errors.ts';
import type { SearchCore } from './search/search-core.ts';

/** What the application needs. */
export interface AppDependencies {
  /** The loaded corpus and its search. */
  core: SearchCore;
  /** Absolute origin used in permalinks and citations, e.g. `https://dgsn.example.org`; by default the request's own. */
  publicUrl?: string;
  /** Where unexpected errors are reported (never to the client). */
  logError?: (error: unknown) => void;
}

type Handler = (context: { core: SearchCore; req: Request; origin: string }) => unknown;

/** Every JSON route of the API, in one table. */
export const ROUTES: Array<{ path: string; handler: Handler }> = [
  { path: '/api/health', handler: ({ core }) => api.health(core) },
  { path: '/api/search', handler: ({ core, req }) => api.search(core, req.query) },
  { path: '/api/passages', handler: ({ core, req }) => api.passageList(core, req.query) },
  { path: '/api/passages/:id', handler: ({ core, req, origin }) => api.passageDetail(core, String(req.params.id), origin) },
  { path: '/api/reports', handler: ({ core }) => api.reportList(core) },
  { path: '/api/themes', handler: ({ core }) => api.themeList(core) },
];

// The origin for absolute links: the configured public URL, else the request's own host (kept to the
// characters a host name may have, so a forged Host header cannot inject text into a citation).
function originOf(req: Request, publicUrl: string | undefined): string {
  if (publicUrl !== undefined) return publicUrl.replace(/\/+$/, '');
  const host = (req.get('host') ?? 'localhost').replace(/[^A-Za-z0-9.:[\]-]/g, '');
  return `${req.protocol}://${host}`;
}

export function createApp(deps: AppDependencies): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(helmet());
  for (const route of ROUTES) {
    app.get(route.path, (req, res) => {
      res.json(route.handler({ core: deps.core, req, origin: originOf(req, deps.publicUrl) }));
    });
  }
  app.use((req) => {
    throw new NotFound(`No page at ${req.path.slice(0, 200)}`);
  });
  // The one place errors become responses: typed errors keep their status and message; anything else is
  // a 500 with a generic message, and its details go to the log only.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = error instanceof HttpError ? error.status : typeof (error as { status?: unknown }).status === 'number' && (error as { status: number }).status < 500 ? (error as { status: number }).status : 500;
    if (status >= 500) deps.logError?.(error);
    const message = error instanceof HttpError ? error.message : status < 500 ? 'The request could not be read' : 'Something went wrong on the server';
    res.status(status).json({ error: { status, message } });
  });
  return app;
}
