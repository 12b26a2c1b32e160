// Reading a question: the kind of answer it expects, the years it asks about, and its words split into
// the head noun (what is counted), the qualifiers and the verbs; anything else is marked as no question.
import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../../server/answer/question.ts';

describe('analyzeQuestion', () => {
  describe('when the question asks "how many"', () => {
    it('expects a count, the words after "how many" being the head', () => {
      expect(analyzeQuestion('How many police dog brigades were created in 2023?')).toEqual({
        type: 'count',
        years: [2023],
        severalYears: false,
        head: ['police', 'dog', 'brigades'],
        qualifiers: ['created'],
        verbs: ['created'],
        boundVerbs: ['created'],
        sourceYears: [],
        isQuestion: true,
      });
    });

    it('reads a chain of participles before the noun as the head ("reported stolen vehicles were intercepted")', () => {
      const analysis = analyzeQuestion('How many reported stolen vehicles were intercepted in 2023?');
      expect(analysis.head).toEqual(['reported', 'stolen', 'vehicles']);
      expect(analysis.verbs).toEqual(['intercepted']);
    });

    it('reads two describing words joined by "or" as part of the head, up to its noun ("fake or non-compliant masks")', () => {
      expect(analyzeQuestion('How many fake or non-compliant masks were seized in 2020?').head).toEqual(['fake', 'non-compliant', 'masks']);
    });

    it('ends the head at a name that opens a clause about it ("the identity app DGSN launched")', () => {
      const analysis = analyzeQuestion('What is the name of the identity app DGSN launched in 2023?');
      expect(analysis.head).toEqual(['identity', 'app']);
      expect(analysis.qualifiers).toEqual(['DGSN', 'launched']);
    });

    it('leaves the words of a compound preposition out of the words to find ("thanks to", "with the help of")', () => {
      expect(analyzeQuestion('How many stolen cars were intercepted thanks to plate reading in 2023?').qualifiers).toEqual(['intercepted', 'plate', 'reading']);
      expect(analyzeQuestion('How many children were found with the help of the alert software in 2024?').qualifiers).toEqual(['found', 'alert', 'software']);
    });

    it('never reads a word in capitals as a verb ("the United States")', () => {
      expect(analyzeQuestion('What share of police cooperation was with the United States in 2024?')).toMatchObject({ qualifiers: ['United', 'States'], verbs: [] });
    });

    it('reads the verb after "did" as a verb even when it is not in the past tense', () => {
      expect(analyzeQuestion('How many letters rogatory did Interpol Rabat monitor in 2023?')).toEqual({
        type: 'count',
        years: [2023],
        severalYears: false,
        head: ['letters', 'rogatory'],
        qualifiers: ['Interpol', 'Rabat', 'monitor'],
        verbs: ['monitor'],
        boundVerbs: ['monitor'],
        sourceYears: [],
        isQuestion: true,
      });
    });

    it('reads a question after a short lead-in set off by a comma ("In total, how many …")', () => {
      expect(analyzeQuestion('In total, how many drones did the police buy in 2024?')).toMatchObject({ type: 'count', years: [2024], head: ['drones'] });
    });

    it('reads "how many" after a preposition ("On how many …", "In how many …") as any "how many"', () => {
      expect(analyzeQuestion('On how many patrol cars were cameras mounted in 2023?')).toMatchObject({ type: 'count', head: ['patrol', 'cars'], verbs: ['mounted'] });
      expect(analyzeQuestion('In how many cities did the caravan stop?')).toMatchObject({ type: 'count', head: ['cities'] });
      // …but "For how many years running" still asks for an ordinal, and "By how much" for a change.
      expect(analyzeQuestion('For how many years running has the laboratory kept its accreditation?').type).toBe('ordinal');
      expect(analyzeQuestion('By how much did thefts fall?').type).toBe('change');
    });

    it('leaves out a long lead-in that names the source ("According to press coverage of the 2024 report, …")', () => {
      expect(analyzeQuestion('According to newspaper coverage of the 2024 annual report, how many drones were bought?')).toMatchObject({
        type: 'count',
        head: ['drones'],
        years: [2024],
        sourceYears: [2024],
      });
    });

    it('ends the head at a participle that opens a clause: "staff working for the DGSN" counts staff', () => {
      expect(analyzeQuestion('How many staff working for the directorate were trained?')).toMatchObject({ type: 'count', head: ['staff'] });
      expect(analyzeQuestion('How many gangs doing armed robberies were broken up?')).toMatchObject({ type: 'count', head: ['gangs'] });
      // A clause whose "that" is left out: "criminal cases [that] Moroccan police dealt with".
      expect(analyzeQuestion('What was the number of criminal cases Moroccan police dealt with in 2020?')).toMatchObject({ head: ['criminal', 'cases'], verbs: ['dealt'] });
    });

    it('reads "overall" and "combined" as asking for a total, not as words to find', () => {
      const analysis = analyzeQuestion('What was the overall number of thefts in 2024?');
      expect(analysis).toMatchObject({ type: 'count', head: ['thefts'] });
      expect(analysis.qualifiers).not.toContain('overall');
    });

    it('ends the head at a comma: "sporting events, national and international, did …" counts sporting events', () => {
      expect(analyzeQuestion('How many sporting events, national and international, were secured in 2023?')).toMatchObject({
        type: 'count',
        head: ['sporting', 'events'],
        qualifiers: expect.arrayContaining(['national', 'international']),
      });
    });

    it('ends the head at a verb even without an auxiliary', () => {
      expect(analyzeQuestion('How many visitors attended the Open Days in Agadir?')).toEqual({
        type: 'count',
        years: [],
        severalYears: false,
        head: ['visitors'],
        qualifiers: ['attended', 'Open', 'Days', 'Agadir'],
        verbs: ['attended'],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: true,
      });
    });

    it('reads a question in capitals like any other', () => {
      expect(analyzeQuestion('HOW MANY DRONE SYSTEMS WERE ACQUIRED IN 2024?')).toEqual({
        type: 'count',
        years: [2024],
        severalYears: false,
        head: ['DRONE', 'SYSTEMS'],
        qualifiers: ['ACQUIRED'],
        verbs: ['ACQUIRED'],
        boundVerbs: ['ACQUIRED'],
        sourceYears: [],
        isQuestion: true,
      });
    });

    it('reads a question without a question mark', () => {
      expect(analyzeQuestion('how many anti-gang units')).toEqual({
        type: 'count',
        years: [],
        severalYears: false,
        head: ['anti-gang', 'units'],
        qualifiers: [],
        verbs: [],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: true,
      });
    });

    it('reads a question with a lead-in and no question mark ("in 2020 how many …")', () => {
      expect(analyzeQuestion('in 2020 how many suspects were identified through fingerprints')).toMatchObject({ isQuestion: true, type: 'count', head: ['suspects'] });
    });

    it('reads a question after a hedge or a filler ("Roughly how many …", "So, how many …")', () => {
      expect(analyzeQuestion('Roughly how many body cameras do the police have?')).toMatchObject({ type: 'count', head: ['body', 'cameras'] });
      expect(analyzeQuestion('So, how many drones were bought in 2024?')).toMatchObject({ type: 'count', head: ['drones'], years: [2024] });
      expect(analyzeQuestion('approximately how much cocaine was seized in 2023')).toMatchObject({ type: 'quantity', head: ['cocaine'] });
    });

    it('reads "how many" inside the question, the words before it being what qualifies the count', () => {
      expect(analyzeQuestion('The drones bought in 2024 were sent to how many regional prefectures?')).toMatchObject({ type: 'count', head: ['regional', 'prefectures'], qualifiers: ['drones', 'bought', 'sent'], years: [2024] });
      expect(analyzeQuestion('Of the people arrested in 2023, how many were minors?')).toMatchObject({ type: 'count', head: ['minors'], qualifiers: ['people', 'arrested'] });
      expect(analyzeQuestion('Thefts rose in 2023 by how much?').type).toBe('change');
    });

    it('keeps the words of a lead-in set off by a comma as words of the question ("Cocaine seized in 2023, how much?")', () => {
      expect(analyzeQuestion('Cocaine seized in 2023, how much?')).toMatchObject({ type: 'quantity', qualifiers: ['Cocaine', 'seized'], years: [2023] });
    });

    it('reads the title after "who is the" as the head of a question asking for a name', () => {
      expect(analyzeQuestion('Who was the President of Interpol in 2024?')).toMatchObject({ type: 'name', head: ['President'], qualifiers: ['Interpol'] });
      // …and after an owner in place of "the": "who is Interpol's director", "who is the DGSN's director general".
      expect(analyzeQuestion("Who is Interpol's director of cybercrime?")).toMatchObject({ type: 'name', head: ['director'], qualifiers: ["Interpol's", 'cybercrime'] });
      expect(analyzeQuestion("Who is the DGSN's director general?")).toMatchObject({ type: 'name', head: ['director', 'general'], qualifiers: ["DGSN's"] });
    });

    it('reads "the latest" or "the most recent" of several years as asking about the last of them, and "what\'s" as "what is"', () => {
      expect(analyzeQuestion('Between 2023 and 2024, what\'s the latest number of traffic accidents?')).toMatchObject({ type: 'count', years: [2024], severalYears: false, head: ['traffic', 'accidents'] });
      expect(analyzeQuestion('What is the most recent count of drones, 2023 or 2024?')).toMatchObject({ type: 'count', years: [2024], head: ['drones'] });
      expect(analyzeQuestion('How many accidents between 2023 and 2024?')).toMatchObject({ years: [2023, 2024], severalYears: true });
    });

    it('reads "how many of the X were Y" as a count of X set apart by Y', () => {
      expect(analyzeQuestion('How many of the recruits were women in 2024?')).toMatchObject({ type: 'count', head: ['women', 'recruits'] });
      expect(analyzeQuestion('How many of the victims in 2020 were of foreign nationality?')).toMatchObject({ head: ['foreign', 'nationality', 'victims'] });
      // A verb after "were" says what was done to them, not which of them.
      expect(analyzeQuestion('How many of the suspects were arrested in 2023?')).toMatchObject({ head: ['suspects'], verbs: ['arrested'] });
    });

    it('expects a figure for a statistic ("what is the median age of …", "how old …")', () => {
      expect(analyzeQuestion('What is the median age of the police force?')).toMatchObject({ type: 'count', head: ['median', 'age'] });
      expect(analyzeQuestion('How old are the officers on average?').type).toBe('count');
      expect(analyzeQuestion('What was the average number of calls a day?').type).toBe('count');
    });

    it('ends the head at an adverb of place or time ("centres abroad", "stations nationwide")', () => {
      expect(analyzeQuestion('How many police stations nationwide were renovated in 2024?')).toMatchObject({ head: ['police', 'stations'], qualifiers: ['nationwide', 'renovated'] });
      expect(analyzeQuestion('In how many consular centres abroad can Moroccans now get an ID card?')).toMatchObject({ head: ['consular', 'centres'] });
    });

    it('writes out the shorthand of typed English ("ppl", "thru")', () => {
      expect(analyzeQuestion('how many ppl were arrested thru the year 2020')).toMatchObject({ head: ['people'], years: [2020] });
    });
  });

  describe('when the question asks for "the number of"', () => {
    it('expects a count for "what was the X’s total headcount of …", the words after "of" being the head and the owner a word to find', () => {
      const analysis = analyzeQuestion("What was the National Security's total headcount of police officers in 2023?");
      expect(analysis).toMatchObject({ type: 'count', head: ['police', 'officers'] });
      expect(analysis.qualifiers).toContain("Security's");
      expect(analysis.qualifiers).not.toContain('headcount');
      expect(analyzeQuestion("What was the agency's overall tally of fines in 2024?")).toMatchObject({ type: 'count', head: ['fines'] });
    });

    it('expects a count, the words after "number of" being the head', () => {
      expect(analyzeQuestion('What was the number of fines imposed in 2023?')).toEqual({
        type: 'count',
        years: [2023],
        severalYears: false,
        head: ['fines'],
        qualifiers: ['imposed'],
        verbs: ['imposed'],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: true,
      });
    });
  });

  describe('when the question asks "how much"', () => {
    it('expects a quantity', () => {
      expect(analyzeQuestion('How much heroin was seized in 2024?')).toEqual({
        type: 'quantity',
        years: [2024],
        severalYears: false,
        head: ['heroin'],
        qualifiers: ['seized'],
        verbs: ['seized'],
        boundVerbs: ['seized'],
        sourceYears: [],
        isQuestion: true,
      });
    });

    it('expects a quantity for "what quantity of", what follows "of" being the head', () => {
      expect(analyzeQuestion('What quantity of heroin did officers confiscate in 2020?')).toMatchObject({ type: 'quantity', head: ['heroin'], verbs: ['confiscate'] });
    });

    it('expects a quantity for "the total amount of"', () => {
      expect(analyzeQuestion('What is the total amount of criminal assets seized in 2024?')).toEqual({
        type: 'quantity',
        years: [2024],
        severalYears: false,
        head: ['criminal', 'assets'],
        qualifiers: ['seized'],
        verbs: ['seized'],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: true,
      });
    });
  });

  describe('when the question asks for a percentage', () => {
    it('expects a percentage for "what percentage of"', () => {
      expect(analyzeQuestion('What percentage of violent crimes were solved in 2023?')).toEqual({
        type: 'percentage',
        years: [2023],
        severalYears: false,
        head: ['violent', 'crimes'],
        qualifiers: ['solved'],
        verbs: ['solved'],
        boundVerbs: ['solved'],
        sourceYears: [],
        isQuestion: true,
      });
    });

    it('expects a percentage for a rate', () => {
      expect(analyzeQuestion('What was the crime clearance rate?')).toEqual({
        type: 'percentage',
        years: [],
        severalYears: false,
        head: ['crime', 'clearance', 'rate'],
        qualifiers: [],
        verbs: [],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: true,
      });
    });

  });

  describe('when the question asks about a change', () => {
    it('expects a change for "by how many tons … rise", not a count of tons', () => {
      expect(analyzeQuestion('By how many tons did hashish seizures rise in 2020?')).toMatchObject({ type: 'change', head: [], qualifiers: ['tons', 'hashish', 'seizures'] });
    });

    it('expects a change for "by how much", and leaves its "fall" out of the words to find', () => {
      expect(analyzeQuestion('By how much did car thefts fall?')).toEqual({
        type: 'change',
        years: [],
        severalYears: false,
        head: [],
        qualifiers: ['car', 'thefts'],
        verbs: [],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: true,
      });
    });

    it('ends the head of "by how much did the number of … rise" at its verb of change', () => {
      expect(analyzeQuestion('By how much did the number of bike patrols rise in 2024?')).toMatchObject({ type: 'change', head: ['bike', 'patrols'] });
    });

    it('expects a change for "how many more … than", what follows "more" being the head', () => {
      expect(analyzeQuestion('How many more tons of cocaine were seized in 2024 than the year before?')).toMatchObject({ type: 'change', head: ['cocaine'] });
    });

    it('expects a change for "did … rise or fall"', () => {
      expect(analyzeQuestion('Did sextortion cases go up or down in 2023, and by how much?')).toMatchObject({ type: 'change', qualifiers: ['sextortion', 'cases'] });
    });

    it('expects an ordinal for "for which consecutive year" and "what number was given to"', () => {
      expect(analyzeQuestion('For which consecutive year did the laboratory keep its accreditation in 2024?')).toMatchObject({ type: 'ordinal', verbs: ['keep'] });
      expect(analyzeQuestion('What number was given to the new security zone?').type).toBe('ordinal');
      expect(analyzeQuestion('For which year running was the lab accredited?').type).toBe('ordinal');
      // "in a row" says how long, not what: no word of it is a word to find, nor the head.
      expect(analyzeQuestion('For how many years in a row was the lab accredited in 2024?')).toMatchObject({ type: 'ordinal', head: [], qualifiers: ['lab', 'accredited'] });
      // …nor "back" of "back in 2017", which says when.
      expect(analyzeQuestion('How many clarifications were published back in 2017?')).toMatchObject({ head: ['clarifications'], qualifiers: ['published'], years: [2017] });
    });

    it('takes the verb after "did" as the last word before a preposition that can be a verb, its particle aside', () => {
      // Not "accreditation", the last word before "in"; not "out" of "carry out".
      expect(analyzeQuestion('Did the laboratory obtain ISO accreditation in 2024?').verbs).toEqual(['obtain']);
      expect(analyzeQuestion('How many interventions did mobile units carry out in 2023?')).toMatchObject({ verbs: ['carry'], boundVerbs: ['carry'] });
    });

    it('prefers as the verb after "can" or "did" a word that can only be a verb, then one after an adverb, to a noun that can be a verb', () => {
      // "card" can be a verb, but here it is a noun; "register" follows "now".
      expect(analyzeQuestion('In how many centres can Moroccans now register ID card data?').verbs).toEqual(['register']);
      expect(analyzeQuestion('How much cocaine did the police seize in 2023?').verbs).toEqual(['seize']);
    });

    it('expects an ordinal for "which edition"', () => {
      expect(analyzeQuestion('Which edition of the Open Days was held in Agadir?')).toMatchObject({ type: 'ordinal', head: ['edition'] });
    });

    it('expects a name for "what is the name of", the thing named being the head', () => {
      expect(analyzeQuestion('What is the name of the software used to publish search notices?')).toMatchObject({ type: 'name', head: ['software'] });
      expect(analyzeQuestion('What is the web address of the portal?').type).toBe('name');
    });
  });

  describe('when the question asks "when"', () => {
    it('expects a date', () => {
      expect(analyzeQuestion('When did the Tifli Moukhtafi software start?')).toEqual({
        type: 'date',
        years: [],
        severalYears: false,
        head: [],
        qualifiers: ['Tifli', 'Moukhtafi', 'software', 'start'],
        verbs: ['start'],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: true,
      });
    });

    it('expects a date for "in which year"', () => {
      expect(analyzeQuestion('In which year was E-Blagh launched?').type).toBe('date');
    });
  });

  describe('when the question asks "where"', () => {
    it('expects a place', () => {
      expect(analyzeQuestion('Where was the fifth edition of the Open Days held?')).toEqual({
        type: 'place',
        years: [],
        severalYears: false,
        head: [],
        qualifiers: ['fifth', 'edition', 'Open', 'Days', 'held'],
        verbs: ['held'],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: true,
      });
    });

    it('reads "with which American laboratory" as "which laboratory", a word before the thing named kept in the head', () => {
      expect(analyzeQuestion('With which American laboratory was the agreement signed?')).toMatchObject({ type: 'name', head: ['American', 'laboratory'] });
    });

    it('expects a name for "what is the <adjective> platform" and the like, not for "what was the budget of the project"', () => {
      expect(analyzeQuestion('What is the new platform for reporting cybercrime?')).toMatchObject({ type: 'name', head: ['new', 'platform'] });
      expect(analyzeQuestion('What was the first online service offered on the portal?').type).toBe('name');
      expect(analyzeQuestion('What was the budget of the project?').type).toBe('unknown');
    });

    it('expects a name for "what software" as for "which software", the verb after it ending the head', () => {
      expect(analyzeQuestion('What software helps publish notices?')).toMatchObject({ type: 'name', head: ['software'] });
      expect(analyzeQuestion('Which platform lets citizens report content?')).toMatchObject({ type: 'name', head: ['platform'] });
    });

    it('expects a place for "in which district", "what province" and the like', () => {
      expect(analyzeQuestion('In which district did the new centre open?').type).toBe('place');
      expect(analyzeQuestion('What province hosted the drill?').type).toBe('place');
      expect(analyzeQuestion('In which Rabat district did the new centre open?').type).toBe('place');
    });

    it('does not ask for the kind of place as a word of the answer\'s sentence ("in which town", "which Rabat neighbourhood")', () => {
      const town = analyzeQuestion('In which town did the DGSN open a training school in 2020?');
      expect(town.type).toBe('place');
      expect(town.qualifiers).not.toContain('town');
      expect(town.qualifiers).toContain('school');
      const neighbourhood = analyzeQuestion('In which Rabat neighbourhood was the new station built?');
      expect(neighbourhood.qualifiers).toContain('Rabat');
      expect(neighbourhood.qualifiers).not.toContain('neighbourhood');
    });

    it('expects a place for "which city"', () => {
      expect(analyzeQuestion('Which city hosted the Open Days in 2024?').type).toBe('place');
    });
  });

  describe('when the question asks "who"', () => {
    it('expects a name', () => {
      expect(analyzeQuestion('Who heads the General Directorate of National Security?')).toEqual({
        type: 'name',
        years: [],
        severalYears: false,
        head: [],
        qualifiers: ['heads', 'General', 'Directorate', 'National', 'Security'],
        verbs: [],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: true,
      });
    });
  });

  describe('when the kind of answer cannot be told', () => {
    it('expects nothing in particular for "why"', () => {
      expect(analyzeQuestion('Why did traffic accidents rise?')).toEqual({
        type: 'unknown',
        years: [],
        severalYears: false,
        head: [],
        qualifiers: ['traffic', 'accidents', 'rise'],
        verbs: ['rise'],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: true,
      });
    });

    it('expects nothing in particular for a yes-or-no question', () => {
      expect(analyzeQuestion('Is sextortion rising?')).toEqual({
        type: 'unknown',
        years: [],
        severalYears: false,
        head: [],
        qualifiers: ['sextortion', 'rising'],
        verbs: ['rising'],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: true,
      });
    });
  });

  describe('verbs', () => {
    it('reads a verb in the passive as what was done to the thing counted', () => {
      expect(analyzeQuestion('How many police officers were recruited in 2023?')).toMatchObject({ head: ['police', 'officers'], verbs: ['recruited'], boundVerbs: ['recruited'] });
    });

    it('reads an active verb as a verb, but not as passive', () => {
      expect(analyzeQuestion('How many visitors attended the Open Days?')).toMatchObject({ verbs: ['attended'], boundVerbs: [] });
    });

    it('reads a word in -ing after a noun as the name of an activity, not a verb', () => {
      expect(analyzeQuestion('How many people were arrested for drug trafficking in 2020?')).toMatchObject({ verbs: ['arrested'], boundVerbs: ['arrested'] });
    });

    it('ends the head at a verb in the present after a plural noun', () => {
      expect(analyzeQuestion('How many body-worn cameras complement the video surveillance system?').head).toEqual(['body-worn', 'cameras']);
      expect(analyzeQuestion('How many people live in Rabat?').head).toEqual(['people']);
    });

    it('keeps a noun that modifies the next one in the head, though it can be a verb', () => {
      expect(analyzeQuestion('How many women police officers were promoted?').head).toEqual(['women', 'police', 'officers']);
    });
  });

  describe('reading the words of a question', () => {
    it('reads a word in -ed as a verb only when it is the past of another word ("speed" is not)', () => {
      expect(analyzeQuestion('How many mobile speed radars were handed out in 2020?')).toMatchObject({ head: ['mobile', 'speed', 'radars'], boundVerbs: ['handed'] });
    });

    it('reads a question that opens with a preposition and no question mark as a question', () => {
      expect(analyzeQuestion('by what percent did cheque offences decline in 2024')).toMatchObject({ isQuestion: true, type: 'change' });
    });

    it('reads "how many kilograms of X" as a quantity of X', () => {
      expect(analyzeQuestion('How many kilograms of cocaine were seized in 2024?')).toMatchObject({ type: 'quantity', head: ['cocaine'], qualifiers: ['seized'] });
    });

    it('keeps a participle that describes the head in it ("newly trained police officers were posted")', () => {
      expect(analyzeQuestion('How many newly trained police officers were posted to Laayoune?')).toMatchObject({ head: ['trained', 'police', 'officers'], verbs: ['posted'] });
    });

    it('leaves adverbs out of the words to find', () => {
      expect(analyzeQuestion('How many drones were successfully deployed?').qualifiers).toEqual(['deployed']);
    });
  });

  describe('when the question names years', () => {
    it('reads a single year, and keeps it out of the words', () => {
      const analysis = analyzeQuestion('How many drone systems were acquired in 2024?');
      expect([analysis.years, analysis.severalYears, [...analysis.head, ...analysis.qualifiers]]).toEqual([[2024], false, ['drone', 'systems', 'acquired']]);
    });

    it('reads no year when none is named', () => {
      expect(analyzeQuestion('How many drone systems were acquired?').years).toEqual([]);
    });

    it('reads two years as several', () => {
      expect(analyzeQuestion('How many anti-gang units were there in 2023 and 2024?')).toMatchObject({ years: [2023, 2024], severalYears: true });
    });

    it('reads a repeated year once', () => {
      expect(analyzeQuestion('How many anti-gang units were there in 2023, 2023 and 2024?')).toMatchObject({ years: [2023, 2024], severalYears: true });
    });

    it('keeps the years in the order they are named', () => {
      expect(analyzeQuestion('Were there more sextortion cases in 2024 than in 2023?')).toMatchObject({ years: [2024, 2023], severalYears: true });
    });

    it('reads "between … and …" as the range of years', () => {
      expect(analyzeQuestion('How many anti-gang units were there between 2023 and 2024?')).toEqual({
        type: 'count',
        years: [2023, 2024],
        severalYears: true,
        head: ['anti-gang', 'units'],
        qualifiers: [],
        verbs: [],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: true,
      });
    });

    it('reads "from … to …" as every year of the range', () => {
      expect(analyzeQuestion('How many anti-gang units were there from 2020 to 2024?')).toMatchObject({
        years: [2020, 2021, 2022, 2023, 2024],
        severalYears: true,
      });
    });

    it('reads a range written backwards in ascending order', () => {
      expect(analyzeQuestion('How many anti-gang units were there from 2024 to 2020?').years).toEqual([2020, 2021, 2022, 2023, 2024]);
    });

    it('reads a range written with a hyphen', () => {
      expect(analyzeQuestion('How many anti-gang units were there in 2020-2024?')).toMatchObject({
        years: [2020, 2021, 2022, 2023, 2024],
        severalYears: true,
      });
    });

    it('reads the year of "according to the 2024 report" as the year asked about, and drops the phrase', () => {
      expect(analyzeQuestion('According to the 2024 report, how many drones were acquired?')).toEqual({
        type: 'count',
        years: [2024],
        severalYears: false,
        head: ['drones'],
        qualifiers: ['acquired'],
        verbs: ['acquired'],
        boundVerbs: ['acquired'],
        sourceYears: [2024],
        isQuestion: true,
      });
    });

    it('drops "according to the report" at the end of the question too', () => {
      expect(analyzeQuestion('How many drones were acquired according to the 2024 report?')).toEqual(
        analyzeQuestion('According to the 2024 report, how many drones were acquired?'),
      );
    });
  });

  describe('when the question asks about several years without naming them', () => {
    it('marks "over the years" as several years, with no year named', () => {
      expect(analyzeQuestion('How many anti-gang units were there over the years?')).toEqual({
        type: 'count',
        years: [],
        severalYears: true,
        head: ['anti-gang', 'units'],
        qualifiers: [],
        verbs: [],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: true,
      });
    });

    it('marks "each year" as several years', () => {
      expect(analyzeQuestion('How many anti-gang units were there each year?')).toMatchObject({ years: [], severalYears: true });
    });

    it('marks "over time" as several years', () => {
      expect(analyzeQuestion('How has sextortion changed over time?')).toMatchObject({ years: [], severalYears: true });
    });
  });

  describe('when the text is not a question', () => {
    it('marks a bare topic as no question, its word a qualifier', () => {
      expect(analyzeQuestion('sextortion')).toEqual({
        type: 'unknown',
        years: [],
        severalYears: false,
        head: [],
        qualifiers: ['sextortion'],
        verbs: [],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: false,
      });
    });

    it('marks a short statement as no question', () => {
      expect(analyzeQuestion('The police.')).toEqual({
        type: 'unknown',
        years: [],
        severalYears: false,
        head: [],
        qualifiers: ['police'],
        verbs: [],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: false,
      });
    });

    it('marks a statement with a figure and a year as no question, still reading the year', () => {
      expect(analyzeQuestion('The police arrested 500 people in 2023.')).toEqual({
        type: 'unknown',
        years: [2023],
        severalYears: false,
        head: [],
        qualifiers: ['police', 'arrested', '500', 'people'],
        verbs: ['arrested'],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: false,
      });
    });

    it('marks a request as no question', () => {
      expect(analyzeQuestion('Tell me about sextortion').isQuestion).toBe(false);
    });
  });

  describe('when the text is empty or has no words', () => {
    it('reads an empty string as no question with nothing in it', () => {
      expect(analyzeQuestion('')).toEqual({ type: 'unknown', years: [], severalYears: false, head: [], qualifiers: [], verbs: [], boundVerbs: [],
        sourceYears: [], isQuestion: false });
    });

    it('reads white space alone as no question with nothing in it', () => {
      expect(analyzeQuestion('   ')).toEqual({ type: 'unknown', years: [], severalYears: false, head: [], qualifiers: [], verbs: [], boundVerbs: [],
        sourceYears: [], isQuestion: false });
    });

    it('reads punctuation alone as no question with nothing in it', () => {
      expect(analyzeQuestion('?!?...')).toEqual({ type: 'unknown', years: [], severalYears: false, head: [], qualifiers: [], verbs: [], boundVerbs: [],
        sourceYears: [], isQuestion: false });
    });

    it('reads a lone question mark as a question with no words', () => {
      expect(analyzeQuestion('?')).toEqual({ type: 'unknown', years: [], severalYears: false, head: [], qualifiers: [], verbs: [], boundVerbs: [],
        sourceYears: [], isQuestion: true });
    });
  });

  describe('when the question is long or unusual', () => {
    it('reads a question of 500 characters whole', () => {
      const question = `How many ${'police '.repeat(66)}officers were there, in 2023?`;
      expect(question).toHaveLength(500);
      expect(analyzeQuestion(question)).toEqual({
        type: 'count',
        years: [2023],
        severalYears: false,
        head: [...Array<string>(66).fill('police'), 'officers'],
        qualifiers: [],
        verbs: [],
        boundVerbs: [],
        sourceYears: [],
        isQuestion: true,
      });
    });

    it('reads markup as plain words, never as a tag', () => {
      const analysis = analyzeQuestion('How many <script>alert(1)</script> cases were there?');
      expect([analysis.type, analysis.isQuestion, analysis.years, analysis.head.includes('cases')]).toEqual(['count', true, [], true]);
    });

    it('reads a question in another script as words', () => {
      expect(analyzeQuestion('How many حالات were recorded in 2023?')).toEqual({
        type: 'count',
        years: [2023],
        severalYears: false,
        head: ['حالات'],
        qualifiers: ['recorded'],
        verbs: ['recorded'],
        boundVerbs: ['recorded'],
        sourceYears: [],
        isQuestion: true,
      });
    });

    it('marks right-to-left text as no question but still reads its year', () => {
      expect(analyzeQuestion('كم عدد الحالات في 2023؟')).toMatchObject({ type: 'unknown', years: [2023], isQuestion: false });
    });
  });
});
