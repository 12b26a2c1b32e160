import { describe, expect, it } from 'vitest';
import { formatTable } from '../../indexer/main.ts';

describe('formatTable', () => {
  it('aligns the columns under a header and a rule, numbers to the right', () => {
    expect(formatTable(['report', 'year', 'kind'], [['dgsn-2024', 2024, 'annual-report'], ['x', 20, 'press-article']])).toBe(
      [
        'report     year  kind',
        '---------  ----  -------------',
        'dgsn-2024  2024  annual-report',
        'x            20  press-article',
      ].join('\n'),
    );
  });

  it('widens a column to its header when the header is the longest cell', () => {
    expect(formatTable(['debris lines', 'ms'], [[3, 12]])).toBe(['debris lines  ms', '------------  --', '           3  12'].join('\n'));
  });

  describe('when a column mixes numbers and strings', () => {
    it('aligns it to the left', () => {
      expect(formatTable(['n', 'name'], [[15, 'x'], ['7', 'y']])).toBe(['n   name', '--  ----', '15  x', '7   y'].join('\n'));
    });
  });

  describe('when a row ends with empty cells', () => {
    it('trims the white space at the end of the line', () => {
      expect(formatTable(['name', 'note'], [['a', ''], ['bbb', 'z']])).toBe(['name  note', '----  ----', 'a', 'bbb   z'].join('\n'));
    });
  });

  describe('when a row has fewer cells than the header', () => {
    it('prints the cells it has', () => {
      expect(formatTable(['a', 'b'], [['only']])).toBe(['a     b', '----  -', 'only'].join('\n'));
    });
  });

  describe('when there are no rows', () => {
    it('prints the header and the rule', () => {
      expect(formatTable(['report', 'year'], [])).toBe(['report  year', '------  ----'].join('\n'));
    });
  });

  it('keeps right-to-left text as it is', () => {
    expect(formatTable(['title'], [['الأمن']])).toBe(['title', '-----', 'الأمن'].join('\n'));
  });
});
