import { describe, expect, it } from 'vitest';
import type { BenchmarksDocument, ReturnModel } from '../../api/types';
import {
  benchmarksFromForm,
  benchmarksToForm,
  departmentField,
  errorsByField,
  fieldOfPath,
  parseNumber,
  percentToShare,
  returnModelFromForm,
  returnModelToForm,
  shareToPercent,
} from './analyticsModel';

const model: ReturnModel = {
  version: 3,
  currency: 'EUR',
  hourlyCost: 62.5,
  minutesPerAction: { read: 1.5, reply: 6, tag: 0.5, forward: 1, insight: 10, resolve: 2 },
  valuePerOutcome: { insight: 250, resolvedComplaint: 80, replyWithinSla: 12 },
  sources: ['Eurostat 2024 labour cost', 'Our time study'],
};

const document: BenchmarksDocument = {
  version: 2,
  updatedAt: '2026-12-01T00:00:00Z',
  studies: [
    {
      id: 'tcs2013',
      source: 'TCS',
      year: 2013,
      sampleSize: 655,
      url: null,
      figures: [
        { id: 'tcs2013.readRate.rd', label: 'R&D', value: 0.27, meaning: '27% read' },
        { id: 'tcs2013.roi.positive.laggards', label: 'Laggards', value: 0.17, meaning: '17%' },
      ],
    },
  ],
  departmentFunctions: [{ departmentId: 'd-2', function: 'pm' }],
};

describe('percent and share', () => {
  it('shows shares as percentages without floating-point noise', () => {
    expect(shareToPercent(0.27)).toBe('27');
    expect(shareToPercent(0.07)).toBe('7');
    expect(shareToPercent(0.585)).toBe('58.5');
    expect(shareToPercent(0)).toBe('0');
    expect(shareToPercent(1)).toBe('100');
  });

  it('reads percentages back as shares, a German comma too, and nothing readable as null', () => {
    expect(percentToShare('27')).toBe(0.27);
    expect(percentToShare('58,5')).toBe(0.585);
    expect(percentToShare(' 17 ')).toBe(0.17);
    expect(percentToShare('')).toBeNull();
    expect(percentToShare('abc')).toBeNull();
    // Out of range stays out of range: the server names it rather than the client clamping it.
    expect(percentToShare('2700')).toBe(27);
  });

  it('round-trips every percentage with two decimals', () => {
    for (let hundredths = 0; hundredths <= 10000; hundredths += 7) {
      const share = hundredths / 10000;
      expect(percentToShare(shareToPercent(share))).toBe(Number(share.toPrecision(12)));
    }
  });

  it('parses numbers, empty and junk as null', () => {
    expect(parseNumber('-5')).toBe(-5);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('  ')).toBeNull();
    expect(parseNumber('x')).toBeNull();
  });
});

describe('the return model form', () => {
  it('round-trips the model with the version read and one source per line', () => {
    const form = returnModelToForm(model);
    expect(form.hourlyCost).toBe('62.5');
    expect(form.sources).toBe('Eurostat 2024 labour cost\nOur time study');
    expect(returnModelFromForm(form, model.version)).toEqual(model);
  });

  it('drops empty source lines and sends unreadable numbers as null', () => {
    const form = { ...returnModelToForm(model), hourlyCost: '', sources: '  A  \n\n\r\nB\n' };
    const body = returnModelFromForm({ ...form, minutesPerAction: { ...form.minutesPerAction, reply: 'x' } }, 4);
    expect(body.version).toBe(4);
    expect(body.hourlyCost).toBeNull();
    expect(body.minutesPerAction.reply).toBeNull();
    expect(body.sources).toEqual(['A', 'B']);
  });
});

describe('the benchmarks form', () => {
  it('round-trips the document, figures as percentages', () => {
    const form = benchmarksToForm(document);
    expect(form.studies[0].figures.map((f) => f.percent)).toEqual(['27', '17']);
    expect(form.studies[0].url).toBe('');
    expect(form.functions).toEqual({ 'd-2': 'pm' });
    const body = benchmarksFromForm(form, document.version, ['d-1', 'd-2']);
    const { updatedAt: _ignored, ...sent } = document;
    expect(body).toEqual(sent);
  });

  it('sends assignments in the listed order and keeps one for a department not listed', () => {
    const form = benchmarksToForm({ ...document, departmentFunctions: [{ departmentId: 'gone', function: 'sales' }] });
    form.functions['d-3'] = 'marketing';
    form.functions['d-1'] = 'rd';
    expect(benchmarksFromForm(form, 2, ['d-1', 'd-2', 'd-3']).departmentFunctions).toEqual([
      { departmentId: 'd-1', function: 'rd' },
      { departmentId: 'd-3', function: 'marketing' },
      { departmentId: 'gone', function: 'sales' },
    ]);
  });

  it('shows a function code it does not know as the name guess', () => {
    const form = benchmarksToForm({ ...document, departmentFunctions: [{ departmentId: 'd-1', function: 'finance' }] });
    expect(form.functions).toEqual({});
  });

  it('sends an empty year, sample size and url as null', () => {
    const form = benchmarksToForm(document);
    form.studies[0] = { ...form.studies[0], year: '', sampleSize: '', url: '  ' };
    const study = benchmarksFromForm(form, 2, []).studies[0];
    expect([study.year, study.sampleSize, study.url]).toEqual([null, null, null]);
  });
});

describe('server errors by form field', () => {
  const sent = [
    { departmentId: 'd-1', function: 'rd' as const },
    { departmentId: 'd-3', function: 'marketing' as const },
  ];

  it('maps JSON paths to the inputs that show them', () => {
    expect(fieldOfPath('hourlyCost')).toBe('hourlyCost');
    expect(fieldOfPath('minutesPerAction.reply')).toBe('minutesPerAction.reply');
    expect(fieldOfPath('sources[3]')).toBe('sources');
    expect(fieldOfPath('studies[0].figures[1].value')).toBe('studies[0].figures[1].value');
    expect(fieldOfPath('departmentFunctions[1].function', sent)).toBe(departmentField('d-3'));
    expect(fieldOfPath('departmentFunctions[0].departmentId', sent)).toBe(departmentField('d-1'));
    expect(fieldOfPath('departmentFunctions[0]', sent)).toBe(departmentField('d-1'));
    expect(fieldOfPath('departmentFunctions[7].function', sent)).toBe('departmentFunctions');
  });

  it('groups the messages by field without the path prefix', () => {
    expect(
      errorsByField(
        {
          hourlyCost: ['hourlyCost: The value must be between 0 and 10000.'],
          'sources[0]': ['sources[0]: A source is a text of 1 to 1000 characters.'],
          'sources[2]': ['sources[2]: A source is a text of 1 to 1000 characters.'],
          'departmentFunctions[1].function': ['departmentFunctions[1].function: Unknown function "x".'],
          version: ['Plain message'],
        },
        sent,
      ),
    ).toEqual({
      hourlyCost: ['The value must be between 0 and 10000.'],
      sources: ['A source is a text of 1 to 1000 characters.', 'A source is a text of 1 to 1000 characters.'],
      [departmentField('d-3')]: ['Unknown function "x".'],
      version: ['Plain message'],
    });
    expect(errorsByField(undefined)).toEqual({});
  });
});
