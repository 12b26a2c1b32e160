// The charts of the search page, drawn as accessible SVG on the server.
import { describe, expect, it } from 'vitest';
import { figureChart } from '../../server/chart.ts';

const count = (svg: string, pattern: RegExp) => (svg.match(pattern) ?? []).length;

describe('figureChart', () => {
  const svg = figureChart(
    [
      { year: 2020, label: '300 persons', value: 300, unit: null },
      { year: 2023, label: '508 incidents', value: 508, unit: null },
      { year: 2024, label: null, value: null, unit: null },
    ],
    'Figures by year',
  );

  it('gives every year from the first to the last a slot, so that missing years show as gaps', () => {
    expect([...svg.matchAll(/class="year"[^>]*>(\d{4})</g)].map((match) => match[1])).toEqual(['2020', '2021', '2022', '2023', '2024']);
    expect(count(svg, /class="gap"/g)).toBe(3);
  });

  it('says in its text alternative which years have no report and which no figure', () => {
    expect(svg).toContain('2020: 300 persons; 2021: no report; 2022: no report; 2023: 508 incidents; 2024: not stated');
  });

  it('draws bars to one scale when every figure measures the same way, tons and kilograms together', () => {
    const tons = figureChart([{ year: 2023, label: '81 tons', value: 81, unit: 'tons' }, { year: 2024, label: '40,500 kg', value: 40_500, unit: 'kg' }], 't');
    const heights = [...tons.matchAll(/height="(\d+)"><\/rect>/g)].map((match) => Number(match[1]));
    expect(heights).toHaveLength(2);
    expect(heights[1]! / heights[0]!).toBeCloseTo(0.5, 1);
  });

  it('draws no bars, only labels, when the figures measure different things', () => {
    const mixed = figureChart([{ year: 2023, label: '12%', value: 12, unit: '%' }, { year: 2024, label: '300 cases', value: 300, unit: null }], 't');
    expect(count(mixed, /<rect/g)).toBe(0);
    expect(mixed).toContain('300 cases');
  });

  it('holds no link: it is an image, and the table beside it has the links', () => {
    expect(svg).not.toContain('<a ');
  });

  it('escapes the figures’ text', () => {
    expect(figureChart([{ year: 2024, label: '<b>5</b>', value: 5, unit: null }], '<t>')).not.toMatch(/<b>|<t>/);
  });
});
