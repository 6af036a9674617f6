import type { FeedbackItem } from '../../api/types';
import { useI18n } from '../../i18n';

/** The item's topics and products (from the admin's taxonomy, set on arrival) as chips in the card's details list. */
export function TopicChips({ item }: { item: FeedbackItem }) {
  const { t } = useI18n();
  const rows = [
    { key: 'topics', label: t.topicChips.topics, names: item.topics ?? [] },
    { key: 'products', label: t.topicChips.products, names: item.products ?? [] },
  ].filter((r) => r.names.length > 0);
  return (
    <>
      {rows.map((r) => (
        <div key={r.key}>
          <dt>{r.label}</dt>
          <dd data-testid={`feedback-${r.key}`}>
            {r.names.map((name) => (
              <span key={name} className={`tag tag--${r.key === 'topics' ? 'topic' : 'product'}`}>
                {name}
              </span>
            ))}
          </dd>
        </div>
      ))}
    </>
  );
}
