import { expect, it } from "vitest";
import { runExample } from "./run-example.js";

it("runs offline and sightline dev shows each AI SDK run as one agent with its model and tool calls", async () => {
  const output = await runExample({ write: () => {}, env: {}, color: false });
  const first = output.slice(output.indexOf("▸ 1"), output.indexOf("▸ 2"));
  expect(first).toMatch(/4 spans · 2 model calls/);
  expect(first).toMatch(/└─ invoke_agent weather-chat/);
  expect(first).toMatch(/├─ chat gpt-4o-mini → \S+ .*first chunk .*\$0\.\d+ {2}finish tool_call/);
  expect(first).toMatch(/├─ execute_tool weather/);
  expect(first).toMatch(/└─ chat gpt-4o-mini .*finish stop/);
  const second = output.slice(output.indexOf("▸ 2"));
  expect(second).toMatch(/6 spans · 3 model calls/);
  expect(second).toMatch(/└─ invoke_agent weather-agent/);
  expect(second.match(/execute_tool weather/g)).toHaveLength(2);
  // The summary counts model calls only: five, not the agent spans too.
  expect(output).toMatch(/\ngpt-4o-mini-2026-01-01\s+5\s+0\s/);
});
