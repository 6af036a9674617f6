import type { BenchmarkFigureRef, ChannelFigure } from '../../api/types';
import { formatNumber } from '../../format';
import { label, useI18n } from '../../i18n';
import { ChartFigure } from './ChartFigure';
import { chartColors, CategoryBars } from './charts';
import { channelUse, formatRate } from './format';

/**
 * Our read rate per channel group beside the study's channel use of leaders and laggards: does the department listen
 * where the leaders listen? (The study gives channel use for blogs, app stores and video; other groups show ours only.)
 */
export function ChannelChart({ channels, benchmarks, department }: { channels: ChannelFigure[]; benchmarks: BenchmarkFigureRef[]; department: string }) {
  const { t, lang } = useI18n();
  const a = t.analytics;
  const rate = (v: number) => formatRate(v, lang, a);
  const rows = channels.map((c) => ({
    group: c.group,
    name: label(a.channelGroups, c.group),
    items: c.items,
    ours: c.readRate,
    leaders: channelUse(c.group, 'leaders', benchmarks),
    laggards: channelUse(c.group, 'laggards', benchmarks),
  }));
  const sources = [...new Set(rows.flatMap((r) => [r.leaders?.source, r.laggards?.source]).filter((s): s is string => !!s))];
  return (
    <ChartFigure
      level={3}
      title={a.channels}
      hint={
        <>
          {a.channelsHint}
          {sources.length > 0 && ` ${a.source(sources.join(', '))}`}
        </>
      }
      label={a.channelsChart(department)}
      testId="analytics-channels"
      table={{
        columns: [a.channelGroup, a.items, a.ourReadRate, a.leadersUse, a.laggardsUse],
        rows: rows.map((r) => ({
          key: r.group,
          header: r.name,
          cells: [
            formatNumber(r.items, lang),
            formatRate(r.ours, lang, a),
            r.leaders ? rate(r.leaders.value) : '—',
            r.laggards ? rate(r.laggards.value) : '—',
          ],
          attributes: { 'data-group': r.group, 'data-value': r.ours == null ? '' : String(r.ours) },
        })),
      }}
    >
      {rows.length === 0 ? (
        <p className="muted">{a.noChannels}</p>
      ) : (
        <CategoryBars
          data={rows.map((r) => ({ name: r.name, ours: r.ours, leaders: r.leaders?.value ?? null, laggards: r.laggards?.value ?? null }))}
          category="name"
          series={[
            { key: 'ours', name: a.ourReadRate, color: chartColors.ours },
            { key: 'leaders', name: a.leadersUse, color: chartColors.leaders },
            { key: 'laggards', name: a.laggardsUse, color: chartColors.laggards },
          ]}
          format={rate}
          domain={[0, 1]}
        />
      )}
    </ChartFigure>
  );
}
