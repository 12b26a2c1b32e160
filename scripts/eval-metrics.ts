// The evaluation's definitions, exactly as in shared/eval/README.md, as pure functions.

/** A relevant passage, or a group of relevant passages from one report year. */
export type Needle = { year: number; text: string } | { year: number; any: string[] };

/** One search query of the evaluation set. */
export interface SearchItem {
  q: string;
  needles: Needle[];
}

/** One question of the evaluation set; `answers` null means the reports do not answer it. */
export interface QaItem {
  q: string;
  answers: string[] | null;
  year?: number;
}

/** Averages over the search queries. */
export interface SearchScores {
  recallAt5: number;
  recallAt10: number;
  successAt1: number;
  mrr: number;
  yearCoverage: number;
}

/** HTML tags and entities removed, lower case, curly quotes and dashes straight, white space collapsed. */
export function normalise(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' })[name] ?? ' ')
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function needleTexts(needle: Needle): string[] {
  return ('text' in needle ? [needle.text] : needle.any).map(normalise);
}

/** True when a result's full passage text contains the needle (or one of its group). */
export function contains(resultText: string, needle: Needle): boolean {
  const text = normalise(resultText);
  return needleTexts(needle).some((part) => text.includes(part));
}

/** The scores of one query from the texts of its first ten results. */
export function scoreQuery(texts: string[], needles: Needle[]): SearchScores {
  const top = texts.slice(0, 10);
  const foundWithin = (k: number) => needles.filter((needle) => top.slice(0, k).some((text) => contains(text, needle))).length;
  const firstHit = top.findIndex((text) => needles.some((needle) => contains(text, needle)));
  const years = [...new Set(needles.map((needle) => needle.year))];
  const coveredYears = years.filter((year) => needles.some((n) => n.year === year && top.some((text) => contains(text, n))));
  return {
    recallAt5: foundWithin(5) / needles.length,
    recallAt10: foundWithin(10) / needles.length,
    successAt1: firstHit === 0 ? 1 : 0,
    mrr: firstHit < 0 ? 0 : 1 / (firstHit + 1),
    yearCoverage: coveredYears.length / years.length,
  };
}

/** The average of each score over the queries. */
export function average(scores: SearchScores[]): SearchScores {
  const mean = (key: keyof SearchScores) => scores.reduce((sum, s) => sum + s[key], 0) / Math.max(1, scores.length);
  return { recallAt5: mean('recallAt5'), recallAt10: mean('recallAt10'), successAt1: mean('successAt1'), mrr: mean('mrr'), yearCoverage: mean('yearCoverage') };
}

const withoutSeparators = (text: string) => text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `text` contains `answer` as a whole token, thousands separators ignored ("14" is not in "140"). */
export function containsAnswer(text: string, answer: string): boolean {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(normalise(withoutSeparators(answer)))}(?![\\p{L}\\p{N}])`, 'u');
  return pattern.test(normalise(withoutSeparators(text)));
}

/** Whether an answer response is right for a question of the set. */
export function answerIsCorrect(item: QaItem, answer: { text: string; passage: { year: number } } | null): boolean {
  if (item.answers === null) return answer === null;
  if (answer === null) return false;
  return item.answers.some((accepted) => containsAnswer(answer.text, accepted)) && answer.passage.year === item.year;
}
