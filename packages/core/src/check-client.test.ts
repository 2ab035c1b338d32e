import { describe, expect, it } from "vitest";
import { checkClient } from "./check-client.js";
import { SightlineError } from "./sightline-error.js";

describe("checkClient", () => {
  const check = (client: unknown) => () =>
    checkClient({ client, wrapper: "observeX", expected: "an X client (new X())" });

  it("accepts objects and functions", () => {
    expect(check({})).not.toThrow();
    expect(check(() => undefined)).not.toThrow();
  });

  it("names the wrapper, what it expected and what it got, as a SightlineError", () => {
    for (const [client, got] of [
      [null, "null"],
      [undefined, "undefined"],
      [42, "42"],
      ["sk-live", 'the string "sk-live"'],
    ] as const) {
      let thrown: unknown;
      try {
        check(client)();
      } catch (error) {
        thrown = error;
      }
      expect(SightlineError.isInstance(thrown)).toBe(true);
      expect((thrown as Error).message).toBe(
        `observeX() needs an X client (new X()), got ${got}. Pass the client instance you call, e.g. observeX(client).`,
      );
    }
  });
});
