// The charts of the search page, drawn on the server as accessible SVG: each bar labelled in words,
// with a text alternative that says the same.
import escapeHtml from 'escape-html';

/** One bar of the trend chart: one kind of source in one year. */
export interface TrendBar {
  year: number;
  /** `annual-report` or `press-article`. */
  kind: string;
  /** Matching passages. */
  matched: number;
  /** All passages of that year's sources of that kind. */
  passages: number;
  /** Link that filters the search to this year. */
  url: string;
}

const WIDTH = 640;
const HEIGHT = 200;
const TOP = 28;
const BOTTOM = 32;

const KIND_NAMES: Record<string, string> = { 'annual-report': 'official report', 'press-article': 'press' };
const kindName = (kind: string) => KIND_NAMES[kind] ?? kind;

/** A share as the chart writes it: "7.5%", "12%", "0%". */
export function percent(share: number): string {
  const value = share * 100;
  return `${value > 0 && value < 10 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)}%`;
}

const PLOT = HEIGHT - TOP - BOTTOM;

/** Every year from the first to the last of these, so that a year with nothing shows as a gap. */
function yearAxis(years: number[]): number[] {
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** A year's label under the axis. */
function yearLabel(year: number, centre: number): string {
  return `<text class="year" x="${centre}" y="${HEIGHT - 10}" text-anchor="middle">${year}</text>`;
}

/** A year with nothing to draw: a dash, and why in its tooltip. */
function gapSlot(year: number, centre: number, why: string): string {
  return `<g class="gap"><text class="missing" x="${centre}" y="${TOP + PLOT - 6}" text-anchor="middle">—</text><title>${year}: ${why}</title>${yearLabel(year, centre)}</g>`;
}

/** The SVG around a chart's slots: its title and text alternative (ids from `id`), the axis, and any extra. */
function chartSvg(options: { className: string; role: 'img' | 'group'; id: string; title: string; described: string; slots: string[]; extra?: string }): string {
  const { className, role, id, title, described, slots, extra = '' } = options;
  return [
    `<svg class="${className}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="${role}" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeHtml(title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(described)}</desc>`,
    extra,
    `<line class="axis" x1="0" y1="${HEIGHT - BOTTOM}" x2="${WIDTH}" y2="${HEIGHT - BOTTOM}"/>`,
    ...slots,
    '</svg>',
  ].join('');
}

function describeBar(bar: TrendBar, kinds: number): string {
  const share = bar.passages === 0 ? 0 : bar.matched / bar.passages;
  // The share first: it is the bar's visible label, and a link's name must contain what it shows.
  return `${bar.year}${kinds > 1 ? ` ${kindName(bar.kind)}` : ''}: ${percent(share)} (${bar.matched} of ${bar.passages} passages)`;
}

/**
 * The trend of a search across the years: for each year, the share of that year's passages that match,
 * so that a long report and a short one compare fairly. The axis runs over every year from the first to
 * the last of `axis` (the corpus's years; by default the bars'), so a year without any source of the
 * kinds shown is a gap; official reports and press articles each get
 * their own bar. Each bar links to the search narrowed to its year. The SVG is a group of links, not an
 * image, so that the links stay reachable.
 */
export function trendChart(bars: TrendBar[], title: string, axis: number[] = bars.map((bar) => bar.year)): string {
  if (bars.length === 0) return '';
  const years = yearAxis([...axis, ...bars.map((bar) => bar.year)]);
  const kinds = [...new Set(bars.map((bar) => bar.kind))].sort();
  const share = (bar: TrendBar) => (bar.passages === 0 ? 0 : bar.matched / bar.passages);
  const max = Math.max(0.0001, ...bars.map(share));
  const slot = WIDTH / years.length;
  const groupWidth = Math.min(72, slot * 0.7);
  const barWidth = groupWidth / kinds.length;
  const items = years.map((year, i) => {
    const centre = Math.round(i * slot + slot / 2);
    const inYear = kinds.map((kind) => bars.find((bar) => bar.year === year && bar.kind === kind));
    if (inYear.every((bar) => bar === undefined)) return gapSlot(year, centre, 'no source');
    const drawn = inYear.map((bar, k) => {
      if (bar === undefined) return '';
      const height = Math.round((share(bar) / max) * PLOT);
      const x = Math.round(i * slot + (slot - groupWidth) / 2 + k * barWidth);
      const y = TOP + PLOT - height;
      const label = describeBar(bar, kinds.length);
      return [
        `<a href="${escapeHtml(bar.url)}" aria-label="${escapeHtml(label)}">`,
        `<rect class="bar ${escapeHtml(bar.kind)}" x="${x}" y="${y}" width="${Math.max(1, Math.round(barWidth) - 1)}" height="${Math.max(height, bar.matched > 0 ? 2 : 0)}"><title>${escapeHtml(label)}</title></rect>`,
        `<text class="count" x="${Math.round(x + barWidth / 2)}" y="${y - 6}" text-anchor="middle">${percent(share(bar))}</text>`,
        '</a>',
      ].join('');
    });
    return `<g>${drawn.join('')}${yearLabel(year, centre)}</g>`;
  });
  const legend =
    kinds.length < 2
      ? ''
      : kinds.map((kind, k) => `<rect class="bar ${escapeHtml(kind)}" x="${k * 150}" y="2" width="12" height="12"></rect><text class="legend" x="${k * 150 + 18}" y="13">${escapeHtml(kindName(kind))}</text>`).join('');
  const described = years
    .map((year) => {
      const inYear = bars.filter((bar) => bar.year === year);
      return inYear.length === 0 ? `${year}: no source` : inYear.map((bar) => describeBar(bar, kinds.length)).join('; ');
    })
    .join('; ');
  return chartSvg({ className: 'year-chart', role: 'group', id: 'chart', title, described, slots: items, extra: legend });
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
  const years = yearAxis(bars.map((bar) => bar.year));
  const byYear = new Map(bars.map((bar) => [bar.year, bar]));
  const given = bars.filter((bar) => bar.value !== null && bar.label !== null);
  const scale = (bar: FigureBar) => (bar.unit !== null && bar.unit in IN_TONS ? bar.value! * IN_TONS[bar.unit]! : bar.value!);
  const units = new Set(given.map((bar) => (bar.unit !== null && bar.unit in IN_TONS ? 'tons' : bar.unit ?? 'count')));
  const comparable = units.size === 1;
  const max = Math.max(1, ...given.map(scale));
  const slot = WIDTH / years.length;
  const barWidth = Math.min(72, slot * 0.6);
  const items = years.map((year, i) => {
    const bar = byYear.get(year);
    const centre = Math.round(i * slot + slot / 2);
    if (bar === undefined || bar.value === null || bar.label === null) return gapSlot(year, centre, bar === undefined ? 'no report' : 'not stated');
    const height = comparable ? Math.max(2, Math.round((scale(bar) / max) * PLOT)) : 0;
    const x = Math.round(i * slot + (slot - barWidth) / 2);
    const y = TOP + PLOT - height;
    const label = `${year}: ${bar.label}`;
    return [
      '<g>',
      comparable ? `<rect class="bar" x="${x}" y="${y}" width="${Math.round(barWidth)}" height="${height}"></rect>` : '',
      `<text class="count" x="${centre}" y="${y - 6}" text-anchor="middle">${escapeHtml(shorten(bar.label, Math.floor(slot / 8)))}</text>`,
      `<title>${escapeHtml(label)}</title>`,
      yearLabel(year, centre),
      '</g>',
    ].join('');
  });
  const described = years.map((year) => `${year}: ${byYear.get(year)?.label ?? (byYear.has(year) ? 'not stated' : 'no report')}`).join('; ');
  return chartSvg({ className: 'figure-chart', role: 'img', id: 'figures', title, described, slots: items });
}

// A figure's label over its bar, as much as its slot holds: "508 incidents", "217 tons and …".
function shorten(label: string, room: number): string {
  return label.length <= room ? label : `${label.slice(0, Math.max(1, room - 1)).trimEnd()}…`;
}
