import type { Attributes, AttributeValue } from "@opentelemetry/api";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import { ATTR_SIGHTLINE_REDACTION_COUNT, ATTR_SIGHTLINE_REDACTION_COUNT_PREFIX } from "../semconv.js";
import { createRedactor } from "./create-redactor.js";
import type { Redactor } from "./types.js";

type AttributeMap = Attributes;

/**
 * The parts of an OTel SDK `ReadableSpan` the wrapper reads; declared here because core does not
 * depend on the SDK. Any other field passes through untouched.
 */
export interface RedactableSpan {
  readonly attributes: AttributeMap;
  readonly events: readonly {
    readonly name: string;
    readonly attributes?: AttributeMap;
    readonly time: unknown;
  }[];
  readonly status: { readonly code: number; readonly message?: string };
}

/** The shape of an OTel SDK `SpanExporter`, so any exporter (OTLP, console, in-memory) can be wrapped. */
export interface SpanExporterLike<Span extends RedactableSpan = RedactableSpan> {
  export(spans: Span[], resultCallback: (result: { code: number; error?: Error }) => void): void;
  shutdown(): Promise<void>;
  forceFlush?(): Promise<void>;
}

/** Options of {@link createRedactingSpanExporter}. */
export interface RedactingSpanExporterOptions<Span extends RedactableSpan> {
  /** The exporter that receives the cleaned spans. */
  exporter: SpanExporterLike<Span>;
  /** The redactor to apply. Default: `createRedactor()` (every built-in detector). */
  redactor?: Redactor;
  /**
   * Attribute keys left as they are. Default: network addresses and ids that are infrastructure,
   * not personal data (`server.address`, `client.address`, `network.peer.address`, …), which the
   * IP detector would otherwise replace.
   */
  keepAttributes?: readonly string[];
}

/** Infrastructure attributes whose IP addresses and host names are the point of the attribute. */
const DEFAULT_KEPT_ATTRIBUTES: readonly string[] = [
  "server.address",
  "server.port",
  "client.address",
  "network.peer.address",
  "network.local.address",
  "net.peer.name",
  "net.peer.ip",
  "net.host.name",
  "net.host.ip",
  "host.ip",
  "host.name",
];

/**
 * Wraps a span exporter so every string attribute, span event attribute and status message of
 * every span — including spans from other instrumentations (HTTP bodies, LangChain, OpenInference,
 * vendor SDKs' native spans) — is redacted before it leaves the process. Spans with nothing to
 * clean are passed on as the same objects; the others are passed as copies (a finished span is
 * read-only) carrying the cleaned values and `sightline.redaction.<kind>.count`. Wrap the
 * exporter, not a processor, so batching is untouched and the cost is paid once per export.
 * @example
 * const exporter = createRedactingSpanExporter({ exporter: new OTLPTraceExporter() });
 * new NodeSDK({ spanProcessors: [new BatchSpanProcessor(exporter)] });
 */
export function createRedactingSpanExporter<Span extends RedactableSpan>(
  options: RedactingSpanExporterOptions<Span>,
): SpanExporterLike<Span> {
  const { exporter } = options;
  const redactor = options.redactor ?? createRedactor();
  const kept = new Set(options.keepAttributes ?? DEFAULT_KEPT_ATTRIBUTES);
  const wrapper: SpanExporterLike<Span> = {
    export(spans, resultCallback) {
      let cleaned: Span[];
      try {
        cleaned = spans.map((span) => redactSpan(span, redactor, kept));
      } catch (error) {
        // Failing closed: a span that could not be cleaned is not exported at all.
        reportTelemetryError("redacting spans before export", error);
        resultCallback({ code: 1, error: error instanceof Error ? error : new Error(String(error)) });
        return;
      }
      exporter.export(cleaned, resultCallback);
    },
    shutdown: () => exporter.shutdown(),
  };
  if (typeof exporter.forceFlush === "function") {
    wrapper.forceFlush = () => (exporter.forceFlush as () => Promise<void>).call(exporter);
  }
  return wrapper;
}

function redactSpan<Span extends RedactableSpan>(
  span: Span,
  redactor: Redactor,
  kept: ReadonlySet<string>,
): Span {
  const counts: Record<string, number> = {};
  const attributes = redactAttributes(span.attributes, redactor, kept, counts);
  let eventsChanged = false;
  const events = span.events.map((event) => {
    if (!event.attributes) return event;
    const eventAttributes = redactAttributes(event.attributes, redactor, kept, counts);
    if (eventAttributes === event.attributes) return event;
    eventsChanged = true;
    return { ...event, attributes: eventAttributes };
  });
  const message = span.status.message ? redactor.redact(span.status.message) : undefined;
  if (message) addCounts(counts, message.counts);
  const statusChanged = message !== undefined && message.text !== span.status.message;
  if (attributes === span.attributes && !eventsChanged && !statusChanged) return span;

  const finalAttributes: AttributeMap = { ...attributes };
  let total = 0;
  for (const [kind, count] of Object.entries(counts)) {
    const key = `${ATTR_SIGHTLINE_REDACTION_COUNT_PREFIX}${kind}.count`;
    finalAttributes[key] =
      (typeof finalAttributes[key] === "number" ? (finalAttributes[key] as number) : 0) + count;
    total += count;
  }
  const previousTotal = finalAttributes[ATTR_SIGHTLINE_REDACTION_COUNT];
  finalAttributes[ATTR_SIGHTLINE_REDACTION_COUNT] =
    (typeof previousTotal === "number" ? previousTotal : 0) + total;
  // A prototype-linked copy keeps every other field and method (spanContext(), resource, …) of
  // whatever span class the SDK uses, while the three cleaned fields shadow the originals.
  const copy = Object.create(span) as Span;
  Object.defineProperties(copy, {
    attributes: { value: finalAttributes, enumerable: true },
    events: { value: eventsChanged ? events : span.events, enumerable: true },
    status: {
      value: statusChanged ? { ...span.status, message: message?.text } : span.status,
      enumerable: true,
    },
  });
  return copy;
}

/** Returns the same object when nothing changed, so clean spans cost no allocation. */
function redactAttributes(
  attributes: AttributeMap,
  redactor: Redactor,
  kept: ReadonlySet<string>,
  counts: Record<string, number>,
): AttributeMap {
  let result: AttributeMap | undefined;
  for (const [key, value] of Object.entries(attributes)) {
    if (kept.has(key)) continue;
    const cleaned = redactValue(value, redactor, counts);
    if (cleaned === value) continue;
    result ??= { ...attributes };
    result[key] = cleaned;
  }
  return result ?? attributes;
}

function redactValue(
  value: AttributeValue | undefined,
  redactor: Redactor,
  counts: Record<string, number>,
): AttributeValue | undefined {
  if (typeof value === "string") {
    const result = redactor.redact(value);
    addCounts(counts, result.counts);
    return result.text;
  }
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      if (typeof item !== "string") return item;
      const result = redactor.redact(item);
      addCounts(counts, result.counts);
      if (result.text !== item) changed = true;
      return result.text;
    });
    return changed ? (items as AttributeValue) : value;
  }
  return value;
}

function addCounts(counts: Record<string, number>, found: Readonly<Record<string, number>>): void {
  for (const [kind, count] of Object.entries(found)) counts[kind] = (counts[kind] ?? 0) + count;
}
