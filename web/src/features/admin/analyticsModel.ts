import type {
  AdminBenchmarksBody,
  AdminReturnModelBody,
  BenchmarkStudy,
  BenchmarksDocument,
  DepartmentFunction,
  DepartmentFunctionAssignment,
  Id,
  ReturnModel,
} from '../../api/types';

/**
 * The analytics model editor's form state and its mapping to and from the API: the forms hold text (what the inputs
 * show), the documents hold numbers. A text that is not a number becomes null, so the server's validator names its path.
 */

export const RETURN_ACTIONS = ['read', 'reply', 'tag', 'forward', 'insight', 'resolve'] as const;
export const RETURN_OUTCOMES = ['insight', 'resolvedComplaint', 'replyWithinSla'] as const;
export const DEPARTMENT_FUNCTIONS: readonly DepartmentFunction[] = ['rd', 'pm', 'marketing', 'service', 'sales', 'other'];

export type ReturnAction = (typeof RETURN_ACTIONS)[number];
export type ReturnOutcome = (typeof RETURN_OUTCOMES)[number];

export interface ReturnModelForm {
  currency: string;
  hourlyCost: string;
  minutesPerAction: Record<ReturnAction, string>;
  valuePerOutcome: Record<ReturnOutcome, string>;
  /** One source per line. */
  sources: string;
}

export interface FigureForm {
  id: string;
  label: string;
  /** The share as a percentage: "27" for 0.27. */
  percent: string;
  meaning: string;
}

export interface StudyForm {
  id: string;
  source: string;
  year: string;
  sampleSize: string;
  url: string;
  figures: FigureForm[];
}

export interface BenchmarksForm {
  studies: StudyForm[];
  /** Department id → its function; a department without an entry gets the server's guess from its name. */
  functions: Record<Id, DepartmentFunction>;
}

/** A number typed into a field (a German decimal comma too); null when empty or not a number. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

/** 0.27 → "27", 0.585 → "58.5" (rounded so 0.07 × 100 shows as 7, not 7.000000000000001). */
export function shareToPercent(share: number): string {
  return String(Number((share * 100).toFixed(6)));
}

/** "27" → 0.27; null when the text is not a number (the server then names the figure's value). */
export function percentToShare(percent: string): number | null {
  const n = parseNumber(percent);
  return n == null ? null : Number((n / 100).toPrecision(12));
}

export function returnModelToForm(model: ReturnModel): ReturnModelForm {
  return {
    currency: model.currency,
    hourlyCost: String(model.hourlyCost),
    minutesPerAction: Object.fromEntries(RETURN_ACTIONS.map((a) => [a, String(model.minutesPerAction[a])])) as Record<ReturnAction, string>,
    valuePerOutcome: Object.fromEntries(RETURN_OUTCOMES.map((o) => [o, String(model.valuePerOutcome[o])])) as Record<ReturnOutcome, string>,
    sources: model.sources.join('\n'),
  };
}

/** The body of the PUT: the version read, the form's values; empty lines of the sources are dropped. */
export function returnModelFromForm(form: ReturnModelForm, version: number): AdminReturnModelBody {
  return {
    version,
    currency: form.currency.trim(),
    hourlyCost: parseNumber(form.hourlyCost),
    minutesPerAction: Object.fromEntries(RETURN_ACTIONS.map((a) => [a, parseNumber(form.minutesPerAction[a])])) as Record<ReturnAction, number | null>,
    valuePerOutcome: Object.fromEntries(RETURN_OUTCOMES.map((o) => [o, parseNumber(form.valuePerOutcome[o])])) as Record<ReturnOutcome, number | null>,
    sources: form.sources
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  };
}

export function emptyFigure(): FigureForm {
  return { id: '', label: '', percent: '', meaning: '' };
}

export function emptyStudy(): StudyForm {
  return { id: '', source: '', year: String(new Date().getFullYear()), sampleSize: '', url: '', figures: [emptyFigure()] };
}

function studyToForm(study: BenchmarkStudy): StudyForm {
  return {
    id: study.id,
    source: study.source,
    year: String(study.year),
    sampleSize: study.sampleSize == null ? '' : String(study.sampleSize),
    url: study.url ?? '',
    figures: study.figures.map((f) => ({ id: f.id, label: f.label, percent: shareToPercent(f.value), meaning: f.meaning })),
  };
}

export function benchmarksToForm(document: BenchmarksDocument): BenchmarksForm {
  return {
    studies: document.studies.map(studyToForm),
    // A code this client does not know yet shows as "guess from the name" (and is not sent back).
    functions: Object.fromEntries(
      document.departmentFunctions.flatMap((a) => {
        const known = DEPARTMENT_FUNCTIONS.find((f) => f === a.function);
        return known ? [[a.departmentId, known]] : [];
      }),
    ),
  };
}

/**
 * The document to send. Assignments follow `departmentOrder` (the departments the page lists); an assignment for a
 * department not listed is kept after them, so saving never drops what another admin set.
 */
export function benchmarksFromForm(form: BenchmarksForm, version: number, departmentOrder: readonly Id[]): AdminBenchmarksBody {
  const listed = departmentOrder.filter((id) => form.functions[id] != null);
  const others = Object.keys(form.functions).filter((id) => !departmentOrder.includes(id));
  return {
    version,
    studies: form.studies.map((s) => ({
      id: s.id.trim(),
      source: s.source.trim(),
      year: parseNumber(s.year),
      sampleSize: parseNumber(s.sampleSize),
      url: s.url.trim() === '' ? null : s.url.trim(),
      figures: s.figures.map((f) => ({ id: f.id.trim(), label: f.label.trim(), value: percentToShare(f.percent), meaning: f.meaning.trim() })),
    })),
    departmentFunctions: [...listed, ...others].map((departmentId) => ({ departmentId, function: form.functions[departmentId] })),
  };
}

/** The form field a department's function select answers to (its errors are keyed by position in the sent list). */
export function departmentField(departmentId: Id): string {
  return `departmentFunctions[${departmentId}]`;
}

/**
 * The form field a server error's JSON path belongs to. Most paths name their input as they are (`hourlyCost`,
 * `studies[0].figures[1].value`); `sources[2]` belongs to the one sources box; `departmentFunctions[3].function` to the
 * select of the department that was fourth in the list sent.
 */
export function fieldOfPath(path: string, sentAssignments: readonly DepartmentFunctionAssignment[] = []): string {
  if (/^sources\[\d+\]$/.test(path)) return 'sources';
  const assignment = /^departmentFunctions\[(\d+)\](?:\.(?:departmentId|function))?$/.exec(path);
  if (assignment) {
    const sent = sentAssignments[Number(assignment[1])];
    return sent ? departmentField(sent.departmentId) : 'departmentFunctions';
  }
  return path;
}

/** The server prefixes each message with its path ("hourlyCost: …"); beside the field the path is noise. */
function withoutPath(path: string, message: string): string {
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}

/** A 400's `errors` grouped by form field, messages without their path prefix. */
export function errorsByField(
  errors: Record<string, string[]> | undefined,
  sentAssignments: readonly DepartmentFunctionAssignment[] = [],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(errors ?? {})) {
    const field = fieldOfPath(path, sentAssignments);
    out[field] = [...(out[field] ?? []), ...messages.map((m) => withoutPath(path, m))];
  }
  return out;
}

/** The DOM id of a field's input (so the error summary can link to it). */
export function inputIdOf(prefix: string, field: string): string {
  return `${prefix}-${field.replace(/[^A-Za-z0-9]+/g, '-')}`;
}
