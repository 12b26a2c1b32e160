// Synthetic corpora for the scale benchmark, made at run time and never committed: N copies of each seed
// report with the years shifted and the figures altered (deterministically), described by a manifest.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ManifestEntry } from '../indexer/types.ts';

/** A small deterministic pseudo-random generator (mulberry32), so every run makes the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A report rewritten as if for another year: years moved by `shift`, other figures scaled by about ±50%. */
export function variant(text: string, shift: number, next: () => number): string {
  return text.replace(/\b\d{1,3}(?:,\d{3})+\b|\b\d+\b/g, (figure) => {
    const value = Number(figure.replace(/,/g, ''));
    if (!figure.includes(',') && value >= 1950 && value <= 2050) return String(value + shift);
    if (value < 10) return figure;
    const altered = Math.max(1, Math.round(value * (0.5 + next())));
    return figure.includes(',') ? altered.toLocaleString('en-US') : String(altered);
  });
}

/** Writes a corpus of `copies` × the seed reports into `dir`, with its manifest; returns its word count. */
export function writeSyntheticCorpus(seedDir: string, dir: string, copies: number): { reports: number; words: number } {
  const manifest = JSON.parse(readFileSync(path.join(seedDir, 'reports.json'), 'utf8')) as { reports: ManifestEntry[] };
  mkdirSync(dir, { recursive: true });
  const next = random(20261122);
  const entries: ManifestEntry[] = [];
  let words = 0;
  for (let copy = 0; copy < copies; copy++) {
    // Shifts spread the copies over the years the manifest allows (1900–2100).
    const shift = copies === 1 ? 0 : (copy % 150) - 120;
    for (const seed of manifest.reports) {
      const text = variant(readFileSync(path.join(seedDir, seed.file), 'utf8'), shift, next);
      const file = `${seed.id}-copy${copy}.txt`;
      writeFileSync(path.join(dir, file), text);
      words += text.split(/\s+/).length;
      entries.push({ ...seed, id: `${seed.id}-c${copy}`, file, year: (seed.year ?? 2020) + shift, title: `${seed.title} (copy ${copy})` });
    }
  }
  writeFileSync(path.join(dir, 'reports.json'), JSON.stringify({ reports: entries }));
  return { reports: entries.length, words };
}
