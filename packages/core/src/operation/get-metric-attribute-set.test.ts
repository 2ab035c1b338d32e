import { describe, expect, it } from "vitest";
import { getMetricAttributeSet } from "./get-metric-attribute-set.js";

const request = { operation: "chat", model: "gpt-4o-mini" };
const target = { provider: "openai", serverAddress: "api.openai.com", serverPort: 443 };
const setFor = (options: {
  responseModel?: unknown;
  errorType?: string;
  model?: string;
  contextAttributes?: object;
}) =>
  getMetricAttributeSet({
    request: { ...request, model: options.model ?? request.model },
    target,
    responseModel: options.responseModel,
    errorType: options.errorType,
    contextAttributes: options.contextAttributes as never,
  });

describe("metric attribute sets", () => {
  it("hands every call with the same values the same frozen set, whatever string instances carry them", () => {
    const first = setFor({ responseModel: "gpt-4o-mini-2024-07-18" });
    const second = setFor({ responseModel: ["gpt-4o-mini", "2024-07-18"].join("-") });
    expect(second).toBe(first);
    expect(Object.isFrozen(first.attributes)).toBe(true);
    expect(first.attributes).toEqual({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o-mini",
      "gen_ai.response.model": "gpt-4o-mini-2024-07-18",
      "server.address": "api.openai.com",
      "server.port": 443,
    });
  });

  it("keeps calls apart by response model, error type and context, and an absent value apart from any string", () => {
    const plain = setFor({ responseModel: "m" });
    expect(setFor({ responseModel: "m", errorType: "RateLimitError" })).not.toBe(plain);
    expect(setFor({ responseModel: "m", errorType: "RateLimitError" }).attributes["error.type"]).toBe(
      "RateLimitError",
    );
    const withoutResponseModel = setFor({});
    expect(withoutResponseModel.attributes["gen_ai.response.model"]).toBeUndefined();
    expect(setFor({ responseModel: "undefined" })).not.toBe(withoutResponseModel);
    const scope = Object.freeze({ "app.feature": "search" });
    const scoped = setFor({ responseModel: "m", contextAttributes: scope });
    expect(scoped).not.toBe(plain);
    expect(scoped.attributes["app.feature"]).toBe("search");
    expect(setFor({ responseModel: "m", contextAttributes: scope })).toBe(scoped);
  });

  it("stays bounded: past its limit the cache starts over and still answers with the right values", () => {
    for (let index = 0; index < 2500; index++) setFor({ model: `model-${index}` });
    const set = setFor({ model: "model-2499" });
    expect(set.attributes["gen_ai.request.model"]).toBe("model-2499");
    expect(setFor({ model: "model-2499" })).toBe(set);
  });
});
