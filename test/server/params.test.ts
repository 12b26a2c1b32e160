// Request parameters: every value a user can send becomes a typed value or a BadRequest that names the
// parameter and what is allowed.
import { describe, expect, it } from 'vitest';
import { BadRequest } from '../../server/errors.ts';
import { readFilters, readInteger, readQuery, readSearchRequest, readSort, type Vocabularies } from '../../server/params.ts';

const known: Vocabularies = { years: [2020, 2023, 2024], themes: ['drugs', 'cybercrime'], reports: ['dgsn-2023', 'dgsn-2024'], kinds: ['annual-report', 'press-article'] };

/** Expects `read` to throw a BadRequest (status 400) with exactly this message. */
function expectBadRequest(read: () => unknown, message: string): void {
  let caught: unknown;
  try {
    read();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(BadRequest);
  expect(caught).toMatchObject({ status: 400, message });
}

describe('readQuery', () => {
  it('returns the text as sent, white space included', () => {
    expect(readQuery('  sextortion 2024 ')).toBe('  sextortion 2024 ');
  });

  it('accepts exactly 500 characters', () => {
    expect(readQuery('a'.repeat(500))).toHaveLength(500);
  });

  it('accepts a one-element array', () => {
    expect(readQuery(['drugs'])).toBe('drugs');
  });

  describe.each([
    ['missing', undefined, 'q is required: the text to search for'],
    ['empty', '', 'q is required: the text to search for'],
    ['blank', '  \t ', 'q is required: the text to search for'],
    ['501 characters long', 'a'.repeat(501), 'q must be at most 500 characters (got 501)'],
    ['repeated', ['drugs', 'hashish'], 'q must be given once'],
    ['repeated with the same value', ['drugs', 'drugs'], 'q must be given once'],
    ['a nested object', { a: 'b' }, 'q must be plain text, not a structure'],
    ['an array holding an object', ['drugs', { a: 'b' }], 'q must be plain text, not a structure'],
  ])('when q is %s', (_, raw, message) => {
    it('throws a BadRequest that says so', () => {
      expectBadRequest(() => readQuery(raw), message);
    });
  });

  it('names another parameter when asked to', () => {
    expectBadRequest(() => readQuery(undefined, 'question'), 'question is required: the text to search for');
  });
});

describe('readInteger', () => {
  const readLimit = (raw: unknown) => readInteger('limit', raw, 1, 100, 10);

  it.each([
    [undefined, 10],
    ['', 10],
    ['1', 1],
    ['100', 100],
    ['007', 7],
    [' 5 ', 5],
  ])('reads %j as %i', (raw, value) => {
    expect(readLimit(raw)).toBe(value);
  });

  describe.each([
    ['0', 'limit must be a whole number from 1 to 100 (got "0")'],
    ['101', 'limit must be a whole number from 1 to 100 (got "101")'],
    ['abc', 'limit must be a whole number from 1 to 100 (got "abc")'],
    ['1.5', 'limit must be a whole number from 1 to 100 (got "1.5")'],
    ['-1', 'limit must be a whole number from 1 to 100 (got "-1")'],
    ['1e2', 'limit must be a whole number from 1 to 100 (got "1e2")'],
    ['0x10', 'limit must be a whole number from 1 to 100 (got "0x10")'],
    ['9999999999', 'limit must be a whole number from 1 to 100 (got "9999999999")'],
  ])('when the value is %j', (raw, message) => {
    it('throws a BadRequest that gives the range and the value', () => {
      expectBadRequest(() => readLimit(raw), message);
    });
  });

  describe('when the value is repeated or nested', () => {
    it('throws a BadRequest that says so', () => {
      expectBadRequest(() => readLimit(['1', '2']), 'limit must be given once');
      expectBadRequest(() => readLimit({ x: '1' }), 'limit must be plain text, not a structure');
    });
  });

  describe('for the offset of a search', () => {
    it('accepts 10000 and refuses 10001', () => {
      expect(readInteger('offset', '10000', 0, 10_000, 0)).toBe(10_000);
      expectBadRequest(() => readInteger('offset', '10001', 0, 10_000, 0), 'offset must be a whole number from 0 to 10000 (got "10001")');
    });
  });
});

describe('readSort', () => {
  it.each([
    [undefined, 'relevance'],
    ['', 'relevance'],
    ['relevance', 'relevance'],
    ['year-asc', 'year-asc'],
    ['year-desc', 'year-desc'],
  ])('reads %j as %s', (raw, sort) => {
    expect(readSort(raw)).toBe(sort);
  });

  describe.each([
    ['newest', 'sort must be one of relevance, year-asc, year-desc (got "newest")'],
    ['YEAR-ASC', 'sort must be one of relevance, year-asc, year-desc (got "YEAR-ASC")'],
  ])('when the value is %j', (raw, message) => {
    it('throws a BadRequest that lists the orders', () => {
      expectBadRequest(() => readSort(raw), message);
    });
  });
});

describe('readFilters', () => {
  it('reads repeated values, drops empty ones and repeats, and turns years into numbers', () => {
    expect(readFilters({ year: ['2023', '2024', '2023'], theme: 'drugs', report: ['dgsn-2024', ''], kind: 'press-article' }, known)).toEqual({
      years: [2023, 2024],
      themes: ['drugs'],
      reports: ['dgsn-2024'],
      kinds: ['press-article'],
    });
  });

  it('gives no filters when none are sent', () => {
    expect(readFilters({}, known)).toEqual({ years: [], themes: [], reports: [], kinds: [] });
  });

  describe.each([
    ['a year not in the corpus', { year: '2019' }, 'year must be one of 2020, 2023, 2024 (got "2019")'],
    ['a year that is not a number', { year: 'abc' }, 'year must be one of 2020, 2023, 2024 (got "abc")'],
    ['an unknown theme', { theme: 'sports' }, 'theme must be one of drugs, cybercrime (got "sports")'],
    ['an unknown report', { report: 'dgsn-2019' }, 'report must be one of dgsn-2023, dgsn-2024 (got "dgsn-2019")'],
    ['an unknown kind of source', { kind: 'blog' }, 'kind must be one of annual-report, press-article (got "blog")'],
    ['one bad value among good ones', { year: ['2023', '1999'] }, 'year must be one of 2020, 2023, 2024 (got "1999")'],
    ['a nested object', { theme: { a: 'b' } }, 'theme must be plain text, not a structure'],
  ])('when given %s', (_, query, message) => {
    it('throws a BadRequest that lists what is allowed', () => {
      expectBadRequest(() => readFilters(query, known), message);
    });
  });

  describe('when a bad value is very long', () => {
    it('quotes only its first 80 characters', () => {
      expectBadRequest(
        () => readFilters({ report: 'x'.repeat(100) }, known),
        `report must be one of dgsn-2023, dgsn-2024 (got "${'x'.repeat(80)}…")`,
      );
    });
  });
});

describe('readSearchRequest', () => {
  it('fills in the defaults', () => {
    expect(readSearchRequest({ q: 'drugs' }, known)).toEqual({
      q: 'drugs',
      filters: { years: [], themes: [], reports: [], kinds: [] },
      limit: 10,
      offset: 0,
      sort: 'relevance',
    });
  });

  it('reads every parameter', () => {
    expect(
      readSearchRequest({ q: 'drugs', year: '2024', theme: ['drugs'], report: 'dgsn-2024', limit: '5', offset: '20', sort: 'year-desc' }, known),
    ).toEqual({
      q: 'drugs',
      filters: { years: [2024], themes: ['drugs'], reports: ['dgsn-2024'], kinds: [] },
      limit: 5,
      offset: 20,
      sort: 'year-desc',
    });
  });

  describe.each([
    ['q is missing', { limit: '5' }, 'q is required: the text to search for'],
    ['q is a nested object', { q: { toString: 'x' } }, 'q must be plain text, not a structure'],
    ['the limit is 0', { q: 'drugs', limit: '0' }, 'limit must be a whole number from 1 to 100 (got "0")'],
    ['the limit is 101', { q: 'drugs', limit: '101' }, 'limit must be a whole number from 1 to 100 (got "101")'],
    ['the offset is 10001', { q: 'drugs', offset: '10001' }, 'offset must be a whole number from 0 to 10000 (got "10001")'],
    ['the sort is unknown', { q: 'drugs', sort: 'date' }, 'sort must be one of relevance, year-asc, year-desc (got "date")'],
    ['the year is not in the list', { q: 'drugs', year: '2021' }, 'year must be one of 2020, 2023, 2024 (got "2021")'],
  ])('when %s', (_, query, message) => {
    it('throws a BadRequest with the message of that parameter', () => {
      expectBadRequest(() => readSearchRequest(query, known), message);
    });
  });
});
