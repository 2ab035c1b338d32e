import { expect, it } from "vitest";
import { runExample } from "./run-example.js";

it("runs offline and sightline dev shows the handoff run as one trace: workflow, two agents, three model calls, the tool", async () => {
  const output = await runExample({ write: () => {}, env: {}, color: false });
  const run = output.slice(output.indexOf("▸ 1"));
  expect(run).toMatch(/answer: It is 21 °C and clear in Paris\./);
  expect(run).toMatch(/invoke_workflow Agent workflow/);
  expect(run).toMatch(/invoke_agent Triage agent/);
  expect(run).toMatch(/invoke_agent Weather agent/);
  expect(run).toMatch(/execute_tool get_weather/);
  expect(run.match(/chat gpt-4o-mini/g)).toHaveLength(3);
  // The summary counts model calls only, each once.
  expect(output).toMatch(/\ngpt-4o-mini-2026-01-01\s+3\s+0\s/);
});
