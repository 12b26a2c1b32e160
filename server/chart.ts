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

/** One year of a "figures by year" chart: the figure a report gives for it, or none. */
export interface FigureBar {
  year: number;
  /** The figure as the report writes it ("508 incidents"), or null when no report gives one. */
  label: string | null;
  value: number | null;
  unit: string | null;
}

// Quantities in tons, kilograms and grams are drawn on one scale, in tons.
const IN_TONS: Record<string, number> = { tons: 1, kg: 1 / 1000, grams: 1 / 1_000_000 };

/**
 * A chart of the figure a topic has in each year, on a true year axis: every year from the first to the
 * last is a slot, so a year no report covers, or whose report gives no figure, shows as a gap. Bars are
 * drawn only when every figure measures the same way (counts, or quantities convertible to tons);
 * otherwise the chart gives the figures as labels alone. No links inside: the table beside it has them.
 */
export function figureChart(bars: FigureBar[], title: string): string {
  if (bars.length === 0) return '';
  const first = Math.min(...bars.map((bar) => bar.year));
  const last = Math.max(...bars.map((bar) => bar.year));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const byYear = new Map(bars.map((bar) => [bar.year, bar]));
  const given = bars.filter((bar) => bar.value !== null && bar.label !== null);
  const scale = (bar: FigureBar) => (bar.unit !== null && bar.unit in IN_TONS ? bar.value! * IN_TONS[bar.unit]! : bar.value!);
  const units = new Set(given.map((bar) => (bar.unit !== null && bar.unit in IN_TONS ? 'tons' : bar.unit ?? 'count')));
  const comparable = units.size === 1;
  const max = Math.max(1, ...given.map(scale));
  const slot = WIDTH / years.length;
  const barWidth = Math.min(72, slot * 0.6);
  const plot = HEIGHT - TOP - BOTTOM;
  const items = years.map((year, i) => {
    const bar = byYear.get(year);
    const centre = Math.round(i * slot + slot / 2);
    const yearLabel = `<text class="year" x="${centre}" y="${HEIGHT - 10}" text-anchor="middle">${year}</text>`;
    if (bar === undefined || bar.value === null || bar.label === null) {
      const why = bar === undefined ? 'no report' : 'not stated';
      return `<g class="gap"><text class="missing" x="${centre}" y="${TOP + plot - 6}" text-anchor="middle">—</text><title>${year}: ${why}</title>${yearLabel}</g>`;
    }
    const height = comparable ? Math.max(2, Math.round((scale(bar) / max) * plot)) : 0;
    const x = Math.round(i * slot + (slot - barWidth) / 2);
    const y = TOP + plot - height;
    const label = `${year}: ${bar.label}`;
    return [
      '<g>',
      comparable ? `<rect class="bar" x="${x}" y="${y}" width="${Math.round(barWidth)}" height="${height}"></rect>` : '',
      `<text class="count" x="${centre}" y="${y - 6}" text-anchor="middle">${escapeHtml(shorten(bar.label, Math.floor(slot / 8)))}</text>`,
      `<title>${escapeHtml(label)}</title>`,
      yearLabel,
      '</g>',
    ].join('');
  });
  const described = years.map((year) => `${year}: ${byYear.get(year)?.label ?? (byYear.has(year) ? 'not stated' : 'no report')}`).join('; ');
  return [
    `<svg class="figure-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="figures-title figures-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="figures-title">${escapeHtml(title)}</title>`,
    `<desc id="figures-desc">${escapeHtml(described)}</desc>`,
    `<line class="axis" x1="0" y1="${HEIGHT - BOTTOM}" x2="${WIDTH}" y2="${HEIGHT - BOTTOM}"/>`,
    ...items,
    '</svg>',
  ].join('');
}

// A figure's label over its bar, as much as its slot holds: "508 incidents", "217 tons and …".
function shorten(label: string, room: number): string {
  return label.length <= room ? label : `${label.slice(0, Math.max(1, room - 1)).trimEnd()}…`;
}
