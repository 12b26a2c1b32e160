// Reading each kind of corpus file into the text the indexer cuts into passages. Plain text and Markdown
// are read as they are (offsets point into the file itself); HTML goes through a real HTML parser and
// PDF through its text layer (offsets point into the extracted text, which the build saves beside the
// index, and a PDF passage keeps its page number).
import { parse } from 'parse5';
import { extractText, getDocumentProxy } from 'unpdf';

/** What a corpus file gives the indexer. */
export interface ExtractedDocument {
  /** The text to cut into passages. */
  text: string;
  /** For a PDF, the offset in `text` where each page starts (page 1 first); null for other files. */
  pageStarts: number[] | null;
  /** True when `text` was extracted (HTML, PDF) rather than being the file's own characters. */
  extracted: boolean;
  /** A title the file declares (HTML <title> or <h1>), or null. */
  title: string | null;
}

/** The largest file the indexer reads. */
export const MAX_FILE_BYTES = 100 * 2 ** 20;

/** A file that cannot become passages, with the reason in one sentence. */
export class ExtractionError extends Error {}

// Elements that are page furniture, never report text, and the names that mark blocks of it.
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'svg', 'button', 'select', 'input', 'textarea', 'head']);
const DEBRIS_NAMES = /\b(comments?|respond|reply|related|share|sharing|social|breadcrumbs?|menu|navbar|sidebar|widget|advert|ads?|newsletter|cookie|player|you-may-also-like|read-more|tags?)\b/i;
const BLOCKS = new Set(['p', 'div', 'li', 'blockquote', 'td', 'th', 'pre', 'section', 'article', 'main', 'dd', 'dt', 'figcaption', 'caption', 'br', 'tr', 'ul', 'ol', 'table']);
const HEADINGS = /^h([1-6])$/;

interface HtmlNode {
  nodeName: string;
  value?: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

/**
 * The text of an HTML page: one paragraph per block element, headings as Markdown headings ("## …") so
 * the indexer makes them sections, and navigation, scripts, forms, comments and related-article blocks
 * left out.
 */
export function htmlToText(html: string): { text: string; title: string | null } {
  const document = parse(html) as unknown as HtmlNode;
  const blocks: string[] = [];
  let current = '';
  let title: string | null = null;
  let firstHeading: string | null = null;
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text !== '') blocks.push(text);
    current = '';
  };
  const walk = (node: HtmlNode) => {
    const name = node.tagName ?? node.nodeName;
    if (name === 'title') {
      title = (node.childNodes ?? []).map((child) => child.value ?? '').join('').replace(/\s+/g, ' ').trim() || null;
      return;
    }
    if (name === '#text') {
      current += node.value ?? '';
      return;
    }
    // The <head> holds no report text, only the <title> looked for above.
    if (name === 'head') {
      for (const child of node.childNodes ?? []) if ((child.tagName ?? child.nodeName) === 'title') walk(child);
      return;
    }
    if (SKIPPED_ELEMENTS.has(name)) return;
    const names = (node.attrs ?? []).filter((attr) => attr.name === 'class' || attr.name === 'id' || attr.name === 'role').map((attr) => attr.value).join(' ');
    if (names !== '' && DEBRIS_NAMES.test(names)) return;
    const heading = HEADINGS.exec(name);
    if (heading !== null) {
      flush();
      for (const child of node.childNodes ?? []) walk(child);
      const text = current.replace(/\s+/g, ' ').trim();
      current = '';
      if (text !== '') {
        blocks.push(`${'#'.repeat(Math.min(Number(heading[1]), 2))} ${text}`);
        firstHeading ??= text;
      }
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content !== undefined) walk(node.content);
    if (block) flush();
  };
  walk(document);
  flush();
  return { text: blocks.join('\n\n'), title: title ?? firstHeading };
}

/** The text layer of a PDF, page by page; a PDF without one (a scan) is an error that says it needs OCR. */
export async function pdfToText(bytes: Uint8Array, file: string): Promise<{ text: string; pageStarts: number[] }> {
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    pages = (await extractText(pdf, { mergePages: false })).text;
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    if (name === 'PasswordException') throw new ExtractionError(`indexer: ${file} is an encrypted PDF; save an unencrypted copy to index it`);
    throw new ExtractionError(`indexer: ${file} is not a readable PDF (${(error as Error).message})`);
  }
  const pageStarts: number[] = [];
  let text = '';
  for (const page of pages) {
    if (text !== '') text += '\n\n';
    pageStarts.push(text.length);
    text += page.replace(/[ \t]+\n/g, '\n').trim();
  }
  if (text.trim() === '') throw new ExtractionError(`indexer: ${file} has no text layer (a scanned document?); run OCR on it before adding it`);
  return { text, pageStarts };
}

/** The page (1-based) of an offset in a PDF's text. */
export function pageAt(pageStarts: number[], offset: number): number {
  let page = 1;
  for (let i = 0; i < pageStarts.length; i++) if (pageStarts[i]! <= offset) page = i + 1;
  return page;
}
