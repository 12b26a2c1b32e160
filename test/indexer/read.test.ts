import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeText, ManifestError, MAX_TEXT_CHARS, readCorpus, readManifest, readSource } from '../../indexer/read.ts';

let dir: string;
const write = (name: string, content: string | Buffer) => fs.writeFileSync(path.join(dir, name), content);
const writeManifest = (reports: unknown[]) => write('reports.json', JSON.stringify({ reports }));
const thrownBy = (action: () => unknown): unknown => {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
};
const manifestProblem = (message: string) => ({ file: 'corpus/reports.json', message: `indexer: corpus/reports.json, ${message}` });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgsn-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('decodeText', () => {
  describe('when the file starts with a byte-order mark', () => {
    it('keeps it, so offsets match the file as other tools decode it', async () => {
      expect(decodeText(Buffer.from('\uFEFFCrime fell.', 'utf8'), 'corpus/bom.txt')).toEqual({ text: '\uFEFFCrime fell.' });
    });
  });

  it('decodes UTF-8 text, right-to-left and emoji included', async () => {
    expect(decodeText(Buffer.from('الأمن 2024 👮'), 'corpus/a.txt')).toEqual({ text: 'الأمن 2024 👮' });
  });

  describe('when the bytes are not a readable report', () => {
    it('says why, naming the file', async () => {
      expect(decodeText(new Uint8Array(), 'corpus/a.txt')).toEqual({ problem: 'indexer: corpus/a.txt is empty' });
      expect(decodeText(Buffer.from(' \n\t '), 'corpus/a.txt')).toEqual({ problem: 'indexer: corpus/a.txt is empty (only white space)' });
      expect(decodeText(Buffer.from('A\0B'), 'corpus/a.txt')).toEqual({ problem: 'indexer: corpus/a.txt is a binary file, not text' });
      expect(decodeText(Buffer.from([0xff, 0xfe, 0x41]), 'corpus/a.txt')).toEqual({
        problem: 'indexer: corpus/a.txt is not valid UTF-8 text (save it as UTF-8)',
      });
    });
  });
});

describe('readManifest', () => {
  it('gives no entry and no problem when there is no manifest', async () => {
    expect(readManifest(dir, 'corpus')).toEqual({ entries: [], problems: [] });
  });

  describe('when the manifest is unusable', () => {
    it('throws a ManifestError naming the file for malformed JSON', async () => {
      write('reports.json', '{"reports": [');
      const error = thrownBy(() => readManifest(dir, 'corpus'));
      expect(error).toBeInstanceOf(ManifestError);
      expect(error).toMatchObject({
        name: 'ManifestError',
        file: 'corpus/reports.json',
        message: 'indexer: corpus/reports.json is not valid JSON (Unexpected end of JSON input)',
      });
    });

    it('throws when it is not an object with a list of reports', async () => {
      write('reports.json', '{"reports": {}}');
      expect(() => readManifest(dir, 'corpus')).toThrow(
        'indexer: corpus/reports.json must be an object {"reports": [...]}: reports Invalid input: expected array, received object',
      );
    });
  });

  describe('when an entry names a file outside the corpus folder', () => {
    it('refuses the entry rather than read it', async () => {
      writeManifest([{ id: 'escape', file: '../secrets.txt' }]);
      const { entries, problems } = readManifest(dir, 'corpus');
      expect(entries).toEqual([]);
      expect(problems).toEqual([
        manifestProblem('entry 1 is invalid: file must be a file name inside the corpus folder (no folders, no "..")'),
      ]);
    });
  });

  describe('when an entry says it is a translation', () => {
    it('keeps machine or human, and refuses anything else', async () => {
      writeManifest([
        { id: 'dgsn-2020', file: 'a.txt', translation: 'machine' },
        { id: 'dgsn-2021', file: 'b.txt', translation: 'google' },
      ]);
      const { entries, problems } = readManifest(dir, 'corpus');
      expect(entries).toEqual([{ id: 'dgsn-2020', file: 'a.txt', translation: 'machine' }]);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toContain('entry 2 is invalid: translation');
    });
  });

  describe('when some entries are invalid', () => {
    it('keeps the valid entries and reports each bad one by its number', async () => {
      writeManifest([
        { id: 'dgsn-2024', file: 'a.txt', year: 2024 },
        { id: 'dgsn-1899', file: 'b.txt', year: 1899 },
        { id: 'dgsn-x', file: 'c.txt', colour: 'red' },
        { id: 'dgsn-2024', file: 'd.txt' },
        { id: 'dgsn-other', file: 'a.txt' },
        'just a string',
      ]);
      expect(readManifest(dir, 'corpus')).toEqual({
        entries: [{ id: 'dgsn-2024', file: 'a.txt', year: 2024 }],
        problems: [
          manifestProblem('entry 2 is invalid: year Too small: expected number to be >=1900'),
          manifestProblem('entry 3 is invalid: entry Unrecognized key: "colour"'),
          manifestProblem('entry 4 repeats the report id "dgsn-2024" of entry 1'),
          manifestProblem('entry 5 lists a.txt again (already entry 1)'),
          manifestProblem('entry 6 is invalid: entry Invalid input: expected object, received string'),
        ],
      });
    });
  });
});

describe('readCorpus', () => {
  it('reads a listed file with its entry, its exact text and the SHA-256 of its bytes', async () => {
    writeManifest([{ id: 'dgsn-2024', file: 'dgsn-2024.txt', year: 2024 }]);
    write('dgsn-2024.txt', 'Crime fell in 2024.');
    expect(await readCorpus(dir)).toEqual({
      sources: [
        {
          file: 'corpus/dgsn-2024.txt',
          entry: { id: 'dgsn-2024', file: 'dgsn-2024.txt', year: 2024 },
          listed: true,
          text: 'Crime fell in 2024.',
          extracted: false,
          pageStarts: null,
          declaredTitle: null,
          sha256: '53cfc8adb8c91a9efdb934cd8ca3c00e2935273ba1169c1bf22d1d548fa6d7d5',
        },
      ],
      problems: [],
      failedIds: [],
    });
  });

  it('reads a file the manifest does not list as unlisted, under the given folder name', async () => {
    write('notes.txt', 'Unlisted notes.');
    expect((await readCorpus(dir, 'data/in')).sources).toEqual([
      {
        file: 'data/in/notes.txt',
        entry: { file: 'notes.txt' },
        listed: false,
        text: 'Unlisted notes.',
        extracted: false,
        pageStarts: null,
        declaredTitle: null,
        sha256: '86170bd1c9108a3788d90ba08e2f2f9acf98d79365b71be8470425e7e6ab8143',
      },
    ]);
  });

  it('skips hidden files and folders', async () => {
    write('.hidden.txt', 'Hidden notes.');
    fs.mkdirSync(path.join(dir, 'drafts.txt'));
    expect(await readCorpus(dir)).toEqual({ sources: [], problems: [], failedIds: [] });
  });

  describe('when files are broken', () => {
    it('reports each against its file, keeps the ids of the listed ones, and reads the rest', async () => {
      writeManifest([
        { id: 'dgsn-2024', file: 'dgsn-2024.txt' },
        { id: 'dgsn-2024-copy', file: 'dgsn-2024.txt' },
        { id: 'dgsn-2023', file: 'missing.txt' },
        { id: 'dgsn-empty', file: 'empty.txt' },
        { id: 'dgsn-pdf', file: 'report.docx' },
        { id: 'dgsn-binary', file: 'binary.txt' },
        { id: 'dgsn-latin', file: 'latin.md' },
      ]);
      write('dgsn-2024.txt', 'Crime fell in 2024.');
      write('empty.txt', '');
      write('report.docx', 'PK');
      write('binary.txt', Buffer.from([0x41, 0x00, 0x42]));
      write('latin.md', Buffer.from([0xff, 0xfe, 0x41]));
      write('notes.txt', 'Unlisted notes.');
      const reading = await readCorpus(dir);
      expect(reading.sources.map((source) => [source.file, source.listed])).toEqual([
        ['corpus/dgsn-2024.txt', true],
        ['corpus/notes.txt', false],
      ]);
      expect(reading.problems).toEqual([
        manifestProblem('entry 2 lists dgsn-2024.txt again (already entry 1)'),
        { file: 'corpus/missing.txt', message: 'indexer: corpus/reports.json lists corpus/missing.txt, which does not exist' },
        { file: 'corpus/empty.txt', message: 'indexer: corpus/empty.txt is empty' },
        {
          file: 'corpus/report.docx',
          message: 'indexer: corpus/report.docx has an unsupported type (supported: .txt, .md, .html, .htm, .pdf)',
        },
        { file: 'corpus/binary.txt', message: 'indexer: corpus/binary.txt is a binary file, not text' },
        { file: 'corpus/latin.md', message: 'indexer: corpus/latin.md is not valid UTF-8 text (save it as UTF-8)' },
      ]);
      expect(reading.failedIds).toEqual(['dgsn-2023', 'dgsn-empty', 'dgsn-pdf', 'dgsn-binary', 'dgsn-latin']);
    });
  });

  describe('when a report has more text than a report may have', () => {
    it('refuses it with the size and what to do, and reads the others', async () => {
      writeManifest([{ id: 'huge', file: 'huge.txt' }, { id: 'dgsn-2024', file: 'dgsn-2024.txt' }]);
      write('huge.txt', 'crime '.repeat(MAX_TEXT_CHARS / 6 + 1000));
      write('dgsn-2024.txt', 'Crime fell in 2024.');
      const reading = await readCorpus(dir);
      expect(reading.sources.map((source) => source.file)).toEqual(['corpus/dgsn-2024.txt']);
      expect(reading.problems).toEqual([
        {
          file: 'corpus/huge.txt',
          message: 'indexer: corpus/huge.txt has 20.0 million characters of text, more than the 20 million a report may have; split it into parts, or check that it is one report',
        },
      ]);
      expect(await readSource(path.join(dir, 'dgsn-2024.txt'), 'dgsn-2024.txt')).toMatchObject({ text: 'Crime fell in 2024.' });
    });
  });

  describe('when the manifest is malformed', () => {
    it('throws a ManifestError and reads nothing', async () => {
      write('reports.json', '{"reports": [');
      write('notes.txt', 'Unlisted notes.');
      await expect(readCorpus(dir)).rejects.toThrow(ManifestError);
    });
  });

  it('gives an empty reading for a folder that does not exist', async () => {
    expect(await readCorpus(path.join(dir, 'nowhere'))).toEqual({ sources: [], problems: [], failedIds: [] });
  });
});
