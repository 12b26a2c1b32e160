// Words related to a query word that a corpus actually uses, from the general lexicon.
import { describe, expect, it } from 'vitest';
import { fold, termsOf, tokenize } from '../../language/analyzer.ts';
import { CorpusLexicon, RELATED } from '../../language/related.ts';

/** A corpus lexicon over the words of a few sentences. */
function corpusOf(...texts: string[]): CorpusLexicon {
  const words = texts.flatMap((text) => tokenize(text).map((token) => fold(token.surface)));
  const terms = new Set(words.flatMap((word) => termsOf(word)));
  return new CorpusLexicon((term) => terms.has(term), new Set(words));
}

const corpus = corpusOf(
  'Road traffic fatalities fell to 993 as police seized cocaine and recorded more heroin cases.',
  'Prosecution services received the files; the women police officers were promoted.',
  'The laboratory kept its certification.',
  'Summer camps welcomed the children of officers.',
  'Citizens downloaded the application; career officers checked each passport and the information given.',
);
const texts = (word: string, french = false) => corpus.related(word, french).map((related) => related.text);

describe('CorpusLexicon', () => {
  describe('related', () => {
    it('offers the forms of a word that the corpus writes (seizure → seized)', () => {
      const [seized] = corpus.related('seizure').filter((related) => related.kind === 'form');
      expect(seized).toMatchObject({ terms: ['seiz'], kind: 'form', weight: RELATED.formWeight, quality: 1 });
    });

    it('offers the irregular inflections the corpus writes, which the stemmer keeps apart (woman → women)', () => {
      expect(corpus.related('woman').find((related) => related.text === 'women')).toMatchObject({ terms: ['women'], kind: 'form', weight: RELATED.formWeight });
    });

    it('offers a synonym in the inflection the corpus writes (kids → children)', () => {
      expect(corpus.related('kids').find((related) => related.text === 'children')).toMatchObject({ kind: 'synonym', weight: RELATED.synonymWeight });
    });

    it('offers a vector neighbour that WordNet confirms (deaths → fatalities), weighted by similarity', () => {
      const fatalities = corpus.related('deaths').find((related) => related.text === 'fatalities');
      expect(fatalities?.kind).toBe('neighbour');
      expect(fatalities!.weight).toBeLessThan(RELATED.neighbourWeight);
    });

    it('never offers a sibling (cocaine → heroin)', () => {
      expect(texts('cocaine')).not.toContain('heroin');
    });

    it('offers the parts of a closed compound that the corpus writes apart', () => {
      expect(corpus.related('policewomen')).toContainEqual(expect.objectContaining({ text: 'police women', terms: ['polic', 'women'], kind: 'compound' }));
    });

    it('offers the full word a clipped word was cut from (app → application, info → information)', () => {
      expect(corpus.related('app')).toContainEqual(expect.objectContaining({ text: 'application', kind: 'clipping', weight: RELATED.clippingWeight }));
      expect(texts('info')).toContain('information');
    });

    it('never reads a short word as a clipping of a longer word that merely begins with it (car → career, pass → passport)', () => {
      expect(texts('car')).not.toContain('career');
      expect(texts('pass')).not.toContain('passport');
    });

    it('offers no synonym or neighbour for an everyday word', () => {
      expect(corpus.related('number').filter((related) => related.kind !== 'form')).toEqual([]);
    });

    it('offers only forms for a word of a French query', () => {
      expect(corpus.related('certification', true).every((related) => related.kind === 'form')).toBe(true);
    });

    it('offers nothing the corpus does not have, and nothing for a stop word or a number', () => {
      for (const related of corpus.related('accreditation')) expect(related.terms.every((term) => termsOf(term).length > 0)).toBe(true);
      expect(corpus.related('the')).toEqual([]);
      expect(corpus.related('2023')).toEqual([]);
    });
  });
});
