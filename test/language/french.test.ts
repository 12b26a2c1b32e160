// French words in queries and wordings.
import { describe, expect, it } from 'vitest';
import { hasFrenchLetters, looksFrench, withoutFrenchFunctionWords } from '../../language/french.ts';

describe('looksFrench', () => {
  it('is true for a query with a French letter, however short', () => {
    expect(looksFrench('saisies de cocaïne')).toBe(true);
    expect(looksFrench('sécurité')).toBe(true);
  });

  it('is false for English queries', () => {
    expect(looksFrench('drug seizures in 2023')).toBe(false);
    expect(looksFrench('sextortion')).toBe(false);
  });
});

describe('hasFrenchLetters', () => {
  it('tells the letters English does not use', () => {
    expect(hasFrenchLetters('licenciés')).toBe(true);
    expect(hasFrenchLetters('licences')).toBe(false);
  });
});

describe('withoutFrenchFunctionWords', () => {
  it('drops French function words and cuts elisions in French text', () => {
    expect(withoutFrenchFunctionWords(['saisies', 'de', 'la', 'cocaïne', "l'enquête", 'd’identité'], true)).toEqual(['saisies', 'cocaïne', 'enquête', 'identité']);
  });

  it('drops them when a word of the text is French, though no accent says so', () => {
    expect(withoutFrenchFunctionWords(['recrutement', 'des', 'policiers'], false)).toEqual(['recrutement', 'policiers']);
  });

  it('leaves English text alone, even the words French uses too', () => {
    expect(withoutFrenchFunctionWords(['son', 'des', 'on', 'du', 'police', 'sextortion'], false)).toEqual(['son', 'des', 'on', 'du', 'police', 'sextortion']);
  });
});
