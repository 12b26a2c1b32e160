// The downloads' formats, on rows of their own words.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvExport, neutraliseCell, type ExportRow } from '../../server/exports.ts';

const row = (text: string): ExportRow => ({
  id: 'dgsn-2024-p001',
  year: 2024,
  reportId: 'dgsn-2024',
  report: 'Report 2024',
  section: '',
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
