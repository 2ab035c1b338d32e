import { createSvgElement } from "../dom/create-svg-element.js";
import { formatAxisTime } from "../format/format-time.js";
import { createChartFigure, SERIES_COLORS } from "./create-chart-figure.js";
import { createChartFrame, spreadXLabels } from "./create-chart-frame.js";

/** One stacked series: a value per bucket. */
export interface BarSeries {
  label: string;
  values: readonly number[];
  /** A class instead of the cycling series color (e.g. `series-error`). */
  className?: string;
}

/**
 * A stacked bar chart over time buckets (calls and errors, tokens, spend by model), with its total as
 * text and a tooltip (`<title>`) on every segment.
 */
export function createStackedBarChart(options: {
  title: string;
  testId: string;
  total: string;
  bucketStarts: readonly number[];
  bucketMs: number;
  series: readonly BarSeries[];
  formatValue: (value: number) => string;
}): HTMLElement {
  const { bucketStarts, bucketMs, series } = options;
  const first = bucketStarts[0] ?? 0;
  const domain = [first, (bucketStarts.at(-1) ?? first) + bucketMs] as const;
  const sums = bucketStarts.map((_, index) =>
    series.reduce((sum, entry) => sum + (entry.values[index] ?? 0), 0),
  );
  const frame = createChartFrame({
    label: `${options.title}: ${options.total}`,
    xDomain: domain,
    yMax: Math.max(0, ...sums),
    formatY: options.formatValue,
    xLabels: spreadXLabels({
      domain,
      count: 5,
      format: (ms) => formatAxisTime({ ms, spanMs: domain[1] - domain[0] }),
    }),
  });
  const barWidth = Math.max(1, frame.x(first + bucketMs) - frame.x(first) - 2);
  bucketStarts.forEach((start, index) => {
    let base = 0;
    series.forEach((entry, seriesIndex) => {
      const value = entry.values[index] ?? 0;
      if (!(value > 0)) return;
      const top = frame.y(base + value);
      const height = frame.y(base) - top;
      base += value;
      frame.svg.append(
        createSvgElement(
          "rect",
          {
            x: frame.x(start) + 1,
            y: top,
            width: barWidth,
            height: Math.max(height, 0.5),
            class: `bar ${entry.className ?? `series-${seriesIndex % SERIES_COLORS}`}`,
          },
          [
            createSvgElement("title", {}, [
              `${new Date(start).toLocaleString()} · ${entry.label}: ${options.formatValue(value)}`,
            ]),
          ],
        ),
      );
    });
  });
  return createChartFigure({
    title: options.title,
    total: options.total,
    testId: options.testId,
    chart: frame.svg,
    legend: series.map((entry, index) => ({
      label: entry.label,
      colorIndex: index,
      className: entry.className,
    })),
  });
}
