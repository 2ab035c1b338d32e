import { createTestTelemetry } from "@sightline/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createInstrumentation } from "../operation/create-instrumentation.js";
import { observeMethod } from "./observe-method.js";

const telemetry = createTestTelemetry();
afterAll(() => telemetry.shutdown());
const instrumentation = createInstrumentation({
  scopeName: "test",
  scopeVersion: "0",
  options: { tracerProvider: telemetry.tracerProvider, cost: false, drift: false, metrics: false },
});

describe("observeMethod", () => {
  it("traces each call with the described request and passes the caller's arguments through", async () => {
    const owner = { create: async (params: { model: string }, extra: string) => `${params.model}/${extra}` };
    observeMethod({
      instrumentation,
      owner,
      name: "create",
      target: { provider: "test" },
      describe: (args) => ({
        request: { operation: "chat", model: (args[0] as { model: string }).model },
        observe: (result, operation) => {
          (result as Promise<string>).then((value) => operation.succeed({ id: value }));
        },
      }),
    });
    expect(await owner.create({ model: "m1" }, "x")).toBe("m1/x");
    await new Promise((resolve) => setTimeout(resolve, 5));
    const span = telemetry.spans().at(-1);
    expect(span?.name).toBe("chat m1");
    expect(span?.attributes["gen_ai.response.id"]).toBe("m1/x");
  });

  it("lets the call through untraced when the provider's mapping throws", async () => {
    const before = telemetry.spans().length;
    const owner = { create: (value: number) => value + 1 };
    observeMethod({
      instrumentation,
      owner,
      name: "create",
      target: { provider: "test" },
      describe: () => {
        throw new TypeError("mapper bug");
      },
    });
    expect(owner.create(41)).toBe(42);
    expect(telemetry.spans().length).toBe(before);
  });

  it("returns a replacement only when the observer gives one", () => {
    const owner = { stream: () => "sdk object" };
    observeMethod({
      instrumentation,
      owner,
      name: "stream",
      target: { provider: "test" },
      describe: () => ({
        request: { operation: "chat" },
        observe: (_result, operation) => {
          operation.succeed({});
          return "followed object";
        },
      }),
    });
    expect(owner.stream()).toBe("followed object");
  });
});
