import { describe, expect, it } from "vitest";
import type { GenAIResponse } from "../operation/operation-shapes.js";
import { detectRefusal } from "./detect-refusal.js";
import { readRefusal } from "./read-refusal.js";
import type { FinishedOperation } from "./types.js";

function finished(response: GenAIResponse | undefined): FinishedOperation {
  return { response } as FinishedOperation;
}

const declined = (): GenAIResponse["outputMessages"] => () => [
  { role: "assistant", finish_reason: "stop", parts: [{ type: "text", content: "I can't help with that." }] },
];

describe("readRefusal", () => {
  it("counts a provider-reported refusal with content capture off", () => {
    const operation = finished({ finishReasons: ["content_filter"], refusal: "content_filter" });
    expect(readRefusal(operation, { detectRefusal, captureContent: false })).toBe(true);
  });

  it("counts a provider-reported refusal that came with no finish reason (a blocked prompt)", () => {
    expect(readRefusal(finished({ refusal: "SAFETY" }), { captureContent: false })).toBe(true);
  });

  it("reads an ordinary finished answer as no refusal, without content", () => {
    const operation = finished({ finishReasons: ["stop"], outputMessages: declined() });
    expect(readRefusal(operation, { detectRefusal, captureContent: false })).toBe(false);
  });

  it("knows nothing when the provider reported no outcome and content is off", () => {
    expect(readRefusal(finished({ model: "m" }), { detectRefusal, captureContent: false })).toBeUndefined();
    expect(readRefusal(finished(undefined), { detectRefusal, captureContent: false })).toBeUndefined();
  });

  it("adds the text heuristic when content is captured", () => {
    const operation = finished({ finishReasons: ["stop"], outputMessages: declined() });
    expect(readRefusal(operation, { detectRefusal, captureContent: true })).toBe(true);
  });

  it("keeps the provider's refusal when the captured text looks ordinary", () => {
    const operation = finished({
      finishReasons: ["refusal"],
      refusal: "refusal",
      outputMessages: () => [
        { role: "assistant", finish_reason: "refusal", parts: [{ type: "text", content: "Here is" }] },
      ],
    });
    expect(readRefusal(operation, { detectRefusal, captureContent: true })).toBe(true);
  });
});
