// Stage 3 of a search, score: what a passage's own words (its index terms, one list per word) add.
import { describe, expect, it } from 'vitest';
import type { Hit } from '../../../server/search/retrieve.ts';
import { closeness, countsAMatch } from '../../../server/search/score.ts';

const words = (...terms: string[]) => terms.map((term) => [term]);
const hit = (...terms: string[]): Hit => ({ score: 1, quality: 1, terms: new Set(terms), phrases: [], inText: true });

describe('countsAMatch', () => {
  it('is true when a figure stands at most two words before a matched word ("1,010 disciplinary sanctions")', () => {
    expect(countsAMatch(words('1010', 'disciplinari', 'sanction'), [hit('sanction')])).toBe(true);
  });

  it('is false when the figure stands further off, or counts another word', () => {
    expect(countsAMatch(words('1010', 'staff', 'receiv', 'disciplinari', 'sanction'), [hit('sanction')])).toBe(false);
    expect(countsAMatch(words('sanction', 'rose', 'to', '1010'), [hit('sanction')])).toBe(false);
  });
});

describe('closeness', () => {
  it('is 1 when one match of each requirement stands side by side', () => {
    expect(closeness(words('drug', 'seizur', 'rose'), [hit('drug'), hit('seizur')])).toBe(1);
  });

  it('falls as the matches spread out: two words in a window of four', () => {
    expect(closeness(words('drug', 'cannabi', 'resin', 'seizur'), [hit('drug'), hit('seizur')])).toBe(0.5);
  });

  it('is 0 for a single requirement, or when one has no match in the passage', () => {
    expect(closeness(words('drug', 'seizur'), [hit('drug')])).toBe(0);
    expect(closeness(words('drug', 'seizur'), [hit('drug'), undefined])).toBe(0);
  });
});
