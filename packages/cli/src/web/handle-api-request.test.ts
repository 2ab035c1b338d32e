import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createOtlpJsonTraces,
  OFFSETS,
  sendMetrics,
  sendSdkTraces,
} from "../__fixtures__/send-dev-api-telemetry.js";
import { startDevServer } from "../start-dev-server.js";
import { hasNodeSqlite } from "../store/load-node-sqlite.js";
import type { DevServer } from "../types.js";
import type {
  ConversationDetailResponse,
  ConversationListResponse,
  OverviewResponse,
  StoreStatusResponse,
  TraceDetailResponse,
  TraceListResponse,
} from "./dev-api-types.js";

const BASE_MS = Math.floor(Date.now() / 1000) * 1000 - 120_000;
let dev: DevServer;

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${dev.url}${path}`);
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  return (await response.json()) as T;
}

async function listRoots(query: string): Promise<string[]> {
  const list = await getJson<TraceListResponse>(`/api/traces${query}`);
  return list.traces.map((summary) => summary.rootName);
}

describe.runIf(!hasNodeSqlite())("sightline dev without node:sqlite (Node 20)", () => {
  it("runs the terminal view only, says why once, and has no API", async () => {
    const notices: string[] = [];
    const server = await startDevServer({
      port: 0,
      write: () => {},
      writeNotice: (text) => notices.push(text),
    });
    expect(server.uiUrl).toBeUndefined();
    expect(server.storePath).toBeUndefined();
    expect(notices).toEqual([
      expect.stringMatching(/needs node:sqlite, Node 22\.13 or later; this is Node v20/),
    ]);
    expect((await fetch(`${server.url}/api/traces`)).status).toBe(404);
    await server.close();
  });
});

describe.skipIf(!hasNodeSqlite())("the dev API over real HTTP (needs node:sqlite, Node 22.13+)", () => {
  beforeAll(async () => {
    dev = await startDevServer({ port: 0, store: ":memory:", settleMs: 60_000, write: () => {} });
    await sendSdkTraces({ url: dev.url, baseMs: BASE_MS });
    const billing = createOtlpJsonTraces({
      service: "billing",
      startMs: BASE_MS + OFFSETS.embed,
      traceCount: 1,
      spansPerTrace: 1,
      seed: 7,
    });
    const posted = await fetch(`${dev.url}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: billing,
    });
    expect(posted.status).toBe(200);
    await sendMetrics({ url: dev.url });
  });
  afterAll(() => dev.close());

  it("serves the UI address and the store path", () => {
    expect(dev.uiUrl).toBe(`${dev.url}/`);
    expect(dev.storePath).toBe(":memory:");
  });

  it("lists traces newest first with their summaries and the facets", async () => {
    const list = await getJson<TraceListResponse>("/api/traces");
    expect(list.total).toBe(3);
    expect(list.traces.map((summary) => summary.rootName)).toEqual([
      "embeddings text-embedding-3-small",
      "POST /summarize",
      "POST /chat",
    ]);
    expect(list.traces[2]).toEqual({
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      rootName: "POST /chat",
      service: expect.stringMatching(/^unknown_service/),
      startMs: BASE_MS,
      durationMs: 1000,
      spanCount: 2,
      genAiCount: 1,
      errorCount: 0,
      models: ["gpt-4o-2024-08-06"],
      providers: ["openai"],
      features: ["support"],
      conversationIds: ["conv-1"],
      inputTokens: 100,
      outputTokens: 20,
      costUsd: 0.01,
      hasDrift: true,
      hasModelChange: true,
    });
    expect(list.traces[0]).toMatchObject({ service: "billing", costUsd: null, errorCount: 0, genAiCount: 1 });
    expect(list.traces[1]).toMatchObject({ errorCount: 1, durationMs: 3000, hasDrift: false });
    expect(list.facets).toEqual({
      services: ["billing", expect.stringMatching(/^unknown_service/)],
      models: ["claude-sonnet-4", "gpt-4o", "gpt-4o-2024-08-06", "text-embedding-3-small"],
      providers: ["anthropic", "openai"],
      features: ["summaries", "support"],
      conversations: ["conv-1"],
    });
  });

  it("applies each filter", async () => {
    const chat = "POST /chat";
    const summarize = "POST /summarize";
    const embed = "embeddings text-embedding-3-small";
    expect(await listRoots("?service=billing")).toEqual([embed]);
    expect(await listRoots("?model=gpt-4o")).toEqual([chat]);
    expect(await listRoots("?model=gpt-4o-2024-08-06")).toEqual([chat]);
    expect(await listRoots("?provider=anthropic")).toEqual([summarize]);
    expect(await listRoots("?provider=openai")).toEqual([embed, chat]);
    expect(await listRoots("?feature=support")).toEqual([chat]);
    expect(await listRoots("?conversation=conv-1")).toEqual([summarize, chat]);
    expect(await listRoots("?errors=only")).toEqual([summarize]);
    expect(await listRoots("?errors=none")).toEqual([embed, chat]);
    expect(await listRoots("?minDurationMs=2000")).toEqual([summarize]);
    expect(await listRoots("?maxDurationMs=100")).toEqual([embed]);
    expect(await listRoots("?minCostUsd=0.005")).toEqual([chat]);
    expect(await listRoots("?maxCostUsd=0.001")).toEqual([embed]);
    expect(await listRoots(`?since=${BASE_MS + 5000}`)).toEqual([embed, summarize]);
    expect(await listRoots(`?until=${BASE_MS + 5000}`)).toEqual([chat]);
    expect(await listRoots("?q=SUMMAR")).toEqual([summarize]);
    expect(await listRoots("?q=claude")).toEqual([summarize]);
    expect(await listRoots("?q=100%25")).toEqual([]);
    expect(await listRoots("?provider=openai&feature=support&errors=none")).toEqual([chat]);
    const list = await getJson<TraceListResponse>("/api/traces?feature=support");
    expect(list.total).toBe(1);
    const traceId = list.traces[0]?.traceId ?? "";
    expect(await listRoots(`?q=${traceId.slice(10, 20)}`)).toEqual([chat]);
  });

  it("pages by limit and before, with the total of all pages", async () => {
    const first = await getJson<TraceListResponse>("/api/traces?limit=2");
    expect(first.traces.map((summary) => summary.rootName)).toEqual([
      "embeddings text-embedding-3-small",
      "POST /summarize",
    ]);
    expect(first.total).toBe(3);
    const second = await getJson<TraceListResponse>(`/api/traces?limit=2&before=${first.traces[1]?.startMs}`);
    expect(second.traces.map((summary) => summary.rootName)).toEqual(["POST /chat"]);
    expect(second.total).toBe(3);
  });

  it("answers a trace with its spans, GenAI facts and timed events", async () => {
    const [summary] = (await getJson<TraceListResponse>("/api/traces?feature=support")).traces;
    const detail = await getJson<TraceDetailResponse>(`/api/traces/${summary?.traceId}`);
    expect(detail.spans.map((span) => span.name)).toEqual(["POST /chat", "chat gpt-4o"]);
    const [root, chat] = detail.spans;
    expect(root).toMatchObject({ parentSpanId: null, genAi: null, startMs: BASE_MS, durationMs: 1000 });
    expect(chat).toMatchObject({
      parentSpanId: root?.spanId,
      kind: 1,
      status: { code: 0, message: null },
      scope: { name: "app", version: null },
      genAi: {
        operation: "chat",
        provider: "openai",
        requestModel: "gpt-4o",
        responseModel: "gpt-4o-2024-08-06",
        inputTokens: 100,
        outputTokens: 20,
        costUsd: 0.01,
        finishReasons: ["stop"],
        conversationId: "conv-1",
        feature: "support",
        errorType: null,
        timeToFirstChunkMs: 250,
      },
    });
    expect(chat?.events.map((event) => [event.name, event.timeMs])).toEqual([
      ["sightline.model_change", BASE_MS + 600],
      ["sightline.drift", BASE_MS + 700],
    ]);
    const missing = await fetch(`${dev.url}/api/traces/${"0".repeat(32)}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: `no trace ${"0".repeat(32)} in the store` });
  });

  it("lists conversations and answers one with its calls, oldest first", async () => {
    const list = await getJson<ConversationListResponse>("/api/conversations");
    expect(list.conversations).toEqual([
      {
        conversationId: "conv-1",
        calls: 2,
        firstMs: BASE_MS + 100,
        lastMs: BASE_MS + OFFSETS.summarize + 2950,
        costUsd: 0.012,
        models: ["claude-sonnet-4", "gpt-4o-2024-08-06"],
      },
    ]);
    const detail = await getJson<ConversationDetailResponse>("/api/conversations/conv-1");
    expect(detail.calls.map((call) => call.name)).toEqual(["chat gpt-4o", "chat claude-sonnet-4"]);
    expect(detail.calls[1]?.genAi).toMatchObject({ errorType: "RateLimitError" });
    expect((await fetch(`${dev.url}/api/conversations/nope`)).status).toBe(404);
  });

  it("sums the overview to what was sent, with drift and budgets", async () => {
    const overview = await getJson<OverviewResponse>(
      `/api/overview?since=${BASE_MS}&until=${BASE_MS + 30_000}&buckets=3`,
    );
    expect(overview).toMatchObject({ since: BASE_MS, until: BASE_MS + 30_000, bucketMs: 10_000 });
    expect(overview.totals).toEqual({
      calls: 3,
      errors: 1,
      p50Ms: 700,
      p95Ms: 2900,
      inputTokens: 157,
      outputTokens: 30,
      costUsd: expect.closeTo(0.012, 10),
    });
    expect(overview.perModel.map((entry) => [entry.model, entry.calls, entry.inputTokens])).toEqual(
      expect.arrayContaining([
        ["gpt-4o-2024-08-06", 1, 100],
        ["claude-sonnet-4", 1, 50],
        ["text-embedding-3-small", 1, 7],
      ]),
    );
    // The embeddings call carries no gen_ai.usage.cost: its model's spend is unknown, not $0.
    expect(overview.perModel.find((entry) => entry.model === "text-embedding-3-small")?.costUsd).toBeNull();
    expect(overview.perModel.find((entry) => entry.model === "gpt-4o-2024-08-06")?.costUsd).toBeGreaterThan(
      0,
    );
    expect(overview.perFeature.map((entry) => [entry.feature, entry.calls, entry.errors])).toEqual(
      expect.arrayContaining([
        ["support", 1, 0],
        ["summaries", 1, 1],
      ]),
    );
    expect(overview.series.map((bucket) => [bucket.startMs, bucket.calls])).toEqual([
      [BASE_MS, 1],
      [BASE_MS + 10_000, 1],
      [BASE_MS + 20_000, 1],
    ]);
    expect(overview.series[0]?.byModel).toEqual({
      "gpt-4o-2024-08-06": { calls: 1, tokens: 120, costUsd: 0.01 },
    });
    expect(overview.series[1]?.byFeature).toEqual({ summaries: { calls: 1, tokens: 60, costUsd: 0.002 } });
    expect(overview.drift.events).toEqual([
      {
        timeMs: BASE_MS + 700,
        traceId: expect.any(String),
        spanId: expect.any(String),
        signal: "output_tokens",
        model: "gpt-4o",
        kind: null,
        score: 1.4,
      },
    ]);
    expect(overview.drift.modelChanges).toEqual([
      {
        timeMs: BASE_MS + 600,
        traceId: expect.any(String),
        spanId: expect.any(String),
        previous: "gpt-4o-2024-05-13",
        next: "gpt-4o-2024-08-06",
      },
    ]);
    // The gauges were collected now, after the window above: ask for a window that holds them.
    const now = await getJson<OverviewResponse>(`/api/overview?since=${BASE_MS}`);
    expect(now.drift.scores).toEqual([
      { signal: "output_tokens", model: "gpt-4o", points: [{ timeMs: expect.any(Number), score: 0.4 }] },
    ]);
    expect(now.budgets).toEqual([
      {
        name: "monthly",
        key: null,
        unit: "usd",
        window: "month",
        used: 3.5,
        limit: 10,
        timeMs: expect.any(Number),
      },
    ]);
    expect(now.totals.calls).toBe(3);
  });

  it("reports the store's status", async () => {
    const status = await getJson<StoreStatusResponse>("/api/status");
    expect(status).toMatchObject({
      file: ":memory:",
      traces: 3,
      spans: 5,
      metricPoints: 3,
      oldestMs: BASE_MS,
      retention: { maxAgeHours: 168, maxSizeMb: 256 },
      pending: 0,
      dropped: 0,
    });
    expect(status.sizeBytes).toBeGreaterThan(0);
  });
});

describe.skipIf(!hasNodeSqlite())("the overview's default window (needs node:sqlite)", () => {
  it("runs from the oldest to the newest stored data, not to now, so old history is not squeezed", async () => {
    const server = await startDevServer({ port: 0, store: ":memory:", settleMs: 60_000, write: () => {} });
    try {
      // One trace an hour ago, 50 ms long; nothing since.
      const startMs = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
      const body = createOtlpJsonTraces({
        service: "old",
        startMs,
        traceCount: 1,
        spansPerTrace: 1,
        seed: 3,
      });
      const posted = await fetch(`${server.url}/v1/traces`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(posted.status).toBe(200);
      const overview = (await (
        await fetch(`${server.url}/api/overview?buckets=10`)
      ).json()) as OverviewResponse;
      expect(overview).toMatchObject({ since: startMs, until: startMs + 50, bucketMs: 5 });
      expect(overview.series.map((bucket) => bucket.calls)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    } finally {
      await server.close();
    }
  });
});
