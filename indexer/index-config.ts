// The one definition of the full-text index: fields, boosts' inputs, tokenizer and term processing.
// Building and loading both go through here, so the two can never disagree.
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { termsOf, tokenize } from './analyzer.ts';
import type { Passage } from './types.ts';

/** What the full-text index stores per passage (everything else is read from the passage store). */
export interface IndexedDocument {
  /** Passage id. */
  id: string;
  /** Passage text. */
  text: string;
  /** All section headings above the passage, joined. */
  section: string;
  /** Title of the report. */
  title: string;
}

/** Bumped whenever the shape of the stored index changes, so that an old index is rebuilt, never misread. */
export const INDEX_FORMAT = 3;

/** Searchable fields, in the order researchers care about them. */
export const INDEX_FIELDS: Array<keyof IndexedDocument> = ['text', 'section', 'title'];

export const INDEX_OPTIONS: Options<IndexedDocument> = {
  idField: 'id',
  fields: INDEX_FIELDS,
  storeFields: [],
  tokenize: (text) => tokenize(text).map((token) => token.surface),
  processTerm: (term) => {
    const terms = termsOf(term);
    return terms.length === 0 ? null : terms;
  },
};

/** The document the index holds for a passage. */
export function toIndexedDocument(passage: Passage, reportTitle: string): IndexedDocument {
  return { id: passage.id, text: passage.text, section: passage.sectionPath.join(' — '), title: reportTitle };
}

/** A new, empty index with the product's configuration. */
export function createIndex(): MiniSearch<IndexedDocument> {
  return new MiniSearch(INDEX_OPTIONS);
}

/** An index restored from its serialised form, with the same configuration it was built with. */
export function loadIndex(serialised: AsPlainObject): MiniSearch<IndexedDocument> {
  return MiniSearch.loadJS(serialised, INDEX_OPTIONS);
}
