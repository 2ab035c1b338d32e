import { it } from "vitest";
import { expectSpansPerCall } from "../expect-spans-per-call.js";

it("makes one span with token usage per anthropic call it traces", async () => {
  await expectSpansPerCall({ clientName: "anthropic", variantName: "openinference" });
});
