// The search's ranking constants, in one place: every stage reads its weights and bounds from here.
/** The ranking's constants, in one place. */
export const RANKING = {
  /**
   * Field boosts for BM25: the passage's own words count most; its headings and its report's title much
   * less (every passage of a section shares them). From 0.3 to 1 for the headings made no difference on
   * the dev set.
   */
  boost: { text: 1, section: 0.3, title: 0.2, textFr: 1, sectionFr: 0.3, textAr: 1, sectionAr: 0.3 },
  /** A query's words in another language of the corpus (French, Arabic) count this much, unless the query is in it. */
  otherLanguageWeight: 0.8,
  /** BM25 parameters (MiniSearch's defaults; b from 0.3 to 0.7 made no difference on the dev set). */
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  /** A thesaurus wording counts this much of an exact match. */
  synonymWeight: 0.7,
  /** A French wording of the bilingual list counts this much (the same thing, in another language). */
  translationWeight: 0.9,
  /**
   * Coordination: a passage's score is multiplied by the share of the query's weight it covers, raised
   * to this power, so passages with every word come first and those missing only minor words next.
   */
  coordination: 2,
  /**
   * A word's weight in that share is its rarity in the corpus (IDF) times its rarity in general English:
   * this floor plus the rest scaled by the general rarity, so "give" or "after" count little.
   */
  generalRarityFloor: 0.25,
  /**
   * A passage where a figure counts one of the query's words ("363 administrative grievances", "560
   * TASER-7 tasers") gets this share more: these reports are read for their figures.
   */
  figureBonus: 0.2,
  /**
   * One word of a multi-word thesaurus wording, found without the others, counts this share of the
   * wording divided among its words: a recall fallback, well below the wording itself.
   */
  partOfWording: 0.5,
  /** A year typed among the words ("sextortion 2023") is met by that year's passages, with this score. */
  yearWordScore: 2,
  /**
   * …and that year's passages count this many times more than other years' ("cartes d'identité délivrées
   * en 2021" wants 2021's passage first, even where a 2022 one uses more of the words). On the new-reports
   * set success@1 rose from 0.44 at 1 to 0.47 at 2 and 0.53 at 4, the same at 8 and 1000; no other dev set
   * moved.
   */
  typedYearBoost: 4,
  /** A word read as its spelling correction counts this much of an exact match. */
  correctionWeight: 0.9,
  /** MiniSearch's own discount of fuzzy and prefix matches. */
  fuzzyWeight: 0.45,
  prefixWeight: 0.375,
  /** Edit distance allowed by fuzzy matching, as a share of the word's length. */
  fuzziness: 0.2,
  /** A requirement met only by the section heading or report title, not the passage's own words. */
  headingOnlyWeight: 0.5,
  /** A concept matched in several ways (its words and a thesaurus wording) adds this share of the others. */
  extraEvidence: 0.25,
  /** Paragraphs shorter than this many words (one-line transitions) are discounted by the root of their share. */
  shortPassage: 20,
  /** Bonus for query words standing close together: up to this share when they are adjacent. */
  proximityBonus: 0.3,
  /** Each further result from the same year counts this much less, so a topic is shown across years. */
  yearDecay: 0.85,
  /** Only the best this many (by BM25) are scored on how close together the query's words stand. */
  proximityDepth: 100,
  /**
   * Weight of the dense (word-vector) ranking in the reciprocal-rank fusion with the lexical one, over
   * the best `proximityDepth` lexical matches (0: lexical ranking alone). Off: measured at 0.2 and 0.5
   * it lowered success@1 on the dev sets and recall@5 on the new reports (README, ablation).
   */
  denseWeight: 0,
  /** Reciprocal-rank fusion's constant: 1 / (k + rank). */
  fusionK: 60,
  /** Only the first this many results are reordered to show several years; the rest keep their order. */
  diversityDepth: 200,
  /** How many recent search responses are kept to answer the same request again at once… */
  cacheSize: 1000,
  /** …holding at most this many characters of passage text and snippets in all… */
  cacheChars: 20_000_000,
  /** …and only for pages of at most this many results: an export of every match is never kept. */
  cacheableLimit: 100,
  /** At most this many words and phrases of a query are searched (a bound on the work a query can cause)… */
  maxQueryParts: 32,
  /** …and at most this many wordings in all, once synonyms and related words are added. */
  maxAlternatives: 200,
};
