import { createElement } from "../dom/create-element.js";

/** Colors cycle through this many series classes (`series-0` …), defined in app.css for both themes. */
export const SERIES_COLORS = 8;

/**
 * A chart card: the title, a total written as text (so the number is readable without the drawing),
 * the SVG, and a legend of the series.
 */
export function createChartFigure(options: {
  title: string;
  total: string;
  testId: string;
  chart: SVGSVGElement;
  legend: readonly { label: string; colorIndex: number; className?: string }[];
}): HTMLElement {
  return createElement("figure", { className: "chart", testId: options.testId }, [
    createElement("figcaption", { className: "chart-caption" }, [
      createElement("span", { className: "chart-title", text: options.title }),
      createElement("span", {
        className: "chart-total",
        testId: `${options.testId}-total`,
        text: options.total,
      }),
    ]),
    options.chart,
    options.legend.length > 1 || options.legend.some((entry) => entry.className)
      ? createElement(
          "div",
          { className: "legend" },
          options.legend.map((entry) =>
            createElement("span", { className: "legend-item" }, [
              createElement("span", {
                className: `swatch ${entry.className ?? `series-${entry.colorIndex % SERIES_COLORS}`}`,
              }),
              entry.label,
            ]),
          ),
        )
      : null,
  ]);
}
