import { describe, expect, it } from 'vitest';
import { compareVersions, formatLeaf, isShare, leaves } from './studyHistory';

const study = (rd: number, extra: { id: string; value: number }[] = []) => ({
  version: 2,
  updatedAt: '2026-12-07T10:00:00Z',
  studies: [
    {
      id: 'tcs2013',
      source: 'TCS',
      year: 2013,
      sampleSize: 655,
      url: null,
      figures: [{ id: 'tcs2013.readRate.rd', label: 'R&D', value: rd, meaning: 'm' }, ...extra.map((f) => ({ ...f, label: 'x', meaning: 'm' }))],
    },
  ],
  departmentFunctions: [{ departmentId: 'd-1', function: 'rd' }],
});

describe('leaves', () => {
  it('walks records by key, skips the version stamps and keeps the key out of the leaves', () => {
    const all = leaves(study(0.27));
    expect(all.get('studies[tcs2013].figures[tcs2013.readRate.rd].value')).toBe(0.27);
    expect(all.get('studies[tcs2013].url')).toBeNull();
    expect(all.get('departmentFunctions[d-1].function')).toBe('rd');
    expect(all.has('version')).toBe(false);
    expect(all.has('updatedAt')).toBe(false);
    expect(all.has('studies[tcs2013].id')).toBe(false);
    expect(all.has('departmentFunctions[d-1].departmentId')).toBe(false);
  });

  it('keys plain lists by position', () => {
    expect([...leaves({ sources: ['a', 'b'] })]).toEqual([
      ['sources[0]', 'a'],
      ['sources[1]', 'b'],
    ]);
  });
});

describe('compareVersions', () => {
  it('finds nothing between two versions that differ only in their stamps', () => {
    expect(compareVersions({ ...study(0.27), version: 1 }, { ...study(0.27), version: 5, updatedAt: 'later' })).toEqual([]);
  });

  it('names a changed figure with both values', () => {
    expect(compareVersions(study(0.27), study(0.3))).toEqual([
      { path: 'studies[tcs2013].figures[tcs2013.readRate.rd].value', shown: 0.27, current: 0.3 },
    ]);
  });

  it('says what only one side has, without reading a later figure as changed', () => {
    const old = study(0.27, [{ id: 'a', value: 0.1 }, { id: 'b', value: 0.2 }]);
    const now = study(0.27, [{ id: 'b', value: 0.2 }, { id: 'c', value: 0.5 }]);
    const paths = compareVersions(old, now).map((c) => [c.path, c.shown, c.current]);
    expect(paths).toEqual([
      ['studies[tcs2013].figures[a].value', 0.1, undefined],
      ['studies[tcs2013].figures[a].label', 'x', undefined],
      ['studies[tcs2013].figures[a].meaning', 'm', undefined],
      ['studies[tcs2013].figures[c].value', undefined, 0.5],
      ['studies[tcs2013].figures[c].label', undefined, 'x'],
      ['studies[tcs2013].figures[c].meaning', undefined, 'm'],
    ]);
  });

  it('compares the return model field by field', () => {
    const model = { version: 1, currency: 'EUR', hourlyCost: 50, minutesPerAction: { read: 1 }, sources: ['s'] };
    expect(compareVersions(model, { ...model, version: 2, hourlyCost: 64.5, sources: [] })).toEqual([
      { path: 'hourlyCost', shown: 50, current: 64.5 },
      { path: 'sources[0]', shown: 's', current: undefined },
    ]);
  });
});

describe('formatLeaf', () => {
  it('shows a figure value as a percentage and other numbers plainly, in the language', () => {
    expect(isShare('studies[x].figures[x.a].value')).toBe(true);
    expect(isShare('hourlyCost')).toBe(false);
    expect(formatLeaf(0.275, 'studies[x].figures[x.a].value', 'en', '-')).toBe('27.5%');
    expect(formatLeaf(0.275, 'studies[x].figures[x.a].value', 'de', '-')).toBe('27,5\u00a0%');
    expect(formatLeaf(1234.5, 'hourlyCost', 'de', '-')).toBe('1234,5');
    expect(formatLeaf(2013, 'studies[x].year', 'en', '-')).toBe('2013');
  });

  it('shows nothing and null as the absent text', () => {
    expect(formatLeaf(undefined, 'a', 'en', '(none)')).toBe('(none)');
    expect(formatLeaf(null, 'a', 'en', '(none)')).toBe('(none)');
    expect(formatLeaf('EUR', 'currency', 'en', '(none)')).toBe('EUR');
  });
});
