// The indexer on the real corpus, as it is: what a researcher relies on when citing a passage.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, type BuildResult } from '../../indexer/build.ts';
import { clean } from '../../indexer/clean.ts';
import { detectKind, detectYear } from '../../indexer/detect.ts';
import type { Passage } from '../../indexer/types.ts';

const root = path.resolve(import.meta.dirname, '../..');
const labels = JSON.parse(readFileSync(path.join(root, 'test/fixtures/theme-labels.json'), 'utf8')) as Array<{
  report: string;
  quote: string;
  primary: string;
  alternatives?: string[];
}>;

let build: BuildResult;
const source = (file: string) => readFileSync(path.join(root, file), 'utf8');
const passagesOf = (reportId: string): Passage[] => build.bundle.passages.filter((p) => p.reportId === reportId);

beforeAll(async () => {
  build = await buildIndex({ root, corpusDir: path.join(root, 'corpus'), dataDir: mkdtempSync(path.join(os.tmpdir(), 'dgsn-corpus-')) });
});

describe('the indexer on the real corpus', () => {
  it('indexes the five reports without a problem', () => {
    expect(build.problems).toEqual([]);
    expect(build.bundle.reports.map((r) => r.id)).toEqual(['dgsn-2020', 'dgsn-2023', 'dgsn-2024', 'dgsn-2025-press', 'dgsn-2024-press']);
  });

  it('gives each report the year it covers', () => {
    expect(Object.fromEntries(build.bundle.reports.map((r) => [r.id, r.year]))).toEqual({
      'dgsn-2020': 2020,
      'dgsn-2023': 2023,
      'dgsn-2024': 2024,
      'dgsn-2025-press': 2025,
      'dgsn-2024-press': 2024,
    });
  });

  it('detects the same years from the text alone, without the manifest', () => {
    const detected = build.bundle.reports.map((report) => {
      const text = source(report.file);
      return detectYear(clean(text).title?.text ?? null, text);
    });
    expect(detected).toEqual([2020, 2023, 2024, 2025, 2024]);
  });

  it('detects each report’s kind from the text alone, as the manifest gives it', () => {
    const detected = build.bundle.reports.map((report) => {
      const text = source(report.file);
      return detectKind(text, clean(text).dropped.length);
    });
    expect(detected).toEqual(build.bundle.reports.map((report) => report.kind));
    expect(detected).toEqual(['annual-report', 'annual-report', 'annual-report', 'press-article', 'press-article']);
  });

  it('makes every passage exactly the original text between its offsets', () => {
    for (const passage of build.bundle.passages) {
      expect(source(passage.file).slice(passage.start, passage.end)).toBe(passage.text);
    }
  });

  it('gives passages stable readable ids numbered in reading order', () => {
    for (const report of build.bundle.reports) {
      passagesOf(report.id).forEach((passage, i) => {
        expect(passage.ordinal).toBe(i + 1);
        expect(passage.id).toBe(`${report.id}-p${String(i + 1).padStart(3, '0')}`);
      });
    }
  });

  it('leaves no web-page debris and nothing of the football story in any passage', () => {
    const debris = [
      'Home »', 'Stylish Audio Player', 'Radio ExpressTV', 'Leave a Reply', 'Your email address will not be published',
      'Required fields are marked', 'You may also like', '- in Society', 'Lekjaa', 'Rekraki', 'national team',
    ];
    for (const passage of build.bundle.passages) {
      for (const words of debris) expect(passage.text).not.toContain(words);
      expect(passage.text).not.toMatch(/^(Live|Loading)$/);
    }
  });

  it('does not repeat a report title as a passage', () => {
    for (const report of build.bundle.reports) {
      for (const passage of passagesOf(report.id)) expect(passage.text).not.toBe(report.title);
    }
  });

  it('never lets a passage straddle or contain a section heading', () => {
    for (const report of build.bundle.reports) {
      for (const heading of build.bundle.headings[report.id] ?? []) {
        for (const passage of passagesOf(report.id)) {
          expect(passage.end <= heading.start || passage.start >= heading.end).toBe(true);
        }
      }
    }
  });

  it('finds the inline section headings of the one-line 2024 report', () => {
    const sections = new Set(passagesOf('dgsn-2024').map((p) => p.section));
    for (const heading of [
      'CNIE 2.0: From ID Card to Electronic Service Tool',
      'CNIE 2.0: A Transnational Proximity Service',
      'Crime-fighting Statistics: Clearance Rates Climb as Violent Crime Indicators Show Decline',
      'Security Cooperation: International Recognition of the Moroccan Model and Expansion to New Partnerships',
      '1- Recruitment and Training of Police Officers: For Proven Professional Skills',
      '2- Incentive and discipline on duty: mechanisms for good governance',
      '3- Social and health coverage for police officers',
      'Future projects: Capitalizing on security achievements',
    ]) {
      expect(sections).toContain(heading);
    }
    const careers = passagesOf('dgsn-2024').find((p) => p.section?.startsWith('1- Recruitment'));
    expect(careers?.sectionPath).toEqual([
      'Management of the professional career of police officers',
      '1- Recruitment and Training of Police Officers: For Proven Professional Skills',
    ]);
  });

  it('cuts the 2024 report into passages of 30 to 300 words', () => {
    for (const passage of passagesOf('dgsn-2024')) {
      expect(passage.words).toBeGreaterThanOrEqual(30);
      expect(passage.words).toBeLessThanOrEqual(300);
    }
  });

  it('makes every heading line of the 2023 report a section, never a passage', () => {
    const headingLines = source('corpus/dgsn-2023-annual-report.txt')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^(First|Second|Third|Fourth|Fifth|Sixth|Seventh):|^\d[-.] /.test(line) || line === 'Social Protection and Health Coverage for National Security Family:');
    expect(headingLines).toHaveLength(18);
    const passages = passagesOf('dgsn-2023');
    const sections = new Set(passages.flatMap((p) => p.sectionPath));
    for (const line of headingLines) {
      expect(sections).toContain(line.replace(/:$/, ''));
      expect(passages.some((p) => p.text.includes(line))).toBe(false);
    }
  });

  it('keeps the paragraphs of the 2020 and 2023 reports whole: one source paragraph, one passage', () => {
    for (const id of ['dgsn-2020', 'dgsn-2023']) {
      for (const passage of passagesOf(id)) expect(passage.text).not.toContain('\n');
    }
    expect(passagesOf('dgsn-2020')).toHaveLength(65);
  });
});

describe('the theme tagger against the hand-labelled table', () => {
  const tagged = () =>
    labels.map((label) => {
      const passage = passagesOf(label.report).find((p) => p.text.includes(label.quote));
      return { label, primary: passage?.themes[0] };
    });

  it('has at least 40 labelled passages spread over all five reports', () => {
    expect(labels.length).toBeGreaterThanOrEqual(40);
    expect(new Set(labels.map((l) => l.report)).size).toBe(5);
  });

  it('finds every labelled quote inside one passage', () => {
    for (const { label, primary } of tagged()) expect(primary, label.quote).toBeDefined();
  });

  it('gets at least 90% of primary themes right, accepting the labeller’s stated alternative for ambiguous passages', () => {
    const right = tagged().filter(({ label, primary }) => primary === label.primary || label.alternatives?.includes(primary ?? ''));
    expect(right.length / labels.length).toBeGreaterThanOrEqual(0.9);
  });

  it('gets at least 80% of primary themes exactly as labelled', () => {
    const exact = tagged().filter(({ label, primary }) => primary === label.primary);
    expect(exact.length / labels.length).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps the evidence for every tag of every passage', () => {
    for (const passage of build.bundle.passages) {
      expect(passage.themes.length).toBeGreaterThanOrEqual(1);
      expect(passage.themes.length).toBeLessThanOrEqual(3);
      if (passage.themeEvidence.length > 0) {
        for (const theme of passage.themes) expect(passage.themeEvidence.some((e) => e.theme === theme)).toBe(true);
      }
    }
  });
});
