import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type DemoSession, openDemoStore, SCREENSHOT_FOLDER } from "./open-demo-store.js";

// The overview of the demo's store against the demo's own printed summary table, budget line and drift
// markers: the terminal view computes those apart from the store's queries.
let session: DemoSession;

beforeAll(async () => {
  session = await openDemoStore();
  mkdirSync(SCREENSHOT_FOLDER, { recursive: true });
  await session.launched.page.goto(`${session.dev.uiUrl}#/overview`);
  await session.launched.page.waitForSelector('[data-testid="kpi-calls"]');
});

afterAll(async () => {
  await session?.close();
});

const kpi = (id: string) => session.launched.page.textContent(`[data-testid="kpi-${id}"] .kpi-value`);
const leadingNumber = (text: string | null) =>
  Number((/[\d,.]+/.exec(text ?? "")?.[0] ?? "NaN").replaceAll(",", ""));
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

it("shows KPIs equal to the sums of the demo's summary table", async () => {
  const rows = session.printed.models;
  expect(rows.length).toBeGreaterThan(1);
  expect(leadingNumber(await kpi("calls"))).toBe(sum(rows.map((row) => row.calls)));
  expect(leadingNumber(await kpi("errors"))).toBe(sum(rows.map((row) => row.errors)));
  expect(leadingNumber(await kpi("input-tokens"))).toBe(sum(rows.map((row) => row.inputTokens)));
  expect(leadingNumber(await kpi("output-tokens"))).toBe(sum(rows.map((row) => row.outputTokens)));
  // The table prints six decimals per model, the KPI four: equal to within the KPI's rounding.
  const spend = sum(rows.map((row) => row.costUsd ?? 0));
  expect(spend).toBeGreaterThan(0);
  expect(leadingNumber(await kpi("spend"))).toBeCloseTo(spend, 4);
});

it("draws each chart as a non-empty SVG", async () => {
  const { page } = session.launched;
  for (const chart of ["chart-calls", "chart-latency", "chart-tokens", "chart-spend", "chart-drift"]) {
    const marks = await page
      .locator(`[data-testid="${chart}"] svg`)
      .evaluate((svg) => svg.querySelectorAll("rect, path, circle, line, polyline").length);
    expect(marks, chart).toBeGreaterThan(0);
  }
  const calls = sum(session.printed.models.map((row) => row.calls));
  await expect(page.textContent('[data-testid="chart-calls-total"]')).resolves.toContain(`${calls} calls`);
});

it("shows the support budget as the demo printed it", async () => {
  const { page } = session.launched;
  const [budget] = session.printed.budgets;
  expect(budget).toBeDefined();
  const bar = page.locator('[data-testid="budget"]', { hasText: budget?.name ?? "?" });
  await expect(bar.locator(".budget-amount").textContent()).resolves.toBe(
    `${budget?.used} tokens / ${budget?.limit} tokens (${budget?.share}%)`,
  );
  await expect(bar.locator('[role="progressbar"]').getAttribute("aria-valuenow")).resolves.toBe(
    String(budget?.share),
  );
});

it("lists the drift event and the model change the demo flagged", async () => {
  const { page } = session.launched;
  const driftSignals = [...session.stdout.matchAll(/⚑ sightline\.drift (\S+)/g)].map((match) => match[1]);
  const change = /⚑ sightline\.model_change response_model: (\S+) → (\S+)/.exec(session.stdout);
  expect(driftSignals.length).toBeGreaterThan(0);
  const drifts = await page.locator('[data-testid="drift-event-drift"]').allTextContents();
  expect(drifts).toHaveLength(driftSignals.length);
  for (const signal of driftSignals) expect(drifts.join("\n")).toContain(signal);
  const changes = await page.locator('[data-testid="drift-event-model-change"]').allTextContents();
  expect(changes).toHaveLength(1);
  expect(changes[0]).toContain(`${change?.[1]} → ${change?.[2]}`);
  await page.screenshot({ path: join(SCREENSHOT_FOLDER, "overview.png"), fullPage: true });
  expect(session.launched.pageErrors).toEqual([]);
});
