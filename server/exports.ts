// Downloads of all passages matching a search: CSV (through csv-stringify, so quoting is right), JSON and
// Markdown. Each row: id, year, report id and title, kind of source, section, paragraph number, page,
// the offsets of the text in the source file, themes, text and permalink.
import { stringify } from 'csv-stringify/sync';
import type { exportRows } from './pages.ts';

/** One exported passage. */
export type ExportRow = ReturnType<typeof exportRows>[number];

/** A file to download. */
export interface Download {
  filename: string;
  contentType: string;
  body: string;
}

const COLUMNS: Array<keyof ExportRow> = ['id', 'year', 'reportId', 'report', 'kind', 'section', 'paragraph', 'page', 'start', 'end', 'file', 'themes', 'text', 'permalink'];

function baseName(q: string): string {
  const slug = q.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `dgsn-search-${slug === '' ? 'results' : slug}`;
}

/**
 * A cell a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return,
 * as a crafted report's text could) is prefixed with an apostrophe, which spreadsheets show as text.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvExport(q: string, rows: ExportRow[]): Download {
  return {
    filename: `${baseName(q)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: stringify(rows, { header: true, columns: COLUMNS, quoted_string: true, cast: { string: neutraliseCell } }),
  };
}

export function jsonExport(q: string, rows: ExportRow[]): Download {
  return { filename: `${baseName(q)}.json`, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ query: q, total: rows.length, passages: rows }, null, 2) };
}

/**
 * Text as Markdown that renders as the text itself: on one line, with the characters Markdown reads as
 * markup (links, emphasis, HTML, code, tables) escaped, so a query or a crafted report cannot add a link
 * or a heading to a researcher's notes.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>|#!~])/g, '\\$1');
}

export function markdownExport(q: string, rows: ExportRow[], searchUrl: string): Download {
  const lines = [`# Search: ${escapeMarkdown(q)}`, '', `${rows.length} ${rows.length === 1 ? 'passage' : 'passages'} — <${searchUrl}>`, ''];
  for (const row of rows) {
    const heading = `${row.year} — ${row.report}${row.section === '' ? '' : ` — ${row.section}`}`;
    lines.push(`## ${escapeMarkdown(heading)}`, '', `> ${escapeMarkdown(row.text)}`, '', `Themes: ${escapeMarkdown(row.themes)}. [${row.id}](${row.permalink})`, '');
  }
  return { filename: `${baseName(q)}.md`, contentType: 'text/markdown; charset=utf-8', body: lines.join('\n') };
}
