// The server's settings from the environment: every value either works or stops the start with a message.
import { describe, expect, it } from 'vitest';
import { freePort } from '../../server/listen.ts';
import { loggerOptions, portSetting, rateLimitSetting, workerSetting } from '../../server/settings.ts';
import { startServerProcess } from '../support/server-process.ts';

describe('rateLimitSetting (API_RATE_LIMIT)', () => {
  it('is no limit when unset or empty', () => {
    expect(rateLimitSetting(undefined)).toBeUndefined();
    expect(rateLimitSetting('')).toBeUndefined();
  });

  it('reads a whole number of requests per minute', () => {
    expect(rateLimitSetting('120')).toBe(120);
    expect(rateLimitSetting(' 1 ')).toBe(1);
  });

  it.each(['abc', '0', '-5', '2.5', '1e9', 'Infinity'])('refuses %j, naming the variable and the value', (value) => {
    expect(() => rateLimitSetting(value)).toThrow(`API_RATE_LIMIT must be a whole number of requests per client per minute, from 1 to 1000000 (got "${value}"); unset it for no limit`);
  });
});

describe('workerSetting (SEARCH_WORKER)', () => {
  it('is on when unset, and reads on or off in any case', () => {
    expect(workerSetting(undefined)).toBe(true);
    expect(workerSetting('off')).toBe(false);
    expect(workerSetting(' ON ')).toBe(true);
  });

  it.each(['no', '0', 'false'])('refuses %j', (value) => {
    expect(() => workerSetting(value)).toThrow(`SEARCH_WORKER must be on or off (got "${value}")`);
  });
});

describe('portSetting (PORT)', () => {
  it('is 3000 when unset, and reads a port', () => {
    expect(portSetting(undefined)).toBe(3000);
    expect(portSetting('8080')).toBe(8080);
  });

  it.each(['http', '0', '70000', '80.5'])('refuses %j', (value) => {
    expect(() => portSetting(value)).toThrow(`PORT must be a whole number from 1 to 65535 (got "${value}")`);
  });
});

describe('server/main.ts with a setting it cannot use', () => {
  it('says so in one line and exits 1', async () => {
    const server = await startServerProcess({ PORT: String(await freePort()), API_RATE_LIMIT: 'abc', LOG_LEVEL: 'silent' });
    expect(await server.exit).toBe(1);
    expect(server.output().trim()).toBe('API_RATE_LIMIT must be a whole number of requests per client per minute, from 1 to 1000000 (got "abc"); unset it for no limit');
  });
});

describe('server/main.ts with SEARCH_WORKER=off', () => {
  it('starts, and answers searches without a worker thread', async () => {
    const server = await startServerProcess({ PORT: String(await freePort()), SEARCH_WORKER: 'off', LOG_LEVEL: 'silent' });
    try {
      const body = await (await fetch(`${server.url}/api/search?q=sextortion`)).json();
      expect(body.total).toBe(3);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exit).toBe(0);
    }
  });
});

describe('loggerOptions', () => {
  it('writes one readable line per event on a terminal', () => {
    expect(loggerOptions({ isTTY: true })).toMatchObject({ level: 'info', transport: { target: 'pino-pretty', options: { singleLine: true } } });
  });

  it('writes JSON lines when piped, or in production, for a log collector', () => {
    expect(loggerOptions({ isTTY: false })).toEqual({ level: 'info' });
    expect(loggerOptions({ isTTY: true, nodeEnv: 'production', level: 'warn' })).toEqual({ level: 'warn' });
  });
});
