import { createSvgElement } from "../dom/create-svg-element.js";
import { createLinearScale, niceTicks } from "./chart-scale.js";

/** The drawing size of every chart (a viewBox; CSS scales it to the card's width). */
export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 200;
const MARGIN = { top: 12, right: 12, bottom: 26, left: 56 };

/** An SVG with axes drawn, and the scales to plot into it. */
export interface ChartFrame {
  svg: SVGSVGElement;
  plot: { left: number; top: number; right: number; bottom: number };
  x: (value: number) => number;
  y: (value: number) => number;
}

/**
 * An SVG chart frame: horizontal grid lines with y labels (from 0 to a round maximum), x labels at
 * the given positions, and an accessible label. Every label is a text node.
 */
export function createChartFrame(options: {
  label: string;
  xDomain: readonly [number, number];
  yMax: number;
  formatY: (value: number) => string;
  xLabels: readonly { value: number; text: string }[];
  /** Drawing width; full-width charts use a wider one so their text is not scaled up. Default {@link CHART_WIDTH}. */
  width?: number;
}): ChartFrame {
  const width = options.width ?? CHART_WIDTH;
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: width - MARGIN.right,
    bottom: CHART_HEIGHT - MARGIN.bottom,
  };
  const ticks = niceTicks(options.yMax);
  const top = ticks.at(-1) ?? 1;
  const x = createLinearScale({ domain: options.xDomain, range: [plot.left, plot.right] });
  const y = createLinearScale({ domain: [0, top], range: [plot.bottom, plot.top] });
  const svg = createSvgElement("svg", {
    viewBox: `0 0 ${width} ${CHART_HEIGHT}`,
    class: "chart-svg",
    role: "img",
    "aria-label": options.label,
  });
  for (const tick of ticks) {
    svg.append(
      createSvgElement("line", {
        x1: plot.left,
        x2: plot.right,
        y1: y(tick),
        y2: y(tick),
        class: tick === 0 ? "axis-line" : "grid-line",
      }),
      createSvgElement(
        "text",
        { x: plot.left - 6, y: y(tick) + 4, class: "axis-label", "text-anchor": "end" },
        [options.formatY(tick)],
      ),
    );
  }
  options.xLabels.forEach((label, index) => {
    // The outer labels hug the plot's edges so they are not cut off by the viewBox.
    const anchor =
      options.xLabels.length > 1 && index === 0
        ? "start"
        : index === options.xLabels.length - 1 && index > 0
          ? "end"
          : "middle";
    svg.append(
      createSvgElement(
        "text",
        { x: x(label.value), y: CHART_HEIGHT - 8, class: "axis-label", "text-anchor": anchor },
        [label.text],
      ),
    );
  });
  return { svg, plot, x, y };
}

/** About `count` evenly spaced x labels across a domain. */
export function spreadXLabels(options: {
  domain: readonly [number, number];
  count: number;
  format: (value: number) => string;
}): { value: number; text: string }[] {
  const [start, end] = options.domain;
  if (end <= start) return [{ value: start, text: options.format(start) }];
  return Array.from({ length: options.count }, (_, index) => {
    const value = start + ((end - start) * index) / (options.count - 1);
    return { value, text: options.format(value) };
  });
}
