import { describe, expect, it } from 'vitest';
import { clean, debrisReason, isTitleLike, splitLines, type CleanText } from '../../indexer/clean.ts';

function expectExactOffsets(original: string, cleaned: CleanText): void {
  const spans = [...(cleaned.title === null ? [] : [cleaned.title]), ...cleaned.blocks, ...cleaned.dropped];
  for (const span of spans) expect(original.slice(span.start, span.end)).toBe(span.text);
}

describe('splitLines', () => {
  it('gives the non-blank lines, trimmed, with their offsets', () => {
    expect(splitLines('  one  \r\n\n two\rthree\n   \n')).toEqual([
      { start: 2, end: 5, text: 'one' },
      { start: 11, end: 14, text: 'two' },
      { start: 15, end: 20, text: 'three' },
    ]);
  });

  it('gives no line for an empty string or only white space', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines(' \n\t\n')).toEqual([]);
  });
});

describe('debrisReason', () => {
  it('names the rule a line of page furniture breaks', () => {
    expect(debrisReason('Home » Society')).toBe('breadcrumb');
    expect(debrisReason('Accueil › Actualités')).toBe('breadcrumb');
    expect(debrisReason('- in Society')).toBe('category tag');
    expect(debrisReason('Stylish Audio Player')).toBe('player widget');
    expect(debrisReason('Radio ExpressTV')).toBe('player widget');
    expect(debrisReason('Loading…')).toBe('player widget');
    expect(debrisReason('Leave a Reply')).toBe('comment form');
    expect(debrisReason('Your email address will not be published. Required fields are marked *')).toBe('comment form');
    expect(debrisReason('Share this article')).toBe('share widget');
  });

  describe('when the line is text', () => {
    it('is null, even when it starts like a widget', () => {
      expect(debrisReason('The police seized drugs.')).toBeNull();
      expect(debrisReason('Live coverage of the event drew crowds.')).toBeNull();
      expect(debrisReason('Homepage » News')).toBeNull();
    });
  });
});

describe('isTitleLike', () => {
  it('is true for a short line without closing punctuation', () => {
    expect(isTitleLike('DGSN Annual Report 2024')).toBe(true);
    expect(isTitleLike('Future Projects:')).toBe(true);
  });

  it('is false for a sentence', () => {
    expect(isTitleLike('The police seized 12 tons of drugs.')).toBe(false);
    expect(isTitleLike('Is it?')).toBe(false);
    expect(isTitleLike('He said “stop.”')).toBe(false);
  });

  it('is false for a line of more than 30 words', () => {
    expect(isTitleLike(Array(30).fill('word').join(' '))).toBe(true);
    expect(isTitleLike(Array(31).fill('word').join(' '))).toBe(false);
  });
});

describe('clean', () => {
  describe('when the document is a news web page', () => {
    const page = [
      'DGSN Unveils Its 2024 Annual Report',
      'Home » Society',
      'DGSN unveils its 2024 annual report',
      'Listen to this article',
      'The DGSN published its annual report on Monday.',
      'Leave a Reply',
      'You may also like',
      'Other story about football.',
    ].join('\n');
    const cleaned = clean(page);

    it('keeps the title and the text, and drops the debris with its reason', () => {
      expect(cleaned).toEqual({
        title: { start: 0, end: 35, text: 'DGSN Unveils Its 2024 Annual Report' },
        blocks: [{ start: 110, end: 157, text: 'The DGSN published its annual report on Monday.' }],
        dropped: [
          { start: 36, end: 50, text: 'Home » Society', reason: 'breadcrumb' },
          { start: 51, end: 86, text: 'DGSN unveils its 2024 annual report', reason: 'repeated title' },
          { start: 87, end: 109, text: 'Listen to this article', reason: 'player widget' },
          { start: 158, end: 171, text: 'Leave a Reply', reason: 'comment form' },
          { start: 172, end: 189, text: 'You may also like', reason: 'related articles' },
          { start: 190, end: 217, text: 'Other story about football.', reason: 'related articles' },
        ],
      });
    });

    it('keeps every span exactly the original text between its offsets', () => {
      expectExactOffsets(page, cleaned);
    });
  });

  describe('when the title comes back after the body has begun', () => {
    it('keeps it as text', () => {
      const text = 'Crime Report\nCrime fell.\nCrime Report';
      expect(clean(text).blocks.map((block) => block.text)).toEqual(['Crime fell.', 'Crime Report']);
    });
  });

  describe('when a sentence is hard-wrapped over lines', () => {
    it('joins the lines into one paragraph, but not across a blank line', () => {
      const text = 'The General Directorate of National Security recorded a sharp\nrise in seizures of cannabis resin.\n\nnew paragraph after a blank line.';
      const cleaned = clean(text);
      expect(cleaned.blocks).toEqual([
        { start: 0, end: 97, text: 'The General Directorate of National Security recorded a sharp\nrise in seizures of cannabis resin.' },
        { start: 99, end: 132, text: 'new paragraph after a blank line.' },
      ]);
      expectExactOffsets(text, cleaned);
    });
  });

  describe('when lines end with carriage returns', () => {
    it('keeps the offsets exact', () => {
      const text = 'Annual Report 2024\r\nCrime fell.\r\nHome » News\r\n';
      const cleaned = clean(text);
      expect(cleaned.title).toEqual({ start: 0, end: 18, text: 'Annual Report 2024' });
      expect(cleaned.blocks).toEqual([{ start: 20, end: 31, text: 'Crime fell.' }]);
      expectExactOffsets(text, cleaned);
    });
  });

  describe('when the document is a single line', () => {
    it('keeps it as text, not as a title', () => {
      expect(clean('Only one line without a stop')).toEqual({
        title: null,
        blocks: [{ start: 0, end: 28, text: 'Only one line without a stop' }],
        dropped: [],
      });
    });
  });

  describe('when the document opens with a sentence', () => {
    it('has no title', () => {
      expect(clean('Crime fell.\nArrests rose.').title).toBeNull();
    });
  });

  it('keeps right-to-left text and emoji as they are', () => {
    expect(clean('الأمن الوطني 👮.').blocks).toEqual([{ start: 0, end: 16, text: 'الأمن الوطني 👮.' }]);
  });

  it('gives an empty result of the normal shape for an empty or blank document', () => {
    expect(clean('')).toEqual({ title: null, blocks: [], dropped: [] });
    expect(clean(' \n\n\t ')).toEqual({ title: null, blocks: [], dropped: [] });
  });
});
