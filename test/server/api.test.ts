// The JSON API of shared/API.md, over HTTP against the real server and the real corpus.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/listen.ts';
import { startRealServer } from '../support/corpus-server.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startRealServer();
});

afterAll(async () => {
  await server.close();
});

async function get(path: string): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(server.url + path);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function expectError(path: string, status: number, message: string | RegExp): Promise<void> {
  const { status: actual, body } = await get(path);
  expect(actual).toBe(status);
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.status).toBe(status);
  if (typeof message === 'string') expect(body.error.message).toBe(message);
  else expect(body.error.message).toMatch(message);
}

describe('GET /api', () => {
  it('lists every endpoint with a working example address', async () => {
    const { status, body } = await get('/api');
    expect(status).toBe(200);
    expect(body.endpoints.map((endpoint: { path: string }) => endpoint.path)).toEqual(['/api/health', '/api/search?q=…', '/api/answer?q=…', '/api/passages', '/api/passages/:id', '/api/reports', '/api/themes']);
    for (const endpoint of body.endpoints as Array<{ url: string }>) expect((await fetch(endpoint.url)).status, endpoint.url).toBe(200);
  });
});

describe('GET /api/health', () => {
  it('says the index is ready, with its size', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', reports: 5, passages: 310 });
  });
});

describe('GET /api/search', () => {
  it('returns the documented shape', async () => {
    const { status, body } = await get('/api/search?q=sextortion');
    expect(status).toBe(200);
    expect(body).toMatchObject({ query: 'sextortion', total: 3 });
    expect(typeof body.tookMs).toBe('number');
    expect(body.facets.year).toEqual({ 2020: 1, 2023: 1, 2024: 1, 2025: 0 });
    expect(body.facets.kind).toEqual({ 'annual-report': 3, 'press-article': 0 });
    const [first] = body.results;
    for (const field of ['id', 'year', 'report', 'section', 'themes', 'text', 'snippetHtml', 'score', 'url']) expect(first).toHaveProperty(field);
    expect(first.report).toEqual({ id: 'dgsn-2023', title: 'National Security Services Report for 2023', kind: 'annual-report', translation: null });
    expect(first.url).toBe(`/passages/${first.id}`);
  });

  it('bridges the years: sextortion finds the 2020 "sexual extortion via the Internet"', async () => {
    const { body } = await get('/api/search?q=sextortion');
    expect(body.results.map((r: any) => r.year).sort()).toEqual([2020, 2023, 2024]);
    const of2020 = body.results.find((r: any) => r.year === 2020);
    expect(of2020.snippetHtml).toContain('<mark>sexual extortion via the Internet</mark>');
    expect(body.parsed.synonyms).toContain('sexual extortion via the internet');
  });

  it('ranks exact matches above thesaurus matches', async () => {
    const { body } = await get('/api/search?q=sextortion');
    expect(body.results.at(-1).year).toBe(2020);
  });

  it('tolerates a typo and says which word it read', async () => {
    const { body } = await get('/api/search?q=sextortoin');
    expect(body.parsed.corrections).toEqual([{ from: 'sextortoin', to: 'sextortion' }]);
    expect(body.results.map((r: any) => r.year).sort()).toEqual([2020, 2023, 2024]);
  });

  it('reads the French "sextorsion" as French, with its English wordings', async () => {
    const { body } = await get('/api/search?q=sextorsion');
    expect(body.parsed.corrections).toEqual([]);
    expect(body.parsed.synonyms).toContain('sextortion');
    expect(body.results.map((r: any) => r.year).sort()).toEqual([2020, 2023, 2024]);
  });

  it('says which related words of general English it searched too', async () => {
    const { body } = await get('/api/search?q=homicides');
    expect(body.parsed.related).toContain('murders');
  });

  it('finds the 2024 "cannabis resin" for "hashish seizures"', async () => {
    const { body } = await get('/api/search?q=hashish%20seizures&limit=5');
    expect(body.results.some((r: any) => r.year === 2024 && r.text.includes('cannabis resin'))).toBe(true);
  });

  it('applies year, theme and report filters, and counts facets under the other filters', async () => {
    const { body } = await get('/api/search?q=cocaine&year=2024');
    expect(body.results.every((r: any) => r.year === 2024)).toBe(true);
    expect(Object.keys(body.facets.year).length).toBeGreaterThan(1);
    const byReport = await get('/api/search?q=cocaine&report=dgsn-2020&report=dgsn-2023');
    expect(new Set(byReport.body.results.map((r: any) => r.report.id))).toEqual(new Set(['dgsn-2020', 'dgsn-2023']));
    const byTheme = await get('/api/search?q=police&theme=welfare');
    expect(byTheme.body.results.every((r: any) => r.themes.includes('welfare'))).toBe(true);
  });

  it('pages with limit and offset over the same total', async () => {
    const first = await get('/api/search?q=police&limit=3');
    const second = await get('/api/search?q=police&limit=3&offset=3');
    expect(first.body.results).toHaveLength(3);
    expect(second.body.total).toBe(first.body.total);
    expect(second.body.results[0].id).not.toBe(first.body.results[0].id);
  });

  it('sorts by year when asked', async () => {
    const { body } = await get('/api/search?q=traffic%20accidents&sort=year-asc&limit=50');
    const years = body.results.map((r: any) => r.year);
    expect(years).toEqual([...years].sort((a: number, b: number) => a - b));
  });

  describe.each([
    ['only stop words', 'the of and'],
    ['only punctuation', '?!.,;'],
    ['emoji', '🚓👮'],
    ['right-to-left text', 'الأمن الوطني'],
    ['markup', '<script>alert(1)</script>'],
    ['an attribute injection', '"><img src=x onerror=alert(1)>'],
  ])('when the query is %s', (_, q) => {
    it('answers 200 with a well-formed result and no unescaped markup', async () => {
      const { status, body } = await get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      expect(body.query).toBe(q);
      expect(Array.isArray(body.results)).toBe(true);
      for (const result of body.results) expect(result.snippetHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    });
  });

  describe('bad parameters', () => {
    it.each([
      ['/api/search', 'q is required: the text to search for'],
      ['/api/search?q=', 'q is required: the text to search for'],
      ['/api/search?q=%20%20', 'q is required: the text to search for'],
      [`/api/search?q=${'a'.repeat(501)}`, 'q must be at most 500 characters (got 501)'],
      ['/api/search?q=a&q=b', 'q must be given once'],
      ['/api/search?q=police&limit=0', 'limit must be a whole number from 1 to 100 (got "0")'],
      ['/api/search?q=police&limit=101', 'limit must be a whole number from 1 to 100 (got "101")'],
      ['/api/search?q=police&limit=ten', 'limit must be a whole number from 1 to 100 (got "ten")'],
      ['/api/search?q=police&offset=-1', 'offset must be a whole number from 0 to 10000 (got "-1")'],
      ['/api/search?q=police&offset=10001', 'offset must be a whole number from 0 to 10000 (got "10001")'],
      ['/api/search?q=police&year=2021', 'year must be one of 2020, 2023, 2024, 2025 (got "2021")'],
      ['/api/search?q=police&year=last', 'year must be one of 2020, 2023, 2024, 2025 (got "last")'],
      ['/api/search?q=police&report=dgsn-1999', 'report must be one of dgsn-2020, dgsn-2023, dgsn-2024, dgsn-2025-press, dgsn-2024-press (got "dgsn-1999")'],
      ['/api/search?q=police&sort=date', 'sort must be one of relevance, year-asc, year-desc (got "date")'],
      ['/api/search?q[a]=b', 'q is required: the text to search for'],
    ])('%s → 400 %s', async (path, message) => {
      await expectError(path, 400, message);
    });

    it('names every allowed theme for an unknown theme', async () => {
      await expectError('/api/search?q=police&theme=weather', 400, /^theme must be one of crime, drugs, cybercrime, .*future-projects \(got "weather"\)$/);
    });
  });
});

describe('GET /api/passages/:id', () => {
  it('returns the passage with its neighbours and a citation', async () => {
    const { status, body } = await get('/api/passages/dgsn-2023-p050');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'dgsn-2023-p050', year: 2023, previousId: 'dgsn-2023-p049', nextId: 'dgsn-2023-p051' });
    expect(body).not.toHaveProperty('score');
    expect(body).not.toHaveProperty('snippetHtml');
    expect(body.citation).toMatch(/^“In sextortion cases, .*” — General Directorate of National Security \(DGSN\), National Security Services Report for 2023 \(2023\), section “1\. Crime Prevention: .*”, paragraph 50\. http:\/\/127\.0\.0\.1:\d+\/passages\/dgsn-2023-p050$/);
  });

  it('has no previous passage at the start of a report and no next at its end', async () => {
    expect((await get('/api/passages/dgsn-2020-p001')).body.previousId).toBeNull();
    expect((await get('/api/passages/dgsn-2020-p065')).body.nextId).toBeNull();
  });

  it.each([
    ['an unknown id', '/api/passages/dgsn-2023-p999', 'No passage has the id "dgsn-2023-p999"'],
    ['a malformed id', '/api/passages/..%2F..%2Fetc%2Fpasswd', 'No passage has the id "../../etc/passwd"'],
    ['markup as id', '/api/passages/%3Cscript%3E', 'No passage has the id "<script>"'],
  ])('answers 404 for %s', async (_, path, message) => {
    await expectError(path, 404, message);
  });
});

describe('GET /api/passages', () => {
  it('lists every passage in report order, 100 by default', async () => {
    const { body } = await get('/api/passages');
    expect(body.total).toBe(310);
    expect(body.passages).toHaveLength(100);
    expect(body.passages[0].id).toBe('dgsn-2020-p001');
  });

  it('filters like search and pages', async () => {
    const { body } = await get('/api/passages?year=2024&theme=drugs&limit=1000');
    expect(body.passages.every((p: any) => p.year === 2024 && p.themes.includes('drugs'))).toBe(true);
    expect(body.total).toBe(body.passages.length);
    const page = await get('/api/passages?limit=2&offset=308');
    expect(page.body.passages.map((p: any) => p.id)).toEqual(['dgsn-2024-press-p011', 'dgsn-2024-press-p012']);
  });

  it.each([
    ['/api/passages?limit=1001', 'limit must be a whole number from 1 to 1000 (got "1001")'],
    ['/api/passages?year=1999', 'year must be one of 2020, 2023, 2024, 2025 (got "1999")'],
  ])('%s → 400', async (path, message) => {
    await expectError(path, 400, message);
  });
});

describe('GET /api/reports and /api/themes', () => {
  it('lists the reports with their counts', async () => {
    const { body } = await get('/api/reports');
    expect(body.reports.map((r: any) => [r.id, r.year, r.kind])).toEqual([
      ['dgsn-2020', 2020, 'annual-report'],
      ['dgsn-2023', 2023, 'annual-report'],
      ['dgsn-2024', 2024, 'annual-report'],
      ['dgsn-2025-press', 2025, 'press-article'],
      ['dgsn-2024-press', 2024, 'press-article'],
    ]);
    for (const report of body.reports) expect(report.passages).toBeGreaterThan(0);
  });

  it('lists the 18 themes with passage counts', async () => {
    const { body } = await get('/api/themes');
    expect(body.themes).toHaveLength(18);
    expect(body.themes[0]).toMatchObject({ slug: 'crime', label: 'Crime and public security' });
  });
});

describe('any other path', () => {
  it('answers a JSON 404 and never a stack trace', async () => {
    await expectError('/api/nothing', 404, 'No page at /api/nothing');
  });

  it('sends security headers and no X-Powered-By', async () => {
    const { headers } = await get('/api/health');
    expect(headers.get('x-powered-by')).toBeNull();
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});

describe('GET /api/answer', () => {
  it('answers with the figure, its verbatim sentence, the passage and a confidence', async () => {
    const { status, body } = await get('/api/answer?q=' + encodeURIComponent('How many police officers were promoted in 2024?'));
    expect(status).toBe(200);
    expect(body.question).toBe('How many police officers were promoted in 2024?');
    expect(body.answer.text).toBe('7,513 police officers');
    expect(body.answer.passage.text).toContain(body.answer.sentence);
    expect(body.answer.sentenceHtml).toContain('<mark>7,513 police officers</mark>');
    expect(body.answer.passage).toMatchObject({ year: 2024, report: { id: 'dgsn-2024' }, url: expect.stringMatching(/^\/passages\/dgsn-2024-p\d{3}$/) });
    expect(body.answer.confidence).toBeGreaterThan(0);
    expect(body.answer.confidence).toBeLessThanOrEqual(1);
    expect(body.reason).toBeNull();
    expect(body.passages.length).toBeGreaterThan(0);
  });

  it('declines a year no report covers and says which years are covered', async () => {
    const { body } = await get('/api/answer?q=' + encodeURIComponent('How many police officers were promoted in 2019?'));
    expect(body.answer).toBeNull();
    expect(body.reason).toBe('The reports cover 2020, 2023, 2024 and 2025. None of them gives this for 2019. The reports do give it for 2023 and 2024: ask about those years.');
  });

  it('declines a topic the reports never mention', async () => {
    const { body } = await get('/api/answer?q=' + encodeURIComponent('How many submarines does the police operate?'));
    expect(body.answer).toBeNull();
    expect(body.reason).toBe('The reports never mention “submarines”.');
  });

  it('gives one row per year for a question over several years', async () => {
    const { body } = await get('/api/answer?q=' + encodeURIComponent('How many traffic accidents were recorded between 2023 and 2024?'));
    expect(body.byYear.map((row: any) => [row.year, row.answer?.text])).toEqual([
      [2023, '85,475 physical traffic accidents'],
      [2024, '96,810 bodily injury accidents'],
    ]);
  });

  describe.each([
    ['not a question', 'sextortion'],
    ['only common words', 'how many of the?'],
    ['markup', '<script>alert(1)</script>?'],
    ['emoji and right-to-left text', 'كم عدد 🚓؟'],
  ])('when the question is %s', (_, q) => {
    it('declines with a reason, never a 500', async () => {
      const { status, body } = await get('/api/answer?q=' + encodeURIComponent(q));
      expect(status).toBe(200);
      expect(body.answer).toBeNull();
      expect(typeof body.reason).toBe('string');
    });
  });

  it.each([
    ['/api/answer', 'q is required: the text to search for'],
    ['/api/answer?q=%20', 'q is required: the text to search for'],
    [`/api/answer?q=${encodeURIComponent(`${'why '.repeat(125)}what`)}`, 'q must be at most 500 characters (got 504)'],
  ])('%s → 400', async (path, message) => {
    await expectError(path, 400, message);
  });
});

describe('methods other than GET', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s on a route gets 405 with the methods allowed', async (method) => {
    const response = await fetch(`${server.url}/api/search?q=police`, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await response.json()).toEqual({ error: { status: 405, message: `${method} is not allowed here; use GET` } });
  });

  it('POST to an unknown address is still a 404', async () => {
    expect((await fetch(`${server.url}/api/nothing`, { method: 'POST' })).status).toBe(404);
  });
});

describe('caching', () => {
  it('lets caches keep answers only if they ask again, and keep no error', async () => {
    expect((await get('/api/search?q=police')).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${server.url}/search?q=police`)).headers.get('cache-control')).toBe('no-cache');
    expect((await get('/api/passages/dgsn-2023-p999')).headers.get('cache-control')).toBe('no-store');
  });
});

describe('permalinks without PUBLIC_URL', () => {
  /** GET with a Host header of our choosing (fetch does not let one set it). */
  function getWithHost(path: string, host: string): Promise<any> {
    const url = new URL(server.url + path);
    return new Promise((resolve, reject) => {
      const request = http.get({ hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers: { host } }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve(JSON.parse(body)));
      });
      request.on('error', reject);
    });
  }

  it('use the loopback host a request names', async () => {
    const body = await getWithHost('/api/passages/dgsn-2023-p001', `127.0.0.1:${new URL(server.url).port}`);
    expect(body.citation).toContain(`http://127.0.0.1:${new URL(server.url).port}/passages/dgsn-2023-p001`);
  });

  it('never take another site’s name from a forged Host header', async () => {
    const body = await getWithHost('/api/passages/dgsn-2023-p001', 'evil.example');
    expect(body.citation).not.toContain('evil.example');
    expect(body.citation).toContain(`http://localhost:${new URL(server.url).port}/passages/dgsn-2023-p001`);
  });
});

describe('links with PUBLIC_URL', () => {
  let public_: RunningServer;
  beforeAll(async () => {
    public_ = await startRealServer({ publicUrl: 'https://dgsn.example.org/' });
  });
  afterAll(async () => {
    await public_.close();
  });
  const getPublic = async (path: string) => (await fetch(public_.url + path)).json() as Promise<any>;

  it('are absolute in search results, answers and passage lists, so a client can store them', async () => {
    expect((await getPublic('/api/search?q=sextortion')).results[0].url).toMatch(/^https:\/\/dgsn\.example\.org\/passages\/dgsn-\d{4}-p\d{3}$/);
    expect((await getPublic('/api/answer?q=How%20many%20emergency%20calls%20were%20handled%20in%202023%3F')).answer.passage.url).toMatch(/^https:\/\/dgsn\.example\.org\/passages\//);
    expect((await getPublic('/api/passages?report=dgsn-2023&limit=1')).passages[0].url).toBe('https://dgsn.example.org/passages/dgsn-2023-p001');
  });

  it('stay relative without it (the server cannot know its public address)', async () => {
    expect((await get('/api/search?q=sextortion')).body.results[0].url).toMatch(/^\/passages\//);
  });
});

describe('GET /api/search?kind=…', () => {
  it('keeps only passages of that kind of source and counts each kind', async () => {
    const { body } = await get('/api/search?q=police&kind=press-article');
    expect(body.total).toBeGreaterThan(0);
    expect(body.results.every((result: any) => result.report.kind === 'press-article')).toBe(true);
    expect(body.facets.kind['press-article']).toBe(body.total);
    expect(body.facets.kind['annual-report']).toBeGreaterThan(body.total);
  });

  it('answers 400 for a kind that does not exist', async () => {
    await expectError('/api/search?q=police&kind=blog', 400, 'kind must be one of annual-report, press-article (got "blog")');
  });
});

describe('GET /api/answer gives the figure as a number, with its unit and kind', () => {
  it.each([
    ['How many emergency calls were handled in 2023?', 19_722_041, null, 'count'],
    ['How much hashish was seized in 2020?', 217.323, 'tons', 'amount'],
    ['What was the crime clearance rate in 2024?', 95, '%', 'percentage'],
  ])('%s', async (q, value, unit, kind) => {
    const { body } = await get(`/api/answer?q=${encodeURIComponent(q)}`);
    expect(body.answer).toMatchObject({ value, unit, kind });
  });
});
