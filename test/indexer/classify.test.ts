import { describe, expect, it } from 'vitest';
import { classify, gatherEvidence, keywordsOf, THEMES } from '../../indexer/classify.ts';

const passage = (text: string, sectionPath: string[] = []) => ({ text, sectionPath, year: 2024 });

describe('THEMES', () => {
  it('lists the 18 themes of the taxonomy in order', () => {
    expect(THEMES.map((theme) => theme.slug)).toEqual([
      'crime', 'drugs', 'cybercrime', 'migration', 'terrorism', 'financial-crime', 'forensics', 'road-safety',
      'digital-services', 'technology', 'infrastructure', 'cooperation', 'human-resources', 'welfare',
      'communication', 'major-events', 'covid-19', 'future-projects',
    ]);
  });
});

describe('keywordsOf', () => {
  it('gives every English and French keyword of the taxonomy at least one index term to be matched by', () => {
    for (const language of ['en', 'fr'] as const) {
      for (const keyword of keywordsOf(language)) expect(keyword.stems.length, `${language}: ${keyword.term}`).toBeGreaterThan(0);
    }
  });

  it('gives every theme French keywords', () => {
    expect(new Set(keywordsOf('fr').map((keyword) => keyword.theme))).toEqual(new Set(THEMES.map((theme) => theme.slug)));
  });

  it('gives no keywords for Arabic', () => {
    expect(keywordsOf('ar')).toEqual([]);
  });
});

describe('gatherEvidence', () => {
  it('counts repetitions of a keyword with less and less weight', () => {
    expect(gatherEvidence(passage('Police seized hashish. Hashish and more hashish.'))).toEqual([
      { theme: 'drugs', term: 'hashish', source: 'text', count: 3, weight: 5 * (1 + Math.log2(3)) },
    ]);
  });

  it('counts the nearest heading fully and the outer ones half, strongest first', () => {
    expect(gatherEvidence(passage('The units were deployed across the city.', ['Third: Crime', '2- Road Safety']))).toEqual([
      { theme: 'road-safety', term: 'road safety', source: 'section', count: 1, weight: 3 },
      { theme: 'crime', term: 'crime', source: 'section', count: 1, weight: 0.75 },
    ]);
  });

  it('matches a phrase whatever its small words, as one piece of evidence', () => {
    expect(gatherEvidence(passage('Embezzlement and misappropriation of public funds.'))).toEqual([
      { theme: 'financial-crime', term: 'embezzlement', source: 'text', count: 1, weight: 5 },
      { theme: 'financial-crime', term: 'misappropriation of public funds', source: 'text', count: 1, weight: 4 },
      { theme: 'communication', term: 'public', source: 'text', count: 1, weight: 1 },
    ]);
  });

  it('gives no evidence for an empty text, white space or text in another script', () => {
    expect(gatherEvidence(passage(''))).toEqual([]);
    expect(gatherEvidence(passage('   ', ['   ']))).toEqual([]);
    expect(gatherEvidence(passage('الشرطة حجزت الحشيش 😀'))).toEqual([]);
  });
});

describe('classify', () => {
  describe('when a paragraph is about drugs', () => {
    it('tags it drugs, with evidence naming the words', () => {
      expect(classify(passage('The police seized 12 tons of cannabis resin and 40 kg of cocaine.'))).toEqual({
        themes: ['drugs'],
        evidence: [
          { theme: 'drugs', term: 'cannabis resin', source: 'text', count: 1, weight: 5 },
          { theme: 'drugs', term: 'cocaine', source: 'text', count: 1, weight: 5 },
        ],
      });
    });

    it('reads compounds and capitals like any other words', () => {
      expect(classify(passage('THE POLICE SEIZED HASHISH.')).themes).toEqual(['drugs']);
      expect(classify(passage('The E-Blagh platform received reports of sextortion.')).themes).toEqual(['cybercrime']);
    });
  });

  describe('when a paragraph names many themes', () => {
    it('gives at most 3, ties going to the order of the taxonomy', () => {
      const text = 'Drug trafficking, money laundering, terrorism, cybercrime and illegal immigration were all targeted.';
      expect(classify(passage(text)).themes).toEqual(['drugs', 'cybercrime', 'migration']);
    });

    it('leaves out a theme with less than half the evidence of the primary', () => {
      expect(classify(passage('Crime fell while seizures of cannabis rose and recruitment of officers grew.')).themes).toEqual([
        'drugs',
        'human-resources',
      ]);
    });
  });

  describe('when a paragraph names a later year', () => {
    it('tags it future-projects, with the year and "will" as evidence', () => {
      expect(classify(passage('The DGSN will open new police stations in 2025.'))).toEqual({
        themes: ['future-projects', 'infrastructure'],
        evidence: [
          { theme: 'future-projects', term: 'a year after 2024', source: 'text', count: 1, weight: 4 },
          { theme: 'infrastructure', term: 'police stations', source: 'text', count: 1, weight: 3 },
          { theme: 'future-projects', term: 'will', source: 'text', count: 1, weight: 1.5 },
        ],
      });
    });

    it('does not count the report year or an earlier one', () => {
      expect(classify(passage('In 2019 and 2024 nothing changed.'))).toEqual({ themes: ['crime'], evidence: [] });
    });
  });

  describe('when the paragraph is under a heading', () => {
    it('takes the heading as context when the text says nothing', () => {
      expect(classify(passage('Officers dismantled a network.', ['Drug Trafficking'])).themes).toEqual(['drugs']);
    });

    it('lets the text decide when its own words say more', () => {
      expect(classify(passage('The police seized cannabis and cocaine at the port.', ['Road Safety'])).themes).toEqual(['drugs']);
    });

    it('lets one specific word of the text outweigh a broad heading', () => {
      expect(classify(passage('In sextortion cases, 508 incidents were recorded.', ['Third: Combating Crime'])).themes[0]).toBe('cybercrime');
    });
  });

  describe('when the passage is French', () => {
    const french = (text: string, sectionPath: string[] = []) => ({ text, sectionPath, year: 2022, language: 'fr' as const });

    it('matches the French keywords, analysed as French, and names them as evidence', () => {
      const { themes, evidence } = classify(french('Le poste de police de Tanger a été rénové, et 42 fonctionnaires licenciés pour faute ont été remplacés.'));
      expect(themes).toEqual(['human-resources', 'infrastructure']);
      expect(evidence.map((item) => `${item.theme}: ${item.term}`)).toEqual(['infrastructure: poste de police', 'human-resources: licenciés', 'human-resources: fonctionnaires']);
    });

    it('never matches an English keyword that a French word looks like', () => {
      const text = 'Les agents en poste à Rabat ont accueilli des stagiaires.';
      expect(classify({ text, sectionPath: [], year: 2022 }).themes).toEqual(['communication']);
      expect(classify(french(text)).evidence.map((item) => item.theme)).toEqual(['human-resources']);
    });

    it('reads French section headings as context', () => {
      expect(classify(french('Les agents en poste à Rabat.', ['Sécurité routière'])).themes).toEqual(['road-safety']);
    });
  });

  describe('when the passage is in a language without keywords', () => {
    it('matches no keyword, not even an English word in it, and falls back to crime', () => {
      expect(classify({ text: 'حجز 12 طنا من hashish', sectionPath: ['Drugs'], year: 2022, language: 'ar' })).toEqual({ themes: ['crime'], evidence: [] });
    });
  });

  describe('when there is no evidence at all', () => {
    it('falls back to crime with empty evidence', () => {
      expect(classify(passage(''))).toEqual({ themes: ['crime'], evidence: [] });
      expect(classify(passage('😀 الأمن'))).toEqual({ themes: ['crime'], evidence: [] });
    });
  });
});
