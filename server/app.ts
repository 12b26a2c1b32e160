// The Express application. createApp builds it from its dependencies and never listens, so tests drive
// it in-process; server/main.ts listens. Every route is listed in ROUTES below: each builds one plain
// object, rendered as JSON, as an HTML page, or as a download.
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Answerer } from './answer/answerer.ts';
import * as api from './api.ts';
import { HttpError, NotFound } from './errors.ts';
import { csvExport, jsonExport, markdownExport, type Download } from './exports.ts';
import * as pages from './pages.ts';
import { createRenderer, VIEWS_DIR, type Renderer } from './render.ts';
import { LiveIndex } from './live-index.ts';
import { BusyError, WorkQueue } from './work-queue.ts';
import type { SearchCore } from './search/search-core.ts';

/** What the application needs. */
export interface AppDependencies {
  /** The loaded corpus and its search, fixed for the app's life… */
  core?: SearchCore;
  /** …or an index that is replaced when a new build is written (for a running server). */
  live?: LiveIndex;
  /** Absolute origin used in permalinks and citations, e.g. `https://dgsn.example.org`; by default the request's own. */
  publicUrl?: string;
  /** Where unexpected errors are reported (never to the client). */
  logError?: (error: unknown) => void;
  /** Structured request logs; none when absent (as under test). */
  logger?: Logger;
  /** Requests allowed per client per minute on /api; no limit when absent. */
  apiRateLimit?: number;
  /** Where costly requests wait their turn (a queue of its own by default). */
  queue?: WorkQueue;
  /** Where costly requests run instead, when given: a pool of worker threads (`npm start`). */
  runner?: RouteRunner;
}

/** The longest request address accepted; longer ones get 414 (a query is at most 500 characters anyway). */
export const MAX_URL_LENGTH = 4096;

/** What a route's handler reads: the index generation, the request's parameters and the origin for links. */
export interface Context {
  core: SearchCore;
  answerer: Answerer;
  query: Request['query'];
  params: Record<string, string>;
  origin: string;
}

// `light` routes cost next to nothing and are answered at once; every other one waits its turn in the
// work queue, so that costly requests cannot hold up the rest.
export type Route =
  | { path: string; kind: 'json'; handler: (context: Context) => unknown; light?: boolean }
  | { path: string; kind: 'page'; template: string; handler: (context: Context) => Record<string, unknown> }
  | { path: string; kind: 'download'; handler: (context: Context) => Download };

const exportOf = (format: (q: string, rows: ReturnType<typeof pages.exportRows>, url: string) => Download) => ({ core, query, origin }: Context) => {
  const state = pages.readSearchState(query, core);
  return format(state.q, pages.exportRows(core, state, origin), origin + pages.searchUrl(state));
};

/** A request as a route sees it, without the connection: it can be sent to a worker thread. */
export interface RouteRequest {
  /** The route's path pattern, e.g. `/passages/:id`. */
  path: string;
  query: Request['query'];
  params: Record<string, string>;
  origin: string;
}

/** What a route gives: JSON, a rendered page or a file to download. */
export type RouteOutcome = { body: unknown } | { html: string } | { file: Download };

/** Runs costly routes somewhere other than the event loop (server/route-pool.ts). */
export interface RouteRunner {
  /** False while it cannot take requests (its worker still loading, or failed): they run here then. */
  available(): boolean;
  run(request: RouteRequest): Promise<RouteOutcome>;
}

/** A route's outcome for a request, in this thread (the work queue's job, or a worker thread's). */
export function routeOutcome(route: Route, context: Context, render: Renderer): RouteOutcome {
  if (route.kind === 'json') return { body: route.handler(context) };
  if (route.kind === 'page') return { html: render(route.template, route.handler(context)) };
  return { file: route.handler(context) };
}

/** Every route of the site and the API, in one table. */
export const ROUTES: Route[] = [
  { path: '/', kind: 'page', template: 'home', handler: ({ core }) => ({ ...pages.homePage(core), home: true }) },
  { path: '/search', kind: 'page', template: 'search', handler: ({ core, answerer, query, origin }) => pages.searchPage(core, pages.readSearchState(query, core), origin, answerer) },
  { path: '/ask', kind: 'page', template: 'ask', handler: ({ core, answerer, query, origin }) => pages.askPage(core, answerer, query, origin) },
  { path: '/search.csv', kind: 'download', handler: exportOf(csvExport) },
  { path: '/search.json', kind: 'download', handler: exportOf(jsonExport) },
  { path: '/search.md', kind: 'download', handler: exportOf(markdownExport) },
  { path: '/passages/:id', kind: 'page', template: 'passage', handler: ({ core, query, params, origin }) => pages.passagePage(core, String(params.id), query, origin) },
  { path: '/reports/:id', kind: 'page', template: 'report', handler: ({ core, query, params }) => pages.reportPage(core, String(params.id), query) },
  { path: '/api', kind: 'json', light: true, handler: ({ origin }) => api.endpoints(origin) },
  { path: '/api/health', kind: 'json', light: true, handler: ({ core }) => api.health(core) },
  { path: '/api/search', kind: 'json', handler: ({ core, query }) => api.search(core, query) },
  { path: '/api/answer', kind: 'json', handler: ({ answerer, query }) => api.answer(answerer, query) },
  { path: '/api/passages', kind: 'json', handler: ({ core, query }) => api.passageList(core, query) },
  { path: '/api/passages/:id', kind: 'json', handler: ({ core, params, origin }) => api.passageDetail(core, String(params.id), origin) },
  { path: '/api/reports', kind: 'json', light: true, handler: ({ core }) => api.reportList(core) },
  { path: '/api/themes', kind: 'json', light: true, handler: ({ core }) => api.themeList(core) },
];

// The origin for absolute links: the configured public URL; else the request's own host when it is this
// machine's loopback name, and otherwise localhost on the port the request came in on, so that a forged
// Host header cannot put another site's address into a permalink or a citation.
const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d{1,5})?$/i;

function originOf(req: Request, publicUrl: string | undefined): string {
  if (publicUrl !== undefined) return publicUrl.replace(/\/+$/, '');
  const host = req.get('host') ?? '';
  if (LOOPBACK_HOST.test(host)) return `${req.protocol}://${host.toLowerCase()}`;
  return `http://localhost:${req.socket.localPort ?? 3000}`;
}

/** The query parameters the pages read; any other is ignored, by the pages and by their cache. */
export const PAGE_PARAMETERS = ['q', 'year', 'theme', 'report', 'kind', 'sort', 'view', 'offset', 'limit'];

/** The query parameters the API reads (see params.ts); any other is ignored, by the API and its cache. */
export const API_PARAMETERS = ['q', 'year', 'theme', 'report', 'kind', 'sort', 'offset', 'limit'];

// The same costly work asked for again while it runs is shared, not done twice: it is kept in `inflight`
// by its cache key until it is done (only work whose result a cache keeps goes through here).
function shared<T>(inflight: Map<string, Promise<unknown>>, key: string, work: () => Promise<T>): Promise<T> {
  const running = inflight.get(key) as Promise<T> | undefined;
  if (running !== undefined) return running;
  const started = work().finally(() => inflight.delete(key));
  inflight.set(key, started);
  return started;
}

function cacheKey(query: Request['query'], names: string[]): string {
  return JSON.stringify(names.map((name) => query[name] ?? null));
}

function failNoCore(): never {
  throw new Error('createApp: give either core or live');
}

const wantsJson = (req: Request) => req.path.startsWith('/api/') || req.path.endsWith('.json');

const ERROR_PAGES: Record<number, { heading: string; hint: string }> = {
  414: { heading: 'This address is too long', hint: 'Shorten the search, or start a new one:' },
  400: { heading: 'This request cannot be answered', hint: 'Check the address, or start a new search:' },
  404: { heading: 'Not found', hint: 'The link may be mistyped or out of date. Search the reports instead:' },
  500: { heading: 'Something went wrong', hint: 'Please try again, or start a new search:' },
};

export function createApp(deps: AppDependencies): express.Express {
  const app = express();
  const render = createRenderer();
  const live = deps.live ?? new LiveIndex(deps.core ?? failNoCore());
  const queue = deps.queue ?? new WorkQueue();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (deps.logger !== undefined) app.use(pinoHttp({ logger: deps.logger }));
  app.use((req, _res, next) => {
    next(req.originalUrl.length > MAX_URL_LENGTH ? new HttpError(414, `The address is longer than ${MAX_URL_LENGTH} characters`) : undefined);
  });
  if (deps.apiRateLimit !== undefined) {
    app.use(
      '/api',
      rateLimit({
        windowMs: 60_000,
        limit: deps.apiRateLimit,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        handler: (_req, res) => {
          res.status(429).json({ error: { status: 429, message: `Too many requests: at most ${deps.apiRateLimit} a minute` } });
        },
      }),
    );
  }
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  app.use('/static', express.static(path.join(VIEWS_DIR, 'static'), { maxAge: '1h', index: false }));
  // Browsers ask for /favicon.ico whatever the page says: the site's icon is an SVG.
  app.get('/favicon.ico', (_req, res) => res.redirect(301, '/static/favicon.svg'));
  for (const route of ROUTES) {
    app.get(route.path, async (req, res) => {
      // One generation of the index answers the whole request, even if a new build arrives meanwhile.
      const generation = live.current;
      const { core, answerer, pages: pageCache, responses, inflight } = generation;
      const request: RouteRequest = { path: route.path, query: req.query, params: req.params as Record<string, string>, origin: originOf(req, deps.publicUrl) };
      // Costly routes run where the runner puts them: in turns of the work queue, or on a worker thread.
      const costly = () => (deps.runner?.available() === true ? deps.runner.run(request) : queue.run(() => routeOutcome(route, { core, answerer, ...request }, render)));
      // Answers change with each new build of the index: caches may keep them, but must ask again (the
      // ETag Express sets makes that cheap).
      res.set('Cache-Control', 'no-cache');
      if (route.kind === 'json' && route.light === true) {
        res.json(route.handler({ core, answerer, ...request }));
      } else if (route.kind === 'json') {
        // Kept per build, keyed like pages on the parameters the API reads; a search served from here
        // says how long that took (`tookMs`), as the search core's own cache does.
        const started = performance.now();
        const key = `${request.origin}${req.path}?${cacheKey(req.query, API_PARAMETERS)}`;
        const cached = responses.get(key);
        if (cached !== undefined) {
          const { body } = cached;
          res.json(body !== null && typeof body === 'object' && 'tookMs' in body ? { ...body, tookMs: Math.round((performance.now() - started) * 100) / 100 } : body);
          return;
        }
        const json = await shared(inflight, key, async () => {
          const { body } = (await costly()) as { body: unknown };
          // Links are relative (the server cannot know its public address) unless PUBLIC_URL says it.
          const linked = deps.publicUrl === undefined ? body : api.absoluteUrls(body, request.origin);
          const json = JSON.stringify(linked);
          if (live.current === generation) responses.set(key, { body: linked, chars: json.length });
          return json;
        });
        res.type('json').send(json);
      } else if (route.kind === 'page') {
        // Keyed on the parameters pages read, so unknown ones ("&j=1", "&j=2"…) add no entries.
        const key = `${request.origin}${req.path}?${cacheKey(req.query, PAGE_PARAMETERS)}`;
        let html = pageCache.get(key);
        html ??= await shared(inflight, key, async () => {
          const rendered = ((await costly()) as { html: string }).html;
          // A page rendered from a build that has since been replaced is not kept for the new one.
          if (live.current === generation) pageCache.set(key, rendered);
          return rendered;
        });
        res.type('html').send(html);
      } else {
        const { file } = (await costly()) as { file: Download };
        res.type(file.contentType).attachment(file.filename).send(file.body);
      }
    });
  }
  // The routes answer GET (and HEAD) only; any other method there is told which are allowed.
  for (const route of ROUTES) {
    app.all(route.path, (req, res) => {
      res.set('Allow', 'GET, HEAD');
      throw new HttpError(405, `${req.method} is not allowed here; use GET`);
    });
  }
  app.use((req) => {
    throw new NotFound(`No page at ${req.path.slice(0, 200)}`);
  });
  // The one place errors become responses: typed errors keep their status and message; anything else is
  // a 500 with a generic message, and its details go to the log only.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const given = (error as { status?: unknown }).status;
    const status = error instanceof HttpError ? error.status : typeof given === 'number' && given >= 400 && given < 500 ? given : 500;
    if (status >= 500) deps.logError?.(error);
    const message = error instanceof HttpError ? error.message : status < 500 ? 'The request could not be read' : 'Something went wrong on the server';
    // An error is never to be kept by a cache.
    res.set('Cache-Control', 'no-store');
    if (error instanceof BusyError) res.set('Retry-After', '1');
    if (wantsJson(req)) {
      res.status(status).json({ error: { status, message } });
      return;
    }
    const page = ERROR_PAGES[status] ?? ERROR_PAGES[status < 500 ? 400 : 500]!;
    res.status(status).type('html').send(render('error', { title: page.heading, heading: page.heading, hint: page.hint, message, home: true }));
  });
  return app;
}
