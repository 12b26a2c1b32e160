// Reading the figures of a sentence: what each figure is worth, what it measures, its unit, and exactly
// where it stands, on literal sentences in the style of the reports.
import { describe, expect, it } from 'vitest';
import { findValues, wordsToNumber } from '../../../server/answer/numbers.ts';

describe('findValues', () => {
  describe('when a figure has thousands separators', () => {
    it('reads it as one count without its commas', () => {
      expect(findValues('The units carried out 448,256 interventions.')).toEqual([
        { value: 448256, kind: 'count', unit: null, start: 22, end: 29, text: '448,256' },
      ]);
    });

    it('reads several groups of three digits', () => {
      expect(findValues('Criminal assets valued at 331,907,537 were seized.')).toEqual([
        { value: 331907537, kind: 'count', unit: null, start: 26, end: 37, text: '331,907,537' },
      ]);
    });

    it('leaves out the full stop that ends the sentence', () => {
      expect(findValues('The total rose to 1,150,000.')).toEqual([
        { value: 1150000, kind: 'count', unit: null, start: 18, end: 27, text: '1,150,000' },
      ]);
    });
  });

  describe('when a figure has decimals', () => {
    it('reads tons as an amount with its unit', () => {
      expect(findValues('Seizures reached 1.948 tons of cocaine.')).toEqual([
        { value: 1.948, kind: 'amount', unit: 'tons', start: 17, end: 27, text: '1.948 tons' },
      ]);
    });

    it('reads kilograms written "kg"', () => {
      expect(findValues('They seized 16.53 kg of heroin.')).toEqual([
        { value: 16.53, kind: 'amount', unit: 'kg', start: 12, end: 20, text: '16.53 kg' },
      ]);
    });

    it('reads a decimal after thousands separators', () => {
      expect(findValues('1,176.954 violations')).toEqual([
        { value: 1176.954, kind: 'count', unit: null, start: 0, end: 9, text: '1,176.954' },
      ]);
    });
  });

  describe('when a figure is a percentage', () => {
    it('reads the % sign as the unit', () => {
      expect(findValues('The clearance rate reached 95%.')).toEqual([
        { value: 95, kind: 'percentage', unit: '%', start: 27, end: 30, text: '95%' },
      ]);
    });

    it('reads a decimal percentage', () => {
      expect(findValues('an increase of 194.5% compared with last year')).toEqual([
        { value: 194.5, kind: 'percentage', unit: '%', start: 15, end: 21, text: '194.5%' },
      ]);
    });

    it('reads the word "percent" as %', () => {
      expect(findValues('Thefts fell by 18 percent.')).toEqual([
        { value: 18, kind: 'percentage', unit: '%', start: 15, end: 25, text: '18 percent' },
      ]);
    });

    it('reads "per cent" in two words as %', () => {
      expect(findValues('a fall of 30 per cent')).toEqual([
        { value: 30, kind: 'percentage', unit: '%', start: 10, end: 21, text: '30 per cent' },
      ]);
    });

    it('reads "percentage points" as %', () => {
      expect(findValues('a rise of 3.5 percentage points')).toEqual([
        { value: 3.5, kind: 'percentage', unit: '%', start: 10, end: 31, text: '3.5 percentage points' },
      ]);
    });
  });

  describe('when a scale word follows the figure', () => {
    it('multiplies by it and keeps the unit after it', () => {
      expect(findValues('A budget of 40 million dirhams was allocated.')).toEqual([
        { value: 40_000_000, kind: 'amount', unit: 'dirhams', start: 12, end: 30, text: '40 million dirhams' },
      ]);
    });

    it('multiplies by it when no unit follows', () => {
      expect(findValues('More than 25 million visits were recorded.')).toEqual([
        { value: 25_000_000, kind: 'count', unit: null, start: 10, end: 20, text: '25 million' },
      ]);
    });

    it('finds no figure in a scale word alone', () => {
      expect(findValues('million')).toEqual([]);
    });
  });

  describe('when a figure is written in words', () => {
    it('reads words restated in digits as one figure, the digits giving the value', () => {
      expect(findValues('The DGSN created fourteen (14) new security structures.')).toEqual([
        { value: 14, kind: 'count', unit: null, start: 17, end: 30, text: 'fourteen (14)' },
      ]);
    });

    it('reads digits with a leading zero after the words', () => {
      expect(findValues('six (06) open entrance exams')).toEqual([
        { value: 6, kind: 'count', unit: null, start: 0, end: 8, text: 'six (06)' },
      ]);
    });

    it('reads a capitalised number word', () => {
      expect(findValues('Fourteen (14) structures')).toEqual([
        { value: 14, kind: 'count', unit: null, start: 0, end: 13, text: 'Fourteen (14)' },
      ]);
    });

    it('reads a scale word and a unit after the words', () => {
      expect(findValues('The fund allocated one million dirhams to the victims.')).toEqual([
        { value: 1_000_000, kind: 'amount', unit: 'dirhams', start: 19, end: 38, text: 'one million dirhams' },
      ]);
    });

    it('reads a hyphenated number', () => {
      expect(findValues('twenty-five officers')).toEqual([
        { value: 25, kind: 'count', unit: null, start: 0, end: 11, text: 'twenty-five' },
      ]);
    });

    it('reads "hundred and" as part of the number', () => {
      expect(findValues('two hundred and fifty')).toEqual([
        { value: 250, kind: 'count', unit: null, start: 0, end: 21, text: 'two hundred and fifty' },
      ]);
    });

    it('reads a unit after a number in words', () => {
      expect(findValues('eight kilograms of heroin and 501 grams of cocaine')).toEqual([
        { value: 8, kind: 'amount', unit: 'kg', start: 0, end: 15, text: 'eight kilograms' },
        { value: 501, kind: 'amount', unit: 'grams', start: 30, end: 39, text: '501 grams' },
      ]);
    });
  });

  describe('when a figure is a year', () => {
    it('reads four digits from 1950 to 2099 as a year', () => {
      expect(findValues('In 2023, the police grew.')).toEqual([{ value: 2023, kind: 'year', unit: null, start: 3, end: 7, text: '2023' }]);
    });

    it('reads both years of "between … and …"', () => {
      expect(findValues('between 2023 and 2024')).toEqual([
        { value: 2023, kind: 'year', unit: null, start: 8, end: 12, text: '2023' },
        { value: 2024, kind: 'year', unit: null, start: 17, end: 21, text: '2024' },
      ]);
    });

    it('reads a year next to a count as a separate figure', () => {
      expect(findValues('compared with 80,091 in 2022')).toEqual([
        { value: 80091, kind: 'count', unit: null, start: 14, end: 20, text: '80,091' },
        { value: 2022, kind: 'year', unit: null, start: 24, end: 28, text: '2022' },
      ]);
    });
  });

  describe('when a figure is an ordinal', () => {
    it('reads a digit ordinal with its value', () => {
      expect(findValues('the 5th edition of the Open Days')).toEqual([{ value: 5, kind: 'ordinal', unit: null, start: 4, end: 7, text: '5th' }]);
    });

    it('reads every suffix: st, nd, rd and th', () => {
      expect(findValues('1st, 2nd and 3rd').map((value) => [value.kind, value.value, value.text])).toEqual([
        ['ordinal', 1, '1st'],
        ['ordinal', 2, '2nd'],
        ['ordinal', 3, '3rd'],
      ]);
    });

    it('reads an ordinal word as an ordinal, never as a count', () => {
      expect(findValues('the fourth edition').map(({ kind, unit, start, end, text }) => ({ kind, unit, start, end, text }))).toEqual([
        { kind: 'ordinal', unit: null, start: 4, end: 10, text: 'fourth' },
      ]);
    });
  });

  describe('when a figure is a date', () => {
    it('reads a month, a range of days and a year as one date', () => {
      expect(findValues('the Open Days, on May 17-21, 2024 in Agadir')).toEqual([
        { value: 17, kind: 'date', unit: null, start: 18, end: 33, text: 'May 17-21, 2024' },
      ]);
    });

    it('reads a month and a day', () => {
      expect(findValues('The platform went live on June 3.')).toEqual([
        { value: 3, kind: 'date', unit: null, start: 26, end: 32, text: 'June 3' },
      ]);
    });

    it('reads a day before the month', () => {
      expect(findValues('on 17 June 2024')).toEqual([{ value: 17, kind: 'date', unit: null, start: 3, end: 15, text: '17 June 2024' }]);
    });

    it('reads a month and a year without a day as a date', () => {
      expect(findValues('in June 2024')).toEqual([{ value: 2024, kind: 'date', unit: null, start: 3, end: 12, text: 'June 2024' }]);
    });

    it('reads an ISO date as one date and a range of two years as years', () => {
      expect(findValues('on 2024-05-17').map((v) => [v.kind, v.text])).toEqual([['date', '2024-05-17']]);
      expect(findValues('the 2022-2026 strategy').map((v) => [v.kind, v.text])).toEqual([['year', '2022-2026']]);
    });

    it('gives ordinal words their number', () => {
      expect(findValues('the fourth edition').map((v) => [v.kind, v.value])).toEqual([['ordinal', 4]]);
    });
  });

  describe('when digits are part of a name', () => {
    it('finds no figure in "TASER-7"', () => {
      expect(findValues('TASER-7 devices were bought')).toEqual([]);
    });

    it('finds no figure in "COVID-19", whatever its case', () => {
      expect(findValues('the COVID-19 pandemic and the Covid-19 crisis')).toEqual([]);
    });

    it('still finds the figures around the name', () => {
      expect(findValues('a total of 560 “TASER-7” tasers')).toEqual([{ value: 560, kind: 'count', unit: null, start: 11, end: 14, text: '560' }]);
    });

    it('finds no figure in letters and digits written together', () => {
      expect(findValues('G7, A4 and H1N1')).toEqual([]);
    });
  });

  describe('when a figure has a unit', () => {
    it('normalises the spelling of the unit', () => {
      expect(findValues('3 tonnes, 230 kilograms and 100,000 MAD').map((value) => [value.value, value.kind, value.unit])).toEqual([
        [3, 'amount', 'tons'],
        [230, 'amount', 'kg'],
        [100000, 'amount', 'dirhams'],
      ]);
    });

    it('reads a two-word currency', () => {
      expect(findValues('1,000 US dollars')).toEqual([
        { value: 1000, kind: 'amount', unit: 'dollars', start: 0, end: 16, text: '1,000 US dollars' },
      ]);
    });

    it('counts durations rather than calling them amounts', () => {
      expect(findValues('12 hours')).toEqual([{ value: 12, kind: 'count', unit: 'hours', start: 0, end: 8, text: '12 hours' }]);
    });
  });

  describe('when a sentence has several figures', () => {
    it('returns them all, in the order of the text, a compound quantity as one', () => {
      expect(findValues('Seizures included 123 tons and 971 kg of cannabis resin, 1.948 tons of cocaine, 16.53 kg of heroin.')).toEqual([
        { value: 123.971, kind: 'amount', unit: 'tons', start: 18, end: 37, text: '123 tons and 971 kg' },
        { value: 1.948, kind: 'amount', unit: 'tons', start: 57, end: 67, text: '1.948 tons' },
        { value: 16.53, kind: 'amount', unit: 'kg', start: 80, end: 88, text: '16.53 kg' },
      ]);
    });

    it('keeps "132 kilograms and 167 grams" whole too, and leaves two separate quantities apart', () => {
      expect(findValues('amounted to 132 kilograms and 167 grams').map((value) => [value.text, value.value])).toEqual([['132 kilograms and 167 grams', 132.167]]);
      expect(findValues('12 tons and 250 officers').map((value) => value.text)).toEqual(['12 tons', '250']);
    });

    it('keeps a compound quantity whole when its larger part is written in words ("eight kilograms and 501 grams")', () => {
      expect(findValues('heroin seizures stood at eight kilograms and 501 grams this year').map((value) => [value.text, value.value, value.unit])).toEqual([['eight kilograms and 501 grams', 8.501, 'kg']]);
    });
  });

  describe('when a figure is a schedule or a ratio', () => {
    it('is no count: "7/7" and "24/24" give no figure', () => {
      expect(findValues('The centres operate on a 7/7 and 24/24 basis, and 24h/24.')).toEqual([]);
      expect(findValues('They answered 7 calls on a 24/24 basis.').map((value) => value.text)).toEqual(['7']);
    });

    it('gives offsets that slice the text back to each figure', () => {
      const text = 'Of the 6,637 civil servants hired, 52% attended six (06) sessions on June 3.';
      expect(findValues(text).map((value) => text.slice(value.start, value.end) === value.text)).toEqual([true, true, true, true]);
    });
  });

  describe('when the text has no figure', () => {
    it('returns an empty list for empty text', () => {
      expect(findValues('')).toEqual([]);
    });

    it('returns an empty list for words without numbers', () => {
      expect(findValues('No figures here at all.')).toEqual([]);
    });

    it('does not misread a comma followed by fewer than three digits as a separator', () => {
      expect(findValues('1,5')).toEqual([]);
    });
  });

  describe('when the text is unusual', () => {
    it('reads digits next to emoji', () => {
      expect(findValues('😀 12 cases')).toEqual([{ value: 12, kind: 'count', unit: null, start: 3, end: 5, text: '12' }]);
    });

    it('reads digits inside right-to-left text', () => {
      expect(findValues('عدد 12 حالة')).toEqual([{ value: 12, kind: 'count', unit: null, start: 4, end: 6, text: '12' }]);
    });

    it('reads digits inside markup as plain text', () => {
      expect(findValues('<b>12</b> cases')).toEqual([{ value: 12, kind: 'count', unit: null, start: 3, end: 5, text: '12' }]);
    });
  });
});

describe('wordsToNumber', () => {
  describe('when the words are a number', () => {
    it('reads a single word', () => {
      expect(wordsToNumber('fourteen')).toBe(14);
    });

    it('reads a hyphenated number', () => {
      expect(wordsToNumber('twenty-five')).toBe(25);
    });

    it('reads any case', () => {
      expect(wordsToNumber('Twenty Five')).toBe(25);
    });

    it('multiplies by a scale word', () => {
      expect(wordsToNumber('one million')).toBe(1_000_000);
    });

    it('skips "and"', () => {
      expect(wordsToNumber('two hundred and fifty')).toBe(250);
    });

    it('adds the parts of a compound number', () => {
      expect(wordsToNumber('three million two hundred thousand')).toBe(3_200_000);
    });

    it('multiplies stacked scale words', () => {
      expect(wordsToNumber('five hundred million')).toBe(500_000_000);
    });

    it('reads a scale word alone as one of it', () => {
      expect(wordsToNumber('hundred')).toBe(100);
    });

    it('reads zero', () => {
      expect(wordsToNumber('zero')).toBe(0);
    });
  });

  describe('when the words are not a number', () => {
    it('returns null for an empty string', () => {
      expect(wordsToNumber('')).toBeNull();
    });

    it('returns null for "and" alone', () => {
      expect(wordsToNumber('and')).toBeNull();
    });

    it('returns null for a word that is no number', () => {
      expect(wordsToNumber('officers')).toBeNull();
    });

    it('returns null when any word is no number', () => {
      expect(wordsToNumber('twenty officers')).toBeNull();
    });
  });
});
