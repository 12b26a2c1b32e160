// Real-world files given to `dgsn add`: a press article copied from a news page with its debris (an
// advertisement, a credit, a byline, tags, links to other articles), a near-copy of a report the corpus
// holds, and the same text added twice. The fixtures in test/fixtures/ingest are written for these tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addReport, type AddResult } from '../../indexer/add.ts';
import { readBundle, type BuildPaths, type IndexBundle } from '../../indexer/build.ts';
import { clean } from '../../indexer/clean.ts';
import { copyOf, corpusState, indexed, repoRoot, smallCorpus, tempDir, writeFile } from '../support/fixtures.ts';

const fixture = (name: string) => path.join(repoRoot, 'test/fixtures/ingest', name);
const ARTICLE = fixture('police-fewer-burglaries-2021.txt');
const NEAR_COPY = fixture('dgsn-2024-regional-summary.txt');

/** The small corpus (the 2023 report and the 2024 press summary), indexed once; each test adds to a copy. */
let template: BuildPaths;

beforeAll(async () => {
  template = await indexed(smallCorpus());
});

/** Adds a file to a fresh copy of the indexed small corpus, keeping what it logs. */
async function add(file: string, options = {}): Promise<{ paths: BuildPaths; result: AddResult; lines: string[] }> {
  const paths = copyOf(template);
  const lines: string[] = [];
  return { paths, result: await addReport(paths, file, options, (line) => lines.push(...line.split('\n'))), lines };
}

const bundleOf = (paths: BuildPaths): IndexBundle => readBundle(paths.dataDir)!;

describe('adding a press article copied from a news page', () => {
  let paths: BuildPaths;
  let result: AddResult;
  let lines: string[];

  beforeAll(async () => {
    ({ paths, result, lines } = await add(ARTICLE));
  });

  it('takes its headline as the title, never the credit or advertisement above it, and detects a press article of 2021', () => {
    expect(result).toEqual({
      ok: true,
      entry: {
        id: 'police-fewer-burglaries-2021',
        file: 'police-fewer-burglaries-2021.txt',
        title: 'Moroccan police report fewer burglaries and a surge in online fraud for 2021',
        year: 2021,
        kind: 'press-article',
        language: 'en',
        note: 'Added with `dgsn add` from police-fewer-burglaries-2021.txt.',
      },
      indexExit: 0,
      warnings: [],
    });
  });

  it('keeps its four paragraphs as passages, under the section headings of the article', () => {
    const passages = bundleOf(paths).passages.filter((passage) => passage.reportId === 'police-fewer-burglaries-2021');
    expect(passages.map((passage) => [passage.section, passage.text.split(' ').slice(0, 4).join(' ')])).toEqual([
      [null, 'The General Directorate of'],
      ['Street Crime', 'Patrols on foot were'],
      ['Online Fraud', 'Complaints about fraud committed'],
      ['Online Fraud', 'The directorate added that'],
    ]);
    expect(bundleOf(paths).headings['police-fewer-burglaries-2021']!.map((heading) => heading.label)).toEqual(['Street Crime', 'Online Fraud']);
  });

  it('drops every line of page debris, each with its reason', () => {
    const text = readFileSync(ARTICLE, 'utf8');
    expect(clean(text).dropped.map((line) => [line.reason, line.text])).toEqual([
      ['credit line', '© Copyright : DR'],
      ['advertisement', '- Advertisement -'],
      ['byline', 'By Samira Alaoui'],
      ['publication date', 'Published on 29 December 2021 at 10:32'],
      ['credit line', 'Photo: DR'],
      ['advertisement', '- Advertisement -'],
      ['related link', 'READ ALSO: Tangier port police intercept a lorry loaded with cannabis resin'],
      ['related link', 'https://news.example.org/society/police-open-days-2021'],
      ['advertisement', 'Publicité'],
      ['tag line', 'election2021'],
      ['tag line', 'Tags: police, security, Morocco'],
      ['related articles', 'Related:'],
      ['related articles', 'Traffic deaths fall on Moroccan city roads'],
      ['related articles', 'New identity card centres open in the south'],
    ]);
    expect(bundleOf(paths).reports.find((report) => report.id === 'police-fewer-burglaries-2021')).toMatchObject({ debrisLines: 14, passages: 4 });
  });

  it('lets none of that debris into a passage or a section heading', () => {
    const bundle = bundleOf(paths);
    const texts = [
      ...bundle.passages.filter((passage) => passage.reportId === 'police-fewer-burglaries-2021').flatMap((passage) => [passage.text, ...passage.sectionPath]),
      ...bundle.headings['police-fewer-burglaries-2021']!.map((heading) => heading.text),
    ];
    for (const debris of ['Copyright', 'Advertisement', 'Samira', 'Published on', 'Photo', 'READ ALSO', 'https://', 'Publicité', 'election2021', 'Tags', 'Related', 'Traffic deaths', 'identity card centres']) {
      for (const text of texts) expect(text).not.toContain(debris);
    }
  });

  it('logs the new report’s row of the indexer’s table and one line on the whole index', () => {
    expect(lines).toEqual([
      'report                        year  kind           passages  words  debris lines  ms',
      expect.stringMatching(/^-+( +-+){6}$/),
      expect.stringMatching(/^police-fewer-burglaries-2021  2021  press-article         4    166            14 +\d+$/),
      '',
      expect.stringMatching(/^3 reports, \d+ passages, built in \d+ ms\.$/),
    ]);
  });
});

describe('adding a near-copy of a report the corpus holds', () => {
  describe('when it is of the same year', () => {
    it('adds it, and warns that most of its sentences are that report’s and how many of its passages will be folded into it', async () => {
      const { result } = await add(NEAR_COPY);
      expect(result).toMatchObject({ ok: true, entry: { id: 'dgsn-2024-regional-summary', year: 2024, kind: 'press-article' }, indexExit: 0 });
      expect(result.ok && result.warnings).toEqual([
        "dgsn-2024-regional-summary.txt shares 70% of its sentences with dgsn-2024-press; 3 of its 7 passages are near-copies of that report's and will be folded together with them in results",
      ]);
    });
  });

  describe('when it is given another year', () => {
    it('says that the copies will not be folded together and to check the year', async () => {
      const { result } = await add(NEAR_COPY, { year: 2023 });
      expect(result.ok && result.warnings).toEqual([
        'dgsn-2024-regional-summary.txt shares 70% of its sentences with dgsn-2024-press, a report of 2024, but was added as 2023; near-copies of other years are not folded together in results, so check the year (--year)',
      ]);
    });
  });
});

describe('adding a text the corpus holds already', () => {
  let paths: BuildPaths;

  beforeAll(async () => {
    ({ paths } = await add(ARTICLE));
  });

  describe.each([
    ['the same file again', () => ARTICLE],
    ['the same text as a web page', () => writeFile(tempDir(), 'burglaries.html', `<html><body>${htmlOf(readFileSync(ARTICLE, 'utf8'))}</body></html>`)],
  ])('such as %s', (_, file) => {
    it('refuses it, naming the report it repeats, and changes nothing', async () => {
      const source = file();
      const before = corpusState(paths);
      const result = await addReport(paths, source, {});
      expect(result).toEqual({
        ok: false,
        message: `add: ${path.basename(source)} repeats 100% of its sentences from police-fewer-burglaries-2021 (corpus/police-fewer-burglaries-2021.txt), which is already in the corpus; add it anyway with --force`,
      });
      expect(corpusState(paths)).toEqual(before);
    });
  });

  describe('with --force and an id of its own', () => {
    it('adds it under that id, with a warning naming the report it repeats', async () => {
      const copy = copyOf(paths);
      const result = await addReport(copy, ARTICLE, { force: true, id: 'burglaries-again' });
      expect(result).toMatchObject({ ok: true, entry: { id: 'burglaries-again', file: 'burglaries-again.txt' }, indexExit: 0 });
      expect(result.ok && result.warnings).toEqual([
        "police-fewer-burglaries-2021.txt shares 100% of its sentences with police-fewer-burglaries-2021; 4 of its 4 passages are near-copies of that report's and will be folded together with them in results",
      ]);
    });
  });
});

// The lines of a text as the paragraphs of a web page (the fixture holds no markup characters).
function htmlOf(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${line}</p>`)
    .join('\n');
}
