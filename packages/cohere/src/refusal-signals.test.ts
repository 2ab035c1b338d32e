import { createDriftMonitor } from "@sightline/core";
import { recordDriftCategory } from "@sightline/testing";
import { describe, expect, it } from "vitest";
import { useCohereTestContext, waitForSpans } from "./test-helpers.js";

// Provider-reported refusals: read from `finish_reason`, so content capture stays off (the default).
const ctx = useCohereTestContext();
const request = { model: "command-a-03-2025", messages: [{ role: "user" as const, content: "hi" }] };

describe.each([false, true])("chat (stream: %s)", (stream) => {
  async function call(finishReason?: string) {
    ctx.server.enqueue(finishReason ? { finishReason } : {});
    const { monitor, values: refusals } = recordDriftCategory(createDriftMonitor(), "refusal");
    const client = ctx.observed({ drift: { monitor } });
    if (stream) for await (const _event of await client.chatStream(request));
    else await client.chat(request);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    return { attributes: span?.attributes ?? {}, refusal: refusals[0] };
  }

  it("finish_reason ERROR_TOXIC is a provider-reported refusal with content capture off", async () => {
    const result = await call("ERROR_TOXIC");
    expect(result.attributes["sightline.response.refusal"]).toBe("ERROR_TOXIC");
    expect(result.refusal).toBe("yes");
  });

  it("an ordinary answer is no refusal", async () => {
    const result = await call();
    expect(result.attributes["sightline.response.refusal"]).toBeUndefined();
    expect(result.refusal).toBe("no");
  });
});
