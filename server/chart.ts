// The per-year bar chart of a search, drawn on the server as accessible SVG: each bar labelled with its
// year and count, with a text alternative that says the same in words.
import escapeHtml from 'escape-html';

/** One bar. */
export interface YearBar {
  year: number;
  count: number;
  /** Link that filters the search to this year. */
  url: string;
}

const WIDTH = 640;
const HEIGHT = 200;
const TOP = 28;
const BOTTOM = 32;

/** The text alternative: "2020: 1 passage; 2023: 2 passages; …". */
export function describeBars(bars: YearBar[]): string {
  return bars.map((bar) => `${bar.year}: ${bar.count} ${bar.count === 1 ? 'passage' : 'passages'}`).join('; ');
}

/** An SVG bar chart, one bar per year, scaled to the largest count. */
export function yearChart(bars: YearBar[], title: string): string {
  if (bars.length === 0) return '';
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const slot = WIDTH / bars.length;
  const barWidth = Math.min(72, slot * 0.6);
  const plot = HEIGHT - TOP - BOTTOM;
  const items = bars.map((bar, i) => {
    const height = Math.round((bar.count / max) * plot);
    const x = Math.round(i * slot + (slot - barWidth) / 2);
    const y = TOP + plot - height;
    const centre = Math.round(i * slot + slot / 2);
    const label = `${bar.year}: ${bar.count} ${bar.count === 1 ? 'passage' : 'passages'}`;
    return [
      `<a href="${escapeHtml(bar.url)}" aria-label="${escapeHtml(label)}">`,
      `<rect class="bar" x="${x}" y="${y}" width="${Math.round(barWidth)}" height="${Math.max(height, bar.count > 0 ? 2 : 0)}"><title>${escapeHtml(label)}</title></rect>`,
      `<text class="count" x="${centre}" y="${y - 6}" text-anchor="middle">${bar.count}</text>`,
      `<text class="year" x="${centre}" y="${HEIGHT - 10}" text-anchor="middle">${bar.year}</text>`,
      '</a>',
    ].join('');
  });
  return [
    `<svg class="year-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="chart-title">${escapeHtml(title)}</title>`,
    `<desc id="chart-desc">${escapeHtml(describeBars(bars))}</desc>`,
    `<line class="axis" x1="0" y1="${HEIGHT - BOTTOM}" x2="${WIDTH}" y2="${HEIGHT - BOTTOM}"/>`,
    ...items,
    '</svg>',
  ].join('');
}
