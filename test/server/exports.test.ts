// The downloads' formats, on rows of their own words.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvExport, escapeMarkdown, markdownExport, neutraliseCell, type ExportRow } from '../../server/exports.ts';

const row = (text: string): ExportRow => ({
  id: 'dgsn-2024-p001',
  year: 2024,
  reportId: 'dgsn-2024',
  report: 'Report 2024',
  kind: 'annual-report',
  section: '',
  paragraph: 1,
  page: '',
  start: 0,
  end: text.length,
  file: 'corpus/dgsn-2024.txt',
  themes: 'crime',
  text,
  permalink: 'http://localhost:3000/passages/dgsn-2024-p001',
});

describe('neutraliseCell', () => {
  it('prefixes with an apostrophe a cell a spreadsheet would read as a formula', () => {
    for (const cell of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  it('leaves every other cell as it is', () => {
    for (const cell of ['Crime fell by 10%', '', '1,010 sanctions', 'a = b']) expect(neutraliseCell(cell)).toBe(cell);
  });
});

describe('csvExport', () => {
  it('writes a crafted passage starting with "=" as text, and the others verbatim', () => {
    const { body } = csvExport('q', [row('=cmd|"/C calc"!A0'), row('Crime fell.')]);
    const records = parse(body, { columns: true }) as Array<Record<string, string>>;
    expect(records.map((record) => record.text)).toEqual(['\'=cmd|"/C calc"!A0', 'Crime fell.']);
  });
});

describe('escapeMarkdown', () => {
  it('escapes what Markdown would read as markup, so the text renders as itself', () => {
    expect(escapeMarkdown('[click](javascript:alert(1)) <b>bold</b> *x* _y_ `z` # h | t')).toBe(
      '\\[click\\](javascript:alert(1)) \\<b\\>bold\\</b\\> \\*x\\* \\_y\\_ \\`z\\` \\# h \\| t',
    );
  });

  it('keeps the text on one line', () => {
    expect(escapeMarkdown('police\n# Injected heading')).toBe('police \\# Injected heading');
  });

  it('leaves ordinary text as it is', () => {
    expect(escapeMarkdown('Crime fell by 10% in 2024, to 755,541 cases.')).toBe('Crime fell by 10% in 2024, to 755,541 cases.');
  });
});

describe('markdownExport', () => {
  it('quotes a crafted query and passage as text', () => {
    const { body } = markdownExport('x\n# Owned [a](http://evil)', [row('See [here](http://evil).')], 'http://localhost:3000/search?q=x');
    expect(body.split('\n')[0]).toBe('# Search: x \\# Owned \\[a\\](http://evil)');
    expect(body).toContain('> See \\[here\\](http://evil).');
    expect(body).not.toMatch(/^# Owned/m);
  });
});
