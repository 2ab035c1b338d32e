import { describe, expect, it } from "vitest";
import { compareRuns } from "../compare/compare-runs.js";
import type { EvalRun } from "../run/types.js";
import { renderHtmlReport } from "./render-html-report.js";
import { renderMarkdownReport } from "./render-markdown-report.js";

const HOSTILE = '<script>alert("x")</script> | `tick` & <img src=x onerror=alert(1)>';

function createRun(target: string, passes: boolean[], output: (index: number) => string): EvalRun {
  return {
    target,
    dataset: "support.jsonl",
    evaluators: ["contains_refund"],
    rows: passes.map((passed, index) => ({
      rowId: `row-${index + 1}`,
      outputText: output(index),
      evaluations: [
        {
          name: "contains_refund",
          passed,
          score: passed ? 1 : 0,
          ...(passed ? {} : { explanation: HOSTILE }),
        },
      ],
      passed,
      attempts: 1,
      modelCalls: [],
      costUsd: 0.0001 * (index + 1),
      latencyMs: 100 * (index + 1),
      latencySource: "model-call-spans",
    })),
  };
}

const baseline = createRun("gpt-4o-mini", Array(10).fill(true), (index) => `Refund ${index}`);
const candidate = createRun(
  "gpt-4.1-nano",
  [false, false, false, true, true, true, true, true, true, true],
  (index) => (index === 0 ? HOSTILE : `Refund ${index}`),
);
const comparison = compareRuns(baseline, candidate);

describe("renderMarkdownReport", () => {
  const markdown = renderMarkdownReport({ runs: [baseline, candidate], comparison });

  it("states the verdict, the statistics, cost and latency, and the regressed rows", () => {
    expect(markdown).toContain("# sightline eval: support.jsonl");
    expect(markdown).toContain(
      "**❌ regression**: candidate `gpt-4.1-nano` against baseline `gpt-4o-mini`, 10 paired rows",
    );
    // 10/10 → Wilson [72.2%, 100%]; 7/10 → [39.7%, 89.2%]; McNemar b = 3, c = 0 → p = 2/8 = 0.25.
    expect(markdown).toContain(
      "| contains_refund | 100.0% [72.2%, 100.0%] | 70.0% [39.7%, 89.2%] | −30.0 pts | 0.25 |",
    );
    expect(markdown).toContain("| gpt-4o-mini | 10 | 0 | $0.000550 | $0.005500 | 550 ms | 500 ms | 1.00 s |");
    expect(markdown).toContain("## Regressed rows (3)");
    expect(markdown.match(/^\| row-\d+ \|/gm)).toEqual(["| row-1 |", "| row-2 |", "| row-3 |"]);
  });

  it("escapes answers so they cannot break the table or inject HTML", () => {
    const rowLine = markdown.split("\n").find((line) => line.startsWith("| row-1 |")) ?? "";
    expect(rowLine).not.toContain("<script>");
    expect(rowLine).toContain("&lt;script&gt;");
    // Every pipe inside a cell is escaped: the row still has exactly 6 unescaped separators.
    expect(rowLine.replace(/\\\|/g, "").match(/\|/g)).toHaveLength(6);
  });

  it("summarizes a single run without a comparison", () => {
    const single = renderMarkdownReport({ runs: [baseline] });
    expect(single).toContain("## gpt-4o-mini");
    expect(single).toContain("| contains_refund | 100.0% (10/10) [72.2%, 100.0%] | 1.000 [1.000, 1.000] |");
    expect(single).not.toContain("Regressed rows");
  });
});

describe("renderHtmlReport", () => {
  const html = renderHtmlReport({ runs: [baseline, candidate], comparison });

  it("is one self-contained, well-formed page with escaped content", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html.trim().endsWith("</body></html>")).toBe(true);
    expect(html).not.toMatch(/<(script|img|link|iframe)\b|\s(src|href)="/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    // Tags balance (the page has no void elements but <meta> and <br>).
    for (const tag of ["table", "tr", "td", "th", "thead", "tbody", "div", "p", "h1", "h2", "code"]) {
      const opened = html.match(new RegExp(`<${tag}[\\s>]`, "g"))?.length ?? 0;
      const closed = html.match(new RegExp(`</${tag}>`, "g"))?.length ?? 0;
      expect({ tag, opened }).toEqual({ tag, opened: closed });
    }
    expect(html).toContain('<p class="verdict regression">Regression');
    expect(html).toContain("<h2>Regressed rows (3)</h2>");
  });
});
