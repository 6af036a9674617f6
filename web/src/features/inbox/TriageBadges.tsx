import type { FeedbackItem, ItemSla, SlaClock } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../format';

/** Which clocks are in the given state, in words, and the earliest due time among them. */
export function clocksIn(sla: ItemSla, state: string, names: { firstResponse: string; resolution: string }) {
  const clocks: [SlaClock, string][] = [
    [sla.firstResponse, names.firstResponse],
    [sla.resolution, names.resolution],
  ];
  const hit = clocks.filter(([c]) => c.state === state);
  const due = hit.map(([c]) => c.dueAt).sort()[0] ?? '';
  return { names: hit.map(([, n]) => n).join(', '), due };
}

/**
 * Small badges on an inbox card: an SLA that is breached or at risk (text first, colour only supports it; the
 * details are in the accessible name and tooltip), a repost marker (near-duplicate of an earlier item), and a flag when
 * the comment names an employee.
 */
export function TriageBadges({ item }: { item: FeedbackItem }) {
  const { t, lang } = useI18n();
  const sla = item.sla;
  const names = { firstResponse: t.triage.slaFirstResponse, resolution: t.triage.slaResolution };
  let slaBadge = null;
  if (sla && (sla.state === 'breached' || sla.state === 'at-risk')) {
    const breached = sla.state === 'breached';
    const { names: which, due } = clocksIn(sla, sla.state, names);
    const detail = (breached ? t.triage.slaDetail : t.triage.slaRiskDetail)(which, formatDateTime(due, lang));
    slaBadge = (
      <span
        className={`tag tag--sla-${sla.state}`}
        data-testid="sla-badge"
        data-state={sla.state}
        title={detail}
      >
        <span aria-hidden="true">{breached ? '⏰' : '⌛'}</span>
        {breached ? t.triage.slaBreached : t.triage.slaAtRisk}
        <span className="sr-only">: {detail}</span>
      </span>
    );
  }

  return (
    <>
      {slaBadge}
      {item.duplicateOf && (
        <span className="tag tag--duplicate" data-testid="duplicate-badge" title={t.triage.duplicateDetail}>
          <span aria-hidden="true">⧉</span>
          {t.triage.duplicate}
          <span className="sr-only">: {t.triage.duplicateDetail}</span>
        </span>
      )}
      {item.mentionsEmployee && (
        <span
          className="tag tag--mention"
          data-testid="mention-badge"
          title={t.triage.mentionsEmployeeDetail}
        >
          <span aria-hidden="true">👤</span>
          {t.triage.mentionsEmployee}
          <span className="sr-only">: {t.triage.mentionsEmployeeDetail}</span>
        </span>
      )}
    </>
  );
}
