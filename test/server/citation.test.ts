// Citations of a passage, ready to paste: the exact quote, the report, the paragraph and the permalink.
import { describe, expect, it } from 'vitest';
import type { Passage, Report } from '../../indexer/types.ts';
import { bibtexCitation, citations, markdownCitation, plainCitation, type CitationInput } from '../../server/citation.ts';

const report: Report = {
  id: 'dgsn-2024',
  file: 'corpus/dgsn-2024.txt',
  title: 'DGSN 2024 Report',
  year: 2024,
  kind: 'annual-report',
  publisher: 'DGSN',
  language: 'en',
  note: null,
  translation: null,
  listed: true,
  passages: 3,
  words: 30,
  debrisLines: 0,
  sha256: 'abc',
  extracted: false,
};

const passage: Passage = {
  id: 'dgsn-2024-p002',
  reportId: 'dgsn-2024',
  file: 'corpus/dgsn-2024.txt',
  year: 2024,
  ordinal: 2,
  section: 'Cybercrime',
  sectionPath: ['Cybercrime'],
  themes: ['cybercrime'],
  themeEvidence: [],
  start: 10,
  end: 42,
  text: 'Cases of sextortion fell by 23%.',
  words: 6,
  page: null,
};

const input: CitationInput = { passage, report, permalink: 'https://example.org/passages/dgsn-2024-p002' };

/** The input with no publisher, no section, and text full of TeX's special characters. */
const special: CitationInput = {
  passage: { ...passage, section: null, text: 'Costs & fees: 50% of {budget} for e_blagh, $5 #1 ^ ~ \\ end' },
  report: { ...report, publisher: null, title: 'R&D_report {x} 100%' },
  permalink: 'https://example.org/passages/dgsn-2024-p002',
};

describe('plainCitation', () => {
  it('gives the quote, publisher, title, year, section, paragraph and permalink', () => {
    expect(plainCitation(input)).toBe(
      '“Cases of sextortion fell by 23%.” — DGSN, DGSN 2024 Report (2024), section “Cybercrime”, paragraph 2. https://example.org/passages/dgsn-2024-p002',
    );
  });

  describe('when the publisher and section are unknown', () => {
    it('leaves them out and keeps the text as it is', () => {
      expect(plainCitation(special)).toBe(
        '“Costs & fees: 50% of {budget} for e_blagh, $5 #1 ^ ~ \\ end” — R&D_report {x} 100% (2024), paragraph 2. https://example.org/passages/dgsn-2024-p002',
      );
    });
  });
});

describe('markdownCitation', () => {
  it('gives a block quote, then the source with a link named by the passage id', () => {
    expect(markdownCitation(input)).toBe(
      '> Cases of sextortion fell by 23%.\n\n— DGSN, DGSN 2024 Report (2024), section “Cybercrime”, paragraph 2. [dgsn-2024-p002](https://example.org/passages/dgsn-2024-p002)',
    );
  });
});

describe('bibtexCitation', () => {
  it('gives a @misc entry keyed by the passage id without punctuation', () => {
    expect(bibtexCitation(input)).toBe(
      [
        '@misc{dgsn2024p002,',
        '  title = {{DGSN 2024 Report}},',
        '  author = {{DGSN}},',
        '  year = {2024},',
        "  note = {Paragraph 2, section ``Cybercrime''. Quote: ``Cases of sextortion fell by 23\\%.''},",
        '  howpublished = {\\url{https://example.org/passages/dgsn-2024-p002}}',
        '}',
      ].join('\n'),
    );
  });

  describe('when the text holds & % _ { } and the other TeX specials', () => {
    it('escapes them in the title and the quote, and names the DGSN when the publisher is unknown', () => {
      expect(bibtexCitation(special)).toBe(
        [
          '@misc{dgsn2024p002,',
          '  title = {{R\\&D\\_report \\{x\\} 100\\%}},',
          '  author = {{General Directorate of National Security (DGSN)}},',
          '  year = {2024},',
          "  note = {Paragraph 2. Quote: ``Costs \\& fees: 50\\% of \\{budget\\} for e\\_blagh, \\$5 \\#1 \\^{} \\~{} \\textbackslash{} end''},",
          '  howpublished = {\\url{https://example.org/passages/dgsn-2024-p002}}',
          '}',
        ].join('\n'),
      );
    });
  });
});

describe('citations', () => {
  it('gives the three formats together', () => {
    expect(citations(input)).toEqual({ plain: plainCitation(input), markdown: markdownCitation(input), bibtex: bibtexCitation(input) });
  });
});

describe('a translation', () => {
  it('is cited as one, after the year', () => {
    const translated = { ...input, report: { ...input.report, translation: 'machine' as const } };
    expect(plainCitation(translated)).toContain('DGSN 2024 Report (2024), machine translation,');
  });
});
