import { startOtlpCaptureReceiver } from "@sightline/otlp";
import { expect, it } from "vitest";
import { SUPPORT_BUDGET } from "./create-demo-governance.js";
import { CONVERSATION_ID, CUSTOMER_EMAIL } from "./run-conversation-scene.js";
import { runDemo } from "./run-demo.js";

// Exported to a capture receiver instead of sightline dev (the demo's OTEL_EXPORTER_OTLP_ENDPOINT path), so
// the spans and metrics themselves can be read. No sightline dev, so no store is written.
it("exports a conversation with redacted content, a drift event and a budget near its limit", async () => {
  const receiver = await startOtlpCaptureReceiver();
  try {
    await runDemo({ write: () => {}, env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url }, color: false });
    const spans = receiver.spans();
    const turns = spans.filter((span) => span.attributes["gen_ai.conversation.id"] === CONVERSATION_ID);
    expect(turns).toHaveLength(3);
    expect(new Set(turns.map((span) => span.traceId)).size).toBe(3);
    const firstInput = String(turns[0]?.attributes["gen_ai.input.messages"]);
    expect(firstInput).toContain("[REDACTED:email]");
    expect(JSON.stringify(spans)).not.toContain(CUSTOMER_EMAIL);
    expect(String(turns[2]?.attributes["gen_ai.input.messages"])).toContain("tracking link");
    const drifts = spans.flatMap((span) => span.events.filter((event) => event.name === "sightline.drift"));
    expect(drifts.map((event) => event.attributes["sightline.drift.signal"])).toContain("output_tokens");
    const point = (name: string) =>
      receiver
        .metrics()
        .filter((metric) => metric.name === name)
        .flatMap((metric) => metric.points)
        .find((candidate) => candidate.attributes["sightline.budget.name"] === SUPPORT_BUDGET);
    expect(point("sightline.budget.used")?.value).toBe(680);
    expect(point("sightline.budget.limit")?.value).toBe(800);
  } finally {
    await receiver.close();
  }
});
