import { expect, it } from "vitest";
import { checkKnownParameters, parseOverviewQuery, parseTraceListQuery } from "./parse-api-query.js";

const parameters = (text: string) => new URLSearchParams(text);

it("parses every trace list filter, skipping empty ones", () => {
  expect(
    parseTraceListQuery(
      parameters(
        "service=bot&model=gpt-4o&provider=openai&feature=f&conversation=c&errors=only&minDurationMs=1.5&maxDurationMs=9&minCostUsd=0&maxCostUsd=0.5&since=10&until=20&q=x&limit=500&before=15&feature=",
      ),
    ),
  ).toEqual({
    service: "bot",
    model: "gpt-4o",
    provider: "openai",
    feature: "f",
    conversation: "c",
    errors: "only",
    minDurationMs: 1.5,
    maxDurationMs: 9,
    minCostUsd: 0,
    maxCostUsd: 0.5,
    since: 10,
    until: 20,
    q: "x",
    limit: 500,
    before: 15,
  });
  expect(parseTraceListQuery(parameters("service=&q="))).toEqual({});
});

it("names the parameter and the problem", () => {
  expect(() => parseTraceListQuery(parameters("limit=2.5"))).toThrow(
    'query parameter "limit": "2.5" is not a whole number',
  );
  expect(() => parseTraceListQuery(parameters("limit=0"))).toThrow('query parameter "limit": 0 is below 1');
  expect(() => parseTraceListQuery(parameters("since=yesterday"))).toThrow(
    'query parameter "since": "yesterday" is not a number',
  );
  expect(() => parseTraceListQuery(parameters("errors=yes"))).toThrow(
    'query parameter "errors": use "only" or "none"',
  );
  expect(() => parseOverviewQuery(parameters("buckets=201"))).toThrow(
    'query parameter "buckets": 201 is above 200',
  );
  expect(() => checkKnownParameters({ parameters: parameters("lmit=5"), known: ["limit"] })).toThrow(
    'query parameter "lmit": unknown; this endpoint takes limit',
  );
  expect(parseOverviewQuery(parameters("since=1&until=2&buckets=4"))).toEqual({
    since: 1,
    until: 2,
    buckets: 4,
  });
});
