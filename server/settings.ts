// Reading the server's settings from the environment: each variable either becomes a typed value or a
// one-line message naming the variable, the value and what is allowed, and the server does not start.
import type { LoggerOptions } from 'pino';

/** A setting whose value cannot be used. */
export class SettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingError';
  }
}

/** The most requests per minute the rate limit may be set to. */
const MAX_RATE = 1_000_000;

/**
 * API_RATE_LIMIT: requests per client per minute on /api, a whole number from 1 (unset: no limit). "abc"
 * would silently disable the limit and 0 block every request, so both are refused.
 */
export function rateLimitSetting(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const rate = Number(value.trim());
  if (!Number.isInteger(rate) || rate < 1 || rate > MAX_RATE) {
    throw new SettingError(`API_RATE_LIMIT must be a whole number of requests per client per minute, from 1 to ${MAX_RATE} (got "${value}"); unset it for no limit`);
  }
  return rate;
}

/**
 * SEARCH_WORKER: `on` (the default) runs searches, answers, pages and exports on a worker thread with its
 * own copy of the index; `off` runs them on the main thread, in turns, holding the index once (for a
 * large corpus on a machine short of memory).
 */
export function workerSetting(value: string | undefined): boolean {
  if (value === undefined || value.trim() === '') return true;
  const chosen = value.trim().toLowerCase();
  if (chosen !== 'on' && chosen !== 'off') throw new SettingError(`SEARCH_WORKER must be on or off (got "${value}")`);
  return chosen === 'on';
}

/** PORT: a TCP port from 1 to 65535 (default 3000). */
export function portSetting(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 3000;
  const port = Number(value.trim());
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new SettingError(`PORT must be a whole number from 1 to 65535 (got "${value}")`);
  return port;
}

/**
 * The logger's options: one readable line per event on a terminal (`pino-pretty`: time, level, message,
 * and for a request its method, address, status and duration), JSON lines when the output is piped or
 * NODE_ENV is production, for a log collector. LOG_LEVEL sets the level (default info).
 */
export function loggerOptions(environment: { isTTY: boolean; nodeEnv?: string; level?: string }): LoggerOptions {
  const level = environment.level ?? 'info';
  if (!environment.isTTY || environment.nodeEnv === 'production') return { level };
  return {
    level,
    transport: {
      target: 'pino-pretty',
      options: { singleLine: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,req,res,responseTime', messageFormat: '{msg}{if req} · {req.method} {req.url} → {res.statusCode} in {responseTime} ms{end}' },
    },
  };
}
