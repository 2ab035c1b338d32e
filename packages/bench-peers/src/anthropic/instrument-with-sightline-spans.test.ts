import { it } from "vitest";
import { expectSpansPerCall } from "../expect-spans-per-call.js";

it("makes one span with token usage per Anthropic call with metrics, cost and drift off", async () => {
  await expectSpansPerCall({ clientName: "anthropic", variantName: "sightline-spans" });
});
