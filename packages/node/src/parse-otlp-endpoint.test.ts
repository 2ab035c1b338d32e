import { SightlineError } from "@sightline/core";
import { describe, expect, it } from "vitest";
import { parseOtlpEndpoint } from "./parse-otlp-endpoint.js";

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (SightlineError.isInstance(error)) return error.message;
    throw error;
  }
  throw new Error("expected a SightlineError");
}

describe("parseOtlpEndpoint", () => {
  it("appends /v1/<signal> to the base path and keeps the query after it", () => {
    expect(
      parseOtlpEndpoint({ value: "http://host:4318/base?x=1", source: "endpoint", signal: "traces" }).url,
    ).toBe("http://host:4318/base/v1/traces?x=1");
    expect(
      parseOtlpEndpoint({ value: "http://host:4318/otlp/", source: "endpoint", signal: "metrics" }).url,
    ).toBe("http://host:4318/otlp/v1/metrics");
    expect(parseOtlpEndpoint({ value: "http://host:4318/custom?x=1", source: "full" }).url).toBe(
      "http://host:4318/custom?x=1",
    );
  });

  it("rejects a URL without a host, naming where it came from", () => {
    for (const value of [
      "http://",
      "https://",
      "http:///v1/traces",
      "http://user:secret@/",
      "http://:4318",
    ]) {
      const message = messageOf(() =>
        parseOtlpEndpoint({ value, source: "OTEL_EXPORTER_OTLP_ENDPOINT", signal: "traces" }),
      );
      expect(message).toMatch(
        /^OTEL_EXPORTER_OTLP_ENDPOINT: ".*" has no host; use e\.g\. "http:\/\/localhost:4318"/,
      );
      expect(message).not.toContain("secret");
    }
  });

  it("moves user:password into a Basic authorization header and hides it everywhere else", () => {
    const endpoint = parseOtlpEndpoint({
      value: "https://instance%40org:tok%3Aen@otlp.example.com/otlp",
      source: "endpoint",
      signal: "traces",
    });
    expect(endpoint.url).toBe("https://otlp.example.com/otlp/v1/traces");
    expect(endpoint.displayUrl).toBe("https://***@otlp.example.com/otlp/v1/traces");
    expect(endpoint.authorization).toBe(`Basic ${Buffer.from("instance@org:tok:en").toString("base64")}`);
    expect(parseOtlpEndpoint({ value: "http://h:4318", source: "endpoint" }).authorization).toBeUndefined();
  });

  it("hides credentials in the error for a URL that is not http(s)", () => {
    const message = messageOf(() =>
      parseOtlpEndpoint({ value: "ftp://user:secret@host", source: "endpoint" }),
    );
    expect(message).toBe(
      'endpoint: "ftp://***@host" is not an http(s) URL; use e.g. "http://localhost:4318" (OTLP/HTTP).',
    );
  });
});
