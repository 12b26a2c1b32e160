// Citations of a passage, ready to paste: plain text, Markdown and BibTeX. Each carries the exact quote,
// the report title, year, paragraph number and permalink.
import type { Passage, Report } from '../indexer/types.ts';

/** What a citation is made of. */
export interface CitationInput {
  passage: Passage;
  report: Report;
  /** Absolute URL of the passage page. */
  permalink: string;
}

/** The three citation formats of a passage. */
export interface Citations {
  plain: string;
  markdown: string;
  bibtex: string;
}

function source({ passage, report }: CitationInput): string {
  const publisher = report.publisher === null ? '' : `${report.publisher}, `;
  const section = passage.section === null ? '' : `, section “${passage.section}”`;
  const page = passage.page === null || passage.page === undefined ? '' : `, p. ${passage.page}`;
  // A translation is cited as one: its words are the translator's, not the publisher's.
  const translation = report.translation === 'machine' ? ', machine translation' : report.translation === 'human' ? ', translation' : '';
  return `${publisher}${report.title} (${report.year})${translation}${section}${page}, paragraph ${passage.ordinal}`;
}

/** `“quote” — publisher, title (year), section “…”, paragraph n. permalink` */
export function plainCitation(input: CitationInput): string {
  return `“${input.passage.text}” — ${source(input)}. ${input.permalink}`;
}

/** A block quote followed by the source with a link. */
export function markdownCitation(input: CitationInput): string {
  return `> ${input.passage.text}\n\n— ${source(input)}. [${input.passage.id}](${input.permalink})`;
}

// Characters that BibTeX or LaTeX would read as commands.
function bibEscape(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (c) => ({ '\\': '\\textbackslash{}', '^': '\\^{}', '~': '\\~{}' })[c] ?? `\\${c}`);
}

// TeX quotation marks around escaped text: ``text''.
function texQuote(text: string): string {
  return '``' + bibEscape(text) + "''";
}

/** A @misc entry keyed by the passage id. */
export function bibtexCitation({ passage, report, permalink }: CitationInput): string {
  const fields = [
    ['title', `{${bibEscape(report.title)}}`],
    ['author', `{${bibEscape(report.publisher ?? 'General Directorate of National Security (DGSN)')}}`],
    ['year', report.year],
    ['note', `Paragraph ${passage.ordinal}${passage.section === null ? '' : `, section ${texQuote(passage.section)}`}. Quote: ${texQuote(passage.text)}`],
    ['howpublished', `\\url{${permalink.replace(/[{}%#\\]/g, (c) => `\\${c}`)}}`],
  ];
  return `@misc{${passage.id.replace(/[^A-Za-z0-9]/g, '')},\n${fields.map(([key, value]) => `  ${key} = {${value}}`).join(',\n')}\n}`;
}

/** All three formats. */
export function citations(input: CitationInput): Citations {
  return { plain: plainCitation(input), markdown: markdownCitation(input), bibtex: bibtexCitation(input) };
}
