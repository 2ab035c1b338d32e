import { createSvgElement } from "../dom/create-svg-element.js";
import { formatAxisTime } from "../format/format-time.js";
import { createChartFigure, SERIES_COLORS } from "./create-chart-figure.js";
import { createChartFrame, spreadXLabels } from "./create-chart-frame.js";

/** One line: points in time order. */
export interface LineSeries {
  label: string;
  points: readonly { x: number; y: number }[];
}

/** A vertical mark at a time (a drift event, a model change). */
export interface ChartMarker {
  x: number;
  label: string;
  /** Class suffix: `marker-drift`, `marker-model-change`. */
  kind: string;
}

/**
 * A line chart over time (p95 latency, drift scores): one line per series with dots and tooltips, and
 * optional vertical markers labelled with what happened.
 */
export function createLineChart(options: {
  title: string;
  testId: string;
  total: string;
  xDomain: readonly [number, number];
  series: readonly LineSeries[];
  markers?: readonly ChartMarker[];
  formatValue: (value: number) => string;
  /** Drawing width (see createChartFrame). */
  width?: number;
}): HTMLElement {
  const { xDomain } = options;
  let yMax = 0;
  for (const entry of options.series) for (const point of entry.points) if (point.y > yMax) yMax = point.y;
  const frame = createChartFrame({
    label: `${options.title}: ${options.total}`,
    xDomain,
    yMax,
    formatY: options.formatValue,
    width: options.width,
    xLabels: spreadXLabels({
      domain: xDomain,
      count: 5,
      format: (ms) => formatAxisTime({ ms, spanMs: xDomain[1] - xDomain[0] }),
    }),
  });
  const markerKinds = new Map<string, string>();
  for (const marker of options.markers ?? []) {
    const x = frame.x(marker.x);
    if (!(x >= frame.plot.left && x <= frame.plot.right)) continue;
    markerKinds.set(marker.kind, marker.kind);
    frame.svg.append(
      createSvgElement("g", { class: `marker marker-${marker.kind}` }, [
        createSvgElement("line", { x1: x, x2: x, y1: frame.plot.top, y2: frame.plot.bottom }),
        createSvgElement("path", {
          d: `M${x - 4},${frame.plot.top - 6} L${x + 4},${frame.plot.top - 6} L${x},${frame.plot.top} Z`,
        }),
        createSvgElement("title", {}, [`${new Date(marker.x).toLocaleString()} · ${marker.label}`]),
      ]),
    );
  }
  options.series.forEach((entry, index) => {
    const colorClass = `series-${index % SERIES_COLORS}`;
    const points = entry.points.filter((point) => Number.isFinite(point.y));
    if (points.length > 1)
      frame.svg.append(
        createSvgElement("polyline", {
          class: `line ${colorClass}`,
          points: points
            .map((point) => `${frame.x(point.x).toFixed(1)},${frame.y(point.y).toFixed(1)}`)
            .join(" "),
        }),
      );
    for (const point of points)
      frame.svg.append(
        createSvgElement(
          "circle",
          { cx: frame.x(point.x), cy: frame.y(point.y), r: 2.5, class: `dot ${colorClass}` },
          [
            createSvgElement("title", {}, [
              `${new Date(point.x).toLocaleString()} · ${entry.label}: ${options.formatValue(point.y)}`,
            ]),
          ],
        ),
      );
  });
  const legend = [
    ...options.series.map((entry, index) => ({ label: entry.label, colorIndex: index })),
    ...[...markerKinds.keys()].map((kind) => ({
      label: kind === "drift" ? "drift event" : kind.replace("-", " "),
      colorIndex: 0,
      className: `marker-swatch marker-${kind}`,
    })),
  ];
  return createChartFigure({
    title: options.title,
    total: options.total,
    testId: options.testId,
    chart: frame.svg,
    legend,
  });
}
