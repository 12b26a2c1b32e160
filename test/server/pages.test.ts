// The web pages and downloads over HTTP against the real server and the real corpus: each page, its
// bad inputs, and the escaping of everything a user can send.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/listen.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, startRealServer } from '../support/corpus-server.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startRealServer();
});

afterAll(async () => {
  await server.close();
});

async function page(path: string): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(server.url + path);
  // Handlebars writes "=" as &#x3D; inside attributes; browsers read both alike.
  return { status: response.status, html: (await response.text()).replaceAll('&#x3D;', '='), headers: response.headers };
}

const EVIL = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];

/** No script but the site's own file, no inline handler or style, no injected element. */
function expectNoInjectedMarkup(page: string): void {
  // Quoted attribute values are text (escaped by the templates); only the markup around them can inject.
  const html = page.replace(/"[^"]*"/g, '""');
  expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script src="" defer>']);
  expect(html).not.toMatch(/<img\b/);
  expect(html).not.toMatch(/<[^>]*\sonerror=/);
  expect(html).not.toMatch(/<[^>]*\sstyle=/);
}

describe('GET /', () => {
  it('shows the search box, examples, the reports by year and the themes', async () => {
    const { status, html } = await page('/');
    expect(status).toBe(200);
    expect(html).toContain('<form class="search-form search-form-large" action="/search" method="get" role="search">');
    expect(html).toContain('href="/search?q=sextortion"');
    expect(html).toContain('href="/ask?q=How%20many%20emergency%20calls%20were%20handled%20in%202023%3F"');
    const years = [...html.matchAll(/<tr><td>(\d{4})<\/td>/g)].map((m) => m[1]);
    expect(years).toEqual(['2020', '2023', '2024', '2024', '2025']);
    expect(html).toContain('href="/search?q=theme%3Acybercrime"');
    expectNoInjectedMarkup(html);
  });
});

describe('GET /search', () => {
  it('shows the hits across years, newest first, with the chart, facets and links', async () => {
    const { status, html } = await page('/search?q=sextortion');
    expect(status).toBe(200);
    expect([...html.matchAll(/<h2 id="year-(\d{4})"/g)].map((m) => m[1])).toEqual(['2024', '2023', '2020']);
    expect(html).toContain('<svg class="year-chart"');
    // The share of each year's passages, official reports and press apart, on a true year axis.
    expect(html).toContain(
      '<desc id="chart-desc">2020 official report: 1.5% (1 of 65 passages); 2021: no source; 2022: no source; 2023 official report: 0.6% (1 of 159 passages); 2024 official report: 1.7% (1 of 60 passages); 2024 press: 0% (0 of 12 passages); 2025 press: 0% (0 of 14 passages)</desc>',
    );
    expect(html).toContain('<mark>sextortion</mark>');
    expect(html).toContain('Synonyms used: <span class="synonym">sexual extortion</span>');
    expect(html).toMatch(/href="\/reports\/dgsn-2023\?q=sextortion#dgsn-2023-p\d{3}">Read in report<\/a>/);
    expect(html).toMatch(/href="\/passages\/dgsn-2023-p\d{3}\?q=sextortion#cite">Cite<\/a>/);
    expect(html).toContain('href="/search.csv?q=sextortion"');
  });

  it('offers the kind of source as a facet, and filters by it with a chip to remove', async () => {
    const { html } = await page('/search?q=police');
    expect(html).toMatch(/<h3 id="facet-kind">Source<\/h3>/);
    expect(html).toMatch(/<a href="\/search\?q=police&amp;kind=press-article" class="facet">Press articles<\/a> <span class="count">\d+<\/span>/);
    const filtered = (await page('/search?q=police&kind=press-article&view=list')).html;
    const hits = filtered.split('<article class="hit"').slice(1);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit).toContain('<span class="source-tag press">Press article</span>');
    expect(filtered).toContain('aria-label="Remove filter Source: Press articles"');
  });

  it('labels a machine translation as one, on the hit, the passage page and the reader, and in its citation', async () => {
    const hit = (await page('/search?q=sextortion')).html.split('<article class="hit"').find((part) => part.includes('>2020</span>'))!;
    expect(hit).toContain('<span class="source-tag">Official report</span> <span class="source-tag translation">Machine translation</span>');
    const passage = (await page('/passages/dgsn-2020-p013')).html;
    expect(passage).toContain('<span class="source-tag translation">Machine translation</span>');
    expect(passage).toMatch(/<pre id="citation-plain"[^>]*>“[^<]*” — [^<]*\(2020\), machine translation, paragraph 13\./);
    expect((await page('/reports/dgsn-2020')).html).toContain('<span class="source-tag translation">Machine translation</span>');
    expect((await page('/reports/dgsn-2023')).html).not.toContain('source-tag translation');
  });

  it('gives each hit its citation to copy in place', async () => {
    const { html } = await page('/search?q=sextortion');
    expect(html).toMatch(/<button type="button" class="copy copy-cite" data-citation="“[^"]*sextortion[^"]*” — [^"]*paragraph \d+\. http:\/\/127\.0\.0\.1:\d+\/passages\/dgsn-\d{4}-p\d{3}" hidden>Copy citation<\/button>/);
  });

  it('does not show the server time on the page (a cached page would show a stale one)', async () => {
    expect((await page('/search?q=sextortion')).html).not.toMatch(/\d ms</);
  });

  it('numbers the pages with the first, the last and the nearest, and an ellipsis where pages are skipped', async () => {
    const { html } = await page('/search?q=police&view=list&offset=80');
    const nav = html.slice(html.indexOf('<nav class="pagination"'), html.indexOf('</nav>', html.indexOf('<nav class="pagination"')));
    const items = [...nav.matchAll(/<a href="[^"]*">(\d+)<\/a>|<span aria-current="page" class="current">(\d+)<\/span>|<span class="gap" aria-hidden="true">…<\/span>/g)].map((m) => m[1] ?? (m[2] === undefined ? '…' : `[${m[2]}]`));
    expect(items.slice(0, 9)).toEqual(['1', '…', '6', '7', '8', '[9]', '10', '11', '12']);
    // The list of page 9 numbers its hits from 81.
    expect(html).toContain('<ol class="hits" start="81">');
    expect(items.at(-2)).toBe('…');
  });

  describe('when nothing matches', () => {
    it('shows no facets or exports, but example searches', async () => {
      const { html } = await page('/search?q=xylophone');
      expect(html).toContain('No passage matches');
      expect(html).not.toContain('class="sidebar"');
      expect(html).not.toContain('/search.csv');
      expect(html).toContain('href="/search?q=sextortion"');
    });

    it('offers each word that finds something on its own, with its count', async () => {
      const { html } = await page('/search?q=%22sextortion+xylophone%22');
      expect(html).toContain('No passage matches');
      expect(html).toContain('<li><a href="/search?q=sextortion">sextortion</a> <span class="count">3 passages</span></li>');
      expect(html).not.toContain('>xylophone</a>');
    });

    it('offers the search without its filters when they are what excluded everything', async () => {
      const { html } = await page('/search?q=sextortion+year%3A2025');
      expect(html).toContain('No passage matches');
      expect(html).not.toContain('class="year-section"');
      expect(html).toMatch(/Without the filters, <a href="\/search\?q=sextortion">3 passages match<\/a>/);
    });
  });

  it('will not send an empty search: the box is required', async () => {
    expect((await page('/')).html).toMatch(/<input id="q" name="q" type="search" value="" maxlength="500" required/);
  });

  it('labels every hit with its kind of source, so press coverage never passes for an official report', async () => {
    const { html } = await page('/search?q=sextortion');
    const hits = html.split('<article class="hit"').slice(1);
    expect(hits.length).toBeGreaterThan(1);
    for (const hit of hits) expect(hit).toMatch(/<span class="source-tag( press)?">(Official report|Press article)<\/span>/);
    expect((await page('/search?q=E-Police')).html).toContain('<span class="source-tag press">Press article</span>');
    expect(html).toContain('<span class="source-tag">Official report</span>');
  });

  it('offers the answer when the search box was given a question', async () => {
    const { html } = await page('/search?q=' + encodeURIComponent('How much cocaine was seized in 2024?'));
    expect(html).toContain('<a href="/ask?q=How%20much%20cocaine%20was%20seized%20in%202024%3F">Get the answer with its source →</a>');
    expect((await page('/search?q=cocaine')).html).not.toContain('Get the answer');
  });

  it('shows a ranked list with pagination when asked', async () => {
    const { html } = await page('/search?q=police&view=list');
    expect(html.match(/<article class="hit"/g)).toHaveLength(10);
    expect(html).toContain('rel="next"');
    expect(html).toContain('<span aria-current="page" class="current">1</span>');
  });

  it('shows active filters as chips that remove them', async () => {
    const { html } = await page('/search?q=cocaine&year=2024&theme=drugs');
    expect(html).toContain('<a class="chip" href="/search?q=cocaine&amp;theme=drugs" aria-label="Remove filter Year 2024">');
    expect(html).toContain('aria-label="Remove filter Theme: Drugs"');
  });

  it('echoes a spelling correction and offers "did you mean" when nothing matches', async () => {
    expect((await page('/search?q=sextortoin')).html).toContain('Showing results for <strong>sextortion</strong> (you typed “sextortoin”)');
    expect((await page('/search?q="sextortoin%20cases"')).html).toContain('Did you mean <a href="/search?q=%22sextortion+cases%22">&quot;sextortion cases&quot;</a>?');
  });

  it('lists the related words it searched too', async () => {
    expect((await page('/search?q=homicides')).html).toMatch(/Related words also searched: .*<span class="synonym">murders<\/span>/);
  });

  it.each([
    ['/search', 400, 'q is required: the text to search for'],
    ['/search?q=', 400, 'q is required: the text to search for'],
    ['/search?q=police&year=2021', 400, 'year must be one of 2020, 2023, 2024, 2025 (got &quot;2021&quot;)'],
    ['/search?q=police&view=grid', 400, 'view must be one of years, list (got &quot;grid&quot;)'],
    ['/search?q=police&offset=-3', 400, 'offset must be a whole number from 0 to 10000 (got &quot;-3&quot;)'],
  ])('%s answers a %i page that explains what was wrong', async (path, status, message) => {
    const { status: actual, html } = await page(path);
    expect(actual).toBe(status);
    expect(html).toContain('<h1 id="error-title">This request cannot be answered</h1>');
    expect(html).toContain(`<p class="lede">${message}</p>`);
    expect(html).toContain('role="search"');
  });

  describe.each(EVIL)('when the query or a filter holds %s', (evil) => {
    it('escapes it everywhere', async () => {
      for (const path of [`/search?q=${encodeURIComponent(evil)}`, `/search?q=police&theme=${encodeURIComponent(evil)}`, `/search?q=police&report=${encodeURIComponent(evil)}`]) {
        expectNoInjectedMarkup((await page(path)).html);
      }
    });
  });
});

describe('GET /passages/:id', () => {
  it('shows the passage highlighted, its neighbours and three citations', async () => {
    const { status, html } = await page('/passages/dgsn-2023-p050?q=sextortion');
    expect(status).toBe(200);
    expect(html).toContain('<blockquote class="passage-text"');
    expect(html).toContain('In <mark>sextortion</mark> cases');
    expect(html).toContain('Previous paragraph (49)');
    expect(html).toContain('Next paragraph (51)');
    expect(html).toMatch(/<pre id="citation-plain"[^>]*>“In sextortion cases, .*paragraph 50\. http:\/\/127\.0\.0\.1:\d+\/passages\/dgsn-2023-p050<\/pre>/);
    expect(html).toContain('<pre id="citation-markdown" aria-labelledby="cite-markdown">&gt; In sextortion cases');
    expect(html).toContain('@misc{dgsn2023p050,');
    expectNoInjectedMarkup(html);
  });

  it('shows the quote once: the citations, each holding it, are folded away behind their copy buttons', async () => {
    const { html } = await page('/passages/dgsn-2023-p050');
    const open = html.replace(/<details class="citations">[\s\S]*?<\/details>/, '');
    expect(open.match(/National Security services recorded 508 incidents/g)).toHaveLength(1);
    expect(html).toMatch(/<button type="button" class="copy" data-copy="citation-markdown" hidden>Markdown<\/button>/);
  });

  it('links to the same topic in other years, the best passage of each', async () => {
    const { html } = await page('/passages/dgsn-2023-p050');
    const section = html.slice(html.indexOf('Same topic in other years'));
    expect(section).toContain('href="/passages/dgsn-2024-p023"');
    expect(section).not.toMatch(/href="\/passages\/dgsn-2023-/);
    const years = [...section.matchAll(/<span class="year-tag">(\d{4})<\/span>/g)].map((m) => m[1]);
    expect(new Set(years).size).toBe(years.length);
  });

  it.each(['/passages/dgsn-2023-p999', '/passages/nothing', `/passages/${encodeURIComponent(EVIL[1]!)}`])('%s answers a real 404 page with a way back', async (path) => {
    const { status, html } = await page(path);
    expect(status).toBe(404);
    expect(html).toContain('<h1 id="error-title">Not found</h1>');
    expect(html).toContain('<a href="/">Back to the home page</a>');
    expectNoInjectedMarkup(html);
  });
});

describe('GET /reports/:id', () => {
  it('opens with a table of contents linking to every section heading', async () => {
    const { html } = await page('/reports/dgsn-2023');
    const anchors = [...html.matchAll(/<li class="toc-level-\d"><a href="#(dgsn-2023-s\d+)">/g)].map((match) => match[1]!);
    const headings = [...html.matchAll(/<h2 class="reader-heading level-\d" id="(dgsn-2023-s\d+)">/g)].map((match) => match[1]!);
    expect(anchors.length).toBeGreaterThan(5);
    expect(anchors).toEqual(headings);
  });

  it("keeps the collector's note on the source file off the page (it stays in the manifest)", async () => {
    expect((await page('/reports/dgsn-2023')).html).not.toContain('original file');
  });

  it('shows the whole report with headings, numbered anchored passages and highlighted words', async () => {
    const { status, html } = await page('/reports/dgsn-2024?q=drones');
    expect(status).toBe(200);
    expect(html.match(/<section class="reader-passage" id="dgsn-2024-p\d{3}"/g)).toHaveLength(60);
    expect(html).toMatch(/<h2 class="reader-heading level-2" id="dgsn-2024-s\d+">Crime-fighting Statistics: Clearance Rates Climb as Violent Crime Indicators Show Decline<\/h2>/);
    expect(html).toContain('<mark>drones</mark>');
    expect(html).toContain('¶ 1</a>');
  });

  it('escapes a hostile query', async () => {
    expectNoInjectedMarkup((await page(`/reports/dgsn-2023?q=${encodeURIComponent(EVIL[1]!)}`)).html);
  });

  it('answers 404 for an unknown report', async () => {
    const { status, html } = await page('/reports/dgsn-1999');
    expect(status).toBe(404);
    expect(html).toContain('No report has the id &quot;dgsn-1999&quot;');
  });
});

describe('exports', () => {
  it('downloads every matching passage as CSV with correct quoting', async () => {
    const response = await fetch(`${server.url}/search.csv?q=police&limit=5`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename=dgsn-search-police.csv');
    const rows = parse(await response.text(), { columns: true }) as Array<Record<string, string>>;
    const total = (await (await fetch(`${server.url}/api/search?q=police`)).json()).total;
    expect(rows).toHaveLength(total);
    expect(rows.some((row) => (row.text ?? '').includes('"') || (row.text ?? '').includes(','))).toBe(true);
    expect(rows[0]!.permalink).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/passages\/dgsn-/);
  });

  it('gives each CSV row its kind of source, paragraph number and place in the source file', async () => {
    const rows = parse(await (await fetch(`${server.url}/search.csv?q=sextortion`)).text(), { columns: true }) as Array<Record<string, string>>;
    const row = rows.find((r) => r.year === '2023')!;
    const passage = await (await fetch(`${server.url}/api/passages/${row.id}`)).json();
    expect(row).toMatchObject({ kind: 'annual-report', paragraph: String(passage.ordinal), start: String(passage.start), end: String(passage.end), file: passage.file });
    expect(readFileSync(path.join(repoRoot, row.file!), 'utf8').slice(Number(row.start), Number(row.end))).toBe(row.text);
  });

  it('downloads JSON and Markdown with the same passages', async () => {
    const json = await (await fetch(`${server.url}/search.json?q=sextortion`)).json();
    expect(json.total).toBe(3);
    expect(Object.keys(json.passages[0])).toEqual(['id', 'year', 'report', 'reportId', 'kind', 'section', 'paragraph', 'page', 'start', 'end', 'file', 'themes', 'text', 'permalink']);
    const markdown = await (await fetch(`${server.url}/search.md?q=sextortion`)).text();
    expect(markdown.startsWith('# Search: sextortion\n\n3 passages — <http://127.0.0.1:')).toBe(true);
    expect(markdown.match(/^> /gm)).toHaveLength(3);
  });

  it('answers a bad export request like the search page', async () => {
    expect((await fetch(`${server.url}/search.csv`)).status).toBe(400);
    const json = await fetch(`${server.url}/search.json?q=x&year=1`);
    expect(json.status).toBe(400);
    expect(await json.json()).toEqual({ error: { status: 400, message: 'year must be one of 2020, 2023, 2024, 2025 (got "1")' } });
  });
});

describe('static files and unknown pages', () => {
  it('serves the stylesheet and the script', async () => {
    expect((await fetch(`${server.url}/static/style.css`)).status).toBe(200);
    expect((await fetch(`${server.url}/static/app.js`)).headers.get('content-type')).toContain('javascript');
  });

  it('serves the site’s icon, and sends a browser asking for /favicon.ico to it', async () => {
    const icon = await fetch(`${server.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.url).toMatch(/\/static\/favicon\.svg$/);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    expect((await page('/')).html).toContain('<link rel="icon" href="/static/favicon.svg"');
  });

  it('answers an HTML 404 page for an unknown path', async () => {
    const { status, html } = await page('/nowhere');
    expect(status).toBe(404);
    expect(html).toContain('No page at /nowhere');
  });

  it('forbids inline scripts and styles with its Content Security Policy', async () => {
    const policy = (await page('/')).headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
  });
});

describe('GET /ask', () => {
  it('shows the answer in large type, the sentence with the answer marked, and a citation', async () => {
    const { status, html } = await page('/ask?q=' + encodeURIComponent('How much cocaine was seized in 2024?'));
    expect(status).toBe(200);
    expect(html).toContain('<p class="answer-text">1.948 tons of cocaine</p>');
    expect(html).toContain('<mark>1.948 tons of cocaine</mark>');
    expect(html).toMatch(/<pre id="answer-citation"[^>]*>“Regarding narcotics, .*General Directorate of National Security 2024 Report \(2024\)/);
    expect(html).toContain('Supporting passages');
  });

  it('says which word of the question it read as the reports\' word', async () => {
    const { html } = await page('/ask?q=' + encodeURIComponent('How many missing kids were located in 2024?'));
    expect(html).toMatch(/<p class="read-as">Read “kids” as <strong>“(children|minor)”<\/strong>, the reports’ word\.<\/p>/);
    expect(html).toContain('<p class="answer-text">59 minors</p>');
    expect((await page('/ask?q=' + encodeURIComponent('How much cocaine was seized in 2024?'))).html).not.toContain('class="read-as"');
  });

  it('explains a decline', async () => {
    const { html } = await page('/ask?q=' + encodeURIComponent('How many sextortion cases were recorded in 2021?'));
    expect(html).toContain('The reports do not answer this question');
    expect(html).toContain('The reports cover 2020, 2023, 2024 and 2025.');
  });

  it('shows a table for a question over several years', async () => {
    const { html } = await page('/ask?q=' + encodeURIComponent('How many traffic accidents were recorded between 2023 and 2024?'));
    expect(html).toContain('<caption>Year by year</caption>');
    expect([...html.matchAll(/<tr><th scope="row">(\d{4})<\/th>/g)].map((m) => m[1])).toEqual(['2023', '2024']);
  });

  it('answers 400 without a question and escapes a hostile one', async () => {
    expect((await page('/ask?q=')).status).toBe(400);
    for (const evil of EVIL) expectNoInjectedMarkup((await page('/ask?q=' + encodeURIComponent(evil))).html);
  });
});
