// The fixture server's answers computed from canned spans, following src/web/dev-api-types.ts.

/** TraceSummary of one trace's spans. */
export function summarizeTrace(spans) {
  const ids = new Set(spans.map((span) => span.spanId));
  const root = spans.find((span) => span.parentSpanId === null || !ids.has(span.parentSpanId)) ?? spans[0];
  const genAi = spans.filter((span) => span.genAi);
  const distinct = (values) => [...new Set(values.filter((value) => value !== null && value !== undefined))];
  const start = Math.min(...spans.map((span) => span.startMs));
  const end = Math.max(...spans.map((span) => span.startMs + span.durationMs));
  const priced = genAi.filter((span) => span.genAi.costUsd !== null);
  return {
    traceId: root.traceId,
    rootName: root.name,
    service: root.resource["service.name"] ?? null,
    startMs: start,
    durationMs: end - start,
    spanCount: spans.length,
    genAiCount: genAi.length,
    errorCount: spans.filter((span) => span.status.code === 2).length,
    models: distinct(genAi.map((span) => span.genAi.responseModel ?? span.genAi.requestModel)),
    providers: distinct(genAi.map((span) => span.genAi.provider)),
    features: distinct(spans.map((span) => span.attributes["sightline.feature"])),
    conversationIds: distinct(spans.map((span) => span.attributes["gen_ai.conversation.id"])),
    inputTokens: genAi.reduce((sum, span) => sum + (span.genAi.inputTokens ?? 0), 0),
    outputTokens: genAi.reduce((sum, span) => sum + (span.genAi.outputTokens ?? 0), 0),
    costUsd: priced.length === 0 ? null : priced.reduce((sum, span) => sum + span.genAi.costUsd, 0),
    hasDrift: spans.some((span) => span.events.some((event) => event.name === "sightline.drift")),
    hasModelChange: spans.some((span) =>
      span.events.some((event) => event.name === "sightline.model_change"),
    ),
  };
}

/** GET /api/traces over the summaries, filters as the contract describes. */
export function listTraces(options) {
  const { summaries, params } = options;
  const number = (key) => (params.has(key) ? Number(params.get(key)) : undefined);
  const q = params.get("q")?.toLowerCase();
  const matches = summaries.filter((trace) => {
    if (params.get("service") && trace.service !== params.get("service")) return false;
    if (params.get("model") && !trace.models.includes(params.get("model"))) return false;
    if (params.get("provider") && !trace.providers.includes(params.get("provider"))) return false;
    if (params.get("feature") && !trace.features.includes(params.get("feature"))) return false;
    if (params.get("conversation") && !trace.conversationIds.includes(params.get("conversation")))
      return false;
    if (params.get("errors") === "only" && trace.errorCount === 0) return false;
    if (params.get("errors") === "none" && trace.errorCount > 0) return false;
    if (number("minDurationMs") !== undefined && trace.durationMs < number("minDurationMs")) return false;
    if (number("minCostUsd") !== undefined && (trace.costUsd ?? 0) < number("minCostUsd")) return false;
    if (number("maxCostUsd") !== undefined && (trace.costUsd ?? 0) > number("maxCostUsd")) return false;
    if (number("since") !== undefined && trace.startMs < number("since")) return false;
    if (q && ![trace.traceId, trace.rootName, ...trace.models].some((text) => text.toLowerCase().includes(q)))
      return false;
    return true;
  });
  const before = number("before");
  const page = matches
    .filter((trace) => before === undefined || trace.startMs < before)
    .sort((left, right) => right.startMs - left.startMs)
    .slice(0, Math.min(number("limit") ?? 100, 500));
  const facet = (pick) => [...new Set(summaries.flatMap(pick))].sort();
  return {
    traces: page,
    total: matches.length,
    facets: {
      services: facet((trace) => (trace.service ? [trace.service] : [])),
      models: facet((trace) => trace.models),
      providers: facet((trace) => trace.providers),
      features: facet((trace) => trace.features),
      conversations: facet((trace) => trace.conversationIds),
    },
  };
}

function percentile(values, fraction) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

function stats(calls) {
  const durations = calls.map((span) => span.durationMs);
  return {
    calls: calls.length,
    errors: calls.filter((span) => span.status.code === 2).length,
    p50Ms: percentile(durations, 0.5),
    p95Ms: percentile(durations, 0.95),
    inputTokens: calls.reduce((sum, span) => sum + (span.genAi.inputTokens ?? 0), 0),
    outputTokens: calls.reduce((sum, span) => sum + (span.genAi.outputTokens ?? 0), 0),
    costUsd: calls.reduce((sum, span) => sum + (span.genAi.costUsd ?? 0), 0),
  };
}

function groupBy(calls, key) {
  const groups = new Map();
  for (const call of calls) {
    const value = key(call);
    if (value === null || value === undefined) continue;
    groups.set(value, [...(groups.get(value) ?? []), call]);
  }
  return groups;
}

/** GET /api/overview over every GenAI span. */
export function createOverview(options) {
  const { spans, params, now } = options;
  const all = spans.filter((span) => span.genAi);
  const since = params.has("since")
    ? Number(params.get("since"))
    : Math.min(...all.map((span) => span.startMs));
  const until = params.has("until") ? Number(params.get("until")) : now;
  const buckets = Math.min(Number(params.get("buckets") ?? 30), 200);
  const calls = all.filter((span) => span.startMs >= since && span.startMs <= until);
  const bucketMs = Math.max(1, (until - since) / buckets);
  const modelOf = (span) => span.genAi.responseModel ?? span.genAi.requestModel;
  const split = (group, key) =>
    Object.fromEntries(
      [...groupBy(group, key)].map(([name, list]) => [
        name,
        {
          calls: list.length,
          tokens: list.reduce(
            (sum, span) => sum + (span.genAi.inputTokens ?? 0) + (span.genAi.outputTokens ?? 0),
            0,
          ),
          costUsd: list.reduce((sum, span) => sum + (span.genAi.costUsd ?? 0), 0),
        },
      ]),
    );
  const series = Array.from({ length: buckets }, (_, index) => {
    const startMs = since + index * bucketMs;
    const inBucket = calls.filter((span) => span.startMs >= startMs && span.startMs < startMs + bucketMs);
    return {
      ...stats(inBucket),
      startMs,
      byModel: split(inBucket, modelOf),
      byFeature: split(inBucket, (span) => span.genAi.feature),
    };
  });
  const events = (name) =>
    spans.flatMap((span) =>
      span.events.filter((event) => event.name === name).map((event) => ({ span, event })),
    );
  const scorePoints = (base, wobble) =>
    Array.from({ length: 24 }, (_, index) => ({
      timeMs: since + ((until - since) * index) / 23,
      score: Math.max(0, base + Math.sin(index / 2.5) * wobble + (index > 17 ? 0.2 : 0)),
    }));
  return {
    since,
    until,
    bucketMs,
    totals: stats(calls),
    perModel: [...groupBy(calls, modelOf)].map(([model, list]) => ({ model, ...stats(list) })),
    perFeature: [...groupBy(calls, (span) => span.genAi.feature)].map(([feature, list]) => ({
      feature,
      ...stats(list),
    })),
    series,
    drift: {
      scores:
        calls.length === 0
          ? []
          : [
              { signal: "output_tokens", model: "gpt-4o-mini", points: scorePoints(0.12, 0.05) },
              { signal: "latency", model: "gpt-4o", points: scorePoints(0.08, 0.03) },
            ],
      events: events("sightline.drift").map(({ span, event }) => ({
        timeMs: event.timeMs,
        traceId: span.traceId,
        spanId: span.spanId,
        signal: event.attributes["sightline.drift.signal"] ?? null,
        model: span.genAi?.responseModel ?? null,
        kind: event.attributes["sightline.drift.kind"] ?? null,
        score: event.attributes["sightline.drift.score"] ?? null,
      })),
      modelChanges: events("sightline.model_change").map(({ span, event }) => ({
        timeMs: event.timeMs,
        traceId: span.traceId,
        spanId: span.spanId,
        previous: event.attributes["sightline.drift.previous"] ?? null,
        next: event.attributes["sightline.drift.next"] ?? null,
      })),
    },
    budgets:
      calls.length === 0
        ? []
        : [
            {
              name: "monthly-spend",
              key: "support-bot",
              unit: "USD",
              window: "30d",
              used: 42.5,
              limit: 50,
              timeMs: now,
            },
            {
              name: "daily-tokens",
              key: null,
              unit: "tokens",
              window: "1d",
              used: 120_000,
              limit: 300_000,
              timeMs: now,
            },
          ],
  };
}

/** GET /api/conversations and /api/conversations/:id. */
export function listConversations(spans) {
  const groups = groupBy(
    spans.filter((span) => span.genAi),
    (span) => span.genAi.conversationId,
  );
  return [...groups].map(([conversationId, calls]) => {
    const sorted = [...calls].sort((left, right) => left.startMs - right.startMs);
    const priced = sorted.filter((span) => span.genAi.costUsd !== null);
    return {
      summary: {
        conversationId,
        calls: sorted.length,
        firstMs: sorted[0].startMs,
        lastMs: sorted.at(-1).startMs,
        costUsd: priced.length === 0 ? null : priced.reduce((sum, span) => sum + span.genAi.costUsd, 0),
        models: [...new Set(sorted.map((span) => span.genAi.responseModel ?? span.genAi.requestModel))],
      },
      calls: sorted,
    };
  });
}
