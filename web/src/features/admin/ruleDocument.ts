/**
 * The rule set document (format 3, docs/api.md) and the editor's form over it. Pure: the form keeps what the admin
 * typed as text, {@link applyForm} turns it back into a document, and validator paths from the server
 * ("Limits.DailyCap[Listening]") are matched to the form's fields ("limits.dailyCap[listening]").
 */

import type { RuleDocument } from '../../api/types';

export type { RuleDocument };

export const CATEGORIES = ['listening', 'responding', 'insight', 'collaboration'] as const;
export const CURVE_KINDS = ['linear', 'exponential', 'table'] as const;

/** What the admin typed, field by field. Rule rows line up with the document's rules by index. */
export interface RuleForm {
  rules: { points: string; reason: string }[];
  firstResponder: string;
  negativeResolved: string;
  /** Per category; empty means no cap. */
  caps: Record<string, string>;
  diminishAfter: string;
  diminishFactor: string;
  cooldownMinutes: string;
  share: string;
  minReadSeconds: string;
  burstCount: string;
  burstWindowSeconds: string;
  curveKind: string;
  curveBase: string;
  curveGrowth: string;
  /** Cumulative XP per level, separated by commas or spaces. */
  curveTable: string;
}

/** Form field keys: the validator's paths with camelCase segments. */
export const fields = {
  rulePoints: (i: number) => `rules[${i}].points`,
  ruleReason: (i: number) => `rules[${i}].reason`,
  rule: (i: number) => `rules[${i}]`,
  firstResponder: 'multipliers.firstResponder',
  negativeResolved: 'multipliers.negativeResolved',
  cap: (category: string) => `limits.dailyCap[${category.toLowerCase()}]`,
  diminishAfter: 'limits.diminishAfter',
  diminishFactor: 'limits.diminishFactor',
  cooldownMinutes: 'limits.cooldownMinutes',
  share: 'sharedCredit.share',
  minReadSeconds: 'antiGaming.minReadSeconds',
  burstCount: 'antiGaming.burstCount',
  burstWindowSeconds: 'antiGaming.burstWindowSeconds',
  curveKind: 'levelCurve.kind',
  curveBase: 'levelCurve.base',
  curveGrowth: 'levelCurve.growth',
  curveTable: 'levelCurve.table',
} as const;

/** Why a typed value cannot go into the document; the page words it in the admin's language. */
export type InputProblem = 'required' | 'wholeNumber' | 'number' | 'numberList';

export type FormErrors = Record<string, InputProblem>;

/** What a rule's `when` says, for the form's summary: nothing, only "answered" (true or false), or anything else. */
export type ConditionSummary = 'always' | 'answered' | 'unanswered' | 'other';

export function conditionSummary(when: RuleDocument['rules'][number]['when']): ConditionSummary {
  const set = Object.entries(when ?? {}).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
  if (set.length === 0) return 'always';
  if (set.length === 1 && set[0][0] === 'answered' && typeof set[0][1] === 'boolean') return set[0][1] ? 'answered' : 'unanswered';
  return 'other';
}

/** Categories the form offers a cap for: the known ones and any other the document caps. */
export function capCategories(doc: RuleDocument): string[] {
  const extra = Object.keys(doc.limits?.dailyCap ?? {}).filter((c) => !(CATEGORIES as readonly string[]).includes(c));
  return [...CATEGORIES, ...extra];
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

export function toForm(doc: RuleDocument): RuleForm {
  const caps: Record<string, string> = {};
  for (const category of capCategories(doc)) caps[category] = text(doc.limits?.dailyCap?.[category]);
  return {
    rules: (doc.rules ?? []).map((r) => ({ points: text(r.points), reason: text(r.reason) })),
    firstResponder: text(doc.multipliers?.firstResponder),
    negativeResolved: text(doc.multipliers?.negativeResolved),
    caps,
    diminishAfter: text(doc.limits?.diminishAfter),
    diminishFactor: text(doc.limits?.diminishFactor),
    cooldownMinutes: text(doc.limits?.cooldownMinutes),
    share: text(doc.sharedCredit?.share),
    minReadSeconds: text(doc.antiGaming?.minReadSeconds),
    burstCount: text(doc.antiGaming?.burstCount),
    burstWindowSeconds: text(doc.antiGaming?.burstWindowSeconds),
    curveKind: text(doc.levelCurve?.kind),
    curveBase: text(doc.levelCurve?.base),
    curveGrowth: text(doc.levelCurve?.growth),
    curveTable: (doc.levelCurve?.table ?? []).join(', '),
  };
}

type Parsed = { ok: true; value: number } | { ok: false; problem: InputProblem };

/** A number as typed (either decimal mark); range checks are the server validator's. */
export function parseNumber(input: string, whole: boolean): Parsed {
  const trimmed = input.trim().replace(',', '.');
  if (trimmed === '') return { ok: false, problem: 'required' };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return { ok: false, problem: whole ? 'wholeNumber' : 'number' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, problem: 'number' };
  if (whole && !Number.isInteger(value)) return { ok: false, problem: 'wholeNumber' };
  return { ok: true, value };
}

export function parseNumberList(input: string): number[] | null {
  const parts = input.split(/[\s,;]+/).filter((p) => p !== '');
  const values: number[] = [];
  for (const part of parts) {
    const parsed = parseNumber(part, true);
    if (!parsed.ok) return null;
    values.push(parsed.value);
  }
  return values;
}

/**
 * The document with the form's values in it. A value that cannot be read keeps the document's value and is named in
 * `errors`, so the draft stays whole (e.g. for the JSON view) but must not be sent while `errors` has entries.
 */
export function applyForm(base: RuleDocument, form: RuleForm): { doc: RuleDocument; errors: FormErrors } {
  const doc = structuredClone(base);
  const errors: FormErrors = {};

  const number = (input: string, key: string, whole: boolean, set: (n: number) => void) => {
    const parsed = parseNumber(input, whole);
    if (parsed.ok) set(parsed.value);
    else errors[key] = parsed.problem;
  };

  doc.rules = (doc.rules ?? []).map((rule, i) => {
    const row = form.rules[i];
    if (!row) return rule;
    const next = { ...rule, reason: row.reason };
    number(row.points, fields.rulePoints(i), true, (n) => (next.points = n));
    return next;
  });

  doc.multipliers = { ...doc.multipliers };
  number(form.firstResponder, fields.firstResponder, false, (n) => (doc.multipliers.firstResponder = n));
  number(form.negativeResolved, fields.negativeResolved, false, (n) => (doc.multipliers.negativeResolved = n));

  doc.limits = { ...doc.limits, dailyCap: { ...(doc.limits?.dailyCap ?? {}) } };
  for (const [category, input] of Object.entries(form.caps)) {
    if (input.trim() === '') delete doc.limits.dailyCap[category];
    else number(input, fields.cap(category), true, (n) => (doc.limits.dailyCap[category] = n));
  }
  number(form.diminishAfter, fields.diminishAfter, true, (n) => (doc.limits.diminishAfter = n));
  number(form.diminishFactor, fields.diminishFactor, false, (n) => (doc.limits.diminishFactor = n));
  number(form.cooldownMinutes, fields.cooldownMinutes, true, (n) => (doc.limits.cooldownMinutes = n));

  doc.sharedCredit = { ...doc.sharedCredit };
  number(form.share, fields.share, false, (n) => (doc.sharedCredit.share = n));

  doc.antiGaming = { ...doc.antiGaming };
  number(form.minReadSeconds, fields.minReadSeconds, true, (n) => (doc.antiGaming.minReadSeconds = n));
  number(form.burstCount, fields.burstCount, true, (n) => (doc.antiGaming.burstCount = n));
  number(form.burstWindowSeconds, fields.burstWindowSeconds, true, (n) => (doc.antiGaming.burstWindowSeconds = n));

  doc.levelCurve = { ...doc.levelCurve, kind: form.curveKind };
  number(form.curveBase, fields.curveBase, true, (n) => (doc.levelCurve.base = n));
  number(form.curveGrowth, fields.curveGrowth, false, (n) => (doc.levelCurve.growth = n));
  if (form.curveTable.trim() === '') {
    delete doc.levelCurve.table;
  } else {
    const table = parseNumberList(form.curveTable);
    if (table) doc.levelCurve.table = table;
    else errors[fields.curveTable] = 'numberList';
  }

  return { doc, errors };
}

/** Reads the advanced editor's text: the document, or why it is not one. */
export function parseDocument(json: string): { ok: true; doc: RuleDocument } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: 'not an object' };
  const doc = value as Partial<RuleDocument>;
  const missing = (['rules', 'multipliers', 'limits', 'sharedCredit', 'antiGaming', 'levelCurve', 'badges'] as const).filter(
    (k) => doc[k] === undefined || doc[k] === null || typeof doc[k] !== 'object',
  );
  if (missing.length > 0 || !Array.isArray(doc.rules)) return { ok: false, message: `missing ${missing.join(', ') || 'rules'}` };
  return { ok: true, doc: doc as RuleDocument };
}

/** Identity of a draft: two drafts with the same key send the same document. */
export function draftKey(doc: RuleDocument): string {
  return JSON.stringify(doc);
}

/**
 * A validator path in the form's terms: every name starts lower-case, so is a bracketed category
 * ("Rules[0].Points" → "rules[0].points", "Limits.DailyCap[Listening]" → "limits.dailyCap[listening]").
 */
export function normalizePath(path: string): string {
  return path
    .replace(/(^|\.)([A-Z])/g, (_, sep: string, c: string) => sep + c.toLowerCase())
    .replace(/\[([A-Za-z][^\]]*)\]/g, (_, inner: string) => `[${inner.toLowerCase()}]`);
}

/**
 * The form field a validator path belongs to: the path itself or the nearest enclosing one the form has
 * ("levelCurve.table[2]" → "levelCurve.table", "rules[1].when.withinSlaMinutes" → "rules[1]"); null when none.
 */
export function fieldFor(path: string, known: ReadonlySet<string>): string | null {
  let candidate = normalizePath(path);
  while (candidate) {
    if (known.has(candidate)) return candidate;
    const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
    if (cut <= 0) return null;
    candidate = candidate.slice(0, cut);
  }
  return null;
}

/** Every field key the form shows for this document. */
export function formFields(doc: RuleDocument): Set<string> {
  const keys = new Set<string>([
    fields.firstResponder,
    fields.negativeResolved,
    fields.diminishAfter,
    fields.diminishFactor,
    fields.cooldownMinutes,
    fields.share,
    fields.minReadSeconds,
    fields.burstCount,
    fields.burstWindowSeconds,
    fields.curveKind,
    fields.curveBase,
    fields.curveGrowth,
    fields.curveTable,
  ]);
  (doc.rules ?? []).forEach((_, i) => {
    keys.add(fields.rule(i));
    keys.add(fields.rulePoints(i));
    keys.add(fields.ruleReason(i));
  });
  for (const category of capCategories(doc)) keys.add(fields.cap(category));
  return keys;
}

export interface ServerError {
  path: string;
  message: string;
  /** The form field it belongs to, or null when the form does not show it (badges, conditions, the body). */
  field: string | null;
}

/** Problem details `errors` from a preview or apply, placed on the form's fields where it has them. */
export function placeErrors(errors: Record<string, string[]> | undefined, known: ReadonlySet<string>): ServerError[] {
  const placed: ServerError[] = [];
  for (const [path, messages] of Object.entries(errors ?? {})) {
    const field = fieldFor(path, known);
    for (const message of messages) {
      // The server prefixes each message with its path; next to the field the path is noise.
      const prefix = `${path}: `;
      placed.push({ path, message: message.startsWith(prefix) ? message.slice(prefix.length) : message, field });
    }
  }
  return placed;
}
