import { type DiagLogger, diag } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { checkClient } from "./check-client.js";

const warnings: string[] = [];
const logger = {
  warn: (message: string) => warnings.push(message),
  error: () => {},
  info: () => {},
  debug: () => {},
  verbose: () => {},
} as DiagLogger;

afterEach(() => {
  diag.disable();
  warnings.length = 0;
});

describe("checkClient", () => {
  const check = (client: unknown, wrapper = "observeX") =>
    checkClient({ client, wrapper, expected: "an X client (new X())", methods: ["chat.create", "embed"] });

  it("accepts an object or function with one of the wrapped methods, without a word", () => {
    diag.setLogger(logger);
    expect(check({ chat: { create: () => undefined } })).toBe(true);
    const callable = Object.assign(() => undefined, { embed: () => undefined });
    expect(check(callable)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("refuses anything else with one warning per kind that says what it got and what to do, never a throw", () => {
    diag.setLogger(logger);
    const aiSdkProvider = Object.assign(() => undefined, {
      languageModel: () => undefined,
      chat: () => undefined,
    });
    for (const value of [null, undefined, 42, {}, aiSdkProvider, null])
      expect(check(value, "observeY")).toBe(false);
    expect(warnings).toEqual([
      "sightline: observeY() needs an X client (new X()), got null; it was returned unchanged and its calls are not traced. Pass the SDK client instance your code calls.",
      "sightline: observeY() needs an X client (new X()), got undefined; it was returned unchanged and its calls are not traced. Pass the SDK client instance your code calls.",
      "sightline: observeY() needs an X client (new X()), got a number; it was returned unchanged and its calls are not traced. Pass the SDK client instance your code calls.",
      "sightline: observeY() needs an X client (new X()), got an object without those methods; it was returned unchanged and its calls are not traced. Pass the SDK client instance your code calls.",
      "sightline: observeY() needs an X client (new X()), got a Vercel AI SDK provider; it was returned unchanged and its calls are not traced. For the Vercel AI SDK, register @sightline/ai-sdk's telemetry integration instead.",
    ]);
  });
});
