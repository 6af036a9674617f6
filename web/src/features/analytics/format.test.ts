import { describe, expect, it } from 'vitest';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';
import type { BenchmarkFigureRef } from '../../api/types';
import { benchmarkName, channelUse, shortSource, formatDay, formatMetric, formatMinutes, formatMinutesShort, formatRate, nextStepText, reasonText } from './format';

const benchmarks: BenchmarkFigureRef[] = [
  { id: 'tcs2013.readRate.rd', label: 'R&D departments reading social feedback', value: 0.27, source: 'TCS 2013' },
  { id: 'tcs2013.readRate.pm', label: 'Product management reading social feedback', value: 0.37, source: 'TCS 2013' },
  { id: 'tcs2013.channel.blogs.leaders', label: 'Leaders using blogs', value: 0.81, source: 'TCS 2013' },
  { id: 'tcs2013.channel.blogs.laggards', label: 'Laggards using blogs', value: 0.5, source: 'TCS 2013' },
  { id: 'other.study.x', label: 'Some other figure', value: 0.5, source: 'Other 2025' },
];

const pct = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

describe('formatMinutes', () => {
  it('writes minutes, hours and days', () => {
    expect(formatMinutes(125, en.analytics)).toBe('2 h 5 min');
    expect(formatMinutes(120, en.analytics)).toBe('2 h');
    expect(formatMinutes(45, en.analytics)).toBe('45 min');
    expect(formatMinutes(59.6, en.analytics)).toBe('1 h');
    expect(formatMinutes(0.4, en.analytics)).toBe('< 1 min');
    expect(formatMinutes(27 * 60 + 10, en.analytics)).toBe('1 d 3 h');
    expect(formatMinutes(48 * 60, en.analytics)).toBe('2 d');
    expect(formatMinutes(125, de.analytics)).toBe('2 Std. 5 Min.');
  });

  it('says "not measurable" for nothing', () => {
    expect(formatMinutes(null, en.analytics)).toBe('not measurable');
    expect(formatMinutes(undefined, de.analytics)).toBe('nicht messbar');
    expect(formatMinutes(-3, en.analytics)).toBe('not measurable');
  });
});

describe('formatMinutesShort', () => {
  it('rounds axis ticks to one unit', () => {
    expect(formatMinutesShort(45, en.analytics)).toBe('45 min');
    expect(formatMinutesShort(125, en.analytics)).toBe('2 h');
    expect(formatMinutesShort(50 * 60, de.analytics)).toBe('2 T.');
  });
});

describe('formatRate', () => {
  it('writes a share as a whole percent in the language', () => {
    expect(formatRate(0.27, 'en', en.analytics)).toBe('27%');
    expect(pct(formatRate(0.27, 'de', de.analytics))).toBe('27 %');
    expect(formatRate(0, 'en', en.analytics)).toBe('0%');
    expect(formatRate(1, 'en', en.analytics)).toBe('100%');
    expect(formatRate(0.375, 'en', en.analytics)).toBe('38%');
    expect(formatRate(null, 'en', en.analytics)).toBe('not measurable');
  });
});

describe('formatMetric', () => {
  it('picks the unit from the metric', () => {
    expect(formatMetric('firstResponseMedian', 125, 'en', en.analytics)).toBe('2 h 5 min');
    expect(formatMetric('firstResponse.medianMinutes', 30, 'en', en.analytics)).toBe('30 min');
    expect(formatMetric('resolvedRate', 0.5, 'en', en.analytics)).toBe('50%');
    expect(formatMetric('readRate', 0.22, 'en', en.analytics)).toBe('22%');
    expect(formatMetric('netReturn', 1234.4, 'en', en.analytics)).toBe('€1,234');
  });
});

describe('formatDay', () => {
  it('reads the day as a calendar day', () => {
    expect(formatDay('2026-03-29', 'en')).toBe('29 Mar');
    expect(formatDay('2026-03-29', 'de')).toBe('29. März');
    expect(formatDay('nonsense', 'en')).toBe('nonsense');
  });
});

describe('reasonText', () => {
  it('words a reason below the baseline with both figures and the source', () => {
    const reason = { code: 'readRate.belowBaseline', metric: 'readRate', value: 0.22, baseline: 0.27, benchmarkId: 'tcs2013.readRate.rd' };
    expect(reasonText(reason, benchmarks, 'en', en.analytics)).toBe('Read rate 22% is below the R&D baseline (TCS 2013) of 27%.');
    expect(pct(reasonText(reason, benchmarks, 'de', de.analytics))).toBe(
      'Lesequote 22 % liegt unter dem Wert für F&E-Vergleichswert (TCS 2013) von 27 %.',
    );
  });

  it('takes the direction from the figures when the code does not say it, and the baseline from the benchmarks', () => {
    const reason = { code: 'x', metric: 'readRate', value: 0.4, baseline: null, benchmarkId: 'tcs2013.readRate.pm' };
    expect(reasonText(reason, benchmarks, 'en', en.analytics)).toBe(
      'Read rate 40% is at or above the product management baseline (TCS 2013) of 37%.',
    );
  });

  it('names an unknown study figure by its label', () => {
    const reason = { code: 'below', metric: 'readRate', value: 0.1, baseline: 0.5, benchmarkId: 'other.study.x' };
    expect(reasonText(reason, benchmarks, 'en', en.analytics)).toBe('Read rate 10% is below the Some other figure (Other 2025) of 50%.');
  });

  it('gives just the figure without a baseline', () => {
    const reason = { code: 'noItems', metric: 'readRate', value: null, baseline: null, benchmarkId: null };
    expect(reasonText(reason, benchmarks, 'en', en.analytics)).toBe('Read rate: not measurable.');
  });
});

describe('reasonText with the maturity model’s codes', () => {
  it('words the leaders’ line and the reasons without figures', () => {
    const between = { code: 'readRate.belowLeaders', metric: 'readRate', value: 0.3, baseline: 0.635, benchmarkId: 'tcs2013.readRate.rd' };
    expect(reasonText(between, benchmarks, 'en', en.analytics)).toBe(
      'Read rate 30% is above the laggards’ line but below the leaders’ line of 64% (from the R&D baseline (TCS 2013)).',
    );
    const top = { code: 'sharedBothActedRate.leaderLevel', metric: 'sharedBothActedRate', value: 0.8, baseline: 0.71, benchmarkId: null };
    expect(reasonText(top, benchmarks, 'en', en.analytics)).toBe(
      'Shared items both departments acted on 80% reaches the leaders’ line of 71% (from the study’s baseline).',
    );
    const silos = { code: 'sharedBothActedRate.belowBaseline', metric: 'sharedBothActedRate', value: 0.16, baseline: 0.42, benchmarkId: 'tcs2013.silos' };
    expect(reasonText(silos, [...benchmarks, { id: 'tcs2013.silos', label: 'x', value: 0.58, source: 'TCS 2013' }], 'en', en.analytics)).toBe(
      'Shared items both departments acted on 16% is below the laggards’ line of 42% (from the share handling feedback in silos (TCS 2013)).',
    );
    const ratio = { code: 'returnRatio.belowBaseline', metric: 'returnRatio', value: 0.8, baseline: 1, benchmarkId: null };
    expect(reasonText(ratio, benchmarks, 'en', en.analytics)).toBe('Return (value per unit of cost) 0.8 is below the study’s baseline of 1.');
    expect(reasonText({ code: 'nothingRouted', metric: 'readRate', value: null, baseline: null, benchmarkId: null }, benchmarks, 'de', de.analytics)).toBe(
      'In diesem Zeitraum wurde der Abteilung nichts zugeordnet.',
    );
  });
});

describe('shortSource', () => {
  it('keeps short sources and shortens long citations to their last parenthesis', () => {
    expect(shortSource('TCS 2013')).toBe('TCS 2013');
    expect(
      shortSource('Tata Consultancy Services, "Mastering Digital Feedback: How the Best Consumer Companies Use Social Media" (TCS Global Trend Study, 2013)'),
    ).toBe('TCS Global Trend Study, 2013');
    expect(shortSource('x'.repeat(50))).toBe(`${'x'.repeat(39)}…`);
    expect(
      shortSource('Tata Consultancy Services, "Mastering Digital Feedback" (TCS Global Trend Study, 2013) (2013)'),
    ).toBe('TCS Global Trend Study, 2013');
    expect(shortSource('Some very long organisation name, a long title of the study (2019)')).toBe('Some very long organisation name 2019');
  });
});

describe('nextStepText', () => {
  it('says which stage the step reaches', () => {
    const step = { code: 'readRate.reachFollower', metric: 'readRate', target: 0.3101, benchmarkId: 'tcs2013.readRate.rd' };
    expect(nextStepText(step, benchmarks, 'en', en.analytics)).toBe('To become a follower: raise read rate to 31% (R&D baseline (TCS 2013)).');
    expect(pct(nextStepText({ ...step, code: 'readRate.reachLeaders', target: 0.635 }, benchmarks, 'de', de.analytics))).toBe(
      'Als Nächstes: Lesequote auf die Linie der Vorreiter von 64 % steigern (F&E-Vergleichswert (TCS 2013)).',
    );
  });

  it('says what to raise and to what', () => {
    const step = { code: 'raiseReadRate', metric: 'readRate', target: 0.37, benchmarkId: 'tcs2013.readRate.pm' };
    expect(nextStepText(step, benchmarks, 'en', en.analytics)).toBe('Raise read rate to 37% (product management baseline (TCS 2013)).');
  });

  it('brings durations down', () => {
    const step = { code: 'step', metric: 'firstResponseMedian', target: 240, benchmarkId: null };
    expect(nextStepText(step, benchmarks, 'de', de.analytics)).toBe(
      'Erste Antwort (Median) auf 4 Std. senken (Vergleichswert der Studie).',
    );
  });
});

describe('channelUse', () => {
  it('finds the study’s channel-use figure for a group', () => {
    expect(channelUse('blogs', 'leaders', benchmarks)?.value).toBe(0.81);
    expect(channelUse('blogs', 'laggards', benchmarks)?.value).toBe(0.5);
    expect(channelUse('video', 'leaders', benchmarks)).toBeNull();
  });

  it('names benchmarks without an id as the study’s baseline', () => {
    expect(benchmarkName(null, benchmarks, en.analytics)).toBe('study’s baseline');
  });
});
