// The pure middle of the indexer: one read source file in, one report and its passages out
// (clean → detect → segment → classify). No file system here.
import { languageOf } from '../language/analyzer.ts';
import { classify } from './classify.ts';
import { clean, documentTitle } from './clean.ts';
import { detectKind, detectYear, idFromFileName } from './detect.ts';
import { pageAt } from './formats.ts';
import type { SourceFile } from './read.ts';
import { segment, type Heading } from './segment.ts';
import type { CorpusProblem, Passage, Report } from './types.ts';

/** One report turned into passages, or the reason it could not be. */
export type ProcessedReport =
  | { ok: true; report: Report; passages: Passage[]; headings: Heading[] }
  | { ok: false; problem: CorpusProblem };

/** Passage id: the report id and the 1-based ordinal on three digits, e.g. `dgsn-2024-p041`. */
export function passageId(reportId: string, ordinal: number): string {
  return `${reportId}-p${String(ordinal).padStart(3, '0')}`;
}

function fileName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** Processes one source file. `takenIds` are ids already used, so an unlisted file gets a fresh one. */
export function processSource(source: SourceFile, takenIds: ReadonlySet<string>): ProcessedReport {
  const { entry, text, file } = source;
  const cleaned = clean(text);
  const title = entry.title ?? documentTitle(source.declaredTitle, cleaned) ?? fileName(file).replace(/\.[^.]+$/, '');
  const year = entry.year ?? detectYear(cleaned.title?.text ?? null, text);
  if (year === null) {
    return { ok: false, problem: { file, message: `indexer: ${file} names no year; add "year" to its manifest entry` } };
  }
  let id = entry.id ?? idFromFileName(fileName(file));
  if (entry.id === undefined) for (let n = 2; takenIds.has(id); n++) id = `${idFromFileName(fileName(file))}-${n}`;
  const { passages: drafts, headings } = segment(text, cleaned.blocks);
  if (drafts.length === 0) {
    return { ok: false, problem: { file, message: `indexer: ${file} has no text left to index once debris is removed` } };
  }
  const language = languageOf(entry.language);
  const passages: Passage[] = drafts.map((draft, i) => {
    const { themes, evidence } = classify({ text: draft.text, sectionPath: draft.sectionPath, year, language });
    return {
      id: passageId(id, i + 1),
      reportId: id,
      file,
      year,
      ordinal: i + 1,
      section: draft.sectionPath[draft.sectionPath.length - 1] ?? null,
      sectionPath: draft.sectionPath,
      themes,
      themeEvidence: evidence,
      start: draft.start,
      end: draft.end,
      text: draft.text,
      words: draft.words,
      page: source.pageStarts === null ? null : pageAt(source.pageStarts, draft.start),
    };
  });
  const report: Report = {
    id,
    file,
    title,
    year,
    kind: entry.kind ?? detectKind(text, cleaned.dropped.length),
    publisher: entry.publisher ?? null,
    language: entry.language ?? 'en',
    note: entry.note ?? null,
    translation: entry.translation ?? null,
    listed: source.listed,
    passages: passages.length,
    words: passages.reduce((sum, passage) => sum + passage.words, 0),
    debrisLines: cleaned.dropped.length,
    sha256: source.sha256,
    extracted: source.extracted,
  };
  return { ok: true, report, passages, headings };
}
