// Words related to a query word that the corpus actually uses, from general English knowledge: its
// inflections and derivational family (seizure → seized), its WordNet synonyms, its nearest neighbours
// among the corpus's words in the vector space (deaths → fatalities), and, for a closed compound the
// corpus never writes, its parts (policewomen → police women); for a clipped word, the full word it was
// cut from (app → application, info → information). Each kind is weighted below an exact match,
// so general knowledge can widen a search but never outrank the words the user typed.
import { LRUCache } from 'lru-cache';
import { fold, isStopWord, termsOf } from './analyzer.ts';
import { lexicon, type Lexicon } from './lexicon.ts';

/** How a related word was found. */
export type RelationKind = 'form' | 'synonym' | 'neighbour' | 'compound' | 'clipping';

/** A wording related to a query word, reduced to the corpus's index terms. */
export interface RelatedWording {
  /** The wording as written, e.g. `seized` or `human death`. */
  text: string;
  /** Its index terms, one per word. */
  terms: string[];
  kind: RelationKind;
  /** How much of an exact match's score it counts (0–1). */
  weight: number;
  /** How surely a passage with it covers the query word (0–1): 1 for a form of the word, less for others. */
  quality: number;
}

/** The weights of each kind of relation, and the bounds on vector neighbours (set a priori, see README). */
export const RELATED = {
  /** An inflection or derivation the stemmer keeps apart (seizure / seized, prosecutor / prosecution). */
  formWeight: 0.8,
  /** A WordNet synonym of the word's most frequent sense. */
  synonymWeight: 0.55,
  /** How surely a WordNet synonym covers the word (a sense may not be the one meant). */
  synonymQuality: 0.8,
  /** A vector neighbour counts this share of its cosine similarity. */
  neighbourWeight: 0.6,
  /** Neighbours less similar than this are not used. */
  minSimilarity: 0.62,
  /** At most this many neighbours per word. */
  maxNeighbours: 4,
  /**
   * Synonyms and neighbours are used only for words, and only offered as words, at least this rare in
   * general English (Lexicon.rarity): the senses and neighbours of everyday words ("number": act, turn,
   * among, several) are too many to be evidence.
   */
  minRarity: 0.6,
  /** The parts of a closed compound, found side by side. */
  compoundWeight: 0.8,
  /**
   * The full word a clipped one was cut from (app → application): a corpus word that begins with the
   * query word, at least this many letters longer…
   */
  clippingMinExtra: 2,
  /**
   * …whose vectors are at least this similar (app/application 0.50, info/information 0.52; car/career
   * 0.33 and pass/passport 0.23 are not clippings), and that WordNet does not hold to be unrelated.
   */
  clippingMinSimilarity: 0.45,
  /** A clipping is the same word, shortened: it counts as a form does. */
  clippingWeight: 0.8,
  /** Which kinds are used (each can be turned off for the evaluation's ablation table). */
  use: { form: true, synonym: true, neighbour: true, compound: true, clipping: true } as Record<RelationKind, boolean>,
};

/** The corpus side: which index terms exist, and the vectors of the corpus's own words. */
export class CorpusLexicon {
  private readonly rows: Int32Array;
  private readonly rowWords: string[];
  // Bounded, so that unusual input cannot grow it without end.
  private readonly cache = new LRUCache<string, RelatedWording[]>({ max: 5000 });

  constructor(
    /** True when some passage holds this index term. */
    private readonly hasTerm: (term: string) => boolean,
    /** The corpus's written words (folded), e.g. from its vocabulary. */
    words: Iterable<string>,
    private readonly general: Lexicon = lexicon(),
  ) {
    const rows: number[] = [];
    this.rowWords = [];
    for (const word of words) {
      if (word.length < 3 || isStopWord(word) || !/^\p{Ll}+$/u.test(word)) continue;
      const row = general.vectorRow(word);
      if (row < 0) continue;
      rows.push(row);
      this.rowWords.push(word);
    }
    this.rows = Int32Array.from(rows);
  }

  /**
   * The wordings related to one query word that occur in the corpus, strongest first. For a word of a
   * French query only its English forms are offered: the English senses and neighbours of a French word
   * that is spelt like an English one ("résolution" as in a UN resolution) are not what it means.
   */
  related(word: string, french = false): RelatedWording[] {
    const folded = fold(word);
    const key = `${french ? 'fr' : 'en'} ${folded}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const found = this.compute(folded, french);
    this.cache.set(key, found);
    return found;
  }

  private compute(word: string, french: boolean): RelatedWording[] {
    if (!/^\p{L}+$/u.test(word) || isStopWord(word)) return [];
    const own = new Set(termsOf(word));
    const out = new Map<string, RelatedWording>();
    const offer = (text: string, kind: RelationKind, weight: number, quality: number) => {
      if (!RELATED.use[kind]) return;
      const terms = text.split(/\s+/).flatMap((part) => termsOf(part).slice(0, 1));
      if (terms.length === 0 || (terms.length === 1 && own.has(terms[0]!)) || !terms.every((term) => this.hasTerm(term))) return;
      const key = terms.join(' ');
      if ((out.get(key)?.weight ?? 0) < weight) out.set(key, { text, terms, kind, weight, quality });
    };
    // A word is offered with its irregular inflections (child → children), which the stemmer keeps apart.
    const withInflections = (text: string) => (text.includes(' ') ? [text] : [text, ...this.general.irregularForms(text)]);
    for (const form of this.general.family(word).flatMap(withInflections)) offer(form, 'form', RELATED.formWeight, 1);
    if (!french && this.general.rarity(word) >= RELATED.minRarity) {
      for (const synonym of this.general.synonyms(word).flatMap(withInflections)) offer(synonym, 'synonym', RELATED.synonymWeight, RELATED.synonymQuality);
      for (const [neighbour, similarity] of this.neighbours(word)) offer(neighbour, 'neighbour', RELATED.neighbourWeight * similarity, similarity);
    }
    if (!this.hasTerm(termsOf(word)[0] ?? '')) for (const parts of this.compoundParts(word)) offer(parts, 'compound', RELATED.compoundWeight, 1);
    if (!french) for (const full of this.fullWords(word)) offer(full, 'clipping', RELATED.clippingWeight, 1);
    return [...out.values()].sort((a, b) => b.weight - a.weight);
  }

  // The corpus words nearest to the word in the vector space, most similar first.
  private neighbours(word: string): Array<[string, number]> {
    const row = this.general.vectorRow(word);
    if (row < 0 || !RELATED.use.neighbour) return [];
    const own = termsOf(word)[0];
    const best: Array<[string, number]> = [];
    for (let i = 0; i < this.rows.length; i++) {
      const similarity = this.general.similarity(row, this.rows[i]!);
      if (similarity < RELATED.minSimilarity) continue;
      const candidate = this.rowWords[i]!;
      if (termsOf(candidate)[0] === own || this.general.rarity(candidate) < RELATED.minRarity) continue;
      // Vectors propose, WordNet disposes: words it knows but does not relate are siblings (cocaine and
      // hashish) or mere companions (seized and arrested), not the same thing.
      if (this.general.relation(word, candidate) === 'unrelated') continue;
      best.push([candidate, similarity]);
    }
    best.sort((a, b) => b[1] - a[1]);
    // Several inflections of one neighbour (fatality, fatalities) are one neighbour.
    const seen = new Set<string>();
    return best.filter(([candidate]) => {
      const term = termsOf(candidate)[0]!;
      if (seen.has(term)) return false;
      seen.add(term);
      return true;
    }).slice(0, RELATED.maxNeighbours);
  }

  // The corpus words a clipped word may have been cut from: longer words that begin with it and that
  // the vectors put close to it (app → application), unless WordNet knows them apart.
  private fullWords(word: string): string[] {
    if (word.length < 3 || !RELATED.use.clipping) return [];
    const row = this.general.vectorRow(word);
    if (row < 0) return [];
    const own = termsOf(word)[0];
    const found: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < this.rows.length; i++) {
      const candidate = this.rowWords[i]!;
      if (candidate.length < word.length + RELATED.clippingMinExtra || !candidate.startsWith(word)) continue;
      const term = termsOf(candidate)[0]!;
      if (term === own || seen.has(term)) continue;
      if (this.general.similarity(row, this.rows[i]!) < RELATED.clippingMinSimilarity) continue;
      if (this.general.relation(word, candidate) === 'unrelated') continue;
      seen.add(term);
      found.push(candidate);
    }
    return found;
  }

  // A closed compound split into two words the corpus has, each of three letters or more.
  private compoundParts(word: string): string[] {
    const splits: string[] = [];
    for (let i = 3; i <= word.length - 3; i++) {
      const [left, right] = [word.slice(0, i), word.slice(i)];
      if (this.general.isWord(left) && this.general.isWord(right) && this.hasTerm(termsOf(left)[0] ?? '') && this.hasTerm(termsOf(right)[0] ?? '')) splits.push(`${left} ${right}`);
    }
    return splits;
  }
}
