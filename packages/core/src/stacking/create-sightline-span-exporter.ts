import type { Attributes, AttributeValue, Span, TimeInput } from "@opentelemetry/api";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import type { RedactableSpan, SpanExporterLike } from "../redaction/create-redacting-span-exporter.js";
import { ATTR_SIGHTLINE_RECORDED_BY } from "../semconv.js";
import { createGenAISpanEnricher, type GenAISpanEnrichmentOptions } from "./create-genai-span-enricher.js";
import { type GenAISpanLike, isRecordedBySightline, readForeignCall } from "./read-genai-span.js";

/** The parts of an exported span the wrapper reads; any SDK `ReadableSpan` fits. */
export interface EnrichableSpan extends RedactableSpan, Omit<GenAISpanLike, "status"> {
  readonly endTime?: unknown;
}

/** Options of {@link createSightlineSpanExporter}. */
export interface SightlineSpanExporterOptions<ExportedSpan extends EnrichableSpan>
  extends GenAISpanEnrichmentOptions {
  /** The exporter that receives the spans. */
  exporter: SpanExporterLike<ExportedSpan>;
}

interface CollectedEvent {
  name: string;
  attributes?: Attributes;
  time: unknown;
  droppedAttributesCount: number;
}

/**
 * Wraps a span exporter so other tools' GenAI model-call spans leave with Sightline's cost
 * attributes, drift events and metrics, for pipelines already built where no span processor can
 * be added (prefer `createSightlineSpanProcessor`, which also keeps a call seen by two tools to one
 * span). Spans with nothing to add are passed on as the same objects; the others as copies (a
 * finished span is read-only). Telemetry problems never stop the export.
 * @example
 * const exporter = createSightlineSpanExporter({ exporter: new OTLPTraceExporter() });
 */
export function createSightlineSpanExporter<ExportedSpan extends EnrichableSpan>(
  options: SightlineSpanExporterOptions<ExportedSpan>,
): SpanExporterLike<ExportedSpan> {
  const { exporter } = options;
  const enrich = createGenAISpanEnricher(options);
  const wrapper: SpanExporterLike<ExportedSpan> = {
    export(spans, resultCallback) {
      const enriched = spans.map((span) => {
        try {
          return enrichSpan(span, enrich);
        } catch (error) {
          reportTelemetryError("enriching a GenAI span before export", error);
          return span;
        }
      });
      exporter.export(enriched, resultCallback);
    },
    shutdown: () => exporter.shutdown(),
  };
  if (typeof exporter.forceFlush === "function") {
    wrapper.forceFlush = () => (exporter.forceFlush as () => Promise<void>).call(exporter);
  }
  return wrapper;
}

function enrichSpan<ExportedSpan extends EnrichableSpan>(
  span: ExportedSpan,
  enrich: ReturnType<typeof createGenAISpanEnricher>,
): ExportedSpan {
  if (isRecordedBySightline(span)) return span;
  const call = readForeignCall(span);
  if (!call) return span;
  const attributes: Attributes = { ...span.attributes };
  const events: CollectedEvent[] = [];
  const writer = {
    setAttribute(key: string, value: AttributeValue) {
      attributes[key] = value;
      return writer;
    },
    setAttributes(values: Attributes) {
      Object.assign(attributes, values);
      return writer;
    },
    addEvent(name: string, eventAttributes?: Attributes, _time?: TimeInput) {
      events.push({ name, attributes: eventAttributes, time: span.endTime, droppedAttributesCount: 0 });
      return writer;
    },
    attributes,
  };
  enrich({ call, writer: writer as unknown as Span, scopeName: span.instrumentationScope?.name });
  attributes[ATTR_SIGHTLINE_RECORDED_BY] = "@sightline/core";
  // A prototype-linked copy keeps every other field and method of the SDK's span class.
  const copy = Object.create(span) as ExportedSpan;
  Object.defineProperties(copy, {
    attributes: { value: attributes, enumerable: true },
    events: { value: events.length > 0 ? [...span.events, ...events] : span.events, enumerable: true },
  });
  return copy;
}
