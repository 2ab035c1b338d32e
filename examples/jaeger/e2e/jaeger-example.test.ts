// The example as the README tells a reader to run it (node dist/main.js, init({ exporter: "jaeger" })), into a
// real Jaeger v2; then every search the README and docs/export-jaeger.md promise, through Jaeger's HTTP API.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  getJaeger,
  type JaegerOtlpSpan,
  requireEnvironment,
  searchTraces,
  tagOf,
  v3TracesPath,
  waitForV3Spans,
  withoutOpenAIKey,
} from "./query-jaeger.js";

const SERVICE = `jaeger-example-${process.pid}`;
const DATED_MODEL = "gpt-4o-mini-2024-07-18";
const CLIENT_KINDS = [3, "SPAN_KIND_CLIENT"];
let spans: JaegerOtlpSpan[] = [];

beforeAll(async () => {
  execFileSync(process.execPath, [new URL("../dist/main.js", import.meta.url).pathname], {
    env: {
      ...withoutOpenAIKey(),
      OTEL_SERVICE_NAME: SERVICE,
      OTEL_EXPORTER_OTLP_ENDPOINT: requireEnvironment("JAEGER_OTLP_URL"),
    },
    stdio: "pipe",
  });
  spans = await waitForV3Spans(SERVICE, 7);
});

describe("the jaeger example in a real Jaeger", () => {
  it("lists the service on the documented /api/v3/services query", async () => {
    const { status, body } = await getJaeger("/api/v3/services");
    expect(status).toBe(200);
    expect((body as { services: string[] }).services).toContain(SERVICE);
  });

  it("answers the documented /api/v3/traces query, and HTTP 500 without query.num_traces (why the doc adds it)", async () => {
    expect((await getJaeger(v3TracesPath(SERVICE))).status).toBe(200);
    const withoutLimit = v3TracesPath(SERVICE).replace(/&query\.num_traces=\d+/, "");
    expect((await getJaeger(withoutLimit)).status).toBe(500);
  });

  // Every curl line of the doc and the README, as written, with only host, service and time window swapped in.
  const documented = ["../../../docs/export-jaeger.md", "../README.md"].flatMap((file) =>
    [
      ...readFileSync(new URL(file, import.meta.url), "utf8").matchAll(
        /curl '(http:\/\/localhost:16686[^']+)'/g,
      ),
    ].map((match) => [file.replace(/^[./]+/, ""), match[1] ?? ""] as const),
  );
  it.each(documented)("%s: %s answers HTTP 200 with this service's data", async (_file, documentedUrl) => {
    const url = new URL(documentedUrl);
    for (const name of ["service", "query.service_name"])
      if (url.searchParams.has(name)) url.searchParams.set(name, SERVICE);
    if (url.searchParams.has("query.start_time_min")) {
      url.searchParams.set("query.start_time_min", new Date(Date.now() - 3_600_000).toISOString());
      url.searchParams.set("query.start_time_max", new Date(Date.now() + 60_000).toISOString());
    }
    const { status, body } = await getJaeger(`${url.pathname}${url.search}`);
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toContain(
      url.pathname === "/api/v3/services" ? SERVICE : "chat gpt-4o-mini",
    );
  });

  it("stores one trace: the app's root span and six client spans under it", () => {
    expect(spans).toHaveLength(7);
    const root = spans.find((span) => span.name === "answer support ticket");
    expect(root?.parentSpanId ?? "").toBe("");
    const children = spans.filter((span) => span !== root);
    expect(new Set(spans.map((span) => span.traceId)).size).toBe(1);
    for (const child of children) {
      expect(child.parentSpanId).toBe(root?.spanId);
      expect(CLIENT_KINDS).toContain(child.kind);
    }
    expect(children.map((span) => span.name).sort()).toEqual([
      ...Array(5).fill("chat gpt-4o-mini"),
      "embeddings text-embedding-3-small",
    ]);
  });

  it("keeps attribute types: strings, integer token counts, a string array of finish reasons, a double first-chunk time", () => {
    const streamed = spans.find((span) => "gen_ai.response.time_to_first_chunk" in span.attributes);
    expect(streamed?.attributes["gen_ai.request.model"]).toEqual({ stringValue: "gpt-4o-mini" });
    expect(streamed?.attributes["gen_ai.usage.input_tokens"]).toHaveProperty("intValue");
    expect(streamed?.attributes["gen_ai.usage.output_tokens"]).toHaveProperty("intValue");
    expect(streamed?.attributes["gen_ai.response.finish_reasons"]).toEqual({
      arrayValue: { values: [{ stringValue: "stop" }] },
    });
    expect(streamed?.attributes["gen_ai.response.time_to_first_chunk"]).toHaveProperty("doubleValue");
  });

  it("README step 4: tags error.type=RateLimitError find the rate-limited call, shown with error=true and an exception event", async () => {
    const failed = (
      await searchTraces({ serviceName: SERVICE, tags: { "error.type": "RateLimitError" } })
    ).filter((span) => tagOf(span, "error") === true);
    expect(failed.map((span) => span.operationName)).toEqual(["chat gpt-4o-mini"]);
    const [span] = failed;
    if (!span) return;
    expect(tagOf(span, "error.type")).toBe("RateLimitError");
    expect(tagOf(span, "otel.status_code")).toBe("ERROR");
    const events = span.logs.map((log) => log.fields.find((field) => field.key === "event")?.value);
    expect(events).toContain("exception");
  });

  it("README step 4: the dated model's tag search finds the calls it answered", async () => {
    const dated = (
      await searchTraces({ serviceName: SERVICE, tags: { "gen_ai.response.model": DATED_MODEL } })
    ).filter((span) => tagOf(span, "gen_ai.response.model") === DATED_MODEL);
    expect(dated).toHaveLength(3);
  });

  it("README step 4: Min Duration 1s finds the slow call", async () => {
    const slow = (await searchTraces({ serviceName: SERVICE, minDuration: "1s" })).filter(
      (span) => span.operationName.startsWith("chat") && span.duration >= 1_000_000,
    );
    expect(slow).toHaveLength(1);
  });

  it("README step 4: a search for error=true finds nothing on Jaeger v2 (why the docs search by error.type)", async () => {
    expect(await searchTraces({ serviceName: SERVICE, tags: { error: "true" } })).toEqual([]);
  });

  it("README step 5: the last chat span carries a sightline.model_change event from the dated to the new snapshot", () => {
    const changed = spans.filter((span) =>
      span.events.some((event) => event.name === "sightline.model_change"),
    );
    expect(changed).toHaveLength(1);
    const event = changed[0]?.events.find((item) => item.name === "sightline.model_change");
    expect(event?.attributes["sightline.drift.previous"]).toEqual({ stringValue: DATED_MODEL });
    expect(event?.attributes["sightline.drift.next"]).toEqual({ stringValue: "gpt-4o-mini-2026-09-01" });
  });
});
