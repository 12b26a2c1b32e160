// Highlighting: which stretches of a passage to mark, the escaped HTML with <mark>, and the snippet of
// about fifty words around the densest cluster of marks.
import { describe, expect, it } from 'vitest';
import { highlight, markedSpans, snippet, type MarkSpec } from '../../../server/search/highlight.ts';

const spec = (terms: string[], phrases: string[][] = []): MarkSpec => ({ terms: new Set(terms), phrases });

/** `w0 w1 … w(n-1)`, with some words replaced: the long texts of the snippet tests. */
function numberedWords(count: number, replaced: Record<number, string> = {}): string {
  return Array.from({ length: count }, (_, i) => replaced[i] ?? `w${i}`).join(' ');
}

/** `w<from> … w<to>` with the same replacements, as the snippet shows them. */
function shownWords(from: number, to: number, replaced: Record<number, string> = {}): string {
  return Array.from({ length: to - from + 1 }, (_, k) => replaced[from + k] ?? `w${from + k}`).join(' ');
}

describe('markedSpans', () => {
  describe('when terms are given', () => {
    it('marks every word that reduces to one of them, wherever it stands', () => {
      expect(markedSpans('Cases of sextortion fell; sextortion is rare.', spec(['sextort']))).toEqual([
        { start: 9, end: 19 },
        { start: 26, end: 36 },
      ]);
    });

    it('marks a compound whole when one of its parts is a term', () => {
      expect(markedSpans('E-Blagh platform', spec(['blagh']))).toEqual([{ start: 0, end: 7 }]);
    });

    it('marks nothing when no word matches', () => {
      expect(markedSpans('Cases of sextortion fell.', spec(['cocain']))).toEqual([]);
    });
  });

  describe('when a phrase is given', () => {
    it('marks it as one span, the small words inside it included', () => {
      expect(markedSpans('Cases of sexual extortion via the Internet rose by 10%.', spec([], [['sexual', 'extort', 'via', 'internet']]))).toEqual([
        { start: 9, end: 42 },
      ]);
    });

    it('breaks the span where punctuation stands between its words, leaving the small words after it unmarked', () => {
      expect(markedSpans('cybercrime, extortion, and online blackmail', spec([], [['extort', 'onlin', 'blackmail']]))).toEqual([
        { start: 12, end: 21 },
        { start: 27, end: 43 },
      ]);
    });

    it('marks each place where its words stand together, in order', () => {
      expect(markedSpans('sexual extortion and sexual extortion', spec([], [['sexual', 'extort']]))).toEqual([
        { start: 0, end: 16 },
        { start: 21, end: 37 },
      ]);
    });

    it('does not mark its words apart or out of order', () => {
      expect(markedSpans('extortion that is sexual', spec([], [['sexual', 'extort']]))).toEqual([]);
    });

    it('ignores an empty phrase', () => {
      expect(markedSpans('sexual extortion', spec([], [[]]))).toEqual([]);
    });
  });

  describe('when marks touch', () => {
    it('joins marks separated only by white space', () => {
      expect(markedSpans('drug trafficking networks', spec(['drug', 'traffick']))).toEqual([{ start: 0, end: 16 }]);
    });

    it('joins a term mark with an adjacent phrase mark', () => {
      expect(markedSpans('online sexual extortion cases', spec(['onlin'], [['sexual', 'extort']]))).toEqual([{ start: 0, end: 23 }]);
    });

    it('keeps marks apart when punctuation or a word stands between them', () => {
      expect(markedSpans('drug, trafficking', spec(['drug', 'traffick']))).toEqual([
        { start: 0, end: 4 },
        { start: 6, end: 17 },
      ]);
      expect(markedSpans('cases of drugs', spec(['case', 'drug']))).toEqual([
        { start: 0, end: 5 },
        { start: 9, end: 14 },
      ]);
    });
  });
});

describe('highlight', () => {
  it('wraps each span in <mark>', () => {
    expect(highlight('Cases of sextortion fell.', [{ start: 9, end: 19 }])).toBe('Cases of <mark>sextortion</mark> fell.');
  });

  it('escapes <, >, &, and both quotes, leaving only <mark> as markup', () => {
    expect(highlight('Fees & "taxes" <b>it\'s</b>', [{ start: 0, end: 4 }])).toBe(
      '<mark>Fees</mark> &amp; &quot;taxes&quot; &lt;b&gt;it&#39;s&lt;/b&gt;',
    );
  });

  it('escapes a <script> element even where a word of it is marked', () => {
    const text = 'Use <script>alert("x")</script> for drugs';
    expect(highlight(text, markedSpans(text, spec(['script', 'drug'])))).toBe(
      'Use &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; for <mark>drugs</mark>',
    );
  });

  it('escapes a text without marks', () => {
    expect(highlight('a < b', [])).toBe('a &lt; b');
  });

  it('shows only the part from `from` to `to`, cutting a span that crosses the edge', () => {
    expect(highlight('one two three four', [{ start: 0, end: 7 }], 4, 13)).toBe('<mark>two</mark> three');
  });
});

describe('snippet', () => {
  describe('when the text is short', () => {
    it('returns the whole text, highlighted, without ellipses', () => {
      const text = 'Short text with drugs & more.';
      expect(snippet(text, markedSpans(text, spec(['drug'])))).toBe('Short text with <mark>drugs</mark> &amp; more.');
    });

    it('counts as short up to ten words over the snippet length', () => {
      const text = numberedWords(60);
      expect(snippet(text, [])).toBe(text);
    });
  });

  describe('when the text is long', () => {
    it('shows fifty words from a little before the densest cluster of marks, with an ellipsis at each cut', () => {
      const replaced = { 10: 'drugs', 80: 'drugs', 82: 'drugs' };
      const text = numberedWords(120, replaced);
      const marked = { 80: '<mark>drugs</mark>', 82: '<mark>drugs</mark>' };
      expect(snippet(text, markedSpans(text, spec(['drug'])))).toBe(`… ${shownWords(68, 117, marked)} …`);
    });

    it('prefers three marks close together to one mark alone', () => {
      const text = numberedWords(120, { 5: 'drugs', 60: 'drugs', 62: 'drugs', 64: 'drugs' });
      const marked = { 60: '<mark>drugs</mark>', 62: '<mark>drugs</mark>', 64: '<mark>drugs</mark>' };
      expect(snippet(text, markedSpans(text, spec(['drug'])))).toBe(`… ${shownWords(48, 97, marked)} …`);
    });

    it('prefers marks of two different words to more marks of one word', () => {
      const text = numberedWords(120, { 10: 'police', 12: 'police', 14: 'police', 80: 'police', 83: 'women' });
      const marked = { 80: '<mark>police</mark>', 83: '<mark>women</mark>' };
      expect(snippet(text, markedSpans(text, spec(['polic', 'women'])))).toBe(`… ${shownWords(68, 117, marked)} …`);
    });

    it('ends at the last word, without a closing ellipsis, when the marks are near the end', () => {
      const text = numberedWords(120, { 110: 'drugs', 115: 'drugs' });
      const marked = { 110: '<mark>drugs</mark>', 115: '<mark>drugs</mark>' };
      expect(snippet(text, markedSpans(text, spec(['drug'])))).toBe(`… ${shownWords(70, 119, marked)}`);
    });

    it('shows the first fifty words when nothing is marked', () => {
      expect(snippet(numberedWords(120), [])).toBe(`${shownWords(0, 49)} …`);
    });

    it('takes another length and escapes the words it shows', () => {
      const text = numberedWords(120, { 60: 'a<b' });
      const start = text.indexOf('a<b');
      expect(snippet(text, [{ start, end: start + 3 }], 4)).toBe('… w59 <mark>a&lt;b</mark> w61 w62 …');
    });

    it('moves on to show a figure that closely follows the marks', () => {
      const text = numberedWords(120, { 30: 'hashish', 46: '1,234' });
      const marked = { 30: '<mark>hashish</mark>' };
      expect(snippet(text, markedSpans(text, spec(['hashish'])), 20)).toBe(`… ${shownWords(29, 48, { ...marked, 46: '1,234' })} …`);
    });

    it('does not move for a year, which is no figure', () => {
      const text = numberedWords(120, { 30: 'hashish', 46: '2023' });
      expect(snippet(text, markedSpans(text, spec(['hashish'])), 20)).toBe(`… ${shownWords(25, 44, { 30: '<mark>hashish</mark>' })} …`);
    });

    it('takes time in proportion to the text, however many marks it has', () => {
      const text = 'drugs '.repeat(200_000);
      const spans = markedSpans(text, spec(['drug']));
      expect(spans.length).toBe(1);
      const many = Array.from({ length: 100_000 }, (_, i) => ({ start: i * 6, end: i * 6 + 5 }));
      expect(snippet(text, many)).toMatch(/^<mark>drugs<\/mark>/);
    });
  });
});
