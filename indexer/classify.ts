// Classify stage: tag each passage with a primary theme and up to two secondary themes from the
// taxonomy in themes.json, keeping the words that decided so every tag can be explained.
import { LANGUAGES, termsOf, tokenize, type Language } from '../language/analyzer.ts';
import { z } from 'zod';
import taxonomy from './themes.json' with { type: 'json' };
import type { ThemeEvidence, ThemeSlug } from './types.ts';

/** What the tagger needs to know of a passage. */
export interface ClassifyInput {
  /** The passage text. */
  text: string;
  /** Its section headings, outermost first. */
  sectionPath: string[];
  /** The year its report covers (a later year mentioned in the text is a plan for the future). */
  year: number;
  /** The language of its report (default English); text is matched with that language's keywords only. */
  language?: Language;
}

/** The themes of a passage, primary first, with their evidence. */
export interface Classification {
  /** Primary theme first, then up to two secondary themes. */
  themes: ThemeSlug[];
  /** Every keyword that counted, strongest first. */
  evidence: ThemeEvidence[];
}

interface Keyword {
  theme: ThemeSlug;
  term: string;
  stems: string[];
  weight: number;
}

// themes.json, checked as it is loaded: a keyword list with a wrong shape stops the indexer at once.
const weights = z.record(z.string(), z.number().positive());
const taxonomySchema = z.object({
  description: z.string(),
  themes: z.array(
    z
      .object({
        slug: z.string().transform((slug) => slug as ThemeSlug),
        label: z.string(),
        description: z.string(),
        /** English keywords and the evidence one occurrence gives. */
        keywords: weights,
        /** French keywords, likewise; a theme without them tags no French text. */
        fr: weights.optional(),
        /** How much the section heading counts for this theme (default 1). */
        headingFactor: z.number().positive().optional(),
      })
      .strict(),
  ),
});
type TaxonomyTheme = z.infer<typeof taxonomySchema>['themes'][number];

const TAXONOMY: TaxonomyTheme[] = taxonomySchema.parse(taxonomy).themes;

export { THEMES, type ThemeDefinition } from './themes.ts';

const THEME_ORDER = new Map(TAXONOMY.map((theme, i) => [theme.slug, i]));
const HEADING_CAP = 4;
const HEADING_FACTOR = 0.75;
const SECONDARY_SHARE = 0.5;
const SECONDARY_MINIMUM = 3;
const LATER_YEAR_WEIGHT = 4;

// Each token becomes the set of its index terms; stop words become nothing and are skipped, so that
// "misappropriation of public funds" matches the keyword phrase whatever the small words.
function termSets(text: string, language: Language): Set<string>[] {
  return tokenize(text)
    .map((token) => new Set(termsOf(token.surface, language)))
    .filter((terms) => terms.size > 0);
}

/** A language's keywords, ready to match: longest first, and indexed by their first stem. */
interface KeywordTable {
  /** Longer keywords first, so "terrorist threats" is one piece of evidence, not two. */
  byLength: Keyword[];
  /** Keywords by their first stem, so a text is scanned once rather than once per keyword. */
  byFirstStem: Map<string, Array<{ keyword: Keyword; order: number }>>;
}

// Each theme's keywords per language: `keywords` are English, `fr` French, each analysed as its own
// language. A theme without keywords in a language gets no evidence from text in it: an English keyword
// is never matched against French text, where look-alikes mislead ("poste" is no post on social media).
const KEYWORDS_OF: Record<Language, (theme: TaxonomyTheme) => Record<string, number>> = {
  en: (theme) => theme.keywords,
  fr: (theme) => theme.fr ?? {},
  ar: () => ({}),
};

function keywordTable(language: Language): KeywordTable {
  // Keywords that reduce to the same stems ("forensic", "forensics") are one keyword, at the higher weight.
  const keywords: Keyword[] = [
    ...new Map(
      TAXONOMY
        .flatMap((theme) =>
          Object.entries(KEYWORDS_OF[language](theme)).map(([term, weight]) => ({
            theme: theme.slug as ThemeSlug,
            term,
            stems: termSets(term, language).map((terms) => [...terms][0]!),
            weight,
          })),
        )
        .sort((a, b) => b.weight - a.weight)
        .reverse()
        .map((keyword) => [`${keyword.theme} ${keyword.stems.join(' ')}`, keyword] as const),
    ).values(),
  ];
  const byLength = [...keywords].sort((a, b) => b.stems.length - a.stems.length);
  const byFirstStem = new Map<string, Array<{ keyword: Keyword; order: number }>>();
  byLength.forEach((keyword, order) => {
    const first = keyword.stems[0];
    if (first === undefined) return;
    byFirstStem.set(first, [...(byFirstStem.get(first) ?? []), { keyword, order }]);
  });
  return { byLength, byFirstStem };
}

const TABLES = new Map(LANGUAGES.map((language) => [language, keywordTable(language)]));

/** Every keyword of a language with the index terms it is matched by (for checking the taxonomy). */
export function keywordsOf(language: Language): Array<{ theme: ThemeSlug; term: string; stems: string[] }> {
  return TABLES.get(language)!.byLength.map(({ theme, term, stems }) => ({ theme, term, stems }));
}

const HEADING_FACTORS = new Map(TAXONOMY.map((theme) => [theme.slug, theme.headingFactor ?? 1]));

function laterYears(text: string, year: number): number {
  return (text.match(/\b(19|20)\d\d\b/g) ?? []).filter((mention) => Number(mention) > year).length;
}

function matchKeywords(text: string, language: Language, source: 'section' | 'text'): ThemeEvidence[] {
  const { byLength, byFirstStem } = TABLES.get(language)!;
  const tokens = termSets(text, language);
  // Every place a keyword occurs, then claimed in the order of byLength (longest first) and position,
  // skipping tokens already claimed by a longer keyword of the same theme.
  const found: Array<{ keyword: Keyword; order: number; at: number }> = [];
  tokens.forEach((terms, at) => {
    for (const term of terms) {
      for (const candidate of byFirstStem.get(term) ?? []) {
        const { stems } = candidate.keyword;
        if (at + stems.length <= tokens.length && stems.every((stem, k) => tokens[at + k]!.has(stem))) found.push({ ...candidate, at });
      }
    }
  });
  found.sort((a, b) => a.order - b.order || a.at - b.at);
  const claimed = new Map<ThemeSlug, Set<number>>();
  const counts = new Map<Keyword, number>();
  const seen = new Set<string>();
  for (const { keyword, at } of found) {
    const key = `${keyword.theme} ${keyword.term} ${at}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const taken = claimed.get(keyword.theme) ?? new Set<number>();
    claimed.set(keyword.theme, taken);
    if (keyword.stems.some((_, k) => taken.has(at + k))) continue;
    keyword.stems.forEach((_, k) => taken.add(at + k));
    counts.set(keyword, (counts.get(keyword) ?? 0) + 1);
  }
  // Repetition adds evidence, but less and less: the tenth "police" says little more than the third.
  return byLength.filter((keyword) => counts.has(keyword)).map((keyword) => {
    const count = counts.get(keyword)!;
    return { theme: keyword.theme, term: keyword.term, source, count, weight: keyword.weight * (1 + Math.log2(count)) };
  });
}

// The headings above a passage are context: each theme they point to gets at most HEADING_CAP ×
// HEADING_FACTOR × the theme's headingFactor, the nearest heading counting fully and the others half.
function headingEvidence(sectionPath: string[], language: Language): ThemeEvidence[] {
  const nearest = sectionPath.length - 1;
  const evidence = sectionPath.flatMap((heading, i) =>
    matchKeywords(heading, language, 'section').map((item) => ({ ...item, weight: i === nearest ? item.weight : item.weight / 2 })),
  );
  const totals = scoreThemes(evidence);
  return evidence.map((item) => {
    const total = totals.get(item.theme)!;
    const scale = (Math.min(total, HEADING_CAP) / total) * HEADING_FACTOR * HEADING_FACTORS.get(item.theme)!;
    return { ...item, weight: item.weight * scale };
  });
}

/** The keyword evidence for every theme in a passage and its headings, strongest first. */
export function gatherEvidence(input: ClassifyInput): ThemeEvidence[] {
  const language = input.language ?? 'en';
  const evidence: ThemeEvidence[] = [...headingEvidence(input.sectionPath, language), ...matchKeywords(input.text, language, 'text')];
  const later = laterYears(input.text, input.year);
  if (later > 0) {
    evidence.push({
      theme: 'future-projects',
      term: `a year after ${input.year}`,
      source: 'text',
      count: later,
      weight: LATER_YEAR_WEIGHT * (1 + Math.log2(later)),
    });
  }
  return evidence.sort((a, b) => b.weight - a.weight);
}

/** Total evidence weight per theme. */
export function scoreThemes(evidence: ThemeEvidence[]): Map<ThemeSlug, number> {
  const scores = new Map<ThemeSlug, number>();
  for (const item of evidence) scores.set(item.theme, (scores.get(item.theme) ?? 0) + item.weight);
  return scores;
}

/**
 * Tags one passage: the theme with the most evidence is primary; a theme with at least half the
 * primary's evidence is secondary (two at most). A passage with no evidence at all falls back to
 * `crime`, the general public-security theme, with empty evidence to say so.
 */
export function classify(input: ClassifyInput): Classification {
  const evidence = gatherEvidence(input);
  // On equal evidence the passage's own words decide, then the order of the taxonomy.
  const ownWords = scoreThemes(evidence.filter((item) => item.source === 'text'));
  const ranked = [...scoreThemes(evidence)].sort(
    ([a, scoreA], [b, scoreB]) =>
      scoreB - scoreA || (ownWords.get(b) ?? 0) - (ownWords.get(a) ?? 0) || THEME_ORDER.get(a)! - THEME_ORDER.get(b)!,
  );
  const top = ranked[0];
  if (top === undefined) return { themes: ['crime'], evidence: [] };
  const secondary = ranked
    .slice(1)
    .filter(([, score]) => score >= top[1] * SECONDARY_SHARE && score >= SECONDARY_MINIMUM)
    .slice(0, 2);
  return { themes: [top[0], ...secondary.map(([slug]) => slug)], evidence };
}
