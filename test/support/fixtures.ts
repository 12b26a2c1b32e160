// Reports of every kind a researcher may bring (PDF, HTML, French text, and the broken ones), and the
// temporary corpus folders the "bring your own reports" tests add them to. Every file is generated here,
// so the repository holds no binary fixture.
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import type { BuildPaths } from '../../indexer/build.ts';
import { runIndexer } from '../../indexer/main.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** A fresh temporary folder. */
export function tempDir(prefix = 'dgsn-byo-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes `content` to `name` in `dir` and returns the file's path. */
export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

// ---------------------------------------------------------------------------------------------------
// Corpus folders

/**
 * A small corpus, as in test/indexer/build.test.ts: the 2023 report and the 2024 press summary with their
 * manifest, in `<root>/corpus`, and an empty `<root>/data`. Neither mentions cannabis resin.
 */
export function smallCorpus(): BuildPaths {
  const root = tempDir('dgsn-small-');
  const corpusDir = path.join(root, 'corpus');
  mkdirSync(corpusDir);
  for (const file of ['dgsn-2023-annual-report.txt', 'dgsn-2024-press-summary.txt']) {
    copyFileSync(path.join(repoRoot, 'corpus', file), path.join(corpusDir, file));
  }
  const reports = [
    { id: 'dgsn-2023', file: 'dgsn-2023-annual-report.txt', title: 'National Security Services Report for 2023', year: 2023, kind: 'annual-report', language: 'en' },
    { id: 'dgsn-2024-press', file: 'dgsn-2024-press-summary.txt', year: 2024, kind: 'press-article', language: 'en' },
  ];
  writeFileSync(path.join(corpusDir, 'reports.json'), `${JSON.stringify({ reports }, null, 2)}\n`);
  return { root, corpusDir, dataDir: path.join(root, 'data') };
}

/** A copy of the real corpus in `<root>/corpus`, with `<root>/data` for its index. */
export function realCorpusCopy(): BuildPaths {
  const root = tempDir('dgsn-real-copy-');
  const corpusDir = path.join(root, 'corpus');
  cpSync(path.join(repoRoot, 'corpus'), corpusDir, { recursive: true });
  return { root, corpusDir, dataDir: path.join(root, 'data') };
}

/** Indexes a corpus folder and fails loudly when the build is not clean. */
export async function indexed(paths: BuildPaths): Promise<BuildPaths> {
  const lines: string[] = [];
  const code = await runIndexer(paths, (line) => lines.push(line));
  if (code !== 0) throw new Error(`fixtures: indexing ${paths.corpusDir} exited ${code}:\n${lines.join('\n')}`);
  return paths;
}

/** A copy of an indexed corpus (corpus and data), so that each test may change its own. */
export function copyOf(paths: BuildPaths): BuildPaths {
  const root = tempDir('dgsn-copy-');
  cpSync(paths.root, root, { recursive: true });
  return { root, corpusDir: path.join(root, path.relative(paths.root, paths.corpusDir)), dataDir: path.join(root, path.relative(paths.root, paths.dataDir)) };
}

/** What an add must leave untouched when it refuses a file. */
export interface CorpusState {
  /** The names in the corpus folder, sorted. */
  files: string[];
  /** SHA-256 of the manifest's bytes. */
  manifest: string;
  /** SHA-256 of the index file's bytes. */
  index: string;
}

// Hashes rather than buffers: a deep comparison of two index files byte by byte takes a third of a second.
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

export function corpusState(paths: BuildPaths): CorpusState {
  return {
    files: readdirSync(paths.corpusDir).sort(),
    manifest: sha256(path.join(paths.corpusDir, 'reports.json')),
    index: sha256(path.join(paths.dataDir, 'index.json')),
  };
}

// ---------------------------------------------------------------------------------------------------
// PDF reports

/** The text the report PDF draws, line by line, on its two pages. */
const REPORT_PDF_PAGES = [
  [
    'Annual Report 2019',
    'During the year 2019, the police seized 12 tons of cannabis resin',
    'and 250 kilograms of cocaine in operations across the Kingdom.',
    'Arrests for drug trafficking rose by 8% compared with the year before.',
  ],
  ['Road Safety', 'In 2019, 3,500 traffic accidents were recorded in urban areas,', 'and 410 people lost their lives on the roads of the cities.'],
];

/** A two-page English report on 2019: drug seizures on page 1, road safety on page 2. */
export async function reportPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (const lines of REPORT_PDF_PAGES) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, i) => {
      // The heading in bold, then a gap, then the body lines.
      page.drawText(line, { x: 50, y: i === 0 ? 780 : 750 - 18 * i, size: i === 0 ? 16 : 11, font: i === 0 ? bold : regular });
    });
  }
  return pdf.save();
}

/** A page image without a text layer, as a scanner makes: a grey rectangle and nothing else. */
export async function scannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 495, height: 742, color: rgb(0.6, 0.6, 0.6) });
  return pdf.save();
}

/** A PDF header followed by garbage. */
export function corruptPdf(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0x00, 0x01, 0xff, 0xfe]), Buffer.from(' this is not a PDF body \n')]);
}

/**
 * A one-page PDF protected by the standard security handler (RC4, 40 bits). Its /O and /U keys are
 * arbitrary, so no password (the empty one included) opens it: a reader must ask for the password.
 * Written by hand because pdf-lib cannot encrypt; the cross-reference table has the real offsets.
 */
export function encryptedPdf(): Buffer {
  const hex = (bytes: number, seed: number) => Array.from({ length: bytes }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 11)}> /U <${hex(32, 29)}> /P -44 >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(16, 5)}> <${hex(16, 5)}>] >>\n`;
  pdf += `startxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// ---------------------------------------------------------------------------------------------------
// HTML and text reports

/** A news page republishing a 2018 report, with the furniture such pages carry around it. */
export const REPORT_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>DGSN 2018 Activity Report | Daily News</title>
  <style>body { font-family: serif; }</style>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
  <script>window.analytics = { page: "report" };</script>
  <article>
    <h1>DGSN 2018 Activity Report</h1>
    <p>During the year 2018, the police handled 540,000 criminal cases
       across the Kingdom, <em>an increase</em> of 4% on the year before.</p>
    <h2>Cybercrime</h2>
    <p>Specialised units processed 6,200 complaints about online fraud and identity theft.</p>
    <p>Officers trained 900 teachers to recognise online harassment of pupils.</p>
  </article>
  <div class="related">
    <h3>Related articles</h3>
    <p>Football: the derby ends in a draw</p>
  </div>
  <form action="/comment"><label>Leave a comment</label><textarea name="c"></textarea><button>Send</button></form>
  <footer>Copyright Daily News, all rights reserved.</footer>
</body>
</html>
`;

/** The text htmlToText gives for REPORT_HTML. */
export const REPORT_HTML_TEXT = [
  '# DGSN 2018 Activity Report',
  'During the year 2018, the police handled 540,000 criminal cases across the Kingdom, an increase of 4% on the year before.',
  '## Cybercrime',
  'Specialised units processed 6,200 complaints about online fraud and identity theft.',
  'Officers trained 900 teachers to recognise online harassment of pupils.',
].join('\n\n');

/** Words that appear only in the page furniture of REPORT_HTML, never in its report text. */
export const REPORT_HTML_DEBRIS = ['Home', 'Politics', 'analytics', 'font-family', 'Related articles', 'Football', 'Leave a comment', 'Send', 'Copyright'];

/** A short report in French on 2022. */
export const FRENCH_REPORT = `Bilan annuel 2022 de la Direction générale de la sûreté nationale

Au cours de l'année 2022, les services de la Direction générale de la sûreté nationale ont intensifié la lutte contre le trafic de stupéfiants. Les saisies de drogue ont atteint 150 tonnes de résine de cannabis et plus d'une tonne de cocaïne.

La sécurité routière est restée une priorité. Les accidents de la circulation en milieu urbain ont diminué de 6 % par rapport à l'année précédente, grâce aux contrôles renforcés et aux campagnes de sensibilisation menées dans les écoles.

Par ailleurs, la police a traité plus de 7 000 plaintes liées à la cybercriminalité et a poursuivi la modernisation de ses services numériques au profit des citoyens.
`;

/** A report that names no year anywhere. */
export const UNDATED_REPORT = `Community Policing Review

The police opened new neighbourhood stations in the northern provinces and trained their officers in mediation.

Residents reported feeling safer after the evening patrols were doubled.
`;

/** Creates `dir/name` as a sparse file of `bytes` bytes: instant, and it takes no disk space. */
export function sparseFile(dir: string, name: string, bytes: number): string {
  const file = writeFile(dir, name, '');
  truncateSync(file, bytes);
  return file;
}

// ---------------------------------------------------------------------------------------------------
// Processes

/** A TCP port nobody listens on right now. */
