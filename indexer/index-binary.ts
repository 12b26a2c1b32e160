// The full-text index on disk in a form loaded without JSON: MiniSearch's own serialised form is an object
// per posting list, parsed from JSON and then turned, key by key, into the maps MiniSearch searches
// (at 100x, 0.6 s of parsing and 1.1 s of conversion). Here its postings and field lengths are numbers
// in one file, read straight into those maps; its terms, document ids and settings go in the index file.
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { IndexedDocument } from './index-config.ts';

/** What the index file holds of the full-text index (the numbers are in the postings file). */
export interface BinaryIndexHeader {
  /** MiniSearch's settings of the index: counts, field ids, average field lengths. */
  meta: Pick<AsPlainObject, 'documentCount' | 'nextId' | 'fieldIds' | 'averageFieldLength' | 'dirtCount' | 'serializationVersion'>;
  /** The indexed terms, in the order of their postings. */
  terms: string[];
  /** Each short id's passage id (null for a short id no longer in use). */
  documentIds: Array<string | null>;
}

/** The index loaded from its two parts: the header and the numbers. */
export interface BinaryIndex extends BinaryIndexHeader {
  /** Each short id's length in each field, short id after short id. */
  fieldLengths: Uint32Array;
  /** Per term: its number of fields; per field: the field id, the number of passages, then (short id, frequency) pairs. */
  postings: Uint32Array;
}

/** True for an index in this form rather than MiniSearch's serialised object. */
export function isBinaryIndex(index: AsPlainObject | BinaryIndex): index is BinaryIndex {
  return 'postings' in index;
}

/** MiniSearch's serialised index in this form. */
export function toBinaryIndex(index: AsPlainObject): BinaryIndex {
  const fields = Object.keys(index.fieldIds).length;
  const documentIds = new Array<string | null>(index.nextId).fill(null);
  for (const [short, id] of Object.entries(index.documentIds)) documentIds[Number(short)] = id;
  const fieldLengths = new Uint32Array(index.nextId * fields);
  for (const [short, lengths] of Object.entries(index.fieldLength)) lengths.forEach((length, field) => (fieldLengths[Number(short) * fields + field] = length ?? 0));
  const terms: string[] = [];
  const postings = new GrowingWords();
  const push = (value: number) => postings.push(value);
  for (const [term, data] of index.index) {
    terms.push(term);
    const fieldIds = Object.keys(data);
    push(fieldIds.length);
    for (const fieldId of fieldIds) {
      const entry = data[fieldId]! as unknown as Record<string, number>;
      const shorts = Object.keys(entry);
      push(Number(fieldId));
      push(shorts.length);
      for (const short of shorts) {
        push(Number(short));
        push(entry[short]!);
      }
    }
  }
  const { documentCount, nextId, fieldIds, averageFieldLength, dirtCount, serializationVersion } = index;
  return { meta: { documentCount, nextId, fieldIds, averageFieldLength, dirtCount, serializationVersion }, terms, documentIds, fieldLengths, postings: postings.words() };
}

/** 32-bit numbers appended one by one, in an array that doubles when full. */
export class GrowingWords {
  private array = new Uint32Array(1 << 12);
  /** How many numbers are held. */
  length = 0;

  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new Uint32Array(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }

  /** The numbers held, in an array of their own length. */
  words(): Uint32Array {
    return this.array.slice(0, this.length);
  }
}

// The internals of MiniSearch that loading fills (as its own loadJS does).
interface Internals {
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _index: { set(term: string, data: Map<number, Map<number, number>>): void };
}

/** A MiniSearch index from this form, the same as MiniSearch's loadJS would give from its own. */
export function loadBinaryIndex(index: BinaryIndex, options: ConstructorParameters<typeof MiniSearch<IndexedDocument>>[0]): MiniSearch<IndexedDocument> {
  // MiniSearch sets up its settings and empty maps from an empty serialised index; the maps are then filled.
  const empty = { ...index.meta, index: [], documentIds: {}, fieldLength: {}, storedFields: {} } as unknown as AsPlainObject;
  const search = MiniSearch.loadJS<IndexedDocument>(empty, options);
  const internals = search as unknown as Internals;
  const fields = Object.keys(index.meta.fieldIds).length;
  if (!Array.isArray(index.terms) || !Array.isArray(index.documentIds) || index.fieldLengths.length !== index.documentIds.length * fields) {
    throw new Error('the index file and its postings do not fit together');
  }
  index.documentIds.forEach((id, short) => {
    if (id === null) return;
    internals._documentIds.set(short, id);
    internals._idToShortId.set(id, short);
    internals._fieldLength.set(short, Array.from(index.fieldLengths.subarray(short * fields, (short + 1) * fields)));
  });
  const { postings } = index;
  let at = 0;
  for (const term of index.terms) {
    const data = new Map<number, Map<number, number>>();
    for (let f = postings[at++]!; f > 0; f--) {
      const fieldId = postings[at++]!;
      const entry = new Map<number, number>();
      for (let count = postings[at++]!; count > 0; count--) {
        entry.set(postings[at]!, postings[at + 1]!);
        at += 2;
      }
      data.set(fieldId, entry);
    }
    internals._index.set(term, data);
  }
  if (at !== postings.length) throw new Error('the index file and its postings do not fit together');
  return search;
}

/** The numbers of the index as the bytes of its file: two counts, the field lengths, the postings. */
export function binaryIndexBytes(index: BinaryIndex): Buffer {
  const words = new Uint32Array(2 + index.fieldLengths.length + index.postings.length);
  words[0] = index.fieldLengths.length;
  words[1] = index.postings.length;
  words.set(index.fieldLengths, 2);
  words.set(index.postings, 2 + index.fieldLengths.length);
  return littleEndianBytes(words);
}

/**
 * The index from its header and the bytes of its file, or null when the bytes are not such a file. (A
 * header that does not fit them is found when the index is loaded.)
 */
export function binaryIndexFrom(header: BinaryIndexHeader, bytes: Buffer): BinaryIndex | null {
  const words = wordsOf(bytes);
  if (words === null || words.length < 2) return null;
  const lengths = words[0]!;
  const postings = words[1]!;
  if (words.length !== 2 + lengths + postings) return null;
  return { ...header, fieldLengths: words.subarray(2, 2 + lengths), postings: words.subarray(2 + lengths) };
}

/** Numbers as little-endian bytes (turned around on a big-endian machine, so files are alike everywhere). */
export function littleEndianBytes(words: Uint32Array): Buffer {
  const bytes = Buffer.from(words.buffer, words.byteOffset, words.byteLength);
  if (littleEndian) return bytes;
  const copy = Buffer.from(bytes);
  copy.swap32();
  return copy;
}

/** Little-endian bytes as numbers, or null when they are no whole number of them. */
export function wordsOf(bytes: Buffer): Uint32Array | null {
  if (bytes.length % 4 !== 0) return null;
  // A view of the bytes as numbers needs them aligned; a file read whole is (its own buffer).
  const aligned = bytes.byteOffset % 4 === 0 && littleEndian ? bytes : Buffer.from(bytes);
  if (!littleEndian) aligned.swap32();
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
