// The shapes that travel from the corpus through the indexer to the search core and the JSON API.
// Every field has a one-line meaning; the API returns these types, never ad-hoc objects.

/** What kind of document a report is. */
export type ReportKind = 'annual-report' | 'press-article';

/** Every kind of report, in the order they are listed. */
export const REPORT_KINDS: ReportKind[] = ['annual-report', 'press-article'];

/** One entry of `corpus/reports.json`, as written by a person (only `file` is required). */
export interface ManifestEntry {
  /** Stable, readable id used in passage ids and URLs, e.g. `dgsn-2024` (required in the manifest; absent only for unlisted files). */
  id?: string;
  /** File name inside `corpus/`. */
  file: string;
  /** Title shown to researchers and used in citations. */
  title?: string;
  /** The year the report covers (not the year it was published). */
  year?: number;
  /** Annual report of the DGSN or a press article about one. */
  kind?: ReportKind;
  /** Who published the document. */
  publisher?: string;
  /** BCP 47 language code of the text, e.g. `en`. */
  language?: string;
  /** Free note on the source: where it comes from, its quirks. */
  note?: string;
  /** How the text was translated from the language it was published in, when it was: `machine` or `human`. */
  translation?: Translation;
}

/** How a report's text was translated from the language it was published in. */
export type Translation = 'machine' | 'human';

/** A report as indexed: the manifest entry completed with what the indexer detected and counted. */
export interface Report {
  /** Stable id, e.g. `dgsn-2024`. */
  id: string;
  /** Path of the source file relative to the repository root, e.g. `corpus/dgsn-2024-annual-report.txt`. */
  file: string;
  /** Title from the manifest, else the detected title line, else the file name. */
  title: string;
  /** Year covered: the manifest's, else detected from the text. */
  year: number;
  /** Annual report or press article: the manifest's, else detected from the text (detectKind). */
  kind: ReportKind;
  /** Publisher from the manifest, or null when unknown. */
  publisher: string | null;
  /** Language code of the text. */
  language: string;
  /** Note on the source from the manifest, or null. */
  note: string | null;
  /** How the text was translated (manifest), or null for a text in the language it was published in. */
  translation: Translation | null;
  /** False when the file is in `corpus/` but not in the manifest (title, year and kind were detected). */
  listed: boolean;
  /** Number of passages the report was cut into. */
  passages: number;
  /** Number of words in its passages. */
  words: number;
  /** Number of source lines dropped as web-page debris. */
  debrisLines: number;
  /** SHA-256 of the source file's bytes, so a citation can be checked against the exact file. */
  sha256: string;
  /** True when passages' offsets point into text extracted from the file (HTML, PDF), saved as `data/text/<id>.txt`. */
  extracted: boolean;
}

/** The 18 themes of the taxonomy, by slug. */
export type ThemeSlug =
  | 'crime'
  | 'drugs'
  | 'cybercrime'
  | 'migration'
  | 'terrorism'
  | 'financial-crime'
  | 'forensics'
  | 'road-safety'
  | 'digital-services'
  | 'technology'
  | 'infrastructure'
  | 'cooperation'
  | 'human-resources'
  | 'welfare'
  | 'communication'
  | 'major-events'
  | 'covid-19'
  | 'future-projects';

/** One piece of evidence for a theme tag: which word or phrase, found where, weighing how much. */
export interface ThemeEvidence {
  /** The theme this evidence counts for. */
  theme: ThemeSlug;
  /** The keyword or phrase of the taxonomy that matched. */
  term: string;
  /** Whether it matched in the section heading or in the passage text. */
  source: 'section' | 'text';
  /** How many times it matched. */
  count: number;
  /** Its contribution to the theme's score. */
  weight: number;
}

/** A citable paragraph of a report: the unit of search, answers and citations. */
export interface Passage {
  /** Stable readable id, `<reportId>-p<NNN>`, e.g. `dgsn-2024-p041`. */
  id: string;
  /** Id of the report it belongs to. */
  reportId: string;
  /** Source file path relative to the repository root. */
  file: string;
  /** Year covered by its report. */
  year: number;
  /** 1-based position of the passage in its report (the paragraph number in citations). */
  ordinal: number;
  /** The nearest section heading above the passage, or null before the first heading. */
  section: string | null;
  /** All headings above the passage, outermost first (empty before the first heading). */
  sectionPath: string[];
  /** Theme slugs, the primary theme first, then up to two secondary themes. */
  themes: ThemeSlug[];
  /** The words that decided the themes, so that every tag can be explained. */
  themeEvidence: ThemeEvidence[];
  /** Offset of the first character in the source file (a JavaScript string index of the decoded text). */
  start: number;
  /** Offset just past the last character in the source file. */
  end: number;
  /** The passage, verbatim: exactly the source text between `start` and `end`. */
  text: string;
  /** Number of words in the text. */
  words: number;
  /** The PDF page the passage starts on, or null for a file without pages. */
  page: number | null;
}

/** A problem with one corpus file or the manifest; the rest of the corpus is still indexed. */
export interface CorpusProblem {
  /** Path relative to the repository root of the file at fault, e.g. `corpus/reports.json`. */
  file: string;
  /** What is wrong, in one sentence that names the file and the problem. */
  message: string;
}

/** The order of search results. */
export type SortOrder = 'relevance' | 'year-asc' | 'year-desc';

/** Restrictions on which passages a search or a listing may return (values of one kind are OR-ed). */
export interface PassageFilters {
  /** Report years to keep (empty: all years). */
  years: number[];
  /** Theme slugs to keep: a passage matches when any of its themes is listed (empty: all). */
  themes: string[];
  /** Report ids to keep (empty: all reports). */
  reports: string[];
  /** Kinds of source to keep, `annual-report` or `press-article` (empty: both). */
  kinds: string[];
}

/** A search as asked through the API or the pages. */
export interface SearchRequest {
  /** The query text in the query language. */
  q: string;
  /** Filters from request parameters (the query's own `year:` etc. are added to them). */
  filters: PassageFilters;
  /** Page size. */
  limit: number;
  /** Number of results to skip. */
  offset: number;
  /** Result order. */
  sort: SortOrder;
  /**
   * False to leave out the ranking's preference for passages where a figure counts a query word (the
   * answerer weighs figures itself, by what they count). Default true.
   */
  figures?: boolean;
  /** False to leave snippets out (an export has the whole text; snippets of every match cost much). */
  snippets?: boolean;
  /** False to leave the facet counts out (all zero): a search that only reads its results, as the answers' do. */
  facets?: boolean;
}

/** The short form of a report inside a result. */
export interface ReportRef {
  /** Report id. */
  id: string;
  /** Report title. */
  title: string;
  /** Annual report or press article. */
  kind: ReportKind;
  /** `machine` or `human` when the text is a translation, else null. */
  translation: Translation | null;
}

/** A passage as the API shows it (the search result shape without score and snippet). */
export interface PassageView {
  /** Passage id. */
  id: string;
  /** Year covered by its report. */
  year: number;
  /** Its report. */
  report: ReportRef;
  /** Nearest section heading, or null. */
  section: string | null;
  /** Theme slugs, primary first. */
  themes: ThemeSlug[];
  /** The passage, verbatim. */
  text: string;
  /** Paragraph number within the report. */
  ordinal: number;
  /** Offset of the passage in the source file. */
  start: number;
  /** Offset just past the passage in the source file. */
  end: number;
  /** Source file path relative to the repository root. */
  file: string;
  /** The PDF page the passage starts on, or null. */
  page: number | null;
  /** Permalink of the passage page. */
  url: string;
}

/** One search hit. */
export interface SearchResult extends PassageView {
  /** HTML-escaped excerpt of about 50 words with `<mark>` around matched words. */
  snippetHtml: string;
  /** Relevance score (higher is better; comparable only within one response). */
  score: number;
  /** Ids of passages left out of the results as near-copies of this one. */
  duplicates: string[];
}

/** How the search read the query, so the page can echo it back. */
export interface QueryExplanation {
  /** The words and phrases searched for, as the user wrote them (after spelling correction). */
  terms: string[];
  /** Equivalent wordings from the thesaurus that were searched too. */
  synonyms: string[];
  /** Related words the reports use that were searched too, from general English (forms, synonyms, neighbours). */
  related: string[];
  /** Words that were not in the reports and were read as a close word that is (`from` → `to`). */
  corrections: Array<{ from: string; to: string }>;
  /** Words excluded with `-`. */
  excluded: string[];
  /** Filters written in the query (`year:2024`, `theme:…`, `report:…`, `kind:…`). */
  filters: PassageFilters;
  /** True when no passage had every word, so the best partial matches are shown. */
  partial: boolean;
  /** Notes on parts of the query that were read literally or ignored. */
  notices: string[];
}

/** The answer to a search. */
export interface SearchResponse {
  /** The query text as received. */
  query: string;
  /** Number of matching passages under all filters. */
  total: number;
  /** Milliseconds the search took on the server. */
  tookMs: number;
  /**
   * Counts of matching passages, each facet under the other filters: per year (every report year of the
   * corpus, 0 included), per theme, and per kind of source (every kind of the corpus, 0 included);
   * `yearKind` splits each year's count by kind (for trends that keep official reports and press apart).
   */
  facets: { year: Record<string, number>; theme: Record<string, number>; kind: Record<string, number>; yearKind: Record<string, Record<string, number>> };
  /** The requested page of results. */
  results: SearchResult[];
  /** How the query was understood. */
  parsed: QueryExplanation;
  /** A corrected query worth trying when this one matched nothing, else null. */
  didYouMean: string | null;
}

/** An answer extracted from one sentence of a report. */
export interface Answer {
  /** The shortest span that answers: the figure with its unit or noun ("391 cases", "1.948 tons of cocaine"). */
  text: string;
  /** The whole sentence the answer comes from, verbatim. */
  sentence: string;
  /** The sentence HTML-escaped with <mark> around the answer. */
  sentenceHtml: string;
  /** The passage the sentence belongs to (a search result, its snippet marking the answer). */
  passage: SearchResult;
  /** How sure the answer is, from 0 to 1: above 0.7 a likely answer, below it the best evidence found. */
  confidence: number;
  /** The year the figure is about (a report also states figures for the year before). */
  year: number;
  /**
   * The figure as a number ("19,722,041" → 19722041, "123 tons and 971 kg" → 123.971, "5th" → 5; a
   * change is signed: "a decrease of 23%" → -23); null for a place or a name.
   */
  value: number | null;
  /** Its unit when it has one (`tons`, `kg`, `%`, `dirhams`), else null. */
  unit: string | null;
  /**
   * What it is: a count, an amount (a quantity with a unit), a percentage, a change ("fell 23%"), an
   * ordinal ("5th edition"), a date, a place or a name.
   */
  kind: 'count' | 'amount' | 'percentage' | 'change' | 'ordinal' | 'date' | 'place' | 'name';
}

/** One row of an answer to a question about several years. */
export interface YearAnswer {
  /** The year asked about. */
  year: number;
  /** The answer for that year, or null. */
  answer: Answer | null;
  /**
   * True when the figure comes from another year's report that restates it (the 2023 report's "compared
   * with 80,091 in 2022"), because the year's own report does not give it.
   */
  restated: boolean;
  /** Why there is no answer for that year, when there is none. */
  reason: string | null;
}

/** The answer to a question. */
export interface AnswerResponse {
  /** The question as received. */
  question: string;
  /** The best answer, or null when the reports do not answer the question. */
  answer: Answer | null;
  /** Why `answer` is null (for example which years the reports cover); null when there is an answer. */
  reason: string | null;
  /** For a question about several years, one row per year (empty otherwise). */
  byYear: YearAnswer[];
  /** The supporting passages, best first. */
  passages: SearchResult[];
  /** How the question was read. */
  analysis: {
    type: string;
    years: number[];
    severalYears: boolean;
    head: string[];
    qualifiers: string[];
    /** Words of the question the reports never use, read as the word they do write ("kids" as "children"). */
    readAs: Array<{ from: string; to: string }>;
  };
}
