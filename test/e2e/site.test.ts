// The research website in a real browser (Debian's chromium driven by playwright-core) against the real
// server on a loopback port: search, read in context, cite, filter and export, as a researcher would.
// Screenshots of each page are saved under test-output/screenshots (git-ignored).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/listen.ts';
import { repoRoot, startRealServer } from '../support/corpus-server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
// CI sets E2E_REQUIRED so that a missing browser fails the run instead of skipping these tests.
if (!available && process.env.E2E_REQUIRED) throw new Error(`e2e: no browser at ${CHROMIUM}; install Debian's chromium`);
if (!available) console.warn(`e2e: skipped, no browser at ${CHROMIUM} (apt-get install chromium)`);

const screenshots = path.join(repoRoot, 'test-output/screenshots');
const AXE = readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The accessibility problems axe-core finds on the page as it stands (its default rules), one line each. */
async function axeViolations(on: Page): Promise<string[]> {
  // Evaluated through the browser's debugging protocol, which the site's script policy does not block.
  await on.evaluate(AXE);
  const result = await on.evaluate(() => (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run());
  return result.violations.map((violation) => `${violation.id} (${violation.impact}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];

describe.skipIf(!available)('the research website in a browser', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await startRealServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('searches "sextortion" from the home page and shows a section for each of 2020, 2023 and 2024', async () => {
    await page.goto(server.url + '/');
    await page.screenshot({ path: path.join(screenshots, 'home.png'), fullPage: true });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('sextortion');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=sextortion/);
    const sections = await page.locator('.year-section h2').allTextContents();
    expect(sections.map((text) => text.slice(0, 4))).toEqual(['2024', '2023', '2020']);
    // One bar per year and kind of source: 2020, 2023 and 2024 official; 2024 and 2025 press.
    expect(await page.locator('svg.year-chart a').count()).toBe(5);
    expect(await page.locator('.snippet mark').first().textContent()).toMatch(/sextortion/i);
    await page.screenshot({ path: path.join(screenshots, 'results.png'), fullPage: true });
  });

  it('opens "read in report" and finds the passage highlighted and in view', async () => {
    const link = page.locator('.year-section').filter({ hasText: '2023' }).getByRole('link', { name: 'Read in report' }).first();
    await link.click();
    await page.waitForURL(/\/reports\/dgsn-2023\?q=sextortion#dgsn-2023-p\d+/);
    const id = new URL(page.url()).hash.slice(1);
    const target = page.locator(`[id="${id}"]`);
    expect(await target.evaluate((element) => element.matches(':target'))).toBe(true);
    expect(await target.locator('mark').first().textContent()).toMatch(/sextortion/i);
    const box = await target.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(viewport.height);
    await page.screenshot({ path: path.join(screenshots, 'reader.png') });
  });

  it('copies a citation from the passage page', async () => {
    await page.goto(server.url + '/search?q=sextortion');
    await page.locator('.year-section').filter({ hasText: '2024' }).getByRole('link', { name: 'Cite' }).first().click();
    await page.waitForURL(/\/passages\/dgsn-2024-p\d+\?q=sextortion#cite/);
    expect(await page.locator('.passage-text mark').first().textContent()).toMatch(/sextortion/i);
    const expected = (await page.locator('#citation-plain').textContent())!;
    expect(expected).toMatch(/^“.*sextortion.*” — General Directorate of National Security \(DGSN\), General Directorate of National Security 2024 Report \(2024\)/);
    const copy = page.locator('button[data-copy="citation-plain"]');
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await page.screenshot({ path: path.join(screenshots, 'passage.png'), fullPage: true });
  });

  it('applies a year facet and shows it as a removable chip', async () => {
    await page.goto(server.url + '/search?q=traffic%20accidents');
    await page.locator('.facets a', { hasText: '2024' }).click();
    await page.waitForURL(/year=2024/);
    const years = await page.locator('.hit .year-tag').allTextContents();
    expect(years.length).toBeGreaterThan(0);
    expect(new Set(years)).toEqual(new Set(['2024']));
    await page.locator('.chip', { hasText: 'Year 2024' }).click();
    await page.waitForURL((url) => !url.search.includes('year='));
  });

  it('downloads the results as a CSV file that parses', async () => {
    await page.goto(server.url + '/search?q=sextortion');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('dgsn-search-sextortion.csv');
    const rows = parse(readFileSync((await download.path())!, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.year).sort()).toEqual(['2020', '2023', '2024']);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'year', 'reportId', 'report', 'kind', 'section', 'paragraph', 'page', 'start', 'end', 'file', 'themes', 'text', 'permalink']);
    expect(rows.find((row) => row.year === '2023')!.text).toContain('In sextortion cases, the National Security services recorded 508 incidents');
  });

  it('never runs markup from the query, the filters or the fragment', async () => {
    const evil = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    await page.goto(`${server.url}/search?q=${encodeURIComponent(evil)}#${encodeURIComponent(evil)}`);
    await page.goto(`${server.url}/search?q=police&theme=${encodeURIComponent(evil)}`);
    expect(await page.locator('h1').textContent()).toBe('This request cannot be answered');
    await page.goto(`${server.url}/reports/dgsn-2023?q=${encodeURIComponent(evil)}#${encodeURIComponent(evil)}`);
    await page.goto(`${server.url}/passages/${encodeURIComponent(evil)}`);
    expect(await page.locator('h1').textContent()).toBe('Not found');
    expect(dialogs).toEqual([]);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });

  it('asks a question from the home page and shows the answer with its sentence and citation', async () => {
    await page.goto(server.url + '/');
    await page.locator('#q').fill('How many emergency calls were handled in 2023?');
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.waitForURL(/\/ask\?q=/);
    expect(await page.locator('.answer-text').textContent()).toBe('19,722,041 emergency calls');
    expect(await page.locator('.answer-sentence mark').textContent()).toBe('19,722,041 emergency calls');
    expect(await page.locator('#answer-citation').textContent()).toContain('National Security Services Report for 2023 (2023)');
    await page.screenshot({ path: path.join(screenshots, 'ask.png'), fullPage: true });
    await page.goto(server.url + '/ask?q=' + encodeURIComponent('How many sextortion cases were recorded in 2021?'));
    expect(await page.locator('.answer-card.declined .lede').textContent()).toContain('The reports cover 2020, 2023, 2024 and 2025.');
    await page.screenshot({ path: path.join(screenshots, 'ask-declined.png'), fullPage: true });
    // On the answer page, Enter in the box asks the new question.
    await page.locator('#q').fill('How many sextortion cases were recorded in 2024?');
    await page.locator('#q').press('Enter');
    await page.waitForURL(/\/ask\?q=How\+many\+sextortion/);
    expect(await page.locator('.answer-text').textContent()).toContain('391');
    await page.goto(server.url + '/ask?q=' + encodeURIComponent('How many traffic accidents were recorded between 2023 and 2024?'));
    expect(await page.locator('table.by-year tbody th').allTextContents()).toEqual(['2023', '2024']);
    await page.screenshot({ path: path.join(screenshots, 'ask-years.png'), fullPage: true });
  });

  it('shows the figures by year of a measurable thing, on a true year axis with gaps, each with its sentence', async () => {
    await page.goto(server.url + '/search?q=' + encodeURIComponent('sextortion cases'));
    const figures = page.locator('section.figures');
    expect(await figures.locator('tbody th').allTextContents()).toEqual(['2020', '2023', '2024', '2025']);
    expect(await figures.locator('tbody tr').nth(1).textContent()).toContain('508 incidents');
    // Every year from the first report's to the last's has a slot: 2021 and 2022, with no report, are gaps.
    expect(await figures.locator('svg.figure-chart text.year').allTextContents()).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
    expect(await figures.locator('svg.figure-chart .gap').count()).toBe(4);
    expect(await figures.locator('svg.figure-chart rect.bar').count()).toBe(2);
    await figures.screenshot({ path: path.join(screenshots, 'figures-by-year.png') });
  });

  it('filters by kind of source, each hit labelled with its kind', async () => {
    await page.goto(server.url + '/search?q=police&view=list');
    expect(new Set(await page.locator('.hit .source-tag').allTextContents())).toContain('Official report');
    await page.locator('#facet-kind ~ .facets a', { hasText: 'Press articles' }).click();
    await page.waitForURL(/kind=press-article/);
    const kinds = await page.locator('.hit .source-tag').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['Press article']));
    expect(await page.locator('.chip').textContent()).toContain('Source: Press articles');
  });

  it("copies a result's citation in place, without leaving the results", async () => {
    await page.goto(server.url + '/search?q=sextortion');
    const hit = page.locator('.year-section').filter({ hasText: '2023' }).locator('.hit').first();
    const copy = hit.locator('button.copy-cite');
    expect(await copy.textContent()).toBe('Copy citation');
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^“In sextortion cases, the National Security services recorded 508 incidents.*” — .*National Security Services Report for 2023 \(2023\).*, paragraph \d+\. http:\/\/127\.0\.0\.1:\d+\/passages\/dgsn-2023-p\d{3}$/);
    expect(page.url()).toContain('/search?q=sextortion');
  });

  it("opens the reader at a section from its table of contents", async () => {
    await page.goto(server.url + '/reports/dgsn-2023');
    const entries = page.locator('nav.toc a');
    expect(await entries.count()).toBeGreaterThan(5);
    const entry = entries.nth(3);
    const label = (await entry.textContent())!;
    await entry.click();
    const id = new URL(page.url()).hash.slice(1);
    const heading = page.locator(`[id="${id}"]`);
    expect(await heading.textContent()).toBe(label);
    expect(await heading.evaluate((element) => element.matches(':target'))).toBe(true);
    // Scrolled to the top of the window (to within a pixel's fraction).
    const box = await heading.boundingBox();
    expect(Math.round(box!.y)).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(page.viewportSize()!.height);
  });

  it.each([
    ['the home page', '/'],
    ['results across years', '/search?q=sextortion'],
    ['a ranked list with pages', '/search?q=police&view=list'],
    ['the figures by year', '/search?q=sextortion%20cases'],
    ['no result', '/search?q=xylophone'],
    ['a passage', '/passages/dgsn-2023-p010?q=police'],
    ['the reader', '/reports/dgsn-2023'],
    ['an answer', '/ask?q=' + encodeURIComponent('How many emergency calls were handled in 2023?')],
    ['a declined question', '/ask?q=' + encodeURIComponent('How many sextortion cases were recorded in 2021?')],
    ['an error', '/passages/nothing'],
  ])('has no accessibility violation that axe-core finds: %s, at desktop and phone width', async (_, address) => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(server.url + address);
      expect(await axeViolations(page), `${address} at ${width}px`).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('reads well on a phone', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(server.url + '/search?q=drones');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: path.join(screenshots, 'results-phone.png'), fullPage: true });
    await phone.close();
  });
});
