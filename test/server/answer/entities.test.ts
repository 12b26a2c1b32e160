// The answers that are not plain figures, read from sentences of my own: places by the world's place
// list, names as reports give them, and changes with the way they went.
import { describe, expect, it } from 'vitest';
import { findChanges, findNames, findPlaces } from '../../../server/answer/entities.ts';

const texts = (values: Array<{ text: string }>) => values.map((value) => value.text);

describe('findPlaces', () => {
  it('finds the cities a sentence names, several words long or spelt the French way', () => {
    expect(texts(findPlaces('New stations opened in Casablanca, El Jadida and Laâyoune, and a school in Marrakech.'))).toEqual(['Casablanca', 'El Jadida', 'Laâyoune', 'Marrakech']);
  });

  it('finds a place the list lacks where the text calls it one ("the Zouiyet district", "the town of Ouled Zbairat")', () => {
    expect(texts(findPlaces('A centre opened in the Zouiyet district and another in the town of Ouled Zbairat.'))).toEqual(['Zouiyet', 'Ouled Zbairat']);
    // Words of English before "district" are no place name.
    expect(texts(findPlaces('Officers of the National Security district met.'))).toEqual([]);
  });

  it('finds a place the list lacks in a neighbourhood, or right after "in" or "at" when none of its words is English', () => {
    expect(texts(findPlaces('A patrol was attacked in Oumlil neighborhood last spring.'))).toEqual(['Oumlil']);
    expect(texts(findPlaces('A new post will open at Tizgha Oufella next year.'))).toEqual(['Tizgha Oufella']);
    // The nouns of a body or a building after the name are not part of it.
    expect(texts(findPlaces('Training took place in Oumlil Police District.'))).toEqual(['Oumlil']);
    // An acronym, a possessive or words of English after "in" are no place.
    expect(findPlaces('Officers in DGSN units met at Interpol’s office in Training Week.')).toEqual([]);
  });

  it('reads the whole name a text calls a place, not the part of it the list knows ("the town of Imouzzer Kandar", not "Kandar")', () => {
    expect(texts(findPlaces('A district was created in the city of Imouzzer Kandar this year.'))).toEqual(['Imouzzer Kandar']);
  });

  it('finds a large city whose English spelling differs by a letter from the list’s (Fez for Fès)', () => {
    expect(texts(findPlaces('The fair was held in Fez in May.'))).toEqual(['Fez']);
  });

  it('finds countries', () => {
    expect(texts(findPlaces('Officers trained in Morocco went back to Guinea.'))).toEqual(['Morocco', 'Guinea']);
  });

  it('never reads a capitalised English word as a small town of that name, nor a month', () => {
    expect(findPlaces('Police units and the Union of officers met in May. Mobile Intervention Units patrolled.')).toEqual([]);
  });

  it('never reads a quoted name as a place', () => {
    expect(findPlaces('The “Tifli Moukhtafi” software was used.')).toEqual([]);
  });
});

describe('findNames', () => {
  it('finds quoted names, web addresses, words in capitals and hyphenated brands', () => {
    const names = texts(findNames('The “Safe Roads” app, the site www.example.ma, the ZAPCORD device and the E-Report portal.'));
    expect(names).toEqual(expect.arrayContaining(['Safe Roads', 'www.example.ma', 'ZAPCORD', 'E-Report']));
  });

  it('joins the capitalised runs of one name across "of" and "for"', () => {
    expect(texts(findNames('They met the Ministry of the Interior and the Institute for Road Safety.'))).toEqual(['Ministry of the Interior', 'Institute for Road Safety']);
  });

  it('never takes the capitalised first word of a sentence alone as a name', () => {
    expect(texts(findNames('Officers patrolled the streets.'))).toEqual([]);
  });
});

describe('findChanges', () => {
  it('reads a noun of change with a verb that gives its size ("whose decrease exceeded 26.40 percent")', () => {
    expect(findChanges('fatalities in towns, whose decrease exceeded 26.40 percent this year').map((change) => [change.text, change.value])).toEqual([['decrease exceeded 26.40 percent', -26.4]]);
    expect(findChanges('The increase stood at 7%.').map((change) => change.value)).toEqual([7]);
  });

  it('reads the direction word before or after the figure, and signs the value', () => {
    const changes = findChanges('Thefts saw a decrease of 12%, frauds an 8% increase, and arrests fell by 3%.');
    expect(changes.map((change) => [change.text, change.value])).toEqual([
      ['decrease of 12%', -12],
      ['8% increase', 8],
      ['fell by 3%', -3],
    ]);
  });

  it('reads the items of a list that says its verb once', () => {
    const changes = findChanges('Robberies dropped by 4%, frauds by 7%, and burglaries by 45%.');
    expect(changes.map((change) => change.value)).toEqual([-4, -7, -45]);
  });

  it('never reads a new level as a change ("rose to 95%")', () => {
    expect(findChanges('The clearance rate rose to 95%.')).toEqual([]);
  });

  it('finds no change in a figure without a direction', () => {
    expect(findChanges('Officers handled 1,200 cases.')).toEqual([]);
  });
});
