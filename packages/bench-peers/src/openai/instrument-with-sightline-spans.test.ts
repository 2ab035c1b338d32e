import { it } from "vitest";
import { expectSpansPerCall } from "../expect-spans-per-call.js";

it("makes one span with token usage per openai call with metrics, cost and drift off", async () => {
  await expectSpansPerCall({ clientName: "openai", variantName: "sightline-spans" });
});
