import { expect, it } from "vitest";
import { collectFinishReasons } from "./collect-finish-reasons.js";

it("keeps only the reasons a provider reported, and gives none when it reported none", () => {
  expect(collectFinishReasons(["stop", undefined, "length"])).toEqual(["stop", "length"]);
  expect(collectFinishReasons([undefined, undefined])).toBeUndefined();
  expect(collectFinishReasons([])).toBeUndefined();
  expect(collectFinishReasons([""])).toBeUndefined();
});
