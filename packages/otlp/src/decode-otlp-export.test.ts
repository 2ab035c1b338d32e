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
              events: [
                { name: "timed", timeUnixNano: "1767323045006000000" },
                { name: "as a number", timeUnixNano: 1767323045 },
                { name: "untimed", timeUnixNano: "0" },
              ],
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
  expect(decoded.spans[0]?.events).toEqual([
    { name: "timed", timeUnixNano: "1767323045006000000", attributes: {} },
    { name: "as a number", timeUnixNano: "1767323045", attributes: {} },
    { name: "untimed", attributes: {} },
  ]);
});

it("carries each metric point's time over OTLP/JSON", () => {
  const metrics = {
    resourceMetrics: [
      {
        scopeMetrics: [
          {
            metrics: [
              {
                name: "sightline.budget.used",
                gauge: {
                  dataPoints: [{ timeUnixNano: "1767323045006000000", asDouble: 1.5 }, { asInt: "2" }],
                },
              },
            ],
          },
        ],
      },
    ],
  };
  const decoded = decodeOtlpExport({
    body: Buffer.from(JSON.stringify(metrics)),
    contentType: "application/json",
    signal: "metrics",
  });
  expect(decoded.metrics[0]?.points).toEqual([
    { timeUnixNano: "1767323045006000000", attributes: {}, value: 1.5, valueType: "double" },
    { attributes: {}, value: 2, valueType: "int" },
  ]);
});

it("throws on a body that is not an export request", () => {
  const decode = (text: string) =>
    decodeOtlpExport({ body: Buffer.from(text), contentType: "application/json", signal: "metrics" });
  expect(() => decode("{not json")).toThrow();
  expect(() => decode("42")).toThrow(/not an object/);
  expect(decode("{}")).toEqual({ spans: [], metrics: [] });
});
