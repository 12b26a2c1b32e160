// Adding a report of one's own (`dgsn add`): what is detected, what the options override, and the files
// that are refused with the corpus, the manifest and the index left exactly as they were.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addReport, detectLanguage, LANGUAGES, type AddOptions, type AddResult } from '../../indexer/add.ts';
import { readBundle, TEXT_DIR, type BuildPaths, type IndexBundle } from '../../indexer/build.ts';
import type { ManifestEntry } from '../../indexer/types.ts';
import { plainCitation } from '../../server/citation.ts';
import { noFilters, SearchCore } from '../../server/search/search-core.ts';
import {
  copyOf,
  corpusState,
  corruptPdf,
  encryptedPdf,
  FRENCH_REPORT,
  indexed,
  REPORT_HTML,
  REPORT_HTML_DEBRIS,
  REPORT_HTML_TEXT,
  reportPdf,
  repoRoot,
  scannedPdf,
  smallCorpus,
  sparseFile,
  tempDir,
  UNDATED_REPORT,
  writeFile,
} from '../support/fixtures.ts';

/** The small corpus, indexed once; each test adds to a copy of it. */
let template: BuildPaths;
/** A folder of report files to add, outside any corpus. */
let sources: string;

beforeAll(async () => {
  template = await indexed(smallCorpus());
  sources = tempDir('dgsn-sources-');
  writeFile(sources, 'dgsn-2019-report.pdf', await reportPdf());
  writeFile(sources, 'dgsn-2018-web.html', REPORT_HTML);
  writeFile(sources, 'bilan-2022.txt', FRENCH_REPORT);
  writeFile(sources, 'community-policing.txt', UNDATED_REPORT);
  writeFile(sources, 'corrupt.pdf', corruptPdf());
  writeFile(sources, 'locked.pdf', encryptedPdf());
  writeFile(sources, 'scan.pdf', await scannedPdf());
  writeFile(sources, 'report.docx', Buffer.from('PK\x03\x04 a Word document'));
  writeFile(sources, 'dgsn-2023-annual-report.txt', 'Another report on the year 2023.\n');
  sparseFile(sources, 'big.txt', 200 * 2 ** 20);
  // A run-on "report" of 21 million characters (3.5 million words, no sentence end), under 100 MB.
  writeFile(sources, 'run-on-2019.txt', 'police '.repeat(3_000_000));
});

const source = (name: string) => path.join(sources, name);
const manifestOf = (paths: BuildPaths): ManifestEntry[] => JSON.parse(readFileSync(path.join(paths.corpusDir, 'reports.json'), 'utf8')).reports;
const bundleOf = (paths: BuildPaths): IndexBundle => readBundle(paths.dataDir)!;
const search = (core: SearchCore, q: string) => core.search({ q, filters: noFilters(), limit: 10, offset: 0, sort: 'relevance' });

/** Adds a source file to a fresh copy of the indexed small corpus. */
async function add(name: string, options: AddOptions = {}): Promise<{ paths: BuildPaths; result: AddResult }> {
  const paths = copyOf(template);
  return { paths, result: await addReport(paths, source(name), options) };
}

describe('addReport', () => {
  describe('when the file is a PDF report', () => {
    let paths: BuildPaths;
    let result: AddResult;

    beforeAll(async () => {
      ({ paths, result } = await add('dgsn-2019-report.pdf'));
    });

    it('describes it in the manifest with the title, year and language it detects, and re-indexes', () => {
      const entry: ManifestEntry = {
        id: 'dgsn-2019-report',
        file: 'dgsn-2019-report.pdf',
        title: 'Annual Report 2019',
        year: 2019,
        kind: 'annual-report',
        language: 'en',
        note: 'Added with `dgsn add` from dgsn-2019-report.pdf.',
      };
      expect(result).toEqual({ ok: true, entry, indexExit: 0, warnings: [] });
      expect(manifestOf(paths)).toEqual([...manifestOf(template), entry]);
    });

    it('copies the file into the corpus unchanged', () => {
      expect(readFileSync(path.join(paths.corpusDir, 'dgsn-2019-report.pdf'))).toEqual(readFileSync(source('dgsn-2019-report.pdf')));
    });

    it('makes it searchable, and its citations give the page', () => {
      const core = new SearchCore(bundleOf(paths));
      const [hit] = search(core, '"cannabis resin"').results;
      expect(hit).toMatchObject({ id: 'dgsn-2019-report-p001', report: { id: 'dgsn-2019-report', title: 'Annual Report 2019' }, year: 2019, page: 1 });
      const passage = core.passage(hit!.id)!;
      expect(plainCitation({ passage, report: core.report('dgsn-2019-report')!, permalink: 'https://example.org/passages/dgsn-2019-report-p001' })).toBe(
        `“${passage.text}” — Annual Report 2019 (2019), p. 1, paragraph 1. https://example.org/passages/dgsn-2019-report-p001`,
      );
      expect(core.view(core.passage('dgsn-2019-report-p003')!)).toMatchObject({ section: 'Road Safety', page: 2 });
    });

    it('keeps the reports that were there', () => {
      expect(bundleOf(paths).reports.map((report) => report.id)).toEqual(['dgsn-2023', 'dgsn-2024-press', 'dgsn-2019-report']);
    });
  });

  describe('when the file is an HTML page', () => {
    it('indexes the report text without the page furniture, with the year and language detected', async () => {
      const { paths, result } = await add('dgsn-2018-web.html');
      expect(result).toMatchObject({ ok: true, entry: { id: 'dgsn-2018-web', file: 'dgsn-2018-web.html', year: 2018, language: 'en' }, indexExit: 0 });
      const passages = bundleOf(paths).passages.filter((passage) => passage.reportId === 'dgsn-2018-web');
      expect(passages).toHaveLength(3);
      for (const passage of passages) for (const debris of REPORT_HTML_DEBRIS) expect(passage.text).not.toContain(debris);
      expect(readFileSync(path.join(paths.dataDir, TEXT_DIR, 'dgsn-2018-web.txt'), 'utf8')).toBe(REPORT_HTML_TEXT);
    });
  });

  describe('when the report is in French', () => {
    it('detects the language fr, the year and the title', async () => {
      const { paths, result } = await add('bilan-2022.txt');
      expect(result).toMatchObject({
        ok: true,
        entry: { id: 'bilan-2022', title: 'Bilan annuel 2022 de la Direction générale de la sûreté nationale', year: 2022, language: 'fr' },
        indexExit: 0,
      });
      expect(bundleOf(paths).reports.find((report) => report.id === 'bilan-2022')).toMatchObject({ year: 2022, language: 'fr', passages: 3 });
    });
  });

  describe('when options are given', () => {
    it('uses them instead of what it would detect', async () => {
      const options: AddOptions = {
        id: 'drugs-and-roads',
        title: 'Drugs and Roads',
        year: 2020,
        kind: 'press-article',
        language: 'fr',
        publisher: 'Ministry of the Interior',
        note: 'Received by e-mail.',
      };
      const { paths, result } = await add('dgsn-2019-report.pdf', options);
      expect(result).toEqual({ ok: true, entry: { file: 'drugs-and-roads.pdf', ...options }, indexExit: 0, warnings: [] });
      expect(readFileSync(path.join(paths.corpusDir, 'drugs-and-roads.pdf'))).toEqual(readFileSync(source('dgsn-2019-report.pdf')));
      expect(existsSync(path.join(paths.corpusDir, 'dgsn-2019-report.pdf'))).toBe(false);
      const bundle = bundleOf(paths);
      expect(bundle.reports.find((report) => report.id === 'drugs-and-roads')).toMatchObject({ title: 'Drugs and Roads', year: 2020, kind: 'press-article', language: 'fr' });
      expect(bundle.passages.filter((passage) => passage.reportId === 'drugs-and-roads').map((passage) => passage.year)).toEqual([2020, 2020, 2020]);
    });

    it('stores the file under the id given, so a file named like one in the corpus can be added', async () => {
      const { paths, result } = await add('dgsn-2023-annual-report.txt', { id: 'other-2023' });
      expect(result).toMatchObject({ ok: true, entry: { id: 'other-2023', file: 'other-2023.txt', year: 2023 }, indexExit: 0 });
      expect(readFileSync(path.join(paths.corpusDir, 'other-2023.txt'), 'utf8')).toBe('Another report on the year 2023.\n');
      expect(readFileSync(path.join(paths.corpusDir, 'dgsn-2023-annual-report.txt'))).toEqual(readFileSync(path.join(template.corpusDir, 'dgsn-2023-annual-report.txt')));
    });

    it('accepts a report that names no year when the year is given', async () => {
      const { result } = await add('community-policing.txt', { year: 2017 });
      expect(result).toMatchObject({ ok: true, entry: { id: 'community-policing', title: 'Community Policing Review', year: 2017, language: 'en' }, indexExit: 0 });
    });

    it('takes the year from a given title that names one', async () => {
      const { result } = await add('community-policing.txt', { title: 'Community Policing Review 2016' });
      expect(result).toMatchObject({ ok: true, entry: { title: 'Community Policing Review 2016', year: 2016 } });
    });
  });

  describe('when the file cannot be added', () => {
    let paths: BuildPaths;

    beforeAll(() => {
      paths = copyOf(template);
    });

    describe.each<[string, string, AddOptions, string | RegExp]>([
      ['a corrupt PDF', 'corrupt.pdf', {}, /^add: corrupt\.pdf is not a readable PDF \(.+\)$/],
      ['an encrypted PDF', 'locked.pdf', {}, 'add: locked.pdf is an encrypted PDF; save an unencrypted copy to index it'],
      ['a scan without a text layer', 'scan.pdf', {}, 'add: scan.pdf has no text layer (a scanned document?); run OCR on it before adding it'],
      ['a file of 200 MB', 'big.txt', {}, 'add: big.txt is 200 MB, larger than the 100 MB the indexer reads'],
      [
        'a text of more than 20 million characters',
        'run-on-2019.txt',
        {},
        'add: run-on-2019.txt has 21.0 million characters of text, more than the 20 million a report may have; split it into parts, or check that it is one report',
      ],
      ['a text that names no year, without a year given', 'community-policing.txt', {}, 'add: community-policing.txt names no year; give the year it covers with --year'],
      ['an unknown language code', 'dgsn-2019-report.pdf', { language: 'xx' }, 'add: "xx" is not a language the indexer knows (known: en, fr, ar)'],
      ['a year out of range', 'dgsn-2019-report.pdf', { year: 19 }, 'add: the year must be a whole number from 1900 to 2100 (got 19)'],
      ['an id already in the manifest', 'dgsn-2019-report.pdf', { id: 'dgsn-2023' }, 'add: the report id "dgsn-2023" is already in the manifest'],
      [
        'a file whose name is already in the corpus',
        'dgsn-2023-annual-report.txt',
        {},
        'add: corpus/dgsn-2023-annual-report.txt already exists; store it under another name with --id, or remove the old one first',
      ],
      ['an id that is no report id', 'dgsn-2019-report.pdf', { id: '../outside' }, 'add: the report id must be lower-case letters, digits and hyphens (got "../outside")'],
      ['a Word document', 'report.docx', {}, 'add: report.docx has an unsupported type (supported: .txt, .md, .html, .htm, .pdf)'],
    ])('such as %s', (_, name, options, message) => {
      it('says why in one sentence and leaves the corpus, the manifest and the index byte for byte as they were', async () => {
        const before = corpusState(paths);
        const result = await addReport(paths, source(name), options);
        expect(result.ok).toBe(false);
        expect(result).toEqual({ ok: false, message: typeof message === 'string' ? message : expect.stringMatching(message) });
        expect(corpusState(paths)).toEqual(before);
      });
    });

    describe('such as a file that does not exist', () => {
      it('names the path it was given and changes nothing', async () => {
        const before = corpusState(paths);
        expect(await addReport(paths, source('missing.pdf'), {})).toEqual({ ok: false, message: `add: ${source('missing.pdf')} does not exist` });
        expect(corpusState(paths)).toEqual(before);
      });
    });

    describe('such as a file the manifest already lists, though missing from the folder', () => {
      it('refuses rather than list the same file twice', async () => {
        const copy = copyOf(template);
        const manifest = path.join(copy.corpusDir, 'reports.json');
        const entries = JSON.parse(readFileSync(manifest, 'utf8'));
        entries.reports.push({ id: 'lost', file: 'bilan-2022.txt', year: 2022 });
        writeFileSync(manifest, JSON.stringify(entries));
        const before = corpusState(copy);
        expect(await addReport(copy, source('bilan-2022.txt'), {})).toEqual({
          ok: false,
          message: 'add: the manifest already lists a file named bilan-2022.txt; store it under another name with --id',
        });
        expect(corpusState(copy)).toEqual(before);
      });
    });

    describe('such as a file already in the corpus folder', () => {
      it('says to describe it in the manifest instead', async () => {
        const copy = copyOf(template);
        expect(await addReport(copy, path.join(copy.corpusDir, 'dgsn-2023-annual-report.txt'), {})).toEqual({
          ok: false,
          message: 'add: dgsn-2023-annual-report.txt is already in the corpus folder; describe it in reports.json and run `dgsn index` instead',
        });
      });
    });

    describe('such as a report added twice', () => {
      it('refuses the second time, naming the report it repeats, and keeps the first', async () => {
        const copy = copyOf(template);
        expect((await addReport(copy, source('bilan-2022.txt'), {})).ok).toBe(true);
        const before = corpusState(copy);
        expect(await addReport(copy, source('bilan-2022.txt'), {})).toEqual({
          ok: false,
          message: 'add: bilan-2022.txt repeats 100% of its sentences from bilan-2022 (corpus/bilan-2022.txt), which is already in the corpus; add it anyway with --force',
        });
        expect(corpusState(copy)).toEqual(before);
      });
    });
  });

  describe('when the manifest is malformed', () => {
    it('asks for the manifest to be fixed first and changes nothing', async () => {
      const paths = copyOf(template);
      writeFileSync(path.join(paths.corpusDir, 'reports.json'), '{"reports": [');
      const before = corpusState(paths);
      const result = await addReport(paths, source('bilan-2022.txt'), {});
      expect(result).toEqual({ ok: false, message: expect.stringMatching(/^add: corpus\/reports\.json is not valid JSON \(.+\); fix the manifest first$/) });
      expect(corpusState(paths)).toEqual(before);
    });
  });
});

describe('detectLanguage', () => {
  it('knows English, French and Arabic', () => {
    expect(LANGUAGES).toEqual(['en', 'fr', 'ar']);
    expect(detectLanguage(readFileSync(path.join(repoRoot, 'corpus/dgsn-2024-press-summary.txt'), 'utf8'))).toBe('en');
    expect(detectLanguage(FRENCH_REPORT)).toBe('fr');
    expect(detectLanguage('أعلنت المديرية العامة للأمن الوطني أن مصالحها حجزت خلال سنة 2022 كميات كبيرة من المخدرات، وسجلت انخفاضا في حوادث السير داخل المدن.')).toBe('ar');
  });

  describe('when the text is in another language', () => {
    it('gives null', () => {
      expect(detectLanguage('Die Polizei hat im Jahr 2019 zwölf Tonnen Cannabisharz beschlagnahmt und deutlich weniger Verkehrsunfälle in den Städten registriert.')).toBeNull();
    });
  });
});
