import { describe, expect, it } from "vitest";
import { resolvePricesOptions } from "./resolve-prices-options.js";

const env =
  (values: Record<string, string>) =>
  (name: string): string | undefined =>
    values[name];

describe("resolvePricesOptions", () => {
  it("is off without a URL, and with prices: false whatever the variables say", () => {
    expect(resolvePricesOptions(undefined, env({}))).toBeUndefined();
    expect(
      resolvePricesOptions(false, env({ SIGHTLINE_PRICES_URL: "https://p.example/p.json" })),
    ).toBeUndefined();
  });

  it("reads SIGHTLINE_PRICES_URL and SIGHTLINE_PRICES_REFRESH_INTERVAL, in milliseconds or with a unit", () => {
    const read = env({
      SIGHTLINE_PRICES_URL: " https://p.example/p.json ",
      SIGHTLINE_PRICES_REFRESH_INTERVAL: "30m",
    });
    expect(resolvePricesOptions(undefined, read)).toEqual({
      url: "https://p.example/p.json",
      intervalMs: 1_800_000,
      timeoutMs: undefined,
      maxBytes: undefined,
    });
    const plain = env({
      SIGHTLINE_PRICES_URL: "https://p.example/p.json",
      SIGHTLINE_PRICES_REFRESH_INTERVAL: "90000",
    });
    expect(resolvePricesOptions(undefined, plain)?.intervalMs).toBe(90_000);
    expect(
      resolvePricesOptions({}, env({ SIGHTLINE_PRICES_URL: "https://p.example/p.json" }))?.intervalMs,
    ).toBe(21_600_000);
  });

  it("lets options passed in code win over the variables", () => {
    const read = env({
      SIGHTLINE_PRICES_URL: "https://env.example/p.json",
      SIGHTLINE_PRICES_REFRESH_INTERVAL: "1h",
    });
    expect(
      resolvePricesOptions({ url: "http://code.example/p.json", intervalMs: 120_000, timeoutMs: 5 }, read),
    ).toEqual({
      url: "http://code.example/p.json",
      intervalMs: 120_000,
      timeoutMs: 5,
      maxBytes: undefined,
    });
  });

  it.each([
    [{ url: "prices.json" }, {}, /prices\.url: "prices\.json" is not an http\(s\) URL; use e\.g\./],
    [
      undefined,
      { SIGHTLINE_PRICES_URL: "file:///etc/p.json" },
      /prices\.url: "file:\/\/\/etc\/p\.json" \(from SIGHTLINE_PRICES_URL\)/,
    ],
    [
      { url: "https://p.example/p.json", intervalMs: 1_000 },
      {},
      /prices\.intervalMs: 1000 is not a number of milliseconds from 60000 \(1 minute\)/,
    ],
    [
      undefined,
      { SIGHTLINE_PRICES_URL: "https://p.example/p.json", SIGHTLINE_PRICES_REFRESH_INTERVAL: "often" },
      /prices\.intervalMs: "often" \(from SIGHTLINE_PRICES_REFRESH_INTERVAL\) .+ or "6h"/,
    ],
    [
      { url: "https://p.example/p.json", maxBytes: -1 },
      {},
      /prices\.maxBytes: -1 is not a positive number; use e\.g\. 20971520/,
    ],
    ["https://p.example/p.json", {}, /prices: https:\/\/p\.example\/p\.json is not supported; pass \{ url/],
  ] as const)(
    "refuses a malformed value, naming the field and the fix (%#)",
    (option, variables, message) => {
      expect(() => resolvePricesOptions(option as never, env(variables))).toThrow(message);
    },
  );
});
