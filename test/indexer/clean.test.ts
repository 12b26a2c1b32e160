import { describe, expect, it } from 'vitest';
import { clean, debrisReason, documentTitle, isTitleLike, splitLines, type CleanText } from '../../indexer/clean.ts';

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

  it.each([
    ['- Advertisement -', 'advertisement'],
    ['ADVERTISEMENT', 'advertisement'],
    ['Publicité', 'advertisement'],
    ['— Sponsored —', 'advertisement'],
    ['Story continues below advertisement', 'advertisement'],
    ['© Copyright : DR', 'credit line'],
    ['(c) 2024 Le Journal', 'credit line'],
    ['Copyright Daily News, all rights reserved.', 'credit line'],
    ['Photo: MAP', 'credit line'],
    ['Crédit photo : DR', 'credit line'],
    ['Tous droits réservés', 'credit line'],
    ['Tags: police, security', 'tag line'],
    ['Mots-clés : DGSN, sécurité', 'tag line'],
    ['#DGSN #police', 'tag line'],
    ['election2024', 'tag line'],
    ['Related: Police open days draw record crowds in El Jadida', 'related link'],
    ['READ ALSO: Hashish seizures at the port of Tangier', 'related link'],
    ['Lire aussi : Les portes ouvertes de la police à Agadir', 'related link'],
    ['https://news.example.org/2024/12/police-report', 'related link'],
    ['By Samira Alaoui', 'byline'],
    ['Par Karim El Amrani', 'byline'],
    ['Published on 30 December 2024 at 10:15', 'publication date'],
    ['Mis à jour le 31/12/2024', 'publication date'],
  ])('names %j %s', (line, reason) => {
    expect(debrisReason(line)).toBe(reason);
  });

  describe('when the line is text', () => {
    it('is null, even when it starts like a widget', () => {
      expect(debrisReason('The police seized drugs.')).toBeNull();
      expect(debrisReason('Live coverage of the event drew crowds.')).toBeNull();
      expect(debrisReason('Homepage » News')).toBeNull();
    });

    it('is null, even when it starts like a credit, a tag, a link or a byline', () => {
      expect(debrisReason('Copyright infringement cases rose by 12% in 2024.')).toBeNull();
      expect(debrisReason('Photographs of the suspects were circulated to every police station.')).toBeNull();
      expect(debrisReason('Related to this, the police opened 13 new stations.')).toBeNull();
      expect(debrisReason('Read also the annex on road safety.')).toBeNull();
      expect(debrisReason('By December 2024, the police had opened 13 new stations.')).toBeNull();
      expect(debrisReason('Par ailleurs, la police a ouvert 13 commissariats.')).toBeNull();
      expect(debrisReason('Published figures show a fall in 2024.')).toBeNull();
      expect(debrisReason('COVID-19')).toBeNull();
      expect(debrisReason('CNIE 2.0')).toBeNull();
    });

    it('is null for a credit-like line too long to be a credit', () => {
      expect(debrisReason('Photo: the new headquarters of the national police in Rabat, inaugurated in 2025 by the director general in the presence of many guests')).toBeNull();
    });
  });
});

describe('documentTitle', () => {
  const cleaned = clean('Crime Falls in 2024\nThe police said so.');

  it('takes the title the file declares', () => {
    expect(documentTitle('DGSN report 2024', cleaned)).toBe('DGSN report 2024');
  });

  it('takes the opening title line when the file declares none', () => {
    expect(documentTitle(null, cleaned)).toBe('Crime Falls in 2024');
  });

  describe('when the declared title is debris', () => {
    it('takes the opening title line instead', () => {
      expect(documentTitle('© Copyright : DR', cleaned)).toBe('Crime Falls in 2024');
      expect(documentTitle('ADVERTISEMENT', clean('The police said so.'))).toBeNull();
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

  describe('when debris stands above the headline', () => {
    const page = ['© Copyright : DR', '- Advertisement -', 'Police Open Days Draw Crowds', 'Visitors came in their thousands.'].join('\n');

    it('takes the headline as the title, and drops the credit and the advertisement', () => {
      expect(clean(page)).toEqual({
        title: { start: 35, end: 63, text: 'Police Open Days Draw Crowds' },
        blocks: [{ start: 64, end: 97, text: 'Visitors came in their thousands.' }],
        dropped: [
          { start: 0, end: 16, text: '© Copyright : DR', reason: 'credit line' },
          { start: 17, end: 34, text: '- Advertisement -', reason: 'advertisement' },
        ],
      });
    });
  });

  describe('when a related-articles marker stands alone in the text', () => {
    it('drops it and the headlines under it, and keeps the text after them', () => {
      const text = ['Crime fell.', 'READ ALSO:', 'Hashish seized in Tangier', 'New stations open in Agadir', 'Arrests rose.'].join('\n');
      const cleaned = clean(text);
      expect(cleaned.blocks.map((block) => block.text)).toEqual(['Crime fell.', 'Arrests rose.']);
      expect(cleaned.dropped.map((line) => [line.reason, line.text])).toEqual([
        ['related articles', 'READ ALSO:'],
        ['related articles', 'Hashish seized in Tangier'],
        ['related articles', 'New stations open in Agadir'],
      ]);
      expectExactOffsets(text, cleaned);
    });

    it('stops at a numbered or Markdown heading, which is the text’s own', () => {
      for (const heading of ['3- Road Safety', '## Road Safety']) {
        const text = ['Crime fell.', 'Read also', 'Hashish seized in Tangier', heading, 'Road deaths fell.'].join('\n');
        expect(clean(text).blocks.map((block) => block.text)).toEqual(['Crime fell.', heading, 'Road deaths fell.']);
      }
    });
  });

  describe('when the page ends with a list of headlines after its last sentence', () => {
    it('drops them as related articles', () => {
      const text = ['Crime fell in 2024.', 'Police seize three tons of hashish', 'Road deaths fall in the cities'].join('\n');
      expect(clean(text).blocks.map((block) => block.text)).toEqual(['Crime fell in 2024.']);
      expect(clean(text).dropped.map((line) => line.reason)).toEqual(['related articles', 'related articles']);
    });

    describe('but the list is the text’s own', () => {
      it('keeps a list introduced by a colon, a bulleted list and a single closing line', () => {
        const introduced = ['Crime fell.', 'The plans for 2025:', 'Open the new headquarters in Rabat', 'Launch the training centre in Ifrane'].join('\n');
        const bulleted = ['Crime fell.', '- Open the new headquarters in Rabat', '- Launch the training centre in Ifrane'].join('\n');
        const closing = ['Crime fell.', 'Long live the security of the Kingdom'].join('\n');
        for (const text of [introduced, bulleted, closing]) expect(clean(text).dropped).toEqual([]);
      });
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
