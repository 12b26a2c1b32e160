import { describe, expect, it } from 'vitest';
import { sentenceKey, sentenceKeys, sharedShare, splitSentences } from '../../indexer/sentences.ts';

const texts = (text: string) => splitSentences(text).map((sentence) => sentence.text);

describe('splitSentences', () => {
  it('gives each sentence as a trimmed span of the text', () => {
    expect(splitSentences('  Police seized drugs. Arrests rose by 5%.  ')).toEqual([
      { start: 2, end: 22, text: 'Police seized drugs.' },
      { start: 23, end: 42, text: 'Arrests rose by 5%.' },
    ]);
  });

  it('shifts the offsets by the offset of the text in its document', () => {
    expect(splitSentences('One. Two.', 100)).toEqual([
      { start: 100, end: 104, text: 'One.' },
      { start: 105, end: 109, text: 'Two.' },
    ]);
  });

  it('splits at question and exclamation marks', () => {
    expect(texts('Is it true? Yes! It is.')).toEqual(['Is it true?', 'Yes!', 'It is.']);
  });

  it('splits after a closing quotation mark', () => {
    expect(texts('He said “stop.” Then left.')).toEqual(['He said “stop.”', 'Then left.']);
  });

  describe('when a full stop ends an abbreviation', () => {
    it('does not split after U.S.', () => {
      expect(texts('The U.S. Embassy helped. It stayed.')).toEqual(['The U.S. Embassy helped.', 'It stayed.']);
    });

    it('does not split after No.', () => {
      expect(texts('Decree No. 2.19.97 was issued. Done.')).toEqual(['Decree No. 2.19.97 was issued.', 'Done.']);
    });

    it('does not split after Dr.', () => {
      expect(texts('Dr. Alami spoke first. Others followed.')).toEqual(['Dr. Alami spoke first.', 'Others followed.']);
    });

    it('does not split after an initial', () => {
      expect(texts('He met J. Smith yesterday. Good.')).toEqual(['He met J. Smith yesterday.', 'Good.']);
    });

    it('does not split after a month or etc.', () => {
      expect(texts('In Jan. 2024 it began. Done.')).toEqual(['In Jan. 2024 it began.', 'Done.']);
      expect(texts('Seizures (cocaine, heroin, etc.) rose. Then fell.')).toEqual([
        'Seizures (cocaine, heroin, etc.) rose.',
        'Then fell.',
      ]);
    });
  });

  describe('when a full stop is inside a number', () => {
    it('does not split a decimal', () => {
      expect(texts('The figure was 1.948 million. Next sentence.')).toEqual(['The figure was 1.948 million.', 'Next sentence.']);
    });
  });

  describe('when the next piece starts in lower case', () => {
    it('joins it to the sentence before', () => {
      expect(texts('It ended in 2024. in lower case it goes on.')).toEqual(['It ended in 2024. in lower case it goes on.']);
    });
  });

  it('splits at a line break', () => {
    expect(texts('Line one\nLine two. Three.')).toEqual(['Line one', 'Line two.', 'Three.']);
  });

  it('splits right-to-left text and text with emoji', () => {
    expect(texts('الأمن الوطني. المديرية العامة.')).toEqual(['الأمن الوطني.', 'المديرية العامة.']);
    expect(texts('Great news 🎉. More news 👮.')).toEqual(['Great news 🎉.', 'More news 👮.']);
  });

  it('gives a text without a full stop as one sentence', () => {
    expect(texts('No full stop at all')).toEqual(['No full stop at all']);
  });

  it('gives no sentence for an empty string or only white space', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t ')).toEqual([]);
  });

  it('keeps every sentence of a very long text, in order and exact', () => {
    const text = 'The police patrolled the city. '.repeat(2_000);
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(2_000);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });
});

describe('sentenceKey', () => {
  it('keeps the words of a sentence, folding case, accents, punctuation and white space', () => {
    expect(sentenceKey('  The “E-Police” portal,\n  launched in Rabat — 2024!')).toBe('the e police portal launched in rabat 2024');
    expect(sentenceKey('La Sûreté nationale a RECRUTÉ 9.000 policiers.')).toBe(sentenceKey('la surete nationale a recrute 9 000 policiers'));
  });

  it('gives an empty key for a sentence without words', () => {
    expect(sentenceKey(' … — ')).toBe('');
  });
});

describe('sentenceKeys', () => {
  it('gives the distinct keys of the sentences of the texts, leaving out those of fewer than five words', () => {
    const keys = sentenceKeys(['Crime fell. The police opened 13 new stations in 2024.', 'The police opened 13 new stations in 2024!']);
    expect([...keys]).toEqual(['the police opened 13 new stations in 2024']);
  });

  it('gives no keys for no texts', () => {
    expect(sentenceKeys([]).size).toBe(0);
  });
});

describe('sharedShare', () => {
  it('is the share of the keys that the other set holds', () => {
    expect(sharedShare(new Set(['a', 'b', 'c', 'd']), new Set(['b', 'd', 'e']))).toBe(0.5);
    expect(sharedShare(new Set(['a']), new Set(['a']))).toBe(1);
    expect(sharedShare(new Set(['a']), new Set())).toBe(0);
  });

  it('is 0 when there are no keys to share', () => {
    expect(sharedShare(new Set(), new Set(['a']))).toBe(0);
  });
});
