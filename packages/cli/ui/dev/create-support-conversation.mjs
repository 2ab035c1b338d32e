// The fixture's support conversation: two traces, captured content, a tool call, redaction markers.
import { chat, id, span, text } from "./fixture-span-builders.mjs";

/** The support conversation: two traces, content captured, a tool call, redaction markers. */
export function supportConversation(now) {
  const spans = [];
  const system = JSON.stringify([text("You are the ACME support bot. Be brief.")]);
  const firstInput = [
    {
      role: "user",
      parts: [
        text("Hi, I'm jane ([REDACTED:email]). Is it raining in Paris? My card is [REDACTED:credit_card]."),
      ],
    },
  ];
  const firstOutput = [
    {
      role: "assistant",
      finish_reason: "tool_call",
      parts: [
        {
          type: "tool_call",
          id: "call_1",
          name: "get_weather",
          arguments: { city: "Paris", unit: "celsius" },
        },
      ],
    },
  ];
  const toolTurn = [
    {
      role: "tool",
      parts: [{ type: "tool_call_response", id: "call_1", response: { sky: "rain", temp: 11 } }],
    },
  ];
  const secondOutput = [
    {
      role: "assistant",
      finish_reason: "stop",
      parts: [text("Yes, it's raining in Paris (11 °C). Take an umbrella!")],
    },
  ];
  const t1 = id(32);
  const start = now - 6 * 60_000;
  const root = span({
    traceId: t1,
    name: "POST /chat",
    startMs: start,
    durationMs: 2480,
    scope: "@opentelemetry/instrumentation-http",
  });
  const call1 = span({
    traceId: t1,
    parentSpanId: root.spanId,
    name: "chat gpt-4o",
    startMs: start + 20,
    durationMs: 910,
    attributes: chat({
      model: "gpt-4o",
      responseModel: "gpt-4o-2024-08-06",
      input: 182,
      output: 24,
      cost: 0.000695,
      finish: ["tool_call"],
      feature: "support-bot",
      conversation: "conv-42",
      extra: {
        "gen_ai.system_instructions": system,
        "gen_ai.input.messages": JSON.stringify(firstInput),
        "gen_ai.output.messages": JSON.stringify(firstOutput),
        "gen_ai.response.time_to_first_chunk": 312.4,
        "gen_ai.request.stream": true,
      },
    }),
  });
  const tool = span({
    traceId: t1,
    parentSpanId: root.spanId,
    name: "execute_tool get_weather",
    startMs: start + 940,
    durationMs: 220,
    attributes: {
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "get_weather",
      "gen_ai.tool.call.id": "call_1",
      "gen_ai.tool.call.arguments": '{"city":"Paris","unit":"celsius"}',
      "gen_ai.tool.call.result": '{"sky":"rain","temp":11}',
    },
  });
  const http = span({
    traceId: t1,
    parentSpanId: tool.spanId,
    name: "GET api.weather.test/v1",
    startMs: start + 960,
    durationMs: 180,
    kind: 3,
    scope: "undici",
  });
  const call2 = span({
    traceId: t1,
    parentSpanId: root.spanId,
    name: "chat gpt-4o",
    startMs: start + 1180,
    durationMs: 1280,
    attributes: chat({
      model: "gpt-4o",
      responseModel: "gpt-4o-2024-08-06",
      input: 240,
      output: 31,
      cost: 0.00091,
      feature: "support-bot",
      conversation: "conv-42",
      extra: {
        "gen_ai.system_instructions": system,
        "gen_ai.input.messages": JSON.stringify([...firstInput, ...firstOutput, ...toolTurn]),
        "gen_ai.output.messages": JSON.stringify(secondOutput),
      },
    }),
  });
  spans.push(root, call1, tool, http, call2);
  const t2 = id(32);
  const start2 = now - 2 * 60_000;
  const root2 = span({
    traceId: t2,
    name: "POST /chat",
    startMs: start2,
    durationMs: 1020,
    scope: "@opentelemetry/instrumentation-http",
  });
  const call3 = span({
    traceId: t2,
    parentSpanId: root2.spanId,
    name: "chat gpt-4o",
    startMs: start2 + 15,
    durationMs: 990,
    attributes: chat({
      model: "gpt-4o",
      input: 300,
      output: 18,
      cost: 0.00093,
      feature: "support-bot",
      conversation: "conv-42",
      extra: {
        "gen_ai.system_instructions": system,
        "gen_ai.input.messages": JSON.stringify([
          ...firstInput,
          ...firstOutput,
          ...toolTurn,
          ...secondOutput,
          { role: "user", parts: [text("Thanks! Call me at [REDACTED:phone] if it stops.")] },
        ]),
        "gen_ai.output.messages": JSON.stringify([
          { role: "assistant", finish_reason: "stop", parts: [text("I can't call, but I'll be here.")] },
        ]),
      },
    }),
  });
  spans.push(root2, call3);
  return spans;
}
