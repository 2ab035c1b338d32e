import { expect, it } from "vitest";
import { decodeOtlpExport } from "./decode-otlp-export.js";

const traces = {
  resourceSpans: [
    {
      resource: { attributes: [{ key: "service.name", value: { stringValue: "bot" } }] },
      scopeSpans: [
        {
          scope: { name: "s" },
          spans: [
            {
              traceId: "0af7651916cd43dd8448eb211c80319c",
              spanId: "b7ad6b7169203331",
              name: "chat gpt-4o",
              kind: 3,
              startTimeUnixNano: "1",
              endTimeUnixNano: "2",
              attributes: [{ key: "gen_ai.usage.input_tokens", value: { intValue: "12" } }],
            },
          ],
        },
      ],
    },
  ],
};

it("decodes an OTLP/JSON traces request into flattened spans", () => {
  const decoded = decodeOtlpExport({
    body: Buffer.from(JSON.stringify(traces)),
    contentType: "application/json",
    signal: "traces",
  });
  expect(decoded.metrics).toEqual([]);
  expect(decoded.spans[0]).toMatchObject({
    name: "chat gpt-4o",
    attributes: { "gen_ai.usage.input_tokens": 12 },
    resource: { "service.name": "bot" },
  });
});

it("throws on a body that is not an export request", () => {
  const decode = (text: string) =>
    decodeOtlpExport({ body: Buffer.from(text), contentType: "application/json", signal: "metrics" });
  expect(() => decode("{not json")).toThrow();
  expect(() => decode("42")).toThrow(/not an object/);
  expect(decode("{}")).toEqual({ spans: [], metrics: [] });
});
