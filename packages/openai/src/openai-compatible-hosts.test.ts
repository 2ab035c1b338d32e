import { createPriceRegistry } from "@sightline/core";
import { createHostRoutingFetch, MOCK_REASONING_TEXT, type MockScript } from "@sightline/testing";
import OpenAI, { AzureOpenAI } from "openai";
import { describe, expect, it } from "vitest";
import { observeOpenAI } from "./observe-openai.js";
import { useOpenAITestContext, waitForSpans } from "./test-helpers.js";
import type { ObserveOpenAIOptions } from "./types.js";

// Every host is reached through the real `openai` client over real HTTP. The client keeps the host's real base
// URL (so detection sees it); its `fetch` sends each request to the mock on 127.0.0.1 instead. Nothing leaves
// the machine.
const ctx = useOpenAITestContext();
const messages = [{ role: "user" as const, content: "Say hello" }];
// 1,000 input tokens (600 of them cache hits where the host reports a cache) and 500 output tokens.
const usage = { inputTokens: 1000, outputTokens: 500 };

interface HostCase {
  host: string;
  baseURL: string;
  model: string;
  provider: string;
  serverAddress: string;
  serverPort: number;
  /** Expected `gen_ai.usage.cost`, or `unpriced`. */
  cost: number | "unpriced";
  match?: string;
  script?: MockScript;
  azure?: { deployments?: Record<string, string> };
  options?: ObserveOpenAIOptions;
}

const cases: HostCase[] = [
  // Azure: the deployment mapped to gpt-4o, which Azure prices at 2.50 / 10.00: 1000 × 2.5e-6 + 500 × 10e-6.
  {
    host: "Azure OpenAI, mapped deployment",
    baseURL: "https://acme.openai.azure.com",
    model: "my-gpt4o",
    provider: "azure.ai.openai",
    serverAddress: "acme.openai.azure.com",
    serverPort: 443,
    cost: 0.0075,
    match: "exact",
    azure: { deployments: { "my-gpt4o": "gpt-4o" } },
  },
  // Unmapped: priced by the response model Azure reports, gpt-4o-mini at 0.15 / 0.60.
  {
    host: "Azure OpenAI, response model",
    baseURL: "https://acme.openai.azure.com",
    model: "prod-chat",
    provider: "azure.ai.openai",
    serverAddress: "acme.openai.azure.com",
    serverPort: 443,
    cost: 0.00045,
    match: "alias",
    script: { model: "gpt-4o-mini-2024-07-18" },
    azure: {},
  },
  {
    host: "Azure OpenAI, unmapped deployment named as the model",
    baseURL: "https://acme.openai.azure.com",
    model: "team-x-deployment",
    provider: "azure.ai.openai",
    serverAddress: "acme.openai.azure.com",
    serverPort: 443,
    cost: "unpriced",
    azure: {},
  },
  // 1000 × 0.59e-6 + 500 × 0.79e-6
  {
    host: "Groq",
    baseURL: "https://api.groq.com/openai/v1",
    model: "llama-3.3-70b-versatile",
    provider: "groq",
    serverAddress: "api.groq.com",
    serverPort: 443,
    cost: 0.000985,
    match: "exact",
  },
  // 1500 × 1.04e-6 (Together's price in LiteLLM 1.110.2)
  {
    host: "Together",
    baseURL: "https://api.together.xyz/v1",
    model: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
    provider: "together_ai",
    serverAddress: "api.together.xyz",
    serverPort: 443,
    cost: 0.00156,
    match: "exact",
  },
  // 1500 × 0.90e-6
  {
    host: "Fireworks",
    baseURL: "https://api.fireworks.ai/inference/v1",
    model: "accounts/fireworks/models/llama-v3p3-70b-instruct",
    provider: "fireworks_ai",
    serverAddress: "api.fireworks.ai",
    serverPort: 443,
    cost: 0.00135,
    match: "exact",
  },
  // The measured bug: 0.00049 without the cache. 400 miss × 0.28e-6 + 600 hit × 0.028e-6 + 500 × 0.42e-6.
  {
    host: "DeepSeek",
    baseURL: "https://api.deepseek.com",
    model: "deepseek-chat",
    provider: "deepseek",
    serverAddress: "api.deepseek.com",
    serverPort: 443,
    cost: 0.0003388,
    match: "exact",
    script: { usage: { ...usage, cachedInputTokens: 600 } },
  },
  // grok-4 is an alias of grok-4-0709: 1000 × 3e-6 + 500 × 15e-6
  {
    host: "xAI",
    baseURL: "https://api.x.ai/v1",
    model: "grok-4",
    provider: "x_ai",
    serverAddress: "api.x.ai",
    serverPort: 443,
    cost: 0.0105,
    match: "alias",
  },
  // OpenRouter passes Anthropic's list price through: 1000 × 3e-6 + 500 × 15e-6
  {
    host: "OpenRouter",
    baseURL: "https://openrouter.ai/api/v1",
    model: "anthropic/claude-sonnet-4.5",
    provider: "openrouter",
    serverAddress: "openrouter.ai",
    serverPort: 443,
    cost: 0.0105,
    match: "normalized",
  },
  // sonar: 1500 × 1e-6 + the request fee for the `low` search context the response reports, 0.005
  {
    host: "Perplexity",
    baseURL: "https://api.perplexity.ai",
    model: "sonar",
    provider: "perplexity",
    serverAddress: "api.perplexity.ai",
    serverPort: 443,
    cost: 0.0065,
    match: "exact",
  },
  // 1000 × 0.50e-6 + 500 × 1.50e-6
  {
    host: "Mistral (OpenAI endpoint)",
    baseURL: "https://api.mistral.ai/v1",
    model: "mistral-large-2512",
    provider: "mistral_ai",
    serverAddress: "api.mistral.ai",
    serverPort: 443,
    cost: 0.00125,
    match: "exact",
  },
  // 1000 × 0.30e-6 + 500 × 2.50e-6
  {
    host: "Gemini (OpenAI endpoint)",
    baseURL: "https://generativelanguage.googleapis.com/v1beta/openai/",
    model: "gemini-2.5-flash",
    provider: "gcp.gemini",
    serverAddress: "generativelanguage.googleapis.com",
    serverPort: 443,
    cost: 0.00155,
    match: "exact",
  },
  {
    host: "Ollama",
    baseURL: "http://localhost:11434/v1",
    model: "llama3.2",
    provider: "ollama",
    serverAddress: "localhost",
    serverPort: 11434,
    cost: "unpriced",
  },
  {
    host: "vLLM",
    baseURL: "http://127.0.0.1:8000/v1",
    model: "Qwen/Qwen3-8B",
    provider: "vllm",
    serverAddress: "127.0.0.1",
    serverPort: 8000,
    cost: "unpriced",
  },
  {
    host: "LM Studio",
    baseURL: "http://localhost:1234/v1",
    model: "qwen3-8b",
    provider: "lm_studio",
    serverAddress: "localhost",
    serverPort: 1234,
    cost: "unpriced",
  },
  {
    host: "llama.cpp",
    baseURL: "http://127.0.0.1:8080/v1",
    model: "gemma-3-4b-it",
    provider: "llama_cpp",
    serverAddress: "127.0.0.1",
    serverPort: 8080,
    cost: "unpriced",
  },
  // An unknown gateway serving an OpenAI model: openai_compatible, priced at OpenAI's list price as a family match.
  {
    host: "unknown host",
    baseURL: "https://llm-gateway.example.com/v1",
    model: "gpt-4o-mini",
    provider: "openai_compatible",
    serverAddress: "llm-gateway.example.com",
    serverPort: 443,
    cost: 0.00045,
    match: "family",
  },
  {
    host: "unknown local server, named with providerName",
    baseURL: "http://localhost:30000/v1",
    model: "meta-llama/Llama-3.1-8B-Instruct",
    provider: "sglang",
    serverAddress: "localhost",
    serverPort: 30000,
    cost: "unpriced",
    options: { providerName: "sglang" },
  },
];

function createClient(testCase: HostCase, options: ObserveOpenAIOptions = {}): OpenAI {
  const fetch = createHostRoutingFetch(ctx.server.url);
  const raw = testCase.azure
    ? new AzureOpenAI({
        apiKey: "azure-key",
        endpoint: testCase.baseURL,
        apiVersion: "2024-10-21",
        maxRetries: 0,
        fetch,
      })
    : new OpenAI({ apiKey: "test", baseURL: testCase.baseURL, maxRetries: 0, fetch });
  return observeOpenAI(raw, {
    tracerProvider: ctx.telemetry.tracerProvider,
    meterProvider: ctx.telemetry.meterProvider,
    cost: { registry: createPriceRegistry() },
    azureDeployments: testCase.azure?.deployments,
    ...testCase.options,
    ...options,
  });
}

describe("OpenAI-compatible hosts through the real openai client", () => {
  it.each(cases)("$host: provider $provider, cost $cost", async (testCase) => {
    ctx.server.enqueue({ usage, ...testCase.script });
    await createClient(testCase).chat.completions.create({ model: testCase.model, messages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.provider.name": testCase.provider,
      "server.address": testCase.serverAddress,
      "server.port": testCase.serverPort,
      "gen_ai.request.model": testCase.model,
      "gen_ai.usage.input_tokens": 1000,
      "gen_ai.usage.output_tokens": 500,
    });
    if (testCase.cost === "unpriced") {
      expect(span?.attributes["sightline.cost.match"]).toBe("unpriced");
      expect(span?.attributes["gen_ai.usage.cost"]).toBeUndefined();
    } else {
      expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(testCase.cost, 15);
      expect(span?.attributes["sightline.cost.match"]).toBe(testCase.match);
    }
    // `openai.*` attributes only where the provider is OpenAI's API (semconv: the provider name is a discriminator).
    const openAIShaped = testCase.provider === "azure.ai.openai";
    expect(span?.attributes["openai.api.type"]).toBe(openAIShaped ? "chat_completions" : undefined);
    // Nothing went anywhere but the mock, and the request took the host's own path.
    expect(ctx.server.requests).toHaveLength(1);
    expect(ctx.server.requests[0]?.headers["x-forwarded-host"]).toBe(
      testCase.serverPort === 443
        ? testCase.serverAddress
        : `${testCase.serverAddress}:${testCase.serverPort}`,
    );
  });
});

const deepseek = cases.find((testCase) => testCase.host === "DeepSeek") as HostCase;

describe("host usage differences", () => {
  it("DeepSeek's cache hits become cache-read input tokens, and its reasoning is captured", async () => {
    ctx.server.enqueue({ usage: { ...usage, cachedInputTokens: 600, reasoningTokens: 120 } });
    const client = createClient(deepseek, { captureContent: true });
    await client.chat.completions.create({ model: "deepseek-reasoner", messages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.usage.input_tokens": 1000,
      "gen_ai.usage.cache_read.input_tokens": 600,
      "gen_ai.usage.reasoning.output_tokens": 120,
    });
    // deepseek-reasoner is priced like deepseek-chat: the figure is the same 0.0003388.
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.0003388, 15);
    const output = JSON.parse(String(span?.attributes["gen_ai.output.messages"]));
    expect(output[0].parts[0]).toEqual({ type: "reasoning", content: MOCK_REASONING_TEXT });
  });

  it("a streamed DeepSeek answer counts reasoning_content deltas as output and keeps the cache split", async () => {
    ctx.server.enqueue({ usage: { ...usage, cachedInputTokens: 600, reasoningTokens: 120 } });
    const stream = await createClient(deepseek, { captureContent: true }).chat.completions.create({
      model: "deepseek-reasoner",
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const _chunk of stream) {
      // drain
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.usage.cache_read.input_tokens"]).toBe(600);
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.0003388, 15);
    const output = JSON.parse(String(span?.attributes["gen_ai.output.messages"]));
    expect(output[0].parts[0]).toEqual({ type: "reasoning", content: MOCK_REASONING_TEXT });
  });

  it("Groq's stream usage in x_groq.usage is read when the caller asked for no usage chunk", async () => {
    const groq = cases.find((testCase) => testCase.host === "Groq") as HostCase;
    ctx.server.enqueue({ usage });
    const stream = await createClient(groq).chat.completions.create({
      model: groq.model,
      messages,
      stream: true,
    });
    for await (const _chunk of stream) {
      // drain
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.usage.input_tokens": 1000,
      "gen_ai.usage.output_tokens": 500,
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.000985, 15);
  });

  it("a host that sends no usage still gets a span, with no tokens and no cost", async () => {
    const local = cases.find((testCase) => testCase.host === "LM Studio") as HostCase;
    ctx.server.enqueue({ omitUsage: true }, { omitUsage: true });
    const client = createClient(local);
    const completion = await client.chat.completions.create({ model: local.model, messages });
    expect(completion.choices[0]?.message.content).toBeTruthy();
    const embedding = await client.embeddings.create({ model: "nomic-embed-text", input: "hi" });
    expect(embedding.data).toHaveLength(1);
    const spans = await waitForSpans(ctx.telemetry, 2);
    for (const span of spans) {
      expect(span.attributes["gen_ai.provider.name"]).toBe("lm_studio");
      expect(span.attributes["gen_ai.usage.input_tokens"]).toBeUndefined();
      expect(span.attributes["gen_ai.usage.cost"]).toBeUndefined();
      expect(span.status.code).not.toBe(2);
    }
  });

  it("an AzureOpenAI client built for one deployment is priced through the map by that deployment", async () => {
    ctx.server.enqueue({ usage });
    const raw = new AzureOpenAI({
      apiKey: "azure-key",
      endpoint: "https://acme.openai.azure.com",
      apiVersion: "2024-10-21",
      deployment: "prod-mini",
      maxRetries: 0,
      fetch: createHostRoutingFetch(ctx.server.url),
    });
    const client = observeOpenAI(raw, {
      tracerProvider: ctx.telemetry.tracerProvider,
      meterProvider: ctx.telemetry.meterProvider,
      cost: { registry: createPriceRegistry() },
      azureDeployments: { "prod-mini": "gpt-4o-mini-2024-07-18" },
    });
    await client.chat.completions.create({ model: "gpt-4o-mini", messages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(ctx.server.requests[0]?.path).toBe("/openai/deployments/prod-mini/chat/completions");
    // 1000 × 0.15e-6 + 500 × 0.60e-6
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.00045, 15);
    expect(span?.attributes["sightline.cost.model"]).toBe("gpt-4o-mini");
  });

  it("Azure embeddings go to the deployment path and are priced at Azure's rate for the mapped model", async () => {
    const azure = cases[0] as HostCase;
    ctx.server.enqueue({ usage: { inputTokens: 1000 } });
    const client = createClient({
      ...azure,
      azure: { deployments: { "team-embedder": "text-embedding-3-small" } },
    });
    await client.embeddings.create({ model: "team-embedder", input: "hi" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(ctx.server.requests[0]?.path).toBe("/openai/deployments/team-embedder/embeddings");
    expect(span?.attributes).toMatchObject({
      "gen_ai.provider.name": "azure.ai.openai",
      "gen_ai.operation.name": "embeddings",
      "server.address": "acme.openai.azure.com",
    });
    expect(span?.attributes["gen_ai.usage.input_tokens"]).toBe(1000);
    // Azure lists text-embedding-3-small at 0.022 USD per 1M tokens: 1000 × 0.022e-6.
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.000022, 12);
    expect(span?.attributes["sightline.cost.model"]).toBe("text-embedding-3-small");
    expect(span?.attributes["sightline.cost.match"]).toBe("exact");
  });
});

describe("Perplexity request and search fees", () => {
  const perplexity = cases.find((testCase) => testCase.host === "Perplexity") as HostCase;

  it("bills sonar-pro's request fee at the search context size the response reports", async () => {
    ctx.server.enqueue({ model: "sonar-pro", usage, usageFields: { search_context_size: "medium" } });
    await createClient(perplexity).chat.completions.create({ model: "sonar-pro", messages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // 1000 × 3e-6 + 500 × 15e-6 = 0.0105; request fee (medium) 0.01; total 0.0205
    expect(span?.attributes["sightline.cost.units"]).toBe(0.01);
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.0205, 15);
    expect(span?.attributes["sightline.cost.unpriced_units"]).toBeUndefined();
  });

  it("bills a streamed sonar-deep-research call per search query and per citation token", async () => {
    ctx.server.enqueue({
      model: "sonar-deep-research",
      usage,
      usageFields: { num_search_queries: 18, citation_tokens: 500 },
    });
    const stream = await createClient(perplexity).chat.completions.create({
      model: "sonar-deep-research",
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const _chunk of stream) {
      // drain
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // tokens 1000 × 2e-6 + 500 × 8e-6 = 0.006; 18 queries × 0.005 = 0.09; 500 citation tokens × 2e-6 = 0.001
    expect(span?.attributes["sightline.cost.units"]).toBeCloseTo(0.091, 15);
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.097, 15);
  });
});
