import { createRedactor } from "@sightline/core";
import { SECRET_SAMPLES, secretPart } from "@sightline/testing/vitest";
import { describe, expect, it } from "vitest";
import { useOpenAITestContext, waitForSpans } from "./test-helpers.js";

const ctx = useOpenAITestContext();

/** Everything a span carries as text: attributes and event attributes. */
function recordedText(span: { attributes: object; events: { attributes?: object }[] }): string {
  return JSON.stringify([span.attributes, span.events.map((event) => event.attributes)]);
}

/** The recorded text as the JSON-decoded strings it holds (so escaping can't hide a match). */
function recordedStrings(span: { attributes: Record<string, unknown> }): string {
  return Object.values(span.attributes)
    .map((value) =>
      typeof value === "string" && value.startsWith("[") ? JSON.stringify(JSON.parse(value)) : String(value),
    )
    .join("\n")
    .replaceAll("\\n", "\n");
}

describe("redaction through the real openai client", () => {
  it("keeps 50 kinds of secrets in messages, tools, tool calls and answers out of every captured attribute", async () => {
    expect(SECRET_SAMPLES).toHaveLength(50);
    const secrets = SECRET_SAMPLES.map(([, secret]) => secret);
    const [first, second, third, ...rest] = secrets;
    ctx.server.enqueue({ text: `Here you go: ${rest.slice(40).join(" | ")}` });
    const client = ctx.observed({ captureContent: true, contentMaxBytes: 1_000_000 });
    await client.chat.completions.create({
      model: "gpt-4o",
      messages: [
        { role: "system", content: `Internal config: ${first}` },
        { role: "user", content: rest.slice(0, 20).join("\n") },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: "call_1",
              type: "function",
              function: {
                name: "lookup",
                arguments: JSON.stringify({ token: second, note: rest.slice(20, 25).join(" ") }),
              },
            },
          ],
        },
        { role: "tool", tool_call_id: "call_1", content: `result ${third} ${rest.slice(25, 30).join(" ")}` },
        { role: "user", content: [{ type: "text", text: rest.slice(30, 40).join(" and ") }] },
      ],
      tools: [
        {
          type: "function",
          function: { name: "lookup", description: `Uses key ${rest[0]}`, parameters: { type: "object" } },
        },
      ],
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    if (!span) throw new Error("no span");
    const text = recordedText(span);
    const strings = recordedStrings(span);
    for (const [kind, secret] of SECRET_SAMPLES) {
      const part = secretPart(secret);
      expect(text, `${kind} leaked: ${part}`).not.toContain(part);
      expect(strings, `${kind} leaked: ${part}`).not.toContain(part);
    }
    expect(span.attributes["gen_ai.input.messages"]).toContain("[REDACTED:openai_api_key]");
    expect(span.attributes["gen_ai.output.messages"]).toContain("[REDACTED:");
    expect(
      span.attributes["gen_ai.system_instructions"] ?? span.attributes["gen_ai.input.messages"],
    ).toContain("[REDACTED:private_key]");
    expect(span.attributes["sightline.redaction.count"]).toBeGreaterThanOrEqual(50);
    expect(span.attributes["sightline.redaction.github_token.count"]).toBe(4);
    // The secrets did reach the provider: redaction is about telemetry, not the call.
    expect(JSON.stringify(ctx.server.requests[0]?.body)).toContain(secretPart(rest[5] as string));
  });

  it("redacts streamed answers too", async () => {
    ctx.server.enqueue({ text: "Card 4111 1111 1111 1111, mail ops@acme.test", chunks: 4 });
    const client = ctx.observed({ captureContent: true });
    const stream = await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "call me on +44 20 7946 0958" }],
      stream: true,
    });
    for await (const _chunk of stream) {
      // drain
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))[0].parts[0].content).toBe(
      "Card [REDACTED:card_number], mail [REDACTED:email]",
    );
    expect(span?.attributes).toMatchObject({
      "sightline.redaction.card_number.count": 1,
      "sightline.redaction.email.count": 1,
      "sightline.redaction.phone.count": 1,
      "sightline.redaction.count": 3,
    });
  });

  it("runs the redactContent hook on the raw text, then the built-ins on what it returns", async () => {
    const client = ctx.observed({
      captureContent: true,
      redactContent: (text) => text.replaceAll("Project Falcon", "<codename>"),
    });
    await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "Project Falcon, owner jane@acme.test" }],
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.input.messages"]).toContain("<codename>, owner [REDACTED:email]");
  });

  it("accepts options or a shared redactor, and can be turned off", async () => {
    const redactor = createRedactor({
      allow: ["support@acme.test"],
      rules: [{ kind: "ticket", pattern: /TCK-\d{6}/ }],
    });
    await ctx.observed({ captureContent: true, redaction: redactor }).chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "support@acme.test about TCK-123456 from a@b.io" }],
    });
    await ctx.observed({ captureContent: true, redaction: false }).chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "raw a@b.io" }],
    });
    const [withRules, off] = await waitForSpans(ctx.telemetry, 2);
    expect(withRules?.attributes["gen_ai.input.messages"]).toContain(
      "support@acme.test about [REDACTED:ticket] from [REDACTED:email]",
    );
    expect(withRules?.attributes["sightline.redaction.ticket.count"]).toBe(1);
    expect(off?.attributes["gen_ai.input.messages"]).toContain("raw a@b.io");
    expect(Object.keys(off?.attributes ?? {}).some((key) => key.startsWith("sightline.redaction"))).toBe(
      false,
    );
  });

  it("rejects a bad redaction option when the client is wrapped", () => {
    expect(() => ctx.observed({ captureContent: true, redaction: { detectors: ["emails"] } })).toThrow(
      /redaction.detectors: unknown kind "emails"/,
    );
  });
});

describe("provider error text through the real openai client", () => {
  const apiKey = SECRET_SAMPLES.find(([kind]) => kind === "openai_api_key")?.[1] ?? "";
  const echoingBody = {
    error: {
      message: `Incorrect API key provided: ${apiKey}. Account owner: jane.doe@example.com.`,
      type: "invalid_request_error",
      code: "invalid_api_key",
    },
  };

  for (const captureContent of [false, true]) {
    it(`keeps a 401's echoed API key and e-mail out of the status, exception event and stack (capture ${captureContent ? "on" : "off"})`, async () => {
      ctx.server.enqueue({ status: 401, errorBody: echoingBody });
      const client = ctx.observed({ captureContent });
      const error = await client.chat.completions
        .create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] })
        .catch((caught: Error) => caught);
      // The caller's error is the SDK's own, untouched.
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(apiKey);
      const [span] = await waitForSpans(ctx.telemetry, 1);
      if (!span) throw new Error("no span");
      const recorded = JSON.stringify([span.status, span.attributes, span.events]);
      expect(recorded).not.toContain(apiKey);
      expect(recorded).not.toContain(secretPart(apiKey));
      expect(recorded).not.toContain("jane.doe@example.com");
      expect(span.status.message).toContain("[REDACTED:openai_api_key]");
      expect(span.status.message).toContain("[REDACTED:email]");
      const exception = span.events.find((event) => event.name === "exception");
      expect(exception?.attributes?.["exception.type"]).toBe("AuthenticationError");
      expect(exception?.attributes?.["exception.message"]).toBe(span.status.message);
      expect(String(exception?.attributes?.["exception.stacktrace"])).toContain("[REDACTED:email]");
      expect(span.attributes["error.type"]).toBe("AuthenticationError");
    });
  }

  it("bounds a huge echoed error body, and leaves error text alone when redaction is turned off", async () => {
    ctx.server.enqueue({
      status: 400,
      errorBody: { error: { message: `bad request ${"x".repeat(100_000)}` } },
    });
    const client = ctx.observed();
    await client.chat.completions
      .create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] })
      .catch(() => undefined);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.status.message?.length).toBeLessThanOrEqual(1024);
    expect(span?.status.message).toMatch(/…\[truncated\]$/);
    const stack = span?.events.find((event) => event.name === "exception")?.attributes?.[
      "exception.stacktrace"
    ];
    expect(String(stack).length).toBeLessThanOrEqual(8192);

    ctx.telemetry.resetSpans();
    ctx.server.enqueue({ status: 401, errorBody: echoingBody });
    await ctx
      .observed({ redaction: false })
      .chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] })
      .catch(() => undefined);
    const [unredacted] = await waitForSpans(ctx.telemetry, 1);
    expect(unredacted?.status.message).toContain("jane.doe@example.com");
  });
});
