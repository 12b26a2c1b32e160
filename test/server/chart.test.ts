// The charts of the search page, drawn as accessible SVG on the server.
import { describe, expect, it } from 'vitest';
import { figureChart, percent, trendChart } from '../../server/chart.ts';

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

describe('trendChart', () => {
  const bars = [
    { year: 2020, kind: 'annual-report', matched: 3, passages: 60, url: '/search?q=x&year=2020' },
    { year: 2023, kind: 'annual-report', matched: 6, passages: 159, url: '/search?q=x&year=2023' },
    { year: 2023, kind: 'press-article', matched: 2, passages: 10, url: '/search?q=x&year=2023' },
  ];
  const svg = trendChart(bars, 'Share of each year’s passages that match “x”');
  const heights = (chart: string) => [...chart.matchAll(/<rect class="bar [^"]+" x="\d+" y="\d+" width="\d+" height="(\d+)"><title>/g)].map((match) => Number(match[1]));

  it("draws each bar as the share of that year's passages, not the count: 3 of 60 stands higher than 6 of 159", () => {
    const [of2020, of2023] = heights(svg);
    expect(of2020! / of2023!).toBeCloseTo(0.05 / (6 / 159), 1);
    expect(svg).toContain('>5%<');
    expect(svg).toContain('>3.8%<');
  });

  it('gives every year from the first to the last a slot, so a year without any source shows as a gap', () => {
    expect([...svg.matchAll(/class="year"[^>]*>(\d{4})</g)].map((match) => match[1])).toEqual(['2020', '2021', '2022', '2023']);
    expect(svg).toContain('<title>2021: no source</title>');
  });

  it('keeps official reports and press apart, each with its own bar and a legend', () => {
    expect(heights(svg)).toHaveLength(3);
    expect(svg).toContain('class="bar press-article"');
    expect(svg).toContain('>press</text>');
    expect(svg).toContain('2023 press: 20% (2 of 10 passages)');
  });

  it('is a group of links, not an image holding links, each link named in words', () => {
    expect(svg).toContain('role="group"');
    expect(svg).not.toContain('role="img"');
    expect(svg).toContain('<a href="/search?q=x&amp;year=2020" aria-label="2020 official report: 5% (3 of 60 passages)">');
  });

  it('says the same in its text alternative', () => {
    expect(svg).toContain('<desc id="chart-desc">2020 official report: 5% (3 of 60 passages); 2021: no source; 2022: no source; 2023 official report');
  });

  it("runs over the axis given (the corpus's years) even where no bar stands", () => {
    const axis = trendChart(bars.filter((bar) => bar.kind === 'press-article'), 't', [2020, 2023, 2024]);
    expect([...axis.matchAll(/class="year"[^>]*>(\d{4})</g)].map((match) => match[1])).toEqual(['2020', '2021', '2022', '2023', '2024']);
    expect(axis).toContain('<title>2020: no source</title>');
  });

  it('has no legend and no kind in its labels when the corpus has one kind of source', () => {
    const one = trendChart(bars.filter((bar) => bar.kind === 'annual-report'), 't');
    expect(one).not.toContain('class="legend"');
    expect(one).toContain('2020: 5% (3 of 60 passages)');
  });
});

describe('percent', () => {
  it('writes small shares with one decimal and the rest whole', () => {
    expect([percent(0), percent(0.0375), percent(0.05), percent(0.126), percent(1)]).toEqual(['0%', '3.8%', '5%', '13%', '100%']);
  });
});
