import { describe, expect, it } from 'vitest';
import { detectKind, detectYear, idFromFileName } from '../../indexer/detect.ts';

describe('detectYear', () => {
  describe('when the title names a year', () => {
    it('takes it, whatever the body says', () => {
      expect(detectYear('DGSN Annual Report 2023', 'In 2024 and 2024 and 2024.')).toBe(2023);
    });

    it('takes the last year of a range', () => {
      expect(detectYear('Report 2019-2020', '')).toBe(2020);
    });
  });

  describe('when only the body names years', () => {
    it('takes the year named most often', () => {
      expect(detectYear(null, 'Crime fell in 2023. In 2024 and 2025 the DGSN will build, and 2024 will be key.')).toBe(2024);
    });

    it('also reads the body when the title names no year', () => {
      expect(detectYear('No Year In This Title', 'Throughout 2021 crime fell.')).toBe(2021);
    });

    it('counts "during the year …" half again', () => {
      expect(detectYear(null, 'In 2021 the plan began. During the year 2020 crime fell.')).toBe(2020);
    });

    it('gives a tie to the earlier mention', () => {
      expect(detectYear(null, 'Figures for 2023 and 2022.')).toBe(2023);
    });

    it('finds a year among right-to-left text and emoji', () => {
      expect(detectYear(null, 'الأمن 2024 😀')).toBe(2024);
    });
  });

  describe('when no year is named', () => {
    it('is null for numbers that are not years', () => {
      expect(detectYear(null, 'Only 19,722,041 visits and 1.948 million cards.')).toBeNull();
      expect(detectYear(null, 'In 1949, 2101, 12024 and 20245.')).toBeNull();
    });

    it('is null for an empty or blank text', () => {
      expect(detectYear(null, '')).toBeNull();
      expect(detectYear('', '   ')).toBeNull();
    });
  });
});

describe('idFromFileName', () => {
  it('makes a lower-case slug of the name without its extension', () => {
    expect(idFromFileName('DGSN Report 2019.txt')).toBe('dgsn-report-2019');
    expect(idFromFileName('dgsn-2024-annual-report.txt')).toBe('dgsn-2024-annual-report');
  });

  it('drops accents and turns any other character into a single hyphen', () => {
    expect(idFromFileName('Rapport Sécurité 2020.md')).toBe('rapport-securite-2020');
    expect(idFromFileName('a.b.c.txt')).toBe('a-b-c');
    expect(idFromFileName('--x--.txt')).toBe('x');
  });

  it('keeps a name without an extension', () => {
    expect(idFromFileName('NoExt')).toBe('noext');
  });

  describe('when nothing of the name is left', () => {
    it('gives "report"', () => {
      expect(idFromFileName('')).toBe('report');
      expect(idFromFileName('.txt')).toBe('report');
      expect(idFromFileName('😀.txt')).toBe('report');
      expect(idFromFileName('التقرير.txt')).toBe('report');
    });
  });
});

describe('detectKind', () => {
  describe('when a short text reports on the DGSN in the third person', () => {
    it.each([
      'Crime fell by 10% in 2024, the DGSN said on Monday.',
      'The directorate revealed that 19 new police structures were created.',
      'According to the annual report, the clear-up rate reached 95%.',
      'The Directorate General of National Security (DGSN) presents its 2024 report, a year of advances.',
      'Selon la DGSN, le taux d’élucidation a atteint 94 %.',
      'La criminalité a reculé de 10 %, indique le rapport.',
      'La DGSN a rendu public son bilan annuel.',
    ])('is a press article: %j', (text) => {
      expect(detectKind(text, 0)).toBe('press-article');
    });
  });

  describe('when a short text carries a news dateline or agency', () => {
    it('is a press article', () => {
      expect(detectKind('RABAT – The police opened 13 new stations in 2024.', 0)).toBe('press-article');
      expect(detectKind('Rabat, Dec. 30 (MAP) - The police opened 13 new stations in 2024.', 0)).toBe('press-article');
    });
  });

  describe('when a short text came with a news page’s furniture', () => {
    it('is a press article', () => {
      expect(detectKind('The police opened 13 new stations in 2024.', 3)).toBe('press-article');
    });
  });

  describe('when a short text speaks for itself, without a press cue', () => {
    it('is an annual report', () => {
      expect(detectKind('Annual Report 2019\n\nDuring the year 2019, the police seized 12 tons of cannabis resin.', 0)).toBe('annual-report');
      expect(detectKind('This report highlights the modernisation of police structures.', 0)).toBe('annual-report');
      expect(detectKind('DGSN – Annual Report 2024\n\nThe police opened 13 new stations.', 0)).toBe('annual-report');
    });
  });

  describe('when the text is long', () => {
    it('is an annual report, whatever cues it has', () => {
      const long = `${'The police opened new stations across the Kingdom. '.repeat(400)}The DGSN said so.`;
      expect(detectKind(long, 5)).toBe('annual-report');
      expect(detectKind(long.slice(0, 2000), 5)).toBe('press-article');
    });
  });

  it('gives an annual report for an empty text', () => {
    expect(detectKind('', 0)).toBe('annual-report');
  });
});
