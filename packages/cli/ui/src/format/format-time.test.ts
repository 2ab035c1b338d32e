import { expect, it } from "vitest";
import { formatAxisTime } from "./format-time.js";

it("labels axis ticks with seconds for short windows, minutes for hours, days for long ones", () => {
  const ms = new Date(2026, 11, 4, 4, 11, 37).getTime();
  const seconds = formatAxisTime({ ms, spanMs: 30_000 });
  const minutes = formatAxisTime({ ms, spanMs: 3_600_000 });
  const days = formatAxisTime({ ms, spanMs: 7 * 86_400_000 });
  expect(seconds).toMatch(/37/);
  expect(minutes).not.toMatch(/37/);
  expect(minutes).toMatch(/11/);
  expect(days).toMatch(/4/);
  expect(days).not.toMatch(/11/);
});
