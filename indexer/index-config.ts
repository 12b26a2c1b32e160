// The one definition of the full-text index: fields, boosts' inputs, tokenizer and term processing.
// Building and loading both go through here, so the two can never disagree.
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { languageOf, termsOf, tokenize, type Language } from '../language/analyzer.ts';
import { isBinaryIndex, loadBinaryIndex, type BinaryIndex } from './index-binary.ts';
import type { Passage } from './types.ts';

/**
 * What the full-text index stores per passage (everything else is read from the passage store). The text
 * and headings of a passage go in the fields of its report's language, each analysed in that language.
 */
export interface IndexedDocument {
  /** Passage id. */
  id: string;
  /** Passage text (English). */
  text: string;
  /** All section headings above the passage, joined (English). */
  section: string;
  /** Title of the report. */
  title: string;
  /** Passage text and headings of a French report. */
  textFr: string;
  sectionFr: string;
  /** Passage text and headings of an Arabic report. */
  textAr: string;
  sectionAr: string;
}

/** The text and heading fields of each language. */
export const LANGUAGE_FIELDS: Record<Language, { text: keyof IndexedDocument; section: keyof IndexedDocument }> = {
  en: { text: 'text', section: 'section' },
  fr: { text: 'textFr', section: 'sectionFr' },
  ar: { text: 'textAr', section: 'sectionAr' },
};

const FIELD_LANGUAGE = new Map<string, Language>(
  Object.entries(LANGUAGE_FIELDS).flatMap(([language, fields]) => [[fields.text, language as Language], [fields.section, language as Language]]),
);

/** Bumped whenever the shape of the stored index changes, so that an old index is rebuilt, never misread. */
export const INDEX_FORMAT = 9;

/** Searchable fields, in the order researchers care about them. */
export const INDEX_FIELDS: Array<keyof IndexedDocument> = ['text', 'section', 'title', 'textFr', 'sectionFr', 'textAr', 'sectionAr'];

export const INDEX_OPTIONS: Options<IndexedDocument> = {
  idField: 'id',
  fields: INDEX_FIELDS,
  storeFields: [],
  tokenize: (text) => tokenize(text).map((token) => token.surface),
  processTerm: (term, field) => {
    const terms = termsOf(term, FIELD_LANGUAGE.get(field ?? 'text') ?? 'en');
    return terms.length === 0 ? null : terms;
  },
};

/** The document the index holds for a passage. */
export function toIndexedDocument(passage: Passage, reportTitle: string, reportLanguage = 'en'): IndexedDocument {
  const document: IndexedDocument = { id: passage.id, text: '', section: '', title: reportTitle, textFr: '', sectionFr: '', textAr: '', sectionAr: '' };
  const fields = LANGUAGE_FIELDS[languageOf(reportLanguage)];
  return { ...document, [fields.text]: passage.text, [fields.section]: passage.sectionPath.join(' — ') };
}

/** A new, empty index with the product's configuration. */
export function createIndex(): MiniSearch<IndexedDocument> {
  return new MiniSearch(INDEX_OPTIONS);
}

/**
 * An index restored from its serialised form (MiniSearch's own, or the numbers of index-binary.ts), with
 * the same configuration it was built with.
 */
export function loadIndex(serialised: AsPlainObject | BinaryIndex): MiniSearch<IndexedDocument> {
  return isBinaryIndex(serialised) ? loadBinaryIndex(serialised, INDEX_OPTIONS) : MiniSearch.loadJS(serialised, INDEX_OPTIONS);
}
