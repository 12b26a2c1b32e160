// Reading reports that are not plain text: HTML pages through a parser, PDFs through their text layer,
// and what the indexer says about PDFs it cannot read.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, TEXT_DIR, writeBuild, type BuildPaths, type BuildResult } from '../../indexer/build.ts';
import { ExtractionError, htmlToText, MAX_FILE_BYTES, pageAt, pdfToText } from '../../indexer/formats.ts';
import { readCorpus, type CorpusReading } from '../../indexer/read.ts';
import {
  corruptPdf,
  encryptedPdf,
  REPORT_HTML,
  REPORT_HTML_DEBRIS,
  REPORT_HTML_TEXT,
  reportPdf,
  repoRoot,
  scannedPdf,
  tempDir,
} from '../support/fixtures.ts';

/** The text pdfToText gives for the report PDF: its lines, page 2 after a blank line. */
const REPORT_PDF_TEXT = [
  'Annual Report 2019',
  'During the year 2019, the police seized 12 tons of cannabis resin',
  'and 250 kilograms of cocaine in operations across the Kingdom.',
  'Arrests for drug trafficking rose by 8% compared with the year before.',
  '',
  'Road Safety',
  'In 2019, 3,500 traffic accidents were recorded in urban areas,',
  'and 410 people lost their lives on the roads of the cities.',
].join('\n');

async function extractionErrorOf(extraction: Promise<unknown>): Promise<ExtractionError> {
  try {
    await extraction;
  } catch (error) {
    expect(error).toBeInstanceOf(ExtractionError);
    return error as ExtractionError;
  }
  throw new Error('expected the extraction to fail');
}

describe('htmlToText', () => {
  it('keeps each paragraph as a block of its own, with h1 and h2 headings as "# " and "## " lines', () => {
    expect(htmlToText(REPORT_HTML).text).toBe(REPORT_HTML_TEXT);
  });

  it('leaves out navigation, scripts, styles, forms, related-article blocks and the footer', () => {
    const { text } = htmlToText(REPORT_HTML);
    for (const debris of REPORT_HTML_DEBRIS) expect(text).not.toContain(debris);
  });

  it('joins the lines and inline elements of a paragraph into one line', () => {
    expect(htmlToText('<p>Crime fell\n   by <strong>10%</strong> in <a href="/y">2019</a>.</p>').text).toBe('Crime fell by 10% in 2019.');
  });

  it('writes deeper headings as "## " lines too', () => {
    expect(htmlToText('<h3>Road Safety</h3><p>Accidents fell.</p>').text).toBe('## Road Safety\n\nAccidents fell.');
  });

  it('takes the title from <title>', () => {
    expect(htmlToText(REPORT_HTML).title).toBe('DGSN 2018 Activity Report | Daily News');
    expect(htmlToText('<html><head><title>Rapport 2019</title></head><body><p>Texte.</p></body></html>').title).toBe('Rapport 2019');
  });

  describe('when the page has no <title>', () => {
    it('takes the first heading as the title', () => {
      expect(htmlToText('<p>Intro.</p><h2>Crime in 2019</h2><p>Crime fell.</p><h2>Roads</h2>').title).toBe('Crime in 2019');
    });

    it('has no title when there is no heading either', () => {
      expect(htmlToText('<p>Crime fell.</p>').title).toBeNull();
    });
  });
});

describe('pdfToText', () => {
  it('gives the text of each page, a blank line between pages, and the offset where each page starts', async () => {
    const { text, pageStarts } = await pdfToText(await reportPdf(), 'corpus/dgsn-2019.pdf');
    expect(text).toBe(REPORT_PDF_TEXT);
    expect(pageStarts).toEqual([0, REPORT_PDF_TEXT.indexOf('Road Safety')]);
  });

  describe('when the PDF has no text layer', () => {
    it('says it is probably a scan that needs OCR', async () => {
      const error = await extractionErrorOf(pdfToText(await scannedPdf(), 'corpus/scan.pdf'));
      expect(error.message).toBe('indexer: corpus/scan.pdf has no text layer (a scanned document?); run OCR on it before adding it');
    });
  });

  describe('when the file is not a PDF past its header', () => {
    it('says it is not a readable PDF, with the reader’s reason', async () => {
      const error = await extractionErrorOf(pdfToText(corruptPdf(), 'corpus/broken.pdf'));
      expect(error.message).toMatch(/^indexer: corpus\/broken\.pdf is not a readable PDF \(.+\)$/);
    });
  });

  describe('when the PDF is encrypted', () => {
    it('asks for an unencrypted copy', async () => {
      const error = await extractionErrorOf(pdfToText(encryptedPdf(), 'corpus/locked.pdf'));
      expect(error.message).toBe('indexer: corpus/locked.pdf is an encrypted PDF; save an unencrypted copy to index it');
    });
  });
});

describe('pageAt', () => {
  const pageStarts = [0, 220, 500];

  it('gives the page whose text holds the offset', () => {
    expect([0, 219, 220, 499, 500, 10_000].map((offset) => pageAt(pageStarts, offset))).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('gives page 1 for a one-page PDF', () => {
    expect(pageAt([0], 42)).toBe(1);
  });
});

describe('MAX_FILE_BYTES', () => {
  it('is 100 MB', () => {
    expect(MAX_FILE_BYTES).toBe(100 * 2 ** 20);
  });
});

describe('readCorpus', () => {
  describe('when the manifest lists a PDF and an HTML page beside a text report', () => {
    let paths: BuildPaths;
    let reading: CorpusReading;
    let build: BuildResult;

    beforeAll(async () => {
      const root = tempDir('dgsn-formats-');
      paths = { root, corpusDir: path.join(root, 'corpus'), dataDir: path.join(root, 'data') };
      mkdirSync(paths.corpusDir);
      writeFileSync(path.join(paths.corpusDir, 'dgsn-2019.pdf'), await reportPdf());
      writeFileSync(path.join(paths.corpusDir, 'dgsn-2018-web.html'), REPORT_HTML);
      copyFileSync(path.join(repoRoot, 'corpus/dgsn-2024-press-summary.txt'), path.join(paths.corpusDir, 'dgsn-2024-press-summary.txt'));
      const reports = [
        { id: 'dgsn-2019', file: 'dgsn-2019.pdf', year: 2019 },
        { id: 'dgsn-2018-web', file: 'dgsn-2018-web.html', year: 2018, kind: 'press-article' },
        { id: 'dgsn-2024-press', file: 'dgsn-2024-press-summary.txt', year: 2024, kind: 'press-article' },
      ];
      writeFileSync(path.join(paths.corpusDir, 'reports.json'), JSON.stringify({ reports }));
      reading = await readCorpus(paths.corpusDir);
      build = await buildIndex(paths);
      writeBuild(paths, build.bundle, build.texts);
    });

    const passagesOf = (reportId: string) => build.bundle.passages.filter((passage) => passage.reportId === reportId);

    it('reads all three without a problem', () => {
      expect(reading.problems).toEqual([]);
      expect(reading.sources.map((source) => [source.file, source.extracted])).toEqual([
        ['corpus/dgsn-2019.pdf', true],
        ['corpus/dgsn-2018-web.html', true],
        ['corpus/dgsn-2024-press-summary.txt', false],
      ]);
    });

    it('reads the PDF through its text layer, page by page', () => {
      const pdf = reading.sources[0]!;
      expect(pdf.text).toBe(REPORT_PDF_TEXT);
      expect(pdf.pageStarts).toEqual([0, REPORT_PDF_TEXT.indexOf('Road Safety')]);
    });

    it('gives each PDF passage the page it starts on', () => {
      expect(passagesOf('dgsn-2019').map((passage) => [passage.page, passage.text.split('\n')[0]])).toEqual([
        [1, 'During the year 2019, the police seized 12 tons of cannabis resin'],
        [1, 'Arrests for drug trafficking rose by 8% compared with the year before.'],
        [2, 'In 2019, 3,500 traffic accidents were recorded in urban areas,'],
      ]);
      expect(passagesOf('dgsn-2019')[2]!.section).toBe('Road Safety');
    });

    it('cuts the HTML page into passages of report text, without the page furniture', () => {
      const passages = passagesOf('dgsn-2018-web');
      expect(passages.map((passage) => [passage.section, passage.page])).toEqual([
        [null, null],
        ['Cybercrime', null],
        ['Cybercrime', null],
      ]);
      for (const passage of passages) for (const debris of REPORT_HTML_DEBRIS) expect(passage.text).not.toContain(debris);
    });

    it('gives text reports no page', () => {
      expect(passagesOf('dgsn-2024-press').every((passage) => passage.page === null)).toBe(true);
    });

    it('saves the text extracted from the PDF and the HTML page as data/text/<id>.txt, and nothing for text reports', () => {
      expect(readdirSync(path.join(paths.dataDir, TEXT_DIR)).sort()).toEqual(['dgsn-2018-web.txt', 'dgsn-2019.txt']);
      expect(readFileSync(path.join(paths.dataDir, TEXT_DIR, 'dgsn-2019.txt'), 'utf8')).toBe(REPORT_PDF_TEXT);
      expect(readFileSync(path.join(paths.dataDir, TEXT_DIR, 'dgsn-2018-web.txt'), 'utf8')).toBe(REPORT_HTML_TEXT);
      expect(build.bundle.reports.map((report) => [report.id, report.extracted])).toEqual([
        ['dgsn-2019', true],
        ['dgsn-2018-web', true],
        ['dgsn-2024-press', false],
      ]);
    });

    it('gives every passage of an extracted report the offsets of its text in data/text/<id>.txt', () => {
      for (const id of ['dgsn-2019', 'dgsn-2018-web']) {
        const text = readFileSync(path.join(paths.dataDir, TEXT_DIR, `${id}.txt`), 'utf8');
        for (const passage of passagesOf(id)) expect(text.slice(passage.start, passage.end)).toBe(passage.text);
      }
    });
  });
});
