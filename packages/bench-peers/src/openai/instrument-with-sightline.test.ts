import { it } from "vitest";
import { expectSpansPerCall } from "../expect-spans-per-call.js";

it("makes one span with token usage per openai call it traces", async () => {
  await expectSpansPerCall({ clientName: "openai", variantName: "sightline" });
});
