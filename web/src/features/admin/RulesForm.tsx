import { useId, type ReactNode } from 'react';
import { label as lookup, useT } from '../../i18n';
import { capCategories, conditionSummary, CURVE_KINDS, fields, type ConditionSummary, type RuleDocument, type RuleForm } from './ruleDocument';

/** Messages per form field: what the browser could not read, then what the server's validator said. */
export type FieldMessages = (field: string) => string[];

/** The DOM id of a field's input, so the error summary can move focus to it. */
export function inputId(field: string): string {
  return `rule-field-${field.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="field-error" data-testid="field-error">
      {messages.join(' ')}
    </p>
  );
}

function NumberField({
  field,
  label,
  value,
  whole,
  hint,
  messages,
  onChange,
}: {
  field: string;
  label: string;
  value: string;
  whole: boolean;
  hint?: string;
  messages: string[];
  onChange: (value: string) => void;
}) {
  const id = inputId(field);
  const hintId = useId();
  const errorId = useId();
  const describedBy = [messages.length > 0 ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" data-field={field}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        step={whole ? 1 : 'any'}
        inputMode={whole ? 'numeric' : 'decimal'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={messages.length > 0 ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint && (
        <p id={hintId} className="small muted">
          {hint}
        </p>
      )}
      <FieldErrors id={errorId} messages={messages} />
    </div>
  );
}

function Group({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <fieldset className="rules-group" data-testid={testId}>
      <legend>{title}</legend>
      <div className="rules-group__fields">{children}</div>
    </fieldset>
  );
}

const capitalized = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** The common knobs of a rule set as a form. Badges and rule conditions are edited in the JSON view. */
export function RulesForm({
  base,
  form,
  onChange,
  messages,
}: {
  base: RuleDocument;
  form: RuleForm;
  onChange: (form: RuleForm) => void;
  messages: FieldMessages;
}) {
  const t = useT();
  const set = <K extends keyof RuleForm>(key: K, value: RuleForm[K]) => onChange({ ...form, [key]: value });
  const setRule = (i: number, patch: Partial<RuleForm['rules'][number]>) =>
    onChange({ ...form, rules: form.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const category = (c: string) => lookup(t.categories, capitalized(c));
  const conditionText: Record<ConditionSummary, string> = {
    always: t.admin.always,
    answered: t.admin.onlyAnswered,
    unanswered: t.admin.onlyUnanswered,
    other: t.admin.hasConditions,
  };
  const curveKindId = inputId(fields.curveKind);
  const curveTableId = inputId(fields.curveTable);
  const curveTableErrorId = useId();

  return (
    <div className="rules-form" data-testid="rules-form">
      <div className="table-wrap">
        <table className="data-table" data-testid="rules-table">
          <caption>{t.admin.ruleTable}</caption>
          <thead>
            <tr>
              <th scope="col">{t.admin.rule}</th>
              <th scope="col">{t.admin.action}</th>
              <th scope="col">{t.admin.category}</th>
              <th scope="col">{t.admin.points}</th>
              <th scope="col">{t.admin.reason}</th>
              <th scope="col">{t.admin.conditions}</th>
            </tr>
          </thead>
          <tbody>
            {base.rules.map((rule, i) => {
              const row = form.rules[i] ?? { points: '', reason: '' };
              const pointsField = fields.rulePoints(i);
              const reasonField = fields.ruleReason(i);
              const pointsMessages = messages(pointsField);
              const reasonMessages = messages(reasonField);
              const rowMessages = messages(fields.rule(i));
              return (
                <tr key={`${rule.id}-${i}`} data-testid="rule-row" data-rule-id={rule.id}>
                  <th scope="row">
                    <code>{rule.id}</code>
                    <FieldErrors id={`${inputId(fields.rule(i))}-error`} messages={rowMessages} />
                  </th>
                  <td>{lookup(t.admin.actions, rule.action)}</td>
                  <td>{category(rule.category)}</td>
                  <td data-field={pointsField}>
                    <input
                      id={inputId(pointsField)}
                      className="input--narrow"
                      type="number"
                      step={1}
                      inputMode="numeric"
                      value={row.points}
                      aria-label={t.admin.pointsFor(rule.id)}
                      aria-invalid={pointsMessages.length > 0 ? true : undefined}
                      aria-describedby={pointsMessages.length > 0 ? `${inputId(pointsField)}-error` : undefined}
                      onChange={(e) => setRule(i, { points: e.target.value })}
                    />
                    <FieldErrors id={`${inputId(pointsField)}-error`} messages={pointsMessages} />
                  </td>
                  <td data-field={reasonField}>
                    <input
                      id={inputId(reasonField)}
                      type="text"
                      value={row.reason}
                      aria-label={t.admin.reasonFor(rule.id)}
                      aria-invalid={reasonMessages.length > 0 ? true : undefined}
                      aria-describedby={reasonMessages.length > 0 ? `${inputId(reasonField)}-error` : undefined}
                      onChange={(e) => setRule(i, { reason: e.target.value })}
                    />
                    <FieldErrors id={`${inputId(reasonField)}-error`} messages={reasonMessages} />
                  </td>
                  <td className="small">{conditionText[conditionSummary(rule.when)]}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <Group title={t.admin.multipliers} testId="rules-multipliers">
        <NumberField
          field={fields.firstResponder}
          label={t.admin.firstResponder}
          value={form.firstResponder}
          whole={false}
          hint={t.admin.multiplierHint}
          messages={messages(fields.firstResponder)}
          onChange={(v) => set('firstResponder', v)}
        />
        <NumberField
          field={fields.negativeResolved}
          label={t.admin.negativeResolved}
          value={form.negativeResolved}
          whole={false}
          messages={messages(fields.negativeResolved)}
          onChange={(v) => set('negativeResolved', v)}
        />
      </Group>

      <Group title={t.admin.dailyCaps} testId="rules-caps">
        <p className="small muted rules-group__hint">{t.admin.noCapHint}</p>
        {capCategories(base).map((c) => (
          <NumberField
            key={c}
            field={fields.cap(c)}
            label={t.admin.capFor(category(c))}
            value={form.caps[c] ?? ''}
            whole
            messages={messages(fields.cap(c))}
            onChange={(v) => set('caps', { ...form.caps, [c]: v })}
          />
        ))}
      </Group>

      <Group title={t.admin.limits} testId="rules-limits">
        <NumberField
          field={fields.diminishAfter}
          label={t.admin.diminishAfter}
          value={form.diminishAfter}
          whole
          messages={messages(fields.diminishAfter)}
          onChange={(v) => set('diminishAfter', v)}
        />
        <NumberField
          field={fields.diminishFactor}
          label={t.admin.diminishFactor}
          value={form.diminishFactor}
          whole={false}
          messages={messages(fields.diminishFactor)}
          onChange={(v) => set('diminishFactor', v)}
        />
        <NumberField
          field={fields.cooldownMinutes}
          label={t.admin.cooldown}
          value={form.cooldownMinutes}
          whole
          messages={messages(fields.cooldownMinutes)}
          onChange={(v) => set('cooldownMinutes', v)}
        />
        <NumberField
          field={fields.share}
          label={t.admin.share}
          value={form.share}
          whole={false}
          messages={messages(fields.share)}
          onChange={(v) => set('share', v)}
        />
      </Group>

      <Group title={t.admin.antiGaming} testId="rules-anti-gaming">
        <NumberField
          field={fields.minReadSeconds}
          label={t.admin.minRead}
          value={form.minReadSeconds}
          whole
          messages={messages(fields.minReadSeconds)}
          onChange={(v) => set('minReadSeconds', v)}
        />
        <NumberField
          field={fields.burstCount}
          label={t.admin.burstCount}
          value={form.burstCount}
          whole
          messages={messages(fields.burstCount)}
          onChange={(v) => set('burstCount', v)}
        />
        <NumberField
          field={fields.burstWindowSeconds}
          label={t.admin.burstWindow}
          value={form.burstWindowSeconds}
          whole
          messages={messages(fields.burstWindowSeconds)}
          onChange={(v) => set('burstWindowSeconds', v)}
        />
      </Group>

      <Group title={t.admin.levelCurve} testId="rules-level-curve">
        <div className="field" data-field={fields.curveKind}>
          <label htmlFor={curveKindId}>{t.admin.curveKind}</label>
          <select id={curveKindId} value={form.curveKind} onChange={(e) => set('curveKind', e.target.value)}>
            {[...new Set([...CURVE_KINDS, form.curveKind])].map((k) => (
              <option key={k} value={k}>
                {lookup(t.admin.curveKinds, k)}
              </option>
            ))}
          </select>
          <FieldErrors id={`${curveKindId}-error`} messages={messages(fields.curveKind)} />
        </div>
        <NumberField
          field={fields.curveBase}
          label={t.admin.curveBase}
          value={form.curveBase}
          whole
          messages={messages(fields.curveBase)}
          onChange={(v) => set('curveBase', v)}
        />
        <NumberField
          field={fields.curveGrowth}
          label={t.admin.curveGrowth}
          value={form.curveGrowth}
          whole={false}
          messages={messages(fields.curveGrowth)}
          onChange={(v) => set('curveGrowth', v)}
        />
        <div className="field field--wide" data-field={fields.curveTable}>
          <label htmlFor={curveTableId}>{t.admin.curveTable}</label>
          <input
            id={curveTableId}
            type="text"
            inputMode="numeric"
            value={form.curveTable}
            onChange={(e) => set('curveTable', e.target.value)}
            aria-invalid={messages(fields.curveTable).length > 0 ? true : undefined}
            aria-describedby={messages(fields.curveTable).length > 0 ? curveTableErrorId : undefined}
          />
          <FieldErrors id={curveTableErrorId} messages={messages(fields.curveTable)} />
        </div>
      </Group>

      <p className="small muted">{t.admin.badgesHint(base.badges?.length ?? 0)}</p>
    </div>
  );
}
