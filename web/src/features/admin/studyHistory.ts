import type { Lang } from '../../i18n';

/** A value at the end of a path through a JSON document. */
export type Leaf = string | number | boolean | null;

/** One place where an old version differs from the version in force; `undefined` where one of them has nothing there. */
export interface DocumentChange {
  path: string;
  shown: Leaf | undefined;
  current: Leaf | undefined;
}

/** Fields every version has its own of: they differ always and say nothing about the content. */
const STAMPS = new Set(['version', 'updatedAt']);

/** Fields that key an array's records, so a reordered or removed entry is not read as every later one changing. */
const KEYS = ['id', 'departmentId'];

/** The field an array element is keyed by and its value; by position when it is not a record with a key. */
function keyOf(element: unknown, index: number): { field: string | null; key: string } {
  if (element && typeof element === 'object' && !Array.isArray(element)) {
    const record = element as Record<string, unknown>;
    for (const field of KEYS) {
      const key = record[field];
      if (typeof key === 'string' && key !== '') return { field, key };
    }
  }
  return { field: null, key: String(index) };
}

/**
 * Every leaf of a JSON document by path (`studies[tcs2013].figures[tcs2013.silos].value`), in document order; a
 * record's key is in its path, not a leaf of its own.
 */
export function leaves(value: unknown, path = '', out = new Map<string, Leaf>(), skip: string | null = null): Map<string, Leaf> {
  if (Array.isArray(value)) {
    value.forEach((element, i) => {
      const { field, key } = keyOf(element, i);
      leaves(element, `${path}[${key}]`, out, field);
    });
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if ((path === '' && STAMPS.has(key)) || key === skip) continue;
      leaves(child, path ? `${path}.${key}` : key, out);
    }
  } else {
    out.set(path, (value ?? null) as Leaf);
  }
  return out;
}

/** What differs between an old version and the one in force, the old version's order first, then what only the current has. */
export function compareVersions(shown: unknown, current: unknown): DocumentChange[] {
  const a = leaves(shown);
  const b = leaves(current);
  const changes: DocumentChange[] = [];
  for (const [path, value] of a) {
    if (!b.has(path) || !Object.is(b.get(path), value)) changes.push({ path, shown: value, current: b.get(path) });
  }
  for (const [path, value] of b) {
    if (!a.has(path)) changes.push({ path, shown: undefined, current: value });
  }
  return changes;
}

/** A benchmark figure's value is a share (0–1) and is shown as a percentage, as the editor does. */
export function isShare(path: string): boolean {
  return /^studies\[[^\]]*\]\.figures\[[^\]]*\]\.value$/.test(path);
}

/** A leaf as the comparison shows it: shares as percentages and numbers in the user's language; `absent` where nothing is. */
export function formatLeaf(value: Leaf | undefined, path: string, lang: Lang, absent: string): string {
  if (value === undefined || value === null || value === '') return absent;
  if (typeof value === 'number') {
    const locale = lang === 'de' ? 'de-DE' : 'en-GB';
    return isShare(path)
      ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value)
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: false }).format(value); // a year is not 2,013
  }
  return String(value);
}
