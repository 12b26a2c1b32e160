// Extractive answers over the real corpus: each question below was checked by reading the reports, and
// every answer must be checkable against its sentence, its passage and the source file. When the reports
// do not answer, the answerer declines with a reason instead of guessing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import escapeHtml from 'escape-html';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, AnswerResponse } from '../../../indexer/types.ts';
import { ANSWERING, Answerer } from '../../../server/answer/answerer.ts';
import { addReport } from '../../../indexer/add.ts';
import { buildIndex } from '../../../indexer/build.ts';
import { SearchCore } from '../../../server/search/search-core.ts';
import { realCore, repoRoot } from '../../support/corpus-server.ts';
import { realCorpusCopy } from '../../support/fixtures.ts';

let answerer: Answerer;

beforeAll(async () => {
  answerer = new Answerer(await realCore());
});

/** The answer to a question the reports answer; fails with the answerer's reason when it declines. */
function answerTo(question: string): Answer {
  const { answer, reason } = answerer.answer(question);
  if (answer === null) throw new Error(`The answerer declined “${question}”: ${reason}`);
  return answer;
}

/** The text of a source file of the corpus. */
function source(file: string): string {
  return readFileSync(path.join(repoRoot, file), 'utf8');
}

// Questions of my own, each answered by one sentence of the reports (checked by reading them).
const answered = [
  'How many police districts are there throughout the kingdom?',
  'How many interventions did police emergency mobile units carry out in 2023?',
  'How many associations did the security services meet in 2025?',
  'How many mobile radar devices were distributed in 2020?',
  'How much heroin was seized in 2024?',
  'How much hashish was seized in 2020?',
  'How much did the DGSN contribute to the Special Fund for the earthquake?',
  'How much criminal assets were seized in 2024?',
  'By how much did murders and homicides decrease in 2023?',
  'What was the rate of solving crimes in 2020?',
  'How many departments for judicial diagnosis were established in 2020?',
  'How much did the Fraternal Mutual Aid and Orphanage allocate to the earthquake initiatives?',
  'How many open entrance exams were organized in 2023?',
  'How many traffic accidents were recorded in 2022?',
  'How many official reports of traffic offences were issued in 2022?',
];

describe('Answerer', () => {
  describe('answer', () => {
    describe('when a report states a count', () => {
      it('answers with the count and the report it comes from', () => {
        const answer = answerTo('How many police districts are there throughout the kingdom?');
        expect(answer.text).toContain('454');
        expect(answer).toMatchObject({ year: 2023, passage: { year: 2023, report: { id: 'dgsn-2023' } } });
      });

      it('answers with the count next to the words asked about, not another count of the sentence', () => {
        const answer = answerTo('How many interventions did police emergency mobile units carry out in 2023?');
        expect(answer.text).toContain('448,256');
        expect(answer).toMatchObject({ year: 2023, passage: { year: 2023, report: { id: 'dgsn-2023' } } });
      });

      it('answers from a press article when it is the only source', () => {
        const answer = answerTo('How many associations did the security services meet in 2025?');
        expect(answer.text).toContain('317');
        expect(answer).toMatchObject({ year: 2025, passage: { year: 2025, report: { id: 'dgsn-2025-press', kind: 'press-article' } } });
      });

      it('answers from the 2020 report, whose passages have no section', () => {
        const answer = answerTo('How many mobile radar devices were distributed in 2020?');
        expect(answer.text).toContain('140');
        expect(answer).toMatchObject({ year: 2020, passage: { year: 2020, report: { id: 'dgsn-2020' }, section: null } });
      });
    });

    describe('when a report states an amount with a unit', () => {
      it('answers with the figure and its unit', () => {
        const answer = answerTo('How much heroin was seized in 2024?');
        expect(answer.text).toContain('16.53 kg');
        expect(answer).toMatchObject({ year: 2024, passage: { year: 2024, report: { id: 'dgsn-2024' } } });
      });

      it('answers with the whole quantity where the report gives tons and kilograms', () => {
        const answer = answerTo('How much hashish was seized in 2020?');
        expect(answer.text).toContain('217 tons and 323 kilograms');
        expect(answer).toMatchObject({ year: 2020, passage: { year: 2020, report: { id: 'dgsn-2020' } } });
      });

      it('keeps the 2024 row of a question over the years whole too ("123 tons and 971 kg", not "971 kg")', () => {
        const row = answerer.answer('How much hashish was seized over the years?').byYear.find((entry) => entry.year === 2024);
        expect(row?.answer?.text).toContain('123 tons and 971 kg');
      });
    });

    describe('when binding a figure to what it counts', () => {
      it('takes a figure given with another word for the thing counted ("508 incidents" for "cases")', () => {
        const answer = answerTo('How many sextortion cases were recorded in 2023?');
        expect(answer.text).toContain('508 incidents');
        expect(answer).toMatchObject({ year: 2023, passage: { year: 2023 } });
      });

      it('counts the subject of a verb of reaching, whatever word follows the figure ("the followers … reached 225,191 users")', () => {
        const answer = answerTo('How many followers did the DGSN\'s Twitter account have in 2020?');
        expect(answer.text).toBe('225,191 users');
        expect(answer.confidence).toBeGreaterThanOrEqual(ANSWERING.likely);
      });

      it('takes the figure of the sentence that names the platform asked about, not its neighbour’s ("Facebook", not "Twitter")', () => {
        // The passage gives the Twitter account's followers (225,191 users), then the Facebook account's
        // users (191,903): "users" of an account count its followers, and a sentence without "Facebook" is
        // about another platform.
        expect(answerTo('How many followers did the DGSN\'s Facebook account have in 2020?').text).toBe('191,903 users');
        expect(answerTo('How many followers did the DGSN\'s Twitter account have in 2020?').text).toBe('225,191 users');
      });

      it('does not count a head of several words by its last words alone ("police officers" are not "female police officers")', () => {
        // The 2024 report counts the 8,502 police officers who gave blood, not its women officers.
        expect(answerer.answer('How many female police officers did the DGSN have in 2024?').answer).toBeNull();
      });

      it('answers "how many of the victims were foreigners" with the part, not the whole ("458 victims (including 107 victims of foreign nationalities)")', () => {
        expect(answerTo('How many of the victims of online sexual extortion in 2020 were of foreign nationality?').text).toBe('107 victims');
      });

      it('takes another verb that sends the counted to the same place for the question’s ("brought before prosecutors" for "referred to various public prosecutors")', () => {
        expect(answerTo('How many individuals were brought before prosecutors in 2023?').text).toContain('723,874');
      });

      it('reads what an amount measures from the subject of "rose to" ("the seizures of “hashish” … rose to 217 tons and 323 kilograms")', () => {
        // Not "11 tons of chira" of one international operation.
        expect(answerTo('What amount of hashish did the police take in 2020?').text).toBe('217 tons and 323 kilograms');
      });

      it('finds one word of a question’s wording of several by its thesaurus wording ("narcotics" for the "drug" of "drug cases")', () => {
        // "Regarding narcotics, … 119,692 individuals arrested, including 287 foreign nationals", not the 45
        // foreign nationals arrested on international warrants.
        expect(answerTo('How many foreign nationals were arrested in drug cases in 2024?').text).toContain('287');
      });

      it('counts the people something was done to by the verb’s own noun ("people were arrested": "the number of arrests reached 117,494"), and takes no total of a part for the total', () => {
        // Not "the number of people arrested in drug cases … reached 97,564 people", a total of a part the
        // question does not name.
        expect(answerTo('How many people were arrested in 2020?').text).toBe('117,494');
        expect(answerTo('How many people were arrested overall in 2020?').text).toBe('117,494');
        expect(answerTo('How many people were arrested in drug cases in 2020?').text).toContain('97,564');
      });

      it('answers the whole when a question asks for several of its parts in total ("The number of suspects investigated in these cases reached 693 individuals, including 322 in corruption …, 259 suspects in embezzlement …")', () => {
        expect(answerTo('In total, how many suspects were investigated for corruption, embezzlement and extortion in 2023?').text).toContain('693');
      });

      it('answers a question about a part with the part the sentence gives, not the whole ("29,959 individuals, including 10,720 who were wanted persons")', () => {
        expect(answerTo('Among the individuals arrested for violent crime in 2024, how many were wanted persons?').text).toBe('10,720');
      });

      it('reads what follows a bare count as what it counts ("with 45,739 allocated to minor children")', () => {
        expect(answerTo('How many of the ID cards issued to Moroccans abroad in 2023 were allocated to minor children?').text).toContain('45,739');
      });

      it('reads a sentence’s lead-in even when it holds an ordinal ("Drug-related cases rank first among offenses linked to money laundering, accounting for … 295 cases (45%)")', () => {
        expect(answerTo('What share of the offences linked to money laundering in 2024 were drug-related cases?').confidence).toBeGreaterThanOrEqual(ANSWERING.likely);
        expect(answerTo('What share of the offences linked to money laundering in 2024 were drug-related cases?').text).toBe('45%');
      });

      it('reads a count’s "of" phrase as what it is ("including 6,162 of foreign nationalities" counts foreigners)', () => {
        expect(answerTo('How many foreign would-be migrants were arrested in 2020?').text).toBe('6,162');
      });

      it('weighs a word the reports never use as the commonest wording it is found by ("cops" as "police officers"), not as the rarest word there is', () => {
        // Not "402 retired policemen", whose sentence has a wording of "cops" but no arrests.
        expect(answerTo('How many arrests did the cops make in 2020?').text).toContain('117,494');
      });

      it('never asks a figure to be bound to the reports’ own subject ("the DGSN’s", "Moroccan"): every figure of the reports is theirs', () => {
        // "Cooperation with Spain ranked first with 37%" says nothing of the DGSN, and needs not.
        expect(answerTo("What percentage of the DGSN's police cooperation cases in 2024 were with Spain?").text).toBe('37%');
        expect(answerTo('How many Moroccan police officers took part in training sessions abroad under international cooperation in 2023?').text).toContain('2,198');
      });

      it('answers how many there are in all from a clause where they do nothing, not from one where some took part in something', () => {
        // "The current number of National Security officers is 79,830" against "Some 11,559 police officers
        // nationwide took part in this humanitarian operation".
        expect(answerTo('How many officers worked for the National Security in 2023?').text).toBe('79,830');
        // "…staff, which currently number 74,520 employees, including 4,884 women" against "Financial aid was
        // also granted to 3,219 women".
        expect(answerTo('How many women were on the National Security\'s payroll in 2020?').text).toBe('4,884 women');
        // Asked with "have" and the acronym: "the National Security" is the DGSN's short name, so the
        // sentence of the whole number answers it, not the 11,559 who took part.
        expect(answerTo('How many police officers did the DGSN have in 2023?').text).toBe('79,830');
      });

      it('reads an elaboration of an elaboration as about the first clause ("…accidents in urban areas, compared with 80,091 in 2022; an increase of 7%")', () => {
        expect(answerTo('How much did physical traffic accidents in urban areas rise by in 2023?')).toMatchObject({ text: 'increase of 7%', year: 2023 });
      });

      it('reads a clause opening on "whose" as about the clause before ("fatalities in urban areas, whose decrease exceeded 26.40 percent")', () => {
        expect(answerTo('By how much did traffic fatalities in urban areas fall in 2020?')).toMatchObject({ text: 'decrease exceeded 26.40 percent', value: -26.4, year: 2020 });
      });

      it('answers "the next …" with no year from the last report that says it, an earlier report counting less', () => {
        // The 2023 report's Open Days marked the 68th anniversary; the 2025 article announces the next for the 70th.
        expect(answerTo('Which anniversary of the National Security will the next Open Days coincide with?')).toMatchObject({ text: 'seventieth anniversary', year: 2025 });
      });

      it('reads the words before a figure past an ordinal between them ("Cooperation with Spain ranked first with 37%")', () => {
        expect(answerTo('Which country ranked first in the DGSN\'s police cooperation in 2024, and with what share?').text).toBe('37%');
      });

      it('takes a figure whose noun WordNet gives as the same thing ("59 minors" for "children"), never one with a broader noun', () => {
        expect(answerTo('How many missing children were located through Tifli Moukhtafi in 2024?').text).toBe('59 minors');
        // "5,175 kg of this synthetic drug" is no amount of heroin.
        expect(answerTo('How much heroin was seized in 2023?').text).toContain('6.88 kg');
      });

      it('reads a lead-in restated in other words ("As for the rate of reprimand, i.e. the rate of solving crimes, …") as one lead-in', () => {
        expect(answerTo('What was the crime clearance rate in 2020?').text).toBe('96 percent');
      });

      it('reads the sentence’s lead-in as what its figures count ("In sextortion cases, … 508 incidents")', () => {
        const rows = answerer.answer('How many sextortion cases were recorded over the years?').byYear;
        expect(rows.find((row) => row.year === 2023)?.answer?.text).toContain('508');
        expect(rows.find((row) => row.year === 2024)?.answer?.text).toContain('391 cases');
      });

      it('never takes a figure from a clause about something else of the same sentence (250 counterfeiting cases)', () => {
        const row = answerer.answer('How many sextortion cases were recorded over the years?').byYear.find((entry) => entry.year === 2020);
        expect(row?.answer?.text ?? '').not.toContain('250');
      });

      it('reads a demonstrative phrase as the thing named before it in the paragraph ("5,175 kg of this synthetic drug")', () => {
        // The paragraph names the drug "L’pufa" two sentences before the figure.
        expect(answerTo('How many kilograms of L’pufa were seized in 2023?').text).toContain('5,175 kg');
        // "this new functional equipment" stands for the tasers of the sentence before.
        expect(answerTo('By how much did interventions with tasers increase in 2024?').text).toContain('194.5%');
      });

      it('reads "people were killed" as the thesaurus wording "people killed", which fatalities count', () => {
        expect(answerTo('How many people were killed on the roads in 2024?').text).toContain('1,063 fatalities');
      });

      it('answers a question that asks for the total ("in total") with the figure given as one, not a unit’s', () => {
        // 34,047 cases were handled by the criminal investigation teams; "a total of 851,343" by all services.
        expect(answerTo('Overall, how many criminal cases did the national police deal with in 2020?').text).toContain('851,343');
      });

      it('counts the people who did what the verb says as written ("visitors"), not a word it extends ("visits")', () => {
        const answer = answerTo('How many people visited the National Security Open Days in 2023?');
        expect(answer.text).toContain('1,150,000');
      });

      it('never takes a broader word for the thing counted: a synthetic drug is not cocaine', () => {
        expect(answerTo('How much cocaine was seized in 2023?').text).toContain('1,922 metric tons of cocaine');
      });

      it('answers "On how many …" like "How many …"', () => {
        expect(answerTo('On how many police vehicles and motorcycles were GPS devices installed in 2023?').text).toContain('800');
      });

      it('never answers a passive verb with a figure of another event: promoted is not recruited', () => {
        const response = answerer.answer('How many women were recruited in 2024?');
        expect(response.answer?.text ?? '').not.toContain('280');
      });

      it('never answers a passive verb with a figure of another event: trained is not recruited', () => {
        const response = answerer.answer('How many police officers were recruited in 2023?');
        expect(response.answer?.text ?? '').not.toContain('12,846');
      });

      it('prefers the total named by the lead-in to one operation’s figure', () => {
        const answer = answerTo('How many people were arrested for drug trafficking in 2020?');
        expect(answer.text).toContain('97,564');
      });

      it('prefers the figure the question singles out to the total of the same sentence', () => {
        const answer = answerTo('How many followers did the National Security have on Instagram in 2025?');
        expect(answer.text).toContain('253,350');
      });

      it('reads "compared with N in 2022" as the same measure as the figure before it', () => {
        const answer = answerTo('How many traffic accidents were recorded in 2022?');
        expect(answer.text).toContain('80,091');
      });

      it('takes the percentage of the share asked about, not another rate of the sentence', () => {
        const answer = answerTo('What share of violent crime was recorded in 2024?');
        expect(answer.text).toBe('7%');
      });

      it('keeps a quoted name inside the noun a figure counts ("560 “TASER-7” tasers" count tasers, not police)', () => {
        expect(answerTo('How many TASER tasers were police commands equipped with in 2024?').text).toBe('560 “TASER-7” tasers');
        expect(answerer.answer('How many police were there in 2024?').answer?.text ?? '').not.toContain('560');
      });

      it('reads a list that names its noun once: "21,448 candidates …, 14,447 in …, and 7,204 in …" all count candidates', () => {
        const answer = answerer.answer('How many police were there in 2024?').answer;
        expect(answer?.text ?? '').not.toMatch(/14,447|1,254|7,204/);
      });

      it('finds a verb the reports write only as another word of its family ("employ" as "employees")', () => {
        // "… staff, which currently number 74,520 employees, including 4,884 women": the 3,219 women granted
        // financial aid in another sentence were not employed.
        expect(answerTo('How many women did the national security employ in 2020?').text).toBe('4,884 women');
      });

      it('reads "the current number of X is N" as a total of X', () => {
        expect(answerTo('What was the total number of National Security officers in 2023?').text).toBe('79,830');
      });

      it('does not give the officers who benefited from something as the whole force when no action is asked', () => {
        // "… benefiting a total of 7,513 police officers": those were promoted.
        const answer = answerer.answer('What was the total number of police officers in the DGSN in 2024?').answer;
        expect(answer?.text ?? '').not.toContain('7,513');
        expect(answer?.confidence ?? 0).toBeLessThan(ANSWERING.likely);
      });

      it('keeps two describing words joined by "and" in what a figure counts ("30 new public and private institutions")', () => {
        expect(answerTo('How many new public and private institutions joined the digital identity platform in 2024?').text).toBe('30 new public and private institutions');
      });

      it('reads each item of a list of percentages with the list’s first clause, and tells the items apart by their names', () => {
        // "Cooperation with Spain ranked first with 37%, followed by police cooperation with France (28%),
        // then Germany (11%), the United States (10%), Austria (3%), and the Netherlands with 2%."
        expect(answerTo('What percentage of international police cooperation in 2024 was with France?').text).toBe('28%');
        expect(answerTo('What percentage of international police cooperation in 2024 was with Germany?').text).toBe('11%');
        expect(answerTo('What percentage of international police cooperation in 2024 was with Austria?').text).toBe('3%');
      });

      it('carries the words that set the head apart from the sentence before to one that opens on the head again', () => {
        // "… related to international police cooperation, …" then "Cooperation with Spain ranked first with 37%".
        expect(answerTo("What percentage of the DGSN's international police cooperation in 2024 was with Spain?").text).toBe('37%');
      });

      it('reads "N% of which" as a part of the clause before ("training programs … as part of international cooperation, 87% of which …")', () => {
        expect(answerTo('What share of the international cooperation training programmes in 2024 took place in person?').text).toBe('87%');
      });

      it('reads "were found" as saying nothing of which figure is asked, as "were recorded" does', () => {
        // "… led to seizing 481 counterfeit national banknotes …": nothing was "found" in the sentence.
        expect(answerTo('How many fake national banknotes were found in 2023?').text).toBe('481 counterfeit national banknotes');
      });

      it('reads a sentence that opens on "In this regard" with the things the sentence before spoke of', () => {
        // "… a state of health emergency … In this regard, 154 judicial dams have been installed in various
        // major road axes …": the dams (checkpoints) of the health emergency.
        expect(answerTo('How many roadblocks were set up on the main roads to enforce the covid health emergency in 2020?').text).toBe('154 judicial dams');
      });

      it('reads a name set off by commas as the noun before it ("the President of Interpol, Ahmed Nasser Al Risi, …")', () => {
        expect(answerTo('Who is the President of Interpol the DGSN director met in 2024?').text).toBe('Ahmed Nasser Al Risi');
      });

      it('takes the noun after "the number of … to N" as what N counts: 454 police districts are no count of police', () => {
        // At most a possible answer, below "likely": the figure counts districts, the question police.
        expect(answerer.answer('How many police were there in 2023?').answer?.confidence ?? 0).toBeLessThan(ANSWERING.likely);
        expect(answerTo('How many police districts were there in 2023?').text).toContain('454');
      });
    });

    describe('when the question asks for something other than a count', () => {
      it('answers "by how many tons did X increase" with the change, not a count', () => {
        const answer = answerTo('By how many tons did hashish seizures increase in 2020?');
        expect(answer.text).toContain('37 tons');
        expect(answer.kind).toBe('change');
      });

      it('never answers with the name of what the question is about (the Casablanca laboratory), but with the one asked for', () => {
        const response = answerer.answer('With which American laboratory did the Casablanca forensic science lab sign a twinning agreement in 2024?');
        expect(response.answer?.text).toBe('American Lawrence Livermore Laboratory');
      });

      it('prefers the name that holds the word setting the thing asked apart ("which American laboratory")', () => {
        // The sentence names two laboratories; the Casablanca one is described in the question by other words.
        expect(answerTo('Which American lab did Casablanca\'s forensic laboratory twin with in 2024?').text).toBe('American Lawrence Livermore Laboratory');
      });

      it('answers "who is the <title>" with the person named after that title, not another name of the sentence', () => {
        // One sentence names Interpol's president, its outgoing and new secretaries general and a director.
        expect(answerTo('Who was the President of Interpol that the DGSN chief met in 2024?').text).toBe('Ahmed Nasser Al Risi');
      });

      it('never answers the name of an app with a web address, which it gives when the question asks for one', () => {
        const app = answerer.answer('What is the name of the mobile app the DGSN launched in 2023 for managing your digital identity?').answer;
        expect(app?.text ?? '').not.toMatch(/www\.|\.ma\b/);
        expect(answerTo('What is the web address of the portal for booking ID card appointments?').text).toBe('www.cnie.ma');
      });

      it('reads a sentence that opens on "This is …" as about what the sentence before said', () => {
        // "… Facebook for publishing … search notices for missing children. This is facilitated through
        // Tifli Moukhtafi, a newly developed software …": the software is named in the second sentence.
        expect(answerTo('What software helps publish search notices for missing children?').text).toBe('Tifli Moukhtafi');
      });

      it('never answers an ordinal question with the ordinal it gives ("which anniversary will the seventh edition mark")', () => {
        expect(answerTo('Which anniversary of the DGSN’s creation will the seventh edition of the Open Days coincide with?').text).toContain('seventieth');
      });

      it('answers "how many more … than the year before" with the change, not the level', () => {
        // "rose to 217 tons and 323 kilograms, an increase of 37 tons compared to the previous year"
        expect(answerTo('How many more tons of hashish were seized in 2020 than the year before?').text).toContain('37 tons');
      });

      it('answers about the edition the question names, not another one ("the 6th edition", not "the fifth")', () => {
        // Agadir hosted the fifth edition; the sixth is planned in El Jadida.
        const answer = answerTo('In which city will the 6th edition of the Open Days be held?');
        expect(answer.text).toBe('El Jadida');
        expect(answer.sentence).toContain('6th edition');
      });

      it('answers "in which city" with a place of the world’s place list, spelt as the report spells it', () => {
        const answer = answerTo('In which city did the DGSN organise the Open Days in 2023?');
        expect(answer).toMatchObject({ text: 'Fez', kind: 'place', value: null, unit: null, year: 2023 });
      });

      it('answers "where" from the report that names the place', () => {
        expect(answerTo('Where will the DGSN’s central headquarters be inaugurated?')).toMatchObject({ text: 'Rabat', kind: 'place' });
      });

      it('answers "which edition" with the ordinal and its noun', () => {
        expect(answerTo('Which edition of the Open Days did the DGSN organise in 2023?')).toMatchObject({ text: '4th edition', kind: 'ordinal', value: 4 });
      });

      it('reads "next year" in a report as the year after it (the 6th edition is 2025’s, not 2024’s)', () => {
        expect(answerer.answer('Which edition of the police open days was held in 2024?').answer?.text ?? '').not.toContain('6th');
      });

      it('answers a year’s question from that year’s own report rather than from the plan an earlier one announced', () => {
        // The 2023 report: "plans to organize the fifth edition … in Agadir next year"; the 2024 report tells it happened.
        expect(answerTo('In which city did the National Security Open Days of 2024 take place?')).toMatchObject({ text: 'Agadir', year: 2024, passage: { year: 2024 } });
      });

      it('reads a sentence about "the coming year" as the next year’s for all its figures, even in a later clause', () => {
        // "It is expected … that the coming year will know …, as well as the creation of two regional police
        // training schools in Tangiers and Marrakesh" (the 2020 report).
        expect(answerTo('In which cities will two regional police training schools be created in 2021?')).toMatchObject({ text: 'Tangiers', year: 2021, passage: { year: 2020 } });
      });

      it('answers "did it rise or fall" with the change and its direction', () => {
        expect(answerTo('Did sextortion cases rise or fall in 2024?')).toMatchObject({ text: 'decrease of 23%', kind: 'change', value: -23, unit: '%', year: 2024 });
      });

      it('answers a yes-or-no question about a change with the change the other way too', () => {
        expect(answerTo('Did cybercrime cases fall in 2024?')).toMatchObject({ text: 'increased by 40%', kind: 'change', value: 40 });
      });

      it('reads a list that says its verb once ("dropped by 4%, …, and thefts targeting bank agencies by 45%")', () => {
        expect(answerTo('By how much did thefts targeting bank agencies fall in 2024?')).toMatchObject({ kind: 'change', value: -45 });
      });

      it('answers "what is it called" with the name the report gives, never the reports’ own subject', () => {
        const answer = answerTo('What is the platform for reporting illegal content online called?');
        expect(answer).toMatchObject({ kind: 'name', value: null });
        expect(answer.text.toLowerCase()).toBe('e-blagh');
      });

      it('answers "on which dates" with the span of dates the report gives', () => {
        expect(answerTo('On which dates did the DGSN hold its Open Days in Agadir?')).toMatchObject({ text: 'May 17-21, 2024', kind: 'date', value: 2024 });
      });

      it('answers with a place the world’s place list lacks, where the sentence says it is one ("in Errahma neighborhood", "at Beni Bouaayach")', () => {
        expect(answerTo('In which neighbourhood of Casablanca was a police officer killed by a terrorist cell?').text).toBe('Errahma');
        expect(answerTo('Where will a new police station be built under the Al Hoceima Regional Security?').text).toBe('Beni Bouaayach');
      });

      it('binds each place of a long sentence to its own clause, not to the place of the clause that opens it', () => {
        // "…created in the city of Imouzzer Kandar, …, as well as the creation of two police departments
        // in the cities of Meknes and …": the opening clause is Imouzzer Kandar's, and the count before
        // "Meknes" does not cut it from its words.
        expect(answerTo('In 2020, where were two police departments created?').text).toBe('Meknes');
        expect(answerTo('In which town was a regional police commission created in 2020 because of urban expansion?').text).toBe('Imouzzer Kandar');
      });

      it('is as sure of an answer whatever reporting verb the question uses, or none ("get", "log")', () => {
        const confidences = ['did the police hotline get', 'did the police hotline log', 'to the police hotline'].map((words) => answerTo(`How many emergency calls ${words} in 2023?`).confidence);
        expect(new Set(confidences).size).toBe(1);
        expect(confidences[0]).toBeGreaterThanOrEqual(0.9);
      });

      it('reads the title beside a name only up to the next item of a list ("…Valdecy Urquiza, and its Director of Cybercrime, Neal Jetton")', () => {
        expect(answerTo("Who was Interpol's Director of Cybercrime in 2024?").text).toBe('Neal Jetton');
      });

      it('never answers "in which city" with a country', () => {
        expect(answerer.answer('In which town is the International Police Training Center for African police officers being set up?').answer?.text ?? '').not.toBe('Morocco');
      });

      it('weighs a question’s everyday words ("plans", "fully") below its rare ones', () => {
        expect(answerTo('What is the Interpol project on policing major sporting events called?').text).toBe('Stadia');
      });

      it('finds a hyphenated word’s parts apart and a verb under a prefix ("fibre-optic … connected" in "optical fibers that interconnect")', () => {
        expect(answerTo('How many cities are connected by the secure fibre-optic police telecommunications network?')).toMatchObject({ text: '57 cities', year: 2023 });
      });

      it('answers "which university" with the whole name, joined across "for"', () => {
        expect(answerTo('Which university did the national security sign an agreement with in December 2025?').text).toContain('Naif Arab University for Security Sciences');
      });

      it('never answers with a number the question itself gives ("police line 19")', () => {
        expect(answerer.answer('How many emergency calls were received on police line 19 in 2020?').answer?.text ?? '').not.toMatch(/^19\b/);
      });

      it('answers "what day" with a day, not a month', () => {
        expect(answerTo('What day did the E-Blagh platform go live?').text).toBe('June 3');
      });

      it('answers "when" with the date the report gives', () => {
        expect(answerTo('When did E-Blagh go live?')).toMatchObject({ text: 'June 3', kind: 'date', year: 2024 });
      });
    });

    describe('figures by year', () => {
      it('takes each row from that year’s own report, and marks a later report’s restatement', () => {
        const rows = answerer.answer('How many traffic accidents were recorded from 2020 to 2024?').byYear;
        expect(rows.find((row) => row.year === 2023)).toMatchObject({ restated: false, answer: { passage: { year: 2023 } } });
        expect(rows.find((row) => row.year === 2022)).toMatchObject({ restated: true, answer: { year: 2022, passage: { year: 2023 } } });
      });

      it('gives a measurable topic its figure per report year, each a likely answer or a reason', () => {
        const rows = answerer.figuresByYear('sextortion cases');
        expect(rows?.map((row) => row.year)).toEqual([2020, 2023, 2024, 2025]);
        expect(rows?.find((row) => row.year === 2023)?.answer?.text).toContain('508');
        expect(rows?.find((row) => row.year === 2024)?.answer?.text).toContain('391');
        for (const row of rows ?? []) expect(row.answer === null ? row.reason : row.answer.confidence >= ANSWERING.likely).toBeTruthy();
      });

      it('gives none for a topic the reports give no figure in two years', () => {
        expect(answerer.figuresByYear('sextortion awareness campaigns in schools')).toBeNull();
      });
    });

    describe('confidence', () => {
      it('is never shown as certain: an answer is read from a sentence', () => {
        for (const question of answered) expect(answerer.answer(question).answer?.confidence ?? 0).toBeLessThanOrEqual(ANSWERING.maxConfidence);
        expect(ANSWERING.maxConfidence).toBeLessThan(1);
      });
    });

    describe('when a sentence gives a schedule such as "7/7 and 24/24"', () => {
      it('never reads it as a count', () => {
        const rows = answerer.answer('How many emergency calls were handled between 2023 and 2024?').byYear;
        expect(rows.find((entry) => entry.year === 2023)?.answer?.text).toContain('19,722,041');
        expect(rows.find((entry) => entry.year === 2024)?.answer?.text ?? '').not.toMatch(/^7\b/);
      });

      it('answers with the scale word and the currency', () => {
        const answer = answerTo('How much did the DGSN contribute to the Special Fund for the earthquake?');
        expect(answer.text).toContain('50 million dirhams');
        expect(answer).toMatchObject({ year: 2023, passage: { year: 2023, report: { id: 'dgsn-2023' } } });
      });

      it('answers with the first of two amounts in dirhams when it is the one asked about', () => {
        const answer = answerTo('How much criminal assets were seized in 2024?');
        expect(answer.text).toContain('331,907,537 dirhams');
        expect(answer).toMatchObject({ year: 2024, passage: { year: 2024, report: { id: 'dgsn-2024' } } });
      });
    });

    describe('when a report states a percentage', () => {
      it('answers with the percentage next to the words asked about among several', () => {
        const answer = answerTo('By how much did murders and homicides decrease in 2023?');
        expect(answer.text).toContain('25%');
        expect(answer).toMatchObject({ kind: 'change', value: -25, unit: '%' });
        expect(answer).toMatchObject({ year: 2023, passage: { year: 2023, report: { id: 'dgsn-2023' } } });
      });

      it('answers with a percentage written "percent"', () => {
        const answer = answerTo('What was the rate of solving crimes in 2020?');
        expect(answer.text).toContain('96 percent');
        expect(answer).toMatchObject({ year: 2020, passage: { year: 2020, report: { id: 'dgsn-2020' } } });
      });
    });

    describe('when a report writes the number in words', () => {
      it('answers with the words and the digits that restate them', () => {
        const answer = answerTo('How many departments for judicial diagnosis were established in 2020?');
        expect(answer.text).toContain('eleven (11)');
        expect(answer).toMatchObject({ year: 2020, passage: { year: 2020, report: { id: 'dgsn-2020' } } });
      });

      it('answers with digits that have a leading zero', () => {
        const answer = answerTo('How many open entrance exams were organized in 2023?');
        expect(answer.text).toContain('six (06)');
        expect(answer).toMatchObject({ year: 2023, passage: { year: 2023, report: { id: 'dgsn-2023' } } });
      });

      it('keeps a compound quantity whole when its larger part is in words ("eight kilograms and 501 grams")', () => {
        const answer = answerTo('How much heroin was seized in 2020?');
        expect(answer).toMatchObject({ text: 'eight kilograms and 501 grams', value: 8.501, unit: 'kg', year: 2020 });
      });

      it('answers with an amount written in words', () => {
        const answer = answerTo('How much did the Fraternal Mutual Aid and Orphanage allocate to the earthquake initiatives?');
        expect(answer.text).toContain('one million dirhams');
        expect(answer).toMatchObject({ year: 2023, passage: { year: 2023, report: { id: 'dgsn-2023' } } });
      });
    });

    describe('when a report gives the figure of the year before', () => {
      it('answers a question about 2022 from the 2023 report', () => {
        const answer = answerTo('How many traffic accidents were recorded in 2022?');
        expect(answer.text).toContain('80,091');
        expect(answer.text).not.toContain('85,475');
        expect(answer).toMatchObject({ year: 2022, passage: { year: 2023, report: { id: 'dgsn-2023' } } });
      });

      it('answers another 2022 figure restated in 2023', () => {
        const answer = answerTo('How many official reports of traffic offences were issued in 2022?');
        expect(answer.text).toContain('372,086');
        expect(answer).toMatchObject({ year: 2022, passage: { year: 2023 } });
      });

      it('gives each year of a list its own figure ("numbering 40 compared to 340 in 2017 and 288 in 2018")', () => {
        expect(answerer.answer('How many updates on false reports were published in 2017?').answer).toMatchObject({ text: '340', year: 2017 });
        expect(answerTo('How many updates on false reports were published in 2024?')).toMatchObject({ text: '40', year: 2024 });
      });

      it('answers a question about 2019, which no report covers, from the 2020 report that restates it', () => {
        const answer = answerTo('How many traffic accidents were recorded in 2019?');
        expect(answer.text).toContain('70,915');
        expect(answer).toMatchObject({ year: 2019, passage: { year: 2020, report: { id: 'dgsn-2020' } } });
      });
    });

    describe('when it answers, every answer can be checked', () => {
      it.each(answered)('quotes the sentence verbatim from its passage: %s', (question) => {
        const answer = answerTo(question);
        expect(answer.passage.text).toContain(answer.sentence);
        expect(answer.sentence).toContain(answer.text);
      });

      it.each(answered)('quotes the passage verbatim from the source file: %s', (question) => {
        const { passage } = answerTo(question);
        expect(source(passage.file).slice(passage.start, passage.end)).toBe(passage.text);
      });

      it.each(answered)('marks exactly the answer in the escaped sentence: %s', (question) => {
        const answer = answerTo(question);
        expect(answer.sentenceHtml.split('<mark>')).toHaveLength(2);
        expect(answer.sentenceHtml).toContain(`<mark>${escapeHtml(answer.text)}</mark>`);
        expect(answer.sentenceHtml.replace('<mark>', '').replace('</mark>', '')).toBe(escapeHtml(answer.sentence));
      });

      it.each(answered)('marks the answer in the passage snippet: %s', (question) => {
        const answer = answerTo(question);
        expect(answer.passage.snippetHtml).toContain(`<mark>${escapeHtml(answer.text)}</mark>`);
      });

      it.each(answered)('gives a confidence from 0 to 1: %s', (question) => {
        const { confidence } = answerTo(question);
        expect(confidence).toBeGreaterThanOrEqual(0);
        expect(confidence).toBeLessThanOrEqual(1);
      });

      it('gives the passage as a search result with its permalink', () => {
        const answer = answerTo('How much did the DGSN contribute to the Special Fund for the earthquake?');
        expect(answer.passage).toEqual({
          id: expect.stringMatching(/^dgsn-2023-p\d{3}$/),
          year: 2023,
          report: { id: 'dgsn-2023', title: 'National Security Services Report for 2023', kind: 'annual-report', translation: null },
          section: expect.any(String),
          themes: expect.any(Array),
          text: expect.stringContaining('contributed 50 million dirhams to the Special Fund'),
          ordinal: expect.any(Number),
          start: expect.any(Number),
          end: expect.any(Number),
          file: 'corpus/dgsn-2023-annual-report.txt',
          page: null,
          url: `/passages/${answer.passage.id}`,
          snippetHtml: expect.stringContaining('<mark>50 million dirhams</mark>'),
          score: expect.any(Number),
          duplicates: [],
        });
      });

      it('returns the question, the answer, no reason, no rows, the supporting passages and how the question was read', () => {
        const question = 'How much heroin was seized in 2024?';
        const response = answerer.answer(question);
        expect(response).toEqual({
          question,
          answer: expect.objectContaining({ year: 2024 }),
          reason: null,
          byYear: [],
          passages: expect.any(Array),
          analysis: { type: 'quantity', years: [2024], severalYears: false, head: ['heroin'], qualifiers: ['seized'], readAs: [] },
        });
      });

      it('lists the passage of the answer first among the supporting passages, at most five', () => {
        const response = answerer.answer('How many open entrance exams were organized in 2023?');
        expect(response.passages[0]?.id).toBe(response.answer?.passage.id);
        expect(response.passages.length).toBeLessThanOrEqual(5);
      });

      it('lists each supporting passage once', () => {
        const ids = answerer.answer('How many traffic accidents were recorded in 2022?').passages.map((passage) => passage.id);
        expect(new Set(ids).size).toBe(ids.length);
      });
    });

    describe('when the year asked about is covered by no report and restated by none', () => {
      it('declines, saying which years the reports cover', () => {
        const question = 'How many police districts were there in 2019?';
        expect(answerer.answer(question)).toEqual({
          question,
          answer: null,
          reason: 'The reports cover 2020, 2023, 2024 and 2025. None of them gives this for 2019. The reports do give it for 2023, 2024 and 2025: ask about those years.',
          byYear: [],
          passages: expect.any(Array),
          analysis: { type: 'count', years: [2019], severalYears: false, head: ['police', 'districts'], qualifiers: [], readAs: [] },
        });
      });

      it('declines a question about 2022 for a figure the 2023 report does not restate', () => {
        const response = answerer.answer('How many sporting events did the police secure in 2022?');
        expect([response.answer, response.reason]).toEqual([null, 'The reports cover 2020, 2023, 2024 and 2025. None of them gives this for 2022. The reports do give it for 2023: ask about that year.']);
      });

      it('says for which years the reports do give it', () => {
        expect(answerer.answer('How many sextortion cases were recorded in 2020?').reason).toContain('The reports do give it for 2023 and 2024');
      });

      it('still offers the closest passages as evidence', () => {
        expect(answerer.answer('How many police districts were there in 2019?').passages.length).toBeGreaterThan(0);
      });
    });

    describe('when the reports never mention what is asked about', () => {
      it('declines, naming the missing word', () => {
        const response = answerer.answer('How many submarines does the DGSN operate?');
        expect([response.answer, response.reason]).toEqual([null, 'The reports never mention “submarines”.']);
      });

      it('reads a word the reports never use as the word they write for it, says so, and is less sure ("kids" as "minors")', () => {
        const asKids = answerer.answer('How many missing kids were located in 2024?');
        const asMinors = answerer.answer('How many missing minors were located in 2024?');
        expect(asKids.answer?.text).toBe('59 minors');
        expect(asKids.analysis.readAs).toEqual([{ from: 'kids', to: expect.stringMatching(/^(children|minor)$/) }]);
        expect(asKids.answer!.confidence).toBeLessThan(asMinors.answer!.confidence);
        expect(asMinors.analysis.readAs).toEqual([]);
      });

      it('says so truly when no sentence states it under the reports\' word either, naming that word', () => {
        const response = answerer.answer('How many kids won prizes at the 2024 Open Days?');
        expect(response.answer).toBeNull();
        expect(response.reason).toMatch(/^The reports never use the word “kids”; they do write .*“children”.*; read as “children”: No sentence/);
      });

      it('names the word as the reports write it, not as a dictionary lists it ("migration", which they write, not "migrate")', () => {
        const { reason } = answerer.answer('How many migrants were caught in 2020?');
        expect(reason).toMatch(/^The reports never use the word “migrants”; they do write “migration”/);
        expect(reason).not.toContain('“migrate”');
      });

      it('reads a word the reports never use that only describes the thing counted as a word no sentence has', () => {
        // "bogus" is not in the reports, but the masks are, and "fake" is near enough.
        expect(answerTo('How many bogus face masks were seized in 2020?').text).toContain('408,705');
        // "purple" is in no sentence about police cars: no figure covers enough of the question.
        expect(answerer.answer('How many purple police cars were bought in 2024?').answer).toBeNull();
      });
    });

    describe('when the question asks for something other than a figure', () => {
      it('declines a "where" question no sentence answers, offering the closest passages', () => {
        const response = answerer.answer('Where is the new cybercrime laboratory of the Gendarmerie being built?');
        expect(response.answer).toBeNull();
        expect(response.passages.length).toBeGreaterThan(0);
      });
    });

    describe('when the text is not a question', () => {
      it('declines a bare topic, pointing to the search', () => {
        expect(answerer.answer('sextortion')).toEqual({
          question: 'sextortion',
          answer: null,
          reason: 'This is not a question. Ask, for example, “How many sextortion cases were recorded in 2024?”, or use the search for a topic.',
          byYear: [],
          passages: [],
          analysis: { type: 'unknown', years: [], severalYears: false, head: [], qualifiers: ['sextortion'], readAs: [] },
        });
      });

      it('declines a statement', () => {
        const response = answerer.answer('The police.');
        expect([response.answer, response.reason]).toEqual([
          null,
          'This is not a question. Ask, for example, “How many sextortion cases were recorded in 2024?”, or use the search for a topic.',
        ]);
      });

      it('declines an empty string', () => {
        const response = answerer.answer('');
        expect([response.answer, response.reason, response.passages]).toEqual([
          null,
          'This is not a question. Ask, for example, “How many sextortion cases were recorded in 2024?”, or use the search for a topic.',
          [],
        ]);
      });
    });

    describe('when the question has only question words', () => {
      it('declines "How many were there?"', () => {
        const response = answerer.answer('How many were there?');
        expect([response.answer, response.reason, response.passages]).toEqual([null, 'The question has no words to look for in the reports.', []]);
      });

      it('declines "What was it?"', () => {
        const response = answerer.answer('What was it?');
        expect([response.answer, response.reason]).toEqual([null, 'The question has no words to look for in the reports.']);
      });

      it('declines a lone question mark', () => {
        const response = answerer.answer('?');
        expect([response.answer, response.reason]).toEqual([null, 'The question has no words to look for in the reports.']);
      });
    });

    describe('when the question asks about several years', () => {
      it('gives one row per year of "between … and …", each with the figure for that year', () => {
        const response = answerer.answer('How many traffic accidents were recorded between 2023 and 2024?');
        expect(response.byYear.map((row) => row.year)).toEqual([2023, 2024]);
        expect(response.byYear[0]).toMatchObject({ year: 2023, answer: { year: 2023 }, reason: null });
        expect(response.byYear[0]?.answer?.text).toContain('85,475');
      });

      it('gives one row per covered year for "over the years"', () => {
        const response = answerer.answer('How many traffic accidents were recorded over the years?');
        expect(response.byYear.map((row) => row.year)).toEqual([2020, 2023, 2024, 2025]);
        expect(response.byYear[0]?.answer?.text).toContain('58,785');
        expect(response.byYear[1]?.answer?.text).toContain('85,475');
      });

      it('gives every year of "from … to …", with a reason for a year no report covers', () => {
        const response = answerer.answer('How many traffic accidents were recorded from 2020 to 2024?');
        expect(response.byYear.map((row) => row.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
        expect(response.byYear[1]).toEqual({ year: 2021, answer: null, restated: false, reason: 'No report covers 2021.' });
        expect(response.byYear[2]).toMatchObject({ year: 2022, answer: { year: 2022, passage: { year: 2023 } }, reason: null });
        expect(response.byYear[2]?.answer?.text).toContain('80,091');
      });

      it.each([
        'How many traffic accidents were recorded between 2023 and 2024?',
        'How many traffic accidents were recorded over the years?',
        'How many traffic accidents were recorded from 2020 to 2024?',
      ])('gives each row either an answer about its year or a reason: %s', (question) => {
        for (const row of answerer.answer(question).byYear) {
          if (row.answer === null) expect(row.reason).toEqual(expect.any(String));
          else expect([row.answer.year, row.reason]).toEqual([row.year, null]);
        }
      });

      it('gives as the answer the most confident of the rows', () => {
        const response = answerer.answer('How many traffic accidents were recorded over the years?');
        const confidences = response.byYear.flatMap((row) => (row.answer === null ? [] : [row.answer.confidence]));
        expect(response.answer?.confidence).toBe(Math.max(...confidences));
      });
    });

    describe('when one figure is far ahead of every other', () => {
      // "348,070 electronic national identity cards" for Moroccans abroad: its sentence covers the question
      // only in part, but no other figure for 2023 comes close.
      const question = 'How many Moroccans abroad got new electronic ID cards in 2023?';

      it('gives it as a possible answer where its sentence alone would make it a guess, never as a likely one', async () => {
        const core = await realCore();
        const led = new Answerer(core).answer(question).answer;
        expect(led?.text).toContain('348,070');
        expect(led!.confidence).toBeGreaterThanOrEqual(ANSWERING.minConfidence);
        expect(led!.confidence).toBeLessThanOrEqual(ANSWERING.leadCeiling);
        const saved = { clearLead: ANSWERING.clearLead, closeRival: ANSWERING.closeRival };
        Object.assign(ANSWERING, { clearLead: 1, closeRival: Infinity });
        try {
          expect(new Answerer(core).answer(question).answer).toBeNull();
        } finally {
          Object.assign(ANSWERING, saved);
        }
      });
    });

    describe('when the input is hostile', () => {
      const hostile = [
        ['10,000 characters of one letter', 'x'.repeat(10_000)],
        ['a question repeated to 10,000 characters', 'How many police districts are there throughout the kingdom? '.repeat(200).slice(0, 10_000)],
        ['emoji only', '😀'.repeat(5_000)],
        ['emoji inside a question', 'How many 🚓 police 🚓 districts are there throughout the kingdom? 😀'],
        ['right-to-left text', 'كم عدد قضايا الابتزاز الجنسي في 2024؟'],
        ['right-to-left words inside a question', 'How many حالات were recorded in 2023?'],
        ['a bidirectional override', '\u202eHow many police districts are there?\u202c'],
        ['a script tag', '<script>alert(1)</script>'],
        ['a script tag inside a question', 'How many <script>alert("x")</script> police districts are there throughout the kingdom?'],
        ['a script tag ending with a question mark', '<script>alert(1)</script>?'],
        ['control characters and a lone surrogate', '\u0000\uFFFF\uD800?'],
      ] as const;

      it.each(hostile)('never throws on %s', (_, question) => {
        expect(() => answerer.answer(question)).not.toThrow();
      });

      it.each(hostile)('answers %s with an answer or a reason, never both or neither', (_, question) => {
        const response: AnswerResponse = answerer.answer(question);
        expect(response.question).toBe(question);
        if (response.answer === null) expect(response.reason).toEqual(expect.any(String));
        else expect(response.reason).toBeNull();
      });

      it.each(hostile)('never returns markup from %s unescaped in an answer or a passage', (_, question) => {
        const { answer, passages } = answerer.answer(question);
        expect(JSON.stringify({ answer, passages })).not.toContain('<script');
      });

      it('answers a question with emoji in it like the same question without', () => {
        const answer = answerTo('How many 🚓 police 🚓 districts are there throughout the kingdom? 😀');
        expect(answer.text).toContain('454');
      });
    });
  });
});

describe('Answerer over a corpus with a French report added', () => {
  let withFrench: Answerer;

  beforeAll(async () => {
    const paths = realCorpusCopy();
    const result = await addReport(paths, path.join(repoRoot, 'test/fixtures/reports/dgsn-2022-bilan-fr.txt'), { kind: 'press-article' });
    expect(result.ok).toBe(true);
    withFrench = new Answerer(new SearchCore((await buildIndex(paths)).bundle));
  }, 60_000);

  it('answers from a French sentence, read through the bilingual thesaurus, with French number formats', () => {
    expect(withFrench.answer('What was the clearance rate in 2022?').answer).toMatchObject({ text: '94,43%', value: 94.43, unit: '%', kind: 'percentage', year: 2022 });
    expect(withFrench.answer('How much cocaine was seized in 2022?').answer).toMatchObject({ text: expect.stringContaining('une tonne et 58 kilogrammes'), value: 1.058, unit: 'tons' });
  });

  it('gives a French sentence’s answer less confidence than the same reading of an English one', () => {
    expect(withFrench.answer('What was the clearance rate in 2022?').answer!.confidence).toBeLessThanOrEqual(ANSWERING.otherLanguage);
  });

  it('says, when it declines, that a passage in French may state what it could not read', () => {
    const response = withFrench.answer('How many ecstasy tablets were seized in 2022?');
    expect(response.answer).toBeNull();
    expect(response.reason).toContain('A passage below is in French');
  });
});
