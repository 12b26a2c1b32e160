import { describe, expect, it } from 'vitest';
import { countWords } from '../../language/analyzer.ts';
import { splitLines } from '../../indexer/clean.ts';
import {
  cutAtSentences,
  DEFAULT_SEGMENT_OPTIONS,
  findInlineHeadings,
  headingLabel,
  headingLevel,
  segment,
  splitRunOns,
  titleCaseRatio,
} from '../../indexer/segment.ts';
import { splitSentences } from '../../indexer/sentences.ts';

// Each line of the text is one block, as the clean stage gives them.
const segmentLines = (text: string) => segment(text, splitLines(text));
const sentenceTexts = (groups: Array<Array<{ text: string }>>) => groups.map((group) => group.map((s) => s.text));

describe('headingLevel', () => {
  it('gives 1 to an ordinal heading and 2 to a numbered one', () => {
    expect(headingLevel('First: Crime-fighting Statistics')).toBe(1);
    expect(headingLevel('Third : Road Safety')).toBe(1);
    expect(headingLevel('1- Drug Trafficking')).toBe(2);
    expect(headingLevel('2. Cybercrime')).toBe(2);
  });

  it('gives 0 to a line of bare numbers, such as a page number', () => {
    expect(headingLevel('12')).toBe(0);
    expect(headingLevel('2024')).toBe(0);
    expect(headingLevel('19,722,041')).toBe(0);
  });

  it('gives a Markdown heading its depth, at most 2', () => {
    expect(headingLevel('# Overview')).toBe(1);
    expect(headingLevel('### Details')).toBe(2);
  });

  it('gives 1 to a short Title Case line', () => {
    expect(headingLevel('Future Projects: Consolidating Gains and Enhancing Readiness')).toBe(1);
  });

  describe('when the line is text', () => {
    it('gives 0 to a sentence, even an ordinal one', () => {
      expect(headingLevel('The police seized drugs')).toBe(0);
      expect(headingLevel('First: the police seized drugs.')).toBe(0);
    });

    it('gives 0 to a line of more than 20 words', () => {
      expect(headingLevel(`First: ${Array(20).fill('Word').join(' ')}`)).toBe(0);
    });

    it('gives 0 to a list with commas that is mostly lower case', () => {
      expect(headingLevel('Roads, traffic and fines')).toBe(0);
    });

    it('gives 0 to an empty line, white space and right-to-left text', () => {
      expect(headingLevel('')).toBe(0);
      expect(headingLevel('   ')).toBe(0);
      expect(headingLevel('الأمن الوطني')).toBe(0);
    });
  });
});

describe('headingLabel', () => {
  it('removes a leading dash and a trailing colon', () => {
    expect(headingLabel('– Drug Trafficking:')).toBe('Drug Trafficking');
    expect(headingLabel('- Migration :')).toBe('Migration');
  });

  it('keeps the colon inside an ordinal heading', () => {
    expect(headingLabel('First: Crime')).toBe('First: Crime');
  });

  it('gives an empty label for an empty string', () => {
    expect(headingLabel('')).toBe('');
  });
});

describe('titleCaseRatio', () => {
  it('counts capitalised words and numbers among the content words', () => {
    expect(titleCaseRatio('Future Projects of the Year')).toBe(1);
    expect(titleCaseRatio('2024 Results')).toBe(1);
    expect(titleCaseRatio('The Police and the people')).toBe(0.5);
  });

  it('is 0 without content words', () => {
    expect(titleCaseRatio('')).toBe(0);
    expect(titleCaseRatio('of the and')).toBe(0);
  });
});

describe('findInlineHeadings', () => {
  describe('when a short sentence comes just before the heading', () => {
    it('leaves the sentence to the prose', () => {
      const text = 'Crime fell sharply. Crime-fighting Statistics: Clearance Rates Climb The year 2024 was good.';
      expect(findInlineHeadings(text).map((h) => [h.label, h.start])).toEqual([['Crime-fighting Statistics: Clearance Rates Climb', 20]]);
    });
  });

  describe('when a sentence introduces a heading with a colon', () => {
    it('keeps the sentence as prose and finds the heading after it', () => {
      const text = 'Crime fell. The report covers two themes: – Road Safety: Fewer Deaths The number of deaths fell.';
      expect(findInlineHeadings(text).map((h) => [h.label, h.level])).toEqual([['Road Safety: Fewer Deaths', 2]]);
    });
  });

  it('finds a heading run into prose after a sentence, as a span of the document', () => {
    const text = 'Arrests rose in every region this year. Crime-fighting Statistics: Clearance Rates Climb The year 2024 was marked by a clearance rate of 95%.';
    const label = 'Crime-fighting Statistics: Clearance Rates Climb';
    expect(findInlineHeadings(text, 1000)).toEqual([{ start: 1040, end: 1088, text: label, label, level: 1 }]);
  });

  it('finds a run-in parent heading and its numbered subsections', () => {
    const text = 'Security Activities 1- Fighting Crime: Rates Fall The police arrested many people. 2- Drug Trafficking: Record Seizures In 2024 the police seized cannabis.';
    expect(findInlineHeadings(text).map(({ label, level }) => [label, level])).toEqual([
      ['Security Activities', 1],
      ['1- Fighting Crime: Rates Fall', 2],
      ['2- Drug Trafficking: Record Seizures', 2],
    ]);
  });

  describe('when the colon is followed by prose', () => {
    it('finds nothing', () => {
      expect(findInlineHeadings('Note: the figures are provisional.')).toEqual([]);
      expect(findInlineHeadings('Crime Statistics: Clearance Rates Climb. The year was good.')).toEqual([]);
    });
  });

  it('finds nothing in plain prose or an empty string', () => {
    expect(findInlineHeadings('The police seized drugs. Nothing else happened here.')).toEqual([]);
    expect(findInlineHeadings('')).toEqual([]);
  });
});

describe('cutAtSentences', () => {
  const options = { maxWords: 10, targetWords: 6, minWords: 1 };

  it('keeps a run of sentences within maxWords whole', () => {
    const sentences = splitSentences('Police opened new stations. Officers patrolled the town.');
    expect(cutAtSentences(sentences, options)).toEqual([sentences]);
  });

  describe('when the run is longer than maxWords', () => {
    it('prefers to cut before a sentence that turns to a new subject', () => {
      const sentences = splitSentences('Police opened new stations. Regarding drugs, seizures rose. Officers patrolled the town.');
      expect(sentenceTexts(cutAtSentences(sentences, options))).toEqual([
        ['Police opened new stations.'],
        ['Regarding drugs, seizures rose.', 'Officers patrolled the town.'],
      ]);
    });

    it('never puts more than maxWords in a piece and keeps every sentence in order', () => {
      const text = Array.from({ length: 60 }, (_, i) => `The police ${'patrolled '.repeat(i % 11)}the city.`).join(' ');
      const sentences = splitSentences(text);
      const groups = cutAtSentences(sentences, { maxWords: 40, targetWords: 25, minWords: 10 });
      for (const group of groups) expect(countWords(group.map((s) => s.text).join(' '))).toBeLessThanOrEqual(40);
      expect(groups.flat()).toEqual(sentences);
    });
  });

  describe('when one sentence is longer than maxWords', () => {
    it('keeps that sentence whole in a piece of its own', () => {
      const sentences = splitSentences('One two three four five six seven eight nine ten eleven twelve. Short one here.');
      expect(sentenceTexts(cutAtSentences(sentences, { maxWords: 5, targetWords: 3, minWords: 1 }))).toEqual([
        ['One two three four five six seven eight nine ten eleven twelve.'],
        ['Short one here.'],
      ]);
    });
  });
});

describe('splitRunOns', () => {
  it('leaves sentences within the limit as they are', () => {
    const sentences = splitSentences('Police opened new stations. Officers patrolled.');
    expect(splitRunOns(sentences, 5)).toEqual(sentences);
  });

  it('cuts a longer sentence at word boundaries into pieces of the limit, each a span of the text', () => {
    const text = 'one two three four five six seven eight nine ten eleven';
    const pieces = splitRunOns(splitSentences(text, 100), 4);
    expect(pieces.map((piece) => piece.text)).toEqual(['one two three four', 'five six seven eight', 'nine ten eleven']);
    for (const piece of pieces) expect(text.slice(piece.start - 100, piece.end - 100)).toBe(piece.text);
  });
});

describe('segment', () => {
  describe('when a paragraph never ends a sentence (a run-on report)', () => {
    it('cuts it into passages of at most maxWords words, losing no word', () => {
      const text = Array.from({ length: 100_000 }, (_, i) => `word${i % 97}`).join(' ');
      const { passages } = segmentLines(text);
      expect(passages.length).toBe(Math.ceil(100_000 / DEFAULT_SEGMENT_OPTIONS.maxWords));
      for (const passage of passages) expect(passage.words).toBeLessThanOrEqual(DEFAULT_SEGMENT_OPTIONS.maxWords);
      expect(passages.reduce((sum, passage) => sum + passage.words, 0)).toBe(100_000);
    });
  });

  describe('when headings stand on lines of their own', () => {
    it('makes "First: …" and "1- …" lines sections, not passages', () => {
      const text = 'First: Crime\nCrime fell sharply. Arrests rose.\n1- Theft\nThefts fell.\nSecond: Drugs\nSeizures rose.';
      expect(segmentLines(text)).toEqual({
        passages: [
          { start: 13, end: 46, text: 'Crime fell sharply. Arrests rose.', sectionPath: ['First: Crime'], words: 5 },
          { start: 56, end: 68, text: 'Thefts fell.', sectionPath: ['First: Crime', '1- Theft'], words: 2 },
          { start: 83, end: 97, text: 'Seizures rose.', sectionPath: ['Second: Drugs'], words: 2 },
        ],
        headings: [
          { start: 0, end: 12, text: 'First: Crime', label: 'First: Crime', level: 1 },
          { start: 47, end: 55, text: '1- Theft', label: '1- Theft', level: 2 },
          { start: 69, end: 82, text: 'Second: Drugs', label: 'Second: Drugs', level: 1 },
        ],
      });
    });

    it('nests an unnumbered heading under an ordinal one', () => {
      const text = 'Fifth: Careers\nSocial Protection and Health Coverage\nThe foundation helped families.';
      expect(segmentLines(text).passages.map((p) => p.sectionPath)).toEqual([
        ['Fifth: Careers', 'Social Protection and Health Coverage'],
      ]);
    });

    it('labels a Markdown heading without its hashes', () => {
      const text = '# Overview\nText here.\n## Details\nMore text.';
      expect(segmentLines(text).passages.map((p) => [p.text, p.sectionPath])).toEqual([
        ['Text here.', ['Overview']],
        ['More text.', ['Overview', 'Details']],
      ]);
    });
  });

  describe('when a heading is run into the prose', () => {
    const text = 'Arrests rose in every region this year. Crime-fighting Statistics: Clearance Rates Climb The year 2024 was marked by a clearance rate of 95%.';

    it('cuts the paragraph around the heading, which becomes the section of the text after it', () => {
      expect(segmentLines(text).passages).toEqual([
        { start: 0, end: 39, text: 'Arrests rose in every region this year.', sectionPath: [], words: 7 },
        {
          start: 89,
          end: 141,
          text: 'The year 2024 was marked by a clearance rate of 95%.',
          sectionPath: ['Crime-fighting Statistics: Clearance Rates Climb'],
          words: 11,
        },
      ]);
    });

    it('never lets a passage contain a heading', () => {
      const { passages, headings } = segmentLines(text);
      for (const passage of passages) {
        for (const heading of headings) expect(passage.text).not.toContain(heading.text);
      }
    });
  });

  describe('when a paragraph is longer than maxWords', () => {
    it('cuts it into passages at sentence boundaries, each exactly its span of the document', () => {
      const text = 'Police opened new stations. Regarding drugs, seizures rose. Officers patrolled the town.';
      const { passages } = segment(text, splitLines(text), { maxWords: 10, targetWords: 6, minWords: 1 });
      expect(passages.map((p) => p.text)).toEqual([
        'Police opened new stations.',
        'Regarding drugs, seizures rose. Officers patrolled the town.',
      ]);
      for (const passage of passages) expect(text.slice(passage.start, passage.end)).toBe(passage.text);
    });
  });

  it('gives an empty result of the normal shape when there are no blocks', () => {
    expect(segment('', [])).toEqual({ passages: [], headings: [] });
  });
});
