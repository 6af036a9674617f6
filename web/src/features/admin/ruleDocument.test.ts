import { describe, expect, it } from 'vitest';
import {
  applyForm,
  conditionSummary,
  draftKey,
  fieldFor,
  fields,
  formFields,
  normalizePath,
  parseDocument,
  parseNumber,
  placeErrors,
  toForm,
  type RuleDocument,
} from './ruleDocument';

/** The shape GET /api/admin/rules answers (trimmed to two rules and one badge). */
function doc(): RuleDocument {
  return {
    format: 3,
    version: 3,
    rules: [
      { id: 'read', action: 'read', category: 'listening', points: 1, reason: "Read a customer's feedback" },
      {
        id: 'reply-sla',
        action: 'reply',
        category: 'responding',
        points: 5,
        reason: 'Replied within the SLA',
        when: { withinSlaMinutes: 60, channels: ['x'] },
      },
    ],
    multipliers: { firstResponder: 2.0, negativeResolved: 1.5 },
    limits: { dailyCap: { listening: 30, responding: 150 }, diminishAfter: 20, diminishFactor: 0.5, cooldownMinutes: 2 },
    sharedCredit: { share: 0.25 },
    antiGaming: { minReadSeconds: 3, burstCount: 6, burstWindowSeconds: 60 },
    levelCurve: { kind: 'exponential', base: 100, growth: 1.2 },
    badges: [{ id: 'first-listener', name: 'First Listener', tier: 'bronze', secret: false, criterion: { kind: 'firstEver', action: 'read' } }],
  };
}

describe('form <-> document', () => {
  it('round-trips an untouched form to the same document, key for key', () => {
    const original = doc();
    const { doc: again, errors } = applyForm(original, toForm(original));
    expect(errors).toEqual({});
    expect(again).toEqual(original);
    expect(draftKey(again)).toBe(draftKey(original));
  });

  it('shows uncapped categories as empty and keeps them uncapped', () => {
    const form = toForm(doc());
    expect(form.caps).toEqual({ listening: '30', responding: '150', insight: '', collaboration: '' });
    expect(applyForm(doc(), form).doc.limits.dailyCap).toEqual({ listening: 30, responding: 150 });
  });

  it('writes edited values into the document and leaves the rest alone', () => {
    const form = toForm(doc());
    form.rules[0].points = '2';
    form.caps.listening = '';
    form.caps.insight = '80';
    form.share = '0,5';
    form.curveKind = 'table';
    form.curveTable = '0, 100 250;600';

    const { doc: edited, errors } = applyForm(doc(), form);

    expect(errors).toEqual({});
    expect(edited.rules[0].points).toBe(2);
    expect(edited.rules[1]).toEqual(doc().rules[1]); // conditions survive
    expect(edited.limits.dailyCap).toEqual({ responding: 150, insight: 80 });
    expect(edited.sharedCredit.share).toBe(0.5);
    expect(edited.levelCurve).toEqual({ kind: 'table', base: 100, growth: 1.2, table: [0, 100, 250, 600] });
    expect(edited.badges).toEqual(doc().badges);
  });

  it('passes out-of-range numbers on for the server to judge', () => {
    const form = toForm(doc());
    form.caps.listening = '-5';
    expect(applyForm(doc(), form).doc.limits.dailyCap.listening).toBe(-5);
  });

  it('names the fields it cannot read and keeps their old values', () => {
    const form = toForm(doc());
    form.rules[1].points = '2.5';
    form.firstResponder = '';
    form.cooldownMinutes = 'soon';
    form.curveTable = '0, ten';

    const { doc: edited, errors } = applyForm(doc(), form);

    expect(errors).toEqual({
      'rules[1].points': 'wholeNumber',
      'multipliers.firstResponder': 'required',
      'limits.cooldownMinutes': 'wholeNumber',
      'levelCurve.table': 'numberList',
    });
    expect(edited.rules[1].points).toBe(5);
    expect(edited.multipliers.firstResponder).toBe(2);
  });

  it('does not change the document it was given', () => {
    const base = doc();
    const form = toForm(base);
    form.rules[0].points = '9';
    form.caps.listening = '';
    applyForm(base, form);
    expect(base).toEqual(doc());
  });
});

describe('parseNumber', () => {
  it.each([
    ['3', true, 3],
    [' 12 ', true, 12],
    ['-5', true, -5],
    ['1.5', false, 1.5],
    ['1,25', false, 1.25],
    ['.5', false, 0.5],
  ])('reads %j', (input, whole, value) => {
    expect(parseNumber(input, whole)).toEqual({ ok: true, value });
  });

  it.each([
    ['', true, 'required'],
    ['1.5', true, 'wholeNumber'],
    ['abc', false, 'number'],
    ['1e400', false, 'number'],
    ['0x10', true, 'wholeNumber'],
  ])('refuses %j', (input, whole, problem) => {
    expect(parseNumber(input, whole)).toEqual({ ok: false, problem });
  });
});

describe('validator paths', () => {
  it('lower-cases every name and bracketed category', () => {
    expect(normalizePath('Rules[0].Points')).toBe('rules[0].points');
    expect(normalizePath('Limits.DailyCap[Listening]')).toBe('limits.dailyCap[listening]');
    expect(normalizePath('AntiGaming.BurstWindowSeconds')).toBe('antiGaming.burstWindowSeconds');
    expect(normalizePath('LevelCurve.Table[2]')).toBe('levelCurve.table[2]');
  });

  it('finds the nearest field the form shows', () => {
    const known = formFields(doc());
    expect(fieldFor('Limits.DailyCap[Listening]', known)).toBe(fields.cap('listening'));
    expect(fieldFor('Rules[1].Points', known)).toBe('rules[1].points');
    expect(fieldFor('Rules[1].When.WithinSlaMinutes', known)).toBe('rules[1]');
    expect(fieldFor('LevelCurve.Table[0]', known)).toBe('levelCurve.table');
    expect(fieldFor('Badges[0].Name', known)).toBeNull();
    expect(fieldFor('Limits.DailyCap[7]', known)).toBeNull();
    expect(fieldFor('body', known)).toBeNull();
  });

  it('places problem details errors and drops the path prefix the server adds', () => {
    const placed = placeErrors(
      {
        'Limits.DailyCap[Listening]': ['Limits.DailyCap[Listening]: Daily cap must not be negative (-5).'],
        'Badges[0].Name': ['Badges[0].Name: Badge name must not be empty.'],
        body: ['Unsupported rule set format 7.'],
      },
      formFields(doc()),
    );
    expect(placed).toEqual([
      { path: 'Limits.DailyCap[Listening]', message: 'Daily cap must not be negative (-5).', field: 'limits.dailyCap[listening]' },
      { path: 'Badges[0].Name', message: 'Badge name must not be empty.', field: null },
      { path: 'body', message: 'Unsupported rule set format 7.', field: null },
    ]);
  });
});

describe('parseDocument', () => {
  it('reads a whole document', () => {
    const result = parseDocument(JSON.stringify(doc()));
    expect(result.ok && result.doc).toEqual(doc());
  });

  it('says what is wrong with text that is not a rule set', () => {
    expect(parseDocument('{').ok).toBe(false);
    expect(parseDocument('[]')).toEqual({ ok: false, message: 'not an object' });
    const { limits: _limits, ...partial } = doc();
    void _limits;
    expect(parseDocument(JSON.stringify(partial))).toEqual({ ok: false, message: 'missing limits' });
  });
});

describe('conditionSummary', () => {
  it('names a rule that pays only with or only without an earlier reply, and anything else as conditions', () => {
    expect(conditionSummary(undefined)).toBe('always');
    expect(conditionSummary(null)).toBe('always');
    expect(conditionSummary({ channels: [] })).toBe('always');
    expect(conditionSummary({ answered: true })).toBe('answered');
    expect(conditionSummary({ answered: false, channels: [] })).toBe('unanswered');
    expect(conditionSummary({ answered: true, channels: ['x'] })).toBe('other');
    expect(conditionSummary({ withinSlaMinutes: 60 })).toBe('other');
  });
});
