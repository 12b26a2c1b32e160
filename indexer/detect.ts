// What the indexer can tell about a report from its text alone, for files the manifest does not
// describe (or describes only in part). The manifest always wins over detection.

const YEAR = /\b(19[5-9]\d|20\d\d)\b/g;
// Phrases in which a year is the one the report is about, e.g. "during the year 2020", "in 2023".
const COVERED_YEAR = /\b(?:the year|during|throughout|in|for|report(?: for)?)\s+(19[5-9]\d|20\d\d)\b/gi;

/**
 * The year a report covers: the year in its title when there is one, else the year most often named
 * in phrases like "in 2023" or "during the year 2020", else the year most often named at all. Null when
 * the text names no year.
 */
export function detectYear(title: string | null, body: string): number | null {
  const inTitle = title === null ? [] : [...title.matchAll(YEAR)].map((m) => Number(m[1]));
  if (inTitle.length > 0) return inTitle[inTitle.length - 1]!;
  return mostFrequent([...body.matchAll(COVERED_YEAR)].map((m) => Number(m[1]))) ?? mostFrequent([...body.matchAll(YEAR)].map((m) => Number(m[1])));
}

// Ties go to the earlier mention: a report names its own year before it names plans for the next.
function mostFrequent(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: number | null = null;
  for (const [value, count] of counts) if (best === null || count > counts.get(best)!) best = value;
  return best;
}

/** A readable report id from a file name: `DGSN Report 2019.txt` → `dgsn-report-2019`. */
export function idFromFileName(fileName: string): string {
  const slug = fileName
    .replace(/\.[^.]+$/, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'report' : slug;
}
