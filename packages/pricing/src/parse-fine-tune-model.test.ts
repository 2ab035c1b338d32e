import { describe, expect, it } from "vitest";
import { getFineTunePriceIds } from "./parse-fine-tune-model.js";

describe("getFineTunePriceIds", () => {
  it.each([
    ["ft:gpt-4o-mini-2024-07-18:my-org::AbC123", ["ft:gpt-4o-mini-2024-07-18", "ft:gpt-4o-mini"]],
    [
      "ft:gpt-4o-mini-2024-07-18:my-org:custom-suffix:AbC123",
      ["ft:gpt-4o-mini-2024-07-18", "ft:gpt-4o-mini"],
    ],
    [
      "ft:gpt-4o-mini-2024-07-18:my-org:custom-suffix:AbC123:ckpt-step-88",
      ["ft:gpt-4o-mini-2024-07-18", "ft:gpt-4o-mini"],
    ],
    ["ft:gpt-3.5-turbo:my-org::7p4lURel", ["ft:gpt-3.5-turbo"]],
    ["gpt-4o-mini-2024-07-18.ft-0123456789abcdef", ["ft:gpt-4o-mini-2024-07-18", "ft:gpt-4o-mini"]],
    ["gpt-35-turbo-0613.ft-b044a9d3cf9c4228b5d393567f693b83", ["ft:gpt-35-turbo-0613", "ft:gpt-35-turbo"]],
  ])("%s → %j", (model, ids) => {
    expect(getFineTunePriceIds(model)).toEqual(ids);
  });

  it.each([
    "gpt-4o-mini",
    "ft:gpt-4o-mini",
    "ft:gpt-4o-mini-2024-07-18",
    "my-ft-deployment",
    "gpt-4o.ft-xyz",
  ])("%s is no fine-tune id", (model) => {
    expect(getFineTunePriceIds(model)).toBeUndefined();
  });
});
