// Stage 3 of a search, score: what a passage's own words add to its BM25 scores. Whether a figure
// counts a query word ("1,010 disciplinary sanctions"), and how close together the query's words stand.
// Both read the passage's words (Retriever.tokensOf); search-core.ts combines them with the coverage of
// the query's concepts (its `rank`).
import type { Hit } from './retrieve.ts';

// True when a figure stands at most two words before a matched word ("1,010 disciplinary sanctions"),
// small words aside.
export function countsAMatch(tokens: string[][], hits: Array<Hit | undefined>): boolean {
  const wanted = new Set<string>();
  for (const hit of hits) {
    if (hit === undefined) continue;
    hit.terms.forEach((term) => wanted.add(term));
    for (const phrase of hit.phrases) wanted.add(phrase[0]!);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.some((term) => wanted.has(term))) continue;
    for (let k = Math.max(0, i - 2); k < i; k++) if (/^\d[\d.]*$/.test(tokens[k]![0]!)) return true;
  }
  return false;
}

// 1 when one match of each requirement stands side by side, falling towards 0 as they spread out.
export function closeness(tokens: string[][], hits: Array<Hit | undefined>): number {
  const present = hits.filter((hit): hit is Hit => hit !== undefined);
  if (present.length < 2) return 0;
  const positions: Array<[number, number]> = [];
  present.forEach((hit, r) => {
    tokens.forEach((terms, i) => {
      const single = terms.some((term) => hit.terms.has(term));
      const phrase = hit.phrases.some((p) => p.every((term, k) => tokens[i + k]?.includes(term)));
      if (single || phrase) positions.push([i, r]);
    });
  });
  positions.sort((a, b) => a[0] - b[0]);
  const seen = new Map<number, number>();
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < positions.length; right++) {
    const [, r] = positions[right]!;
    seen.set(r, (seen.get(r) ?? 0) + 1);
    while (seen.size === present.length) {
      best = Math.min(best, positions[right]![0] - positions[left]![0] + 1);
      const [, leftR] = positions[left]!;
      const remaining = seen.get(leftR)! - 1;
      if (remaining === 0) seen.delete(leftR);
      else seen.set(leftR, remaining);
      left++;
    }
  }
  return Number.isFinite(best) ? Math.min(1, present.length / best) : 0;
}
