import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** The palette of every chart (the stylesheet's brand, accent and neutral colours). */
export const chartColors = {
  ours: '#4338ca',
  second: '#f59e0b',
  leaders: '#137a43',
  laggards: '#b42318',
  baseline: '#5b6178',
  grid: '#dde1ee',
};

export interface Series {
  key: string;
  name: string;
  color: string;
}

export interface Baseline {
  value: number;
  /** Shown on the line; names the study's figure and its source. */
  label: string;
}

interface ChartProps {
  data: Record<string, string | number | null>[];
  /** The data key of the x-axis category (a day, a department's name, a channel group). */
  category: string;
  series: Series[];
  baselines?: Baseline[];
  format: (value: number) => string;
  formatCategory?: (category: string) => string;
  /** The y-axis ticks, when shorter than `format` (e.g. whole hours). */
  formatAxis?: (value: number) => string;
  /** Fixed y-range, e.g. [0, 1] for shares; otherwise fitted to the data and the baselines. */
  domain?: [number, number];
  height?: number;
}

function tooltipFormatter(format: (value: number) => string) {
  return (value: unknown) => (typeof value === 'number' ? format(value) : '—');
}

/**
 * The charts are one image to assistive technology (role="img" with a label on the wrapper, the numbers in the table
 * view), so Recharts' keyboard layer is off: nothing inside an image should take focus.
 *
 * Baselines as dashed lines with their label on them. No animation anywhere: a live change shows at once, and what the
 * screen shows is always the numbers in the table.
 */
function baselineLines(baselines: Baseline[] | undefined, format: (value: number) => string) {
  return (baselines ?? []).map((b, i) => (
    <ReferenceLine
      key={`${b.label}-${i}`}
      y={b.value}
      className="chart-baseline"
      stroke={chartColors.baseline}
      strokeDasharray="6 4"
      strokeWidth={2}
      ifOverflow="extendDomain"
      label={{
        value: `${b.label}: ${format(b.value)}`,
        // Two baselines close together (R&D 27%, product management 37%): labels at opposite ends.
        position: i % 2 === 0 ? 'insideTopRight' : 'insideBottomLeft',
        fill: chartColors.baseline,
        fontSize: 12,
        // Recharts draws the label in another SVG layer than the line: this class finds it.
        className: 'chart-baseline-label',
      }}
    />
  ));
}

/** Values over days (daily snapshots): one line per series, gaps where a day has nothing measurable. */
export function DayLines({ data, category, series, baselines, format, formatCategory, formatAxis, domain, height = 260 }: ChartProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} margin={{ top: 16, right: 16, bottom: 0, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke={chartColors.grid} vertical={false} />
        <XAxis dataKey={category} tickFormatter={formatCategory} minTickGap={24} />
        <YAxis domain={domain ?? ['auto', 'auto']} tickFormatter={formatAxis ?? format} width={72} />
        <Tooltip formatter={tooltipFormatter(format)} labelFormatter={(l) => (formatCategory ? formatCategory(String(l)) : String(l))} />
        {series.length > 1 && <Legend />}
        {series.map((s) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
        {baselineLines(baselines, format)}
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Categories side by side (departments, channel groups, before/during): one bar per series. */
export function CategoryBars({ data, category, series, baselines, format, formatCategory, formatAxis, domain, height = 280 }: ChartProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 16, right: 16, bottom: 0, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke={chartColors.grid} vertical={false} />
        <XAxis dataKey={category} tickFormatter={formatCategory} interval={0} tick={{ fontSize: 12 }} />
        <YAxis domain={domain ?? [0, 'auto']} tickFormatter={formatAxis ?? format} width={72} />
        <Tooltip formatter={tooltipFormatter(format)} />
        {series.length > 1 && <Legend />}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
        ))}
        {baselineLines(baselines, format)}
      </BarChart>
    </ResponsiveContainer>
  );
}
