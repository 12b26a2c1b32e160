// Property-based tests with fast-check: for any text a user can send as a query or a question, the search
// and the answers never throw and keep their documented shape, and highlighted text is the passage's own.
import fc from 'fast-check';
import he from 'he';
import { describe, expect, it } from 'vitest';
import { Answerer } from '../../server/answer/answerer.ts';
import { highlight, markedSpans, snippet } from '../../server/search/highlight.ts';
import { noFilters } from '../../server/search/search-core.ts';
import { realCore } from '../support/corpus-server.ts';

const core = await realCore();
const answerer = new Answerer(core);

// Queries as a hostile or clumsy user writes them: any Unicode (lone surrogates and control characters
// included), the query language's own operators, markup, and very long text.
const PIECES = ['sextortion', 'police', 'cocaine', '2024', '"', '“', '”', 'OR', '-', '--', 'year:2024', 'year:abc', 'year:2020..2023', 'theme:drugs', 'theme:', 'report:dgsn-2023', 'site:x', '(', ')', '*', '\\', '\u0000', '\u202e', '\u200b', '🚓', 'الأمن', '<script>', '</mark>', '&amp;', '%00', '?', 'How many', '19,722,041', 'E-Blagh'];
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((parts) => parts.join(' ')),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', minLength: 9000, maxLength: 10000 }),
);

// A snippet's text: marks removed, entities decoded, the ellipses at its ends dropped.
const plain = (html: string) => he.decode(html.replace(/<\/?mark>/g, '')).replace(/^… /, '').replace(/ …$/, '');

describe('search, for any query', () => {
  it('never throws, keeps its shape, and snippets are text of their passage', () => {
    fc.assert(
      fc.property(hostile, (q) => {
        const response = core.search({ q, filters: noFilters(), limit: 10, offset: 0, sort: 'relevance' });
        expect(response.query).toBe(q);
        expect(Number.isInteger(response.total)).toBe(true);
        expect(response.results.length).toBeLessThanOrEqual(10);
        expect(typeof response.facets.year).toBe('object');
        expect(Array.isArray(response.parsed.notices)).toBe(true);
        for (const result of response.results) {
          expect(result.text).toContain(plain(result.snippetHtml));
          expect(result.snippetHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('answers, for any question', () => {
  it('never throw, and either answer from a verbatim sentence or say why not', () => {
    fc.assert(
      fc.property(hostile, (q) => {
        const response = answerer.answer(q);
        expect(response.question).toBe(q);
        if (response.answer === null) {
          expect(typeof response.reason).toBe('string');
        } else {
          expect(response.answer.passage.text).toContain(response.answer.sentence);
          expect(response.answer.sentence).toContain(response.answer.text);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the highlighter, for any text and query', () => {
  it('marks only the text itself: without its marks and entities, the output is the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), hostile, (text, q) => {
        const spans = markedSpans(text, core.marksFor(q));
        expect(he.decode(highlight(text, spans).replace(/<\/?mark>/g, ''))).toBe(text);
        expect(text).toContain(plain(snippet(text, spans)));
      }),
      { numRuns: 300 },
    );
  });
});
