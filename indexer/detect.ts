// What the indexer can tell about a report from its text alone, for files the manifest does not
// describe (or describes only in part). The manifest always wins over detection.
import { countWords } from '../language/analyzer.ts';
import type { ReportKind } from './types.ts';

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

// What kind of document a text is, when the manifest does not say. The DGSN's annual reports run to
// 7,000–10,000 words in many sections; press articles about them to a few hundred, rarely 2,000. So:
// a text of fewer than PRESS_MAX_WORDS words that shows at least one press cue is a press article, and
// anything else an annual report (the manifest's default). The press cues are
// - reporting the DGSN or its report in the third person: "according to the report", "the DGSN said",
//   "the directorate revealed", "(DGSN) presents its 2024 report", "selon la DGSN", "a indiqué la DGSN"
//   ("this report highlights", the report speaking of itself, is no cue);
// - a dateline ("RABAT – The police …") or a news agency ("(MAP)");
// - a news page's furniture around the text: any line clean() set aside as debris (a byline, a
//   publication date, a category tag, a player or share widget, a comment form, related articles, an
//   advertisement, a credit).
// A short text without any cue (an extract of a report, a summary the DGSN wrote itself) stays an
// annual report; `--kind` or the manifest's `kind` always wins over this.
const PRESS_MAX_WORDS = 3000;
const SOURCE = String.raw`(?:DGSN|directorate|direction|report|rapport|bilan|document|review|assessment|statement|communiqué|officials?|responsables?|spokes(?:man|woman|person)|porte-parole|Hammouchi)`;
const REPORTING_VERB = String.raw`(?:said|says|stated|states|revealed|reveals|announced|announces|reported|reports|indicated|indicates|noted|notes|pointed out|points out|explained|explains|added|adds|highlighted|highlights|showed|shows|released|unveiled|unveils|published|presented|presents)`;
const FRENCH_REPORTING_VERB = String.raw`(?:indiqu|annonc|révél|soulign|précis|présent|dévoil|publi|relev|affirm|expliqu|fait état)\p{L}*`;
const PRESS_CUES: RegExp[] = [
  new RegExp(String.raw`(?<!\b(?:this|our|ce|notre) )\b${SOURCE}\)?,?\s+(?:has\s+|have\s+|also\s+|a\s+|ont\s+)?(?:${REPORTING_VERB}|${FRENCH_REPORTING_VERB}|rendu public)\b`, 'iu'),
  new RegExp(String.raw`\b(?:${REPORTING_VERB}|${FRENCH_REPORTING_VERB})\s+(?:the|its|la|le|les)\s+${SOURCE}\b`, 'iu'),
  new RegExp(String.raw`\b(?:according to|selon|d['’]après)\s+(?:the|its|a|la|le|les|l['’])\s*(?:[\p{L}-]+\s+){0,3}?${SOURCE}\b`, 'iu'),
  // A dateline opens a paragraph of sentences ("RABAT – The police …"), not a title ("DGSN – Annual Report").
  /^\p{Lu}{3,}(?:[ -]\p{Lu}{3,})?\s*(?:,[^\n–—-]{0,40})?\s*[–—-]\s[^\n]*[.!?]["”’)]?[ \t]*$/mu,
  /\((?:MAP|AFP|Reuters|AP|APS|EFE|Xinhua)\)/u,
];

/**
 * The kind of document a text is, by the rule above: `press-article` or `annual-report`. `debrisLines`
 * is the number of lines clean() dropped from it.
 */
export function detectKind(text: string, debrisLines: number): ReportKind {
  if (countWords(text) >= PRESS_MAX_WORDS) return 'annual-report';
  return debrisLines > 0 || PRESS_CUES.some((cue) => cue.test(text)) ? 'press-article' : 'annual-report';
}
