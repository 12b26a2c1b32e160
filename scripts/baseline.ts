// The evaluation's baselines, rebuilt in the same run: MiniSearch with its defaults (or the given search
// options) over the product's own passages, so the comparison is about search, not chunking; and naive
// paragraph chunks of the raw reports, for the scale benchmark when the product's build fails.
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Passage } from '../indexer/types.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A search function over the passages' text with MiniSearch's defaults (or the given options). */
export function passageSearch(passages: Passage[], options: SearchOptions = {}): (q: string) => string[] {
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(passages.map((passage, id) => ({ id, text: passage.text })));
  return (q) => index.search(q, options).slice(0, 10).map((result) => passages[Number(result.id)]!.text);
}

/** Naive chunks of every .txt file of a corpus folder. */
export function naiveChunks(corpusDir: string): Array<{ id: number; text: string }> {
  const chunks: string[] = [];
  for (const name of readdirSync(corpusDir).filter((file) => file.endsWith('.txt')).sort()) {
    for (const block of readFileSync(path.join(corpusDir, name), 'utf8').split(/\n\s*\n|\n/)) {
      const text = block.trim();
      if (text === '') continue;
      const sentences = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)].map((s) => s.segment);
      if (sentences.length <= 10) chunks.push(text);
      else for (let i = 0; i < sentences.length; i += 5) chunks.push(sentences.slice(i, i + 5).join('').trim());
    }
  }
  return chunks.map((text, id) => ({ id, text }));
}
