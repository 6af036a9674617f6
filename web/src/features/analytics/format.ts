import type { BenchmarkFigureRef, MaturityNextStep, MaturityReason } from '../../api/types';
import type { Lang, Messages } from '../../i18n';

type A = Messages['analytics'];

function locale(lang: Lang): string {
  return lang === 'de' ? 'de-DE' : 'en-GB';
}

/** A share from 0 to 1 as a whole percent in the user's language ("27%", "27 %"); `null` reads "not measurable". */
export function formatRate(rate: number | null | undefined, lang: Lang, a: A): string {
  if (rate == null || Number.isNaN(rate)) return a.notMeasurable;
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** Minutes as a short duration: "45 min", "2 h 5 min", "1 d 3 h" (rounded to the unit below the largest). */
export function formatMinutes(minutes: number | null | undefined, a: A): string {
  if (minutes == null || Number.isNaN(minutes) || minutes < 0) return a.notMeasurable;
  const d = a.duration;
  if (minutes < 1) return d.underMinute;
  const whole = Math.round(minutes);
  if (whole < 60) return d.minutes(whole);
  if (whole < 24 * 60) return d.hours(Math.floor(whole / 60), whole % 60);
  const hours = Math.round(whole / 60);
  return d.days(Math.floor(hours / 24), hours % 24);
}

/** Minutes for an axis tick: whole minutes below an hour, else whole hours, else whole days ("45 min", "3 h", "2 d"). */
export function formatMinutesShort(minutes: number, a: A): string {
  if (minutes < 60) return a.duration.minutes(Math.round(minutes));
  if (minutes < 48 * 60) return a.duration.hours(Math.round(minutes / 60), 0);
  return a.duration.days(Math.round(minutes / 1440), 0);
}

/** An amount of money in the model's currency (no cents: these are estimates). */
export function formatMoney(amount: number | null | undefined, currency: string, lang: Lang, a: A): string {
  if (amount == null || Number.isNaN(amount)) return a.notMeasurable;
  try {
    return new Intl.NumberFormat(locale(lang), { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(amount)} ${currency}`;
  }
}

/** A local day (`yyyy-MM-dd`) as a short date in the user's language; parsed as a calendar day, never shifted by time zones. */
export function formatDay(day: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}

/** What kind of number a metric is, by its name: a duration in minutes, money, a ratio, or (the default) a share. */
export function metricKind(metric: string): 'minutes' | 'money' | 'ratio' | 'rate' {
  if (/ratio$/i.test(metric)) return 'ratio';
  if (/minutes|firstresponse|resolution(?!rate)/i.test(metric) && !/rate$/i.test(metric)) return 'minutes';
  if (/return|cost|value$/i.test(metric) && !/rate$/i.test(metric)) return 'money';
  return 'rate';
}

/** A metric's figure in its unit (percent, duration or money). */
export function formatMetric(metric: string, value: number | null | undefined, lang: Lang, a: A, currency = 'EUR'): string {
  switch (metricKind(metric)) {
    case 'minutes':
      return formatMinutes(value, a);
    case 'money':
      return formatMoney(value, currency, lang, a);
    case 'ratio':
      return value == null ? a.notMeasurable : new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }).format(value);
    default:
      return formatRate(value, lang, a);
  }
}

/** A metric's name: the known ones from the dictionary, channel metrics ("channel.blogs", "blogs.readRate") by group. */
export function metricName(metric: string, a: A): string {
  if (a.figures[metric]) return a.figures[metric];
  const group = Object.keys(a.channelGroups).find((g) => metric.toLowerCase().includes(g));
  if (group && /channel|readrate/i.test(metric)) return `${a.figures.readRate} · ${a.channelGroups[group]}`;
  const base = metric.split('.')[0];
  return a.figures[base] ?? metric;
}

/**
 * A source short enough for a chart label: the last parenthesised part of a long citation ("… (TCS Global Trend Study,
 * 2013)" → "TCS Global Trend Study, 2013"), else the citation itself, cut at 40 characters. The full text stays in hints.
 */
export function shortSource(source: string): string {
  if (source.length <= 40) return source;
  const groups = [...source.matchAll(/\(([^()]+)\)/g)].map((m) => m[1]);
  const named = groups.filter((g) => /[A-Za-z]/.test(g)).pop();
  if (named) return named.length <= 40 ? named : `${named.slice(0, 39)}…`;
  const year = /\b(\d{4})\b/.exec(source)?.[1];
  const head = source.split(',')[0].slice(0, year ? 34 : 39);
  return year ? `${head} ${year}` : `${head}…`;
}

/** The study's figure named in the user's language (known ids), else the server's label; with its (short) source when known. */
export function benchmarkName(id: string | null | undefined, benchmarks: BenchmarkFigureRef[], a: A): string {
  if (!id) return a.studyBaseline;
  const known = a.benchmarkNames[id];
  const figure = benchmarks.find((b) => b.id === id);
  const name = known ?? figure?.label ?? id;
  return figure?.source ? a.baseline(name, shortSource(figure.source)) : name;
}

/** Metrics where less is better (durations): a reason below such a baseline is good news. */
function lowerIsBetter(metric: string): boolean {
  return metricKind(metric) === 'minutes';
}

/**
 * One maturity reason as a sentence, e.g. "Read rate 22% is below the R&D baseline (TCS 2013) of 27%." The server's codes
 * (docs/analytics.md, "Maturity"): `<metric>.belowBaseline` (under the study's lower line), `<metric>.belowLeaders`
 * (between the lines; the baseline given is the leaders' line), `<metric>.leaderLevel`, and `withheld`, `nothingRouted`,
 * `unmeasured` without figures. An unknown code is worded from the figures.
 */
export function reasonText(reason: MaturityReason, benchmarks: BenchmarkFigureRef[], lang: Lang, a: A): string {
  const code = reason.code;
  if (code === 'withheld' || code === 'nothingRouted' || code === 'unmeasured') return a.reason[code];
  const metric = metricName(reason.metric, a);
  const value = formatMetric(reason.metric, reason.value, lang, a);
  const baselineValue = reason.baseline ?? benchmarks.find((b) => b.id === reason.benchmarkId)?.value ?? null;
  if (baselineValue == null) return a.reason.plain(metric, value);
  const baseline = formatMetric(reason.metric, baselineValue, lang, a);
  const benchmark = benchmarkName(reason.benchmarkId, benchmarks, a);
  // A line derived from the study's figure (1 − silos, the laggards' mean channel use, break-even) is named as a line.
  const cited = benchmarks.find((b) => b.id === reason.benchmarkId)?.value;
  if (code.endsWith('.belowBaseline') && cited != null && Math.abs(cited - baselineValue) > 1e-9) {
    return a.reason.belowLine(metric, value, benchmark, baseline);
  }
  if (code.endsWith('.belowLeaders')) return a.reason.belowLeaders(metric, value, benchmark, baseline);
  if (code.endsWith('.leaderLevel')) return a.reason.leaderLevel(metric, value, benchmark, baseline);
  const lower = code.toLowerCase();
  const below = lower.includes('below')
    ? true
    : lower.includes('above') || lower.includes('meet') || lower.includes('reach')
      ? false
      : reason.value != null && reason.value < baselineValue;
  return below ? a.reason.below(metric, value, benchmark, baseline) : a.reason.above(metric, value, benchmark, baseline);
}

/**
 * The step that would move the department up, e.g. "To become a follower: raise read rate to 31% (R&D baseline (TCS
 * 2013))." Codes `<metric>.reachFollower|reachLeader|reachBaseline|reachLeaders`; others "raise"/"lower" by the metric.
 */
export function nextStepText(step: MaturityNextStep, benchmarks: BenchmarkFigureRef[], lang: Lang, a: A): string {
  const metric = metricName(step.metric, a);
  const target = formatMetric(step.metric, step.target ?? benchmarks.find((b) => b.id === step.benchmarkId)?.value ?? null, lang, a);
  const benchmark = benchmarkName(step.benchmarkId, benchmarks, a);
  const kind = step.code.split('.').pop() ?? '';
  if (kind === 'reachFollower' || kind === 'reachLeader' || kind === 'reachBaseline' || kind === 'reachLeaders') {
    return a.step[kind](metric, target, benchmark);
  }
  const code = step.code.toLowerCase();
  const lower = code.includes('lower') || code.includes('reduce') || (!code.includes('raise') && lowerIsBetter(step.metric));
  return lower ? a.step.lower(metric, target, benchmark) : a.step.raise(metric, target, benchmark);
}

/** The study's channel-use figure for a channel group and side ("leaders" / "laggards"), e.g. `tcs2013.channel.blogs.leaders`. */
export function channelUse(group: string, side: 'leaders' | 'laggards', benchmarks: BenchmarkFigureRef[]): BenchmarkFigureRef | null {
  return benchmarks.find((b) => b.id.endsWith(`.channel.${group}.${side}`)) ?? null;
}
