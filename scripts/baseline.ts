// The evaluation's baseline, rebuilt in the same run: naive paragraph chunks of the raw reports (blank
// lines, and five-sentence windows for a one-line report) indexed with MiniSearch's defaults.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch, { type SearchOptions } from 'minisearch';

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

/** A search function over the naive chunks with MiniSearch's defaults (or the given options). */
export function naiveSearch(corpusDir: string, options: SearchOptions = {}): (q: string) => string[] {
  const chunks = naiveChunks(corpusDir);
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(chunks);
  return (q) => index.search(q, options).slice(0, 10).map((result) => chunks[Number(result.id)]!.text);
}
