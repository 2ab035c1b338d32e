import { expect, it } from "vitest";
import { runExample } from "./run-example.js";

it("runs offline and sightline dev shows the agent with its model and tool calls, and the stream", async () => {
  const output = await runExample({ write: () => {}, env: {}, color: false });
  const first = output.slice(output.indexOf("▸ 1"), output.indexOf("▸ 2"));
  expect(first).toMatch(/answer: It is 21 °C and clear in Paris\./);
  expect(first).toMatch(/invoke_agent weather_agent/);
  expect(first.match(/chat gpt-4o-mini/g)).toHaveLength(2);
  expect(first).toMatch(/execute_tool weather/);
  expect(first).toMatch(/\$0\.\d+/);
  const second = output.slice(output.indexOf("▸ 2"));
  expect(second).toMatch(/chat gpt-4o-mini .*first chunk/);
  // The summary counts model calls only: three.
  expect(output).toMatch(/\ngpt-4o-mini-2026-01-01\s+3\s+0\s/);
});
