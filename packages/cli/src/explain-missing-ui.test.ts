import { expect, it } from "vitest";
import { explainMissingUi } from "./explain-missing-ui.js";

it("names --no-ui, an old Node, or neither as the reason there is no web UI", () => {
  expect(explainMissingUi({ ui: false, nodeVersion: "22.23.5" })).toBe("the web UI is off (--no-ui)");
  expect(explainMissingUi({ ui: true, nodeVersion: "20.20.2" })).toBe(
    "the web UI needs node:sqlite, which Node 20.20.2 lacks; run sightline dev on Node 22.13 or later",
  );
  expect(explainMissingUi({ ui: true, nodeVersion: "22.12.0" })).toContain("Node 22.12.0 lacks");
  expect(explainMissingUi({ ui: true, nodeVersion: "23.3.0" })).toContain("Node 23.3.0 lacks");
  expect(explainMissingUi({ ui: true, nodeVersion: "24.1.0" })).toBe("this receiver serves no web UI");
});
