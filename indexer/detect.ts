// What the indexer can tell about a report from its text alone, for files the manifest does not
// describe (or describes only in part). The manifest always wins over detection.

const YEAR = /\b(19[5-9]\d|20\d\d)\b/g;
// Phrases that name the year a report looks back on ("during the year 2020", "throughout 2025"). "In" and
// "for" are left out: "In 2026, the DGSN will …" introduces the plans for the next year as often.
const COVERED_YEAR = /\b(?:the year|during|throughout|report for)\s+(?:the year\s+)?(19[5-9]\d|20\d\d)\b/gi;
const COVERED_BONUS = 0.5;

/**
 * The year a report covers: the year in its title when there is one, else the year the text names
 * most often, each "during / throughout / the year …" mention counting half again. Ties go to the
 * earlier mention. Null when the text names no year.
 */
export function detectYear(title: string | null, body: string): number | null {
  const inTitle = title === null ? [] : [...title.matchAll(YEAR)].map((m) => Number(m[1]));
  if (inTitle.length > 0) return inTitle[inTitle.length - 1]!;
  const scores = new Map<number, number>();
  const add = (year: number, score: number) => scores.set(year, (scores.get(year) ?? 0) + score);
  for (const match of body.matchAll(YEAR)) add(Number(match[1]), 1);
  for (const match of body.matchAll(COVERED_YEAR)) add(Number(match[1]), COVERED_BONUS);
  let best: number | null = null;
  for (const [year, score] of scores) if (best === null || score > scores.get(best)!) best = year;
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
