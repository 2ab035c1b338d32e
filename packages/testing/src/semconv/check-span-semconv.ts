import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { checkAttribute } from "./check-attribute.js";
import { CONTENT_ATTRIBUTES, checkContentAttribute } from "./check-content-attribute.js";
import { checkEvent } from "./check-event.js";
import { SEMCONV_FACTS, type SemconvSpanFact } from "./semconv-facts.js";
import type { SemconvFinding } from "./semconv-finding.js";

/** The parts of an exported span the checker reads (an SDK `ReadableSpan` has them all). */
export interface SpanToCheck {
  /** Span name. */
  name: string;
  /** Span kind. */
  kind: SpanKind;
  /** Span attributes. */
  attributes: Record<string, unknown>;
  /** Span status. */
  status: { code: SpanStatusCode };
  /** Span events. */
  events: readonly { name: string; attributes?: Record<string, unknown> }[];
}

/** What the caller knows about the request, for the conditions the span alone cannot decide. */
export interface SpanRequest {
  /** The request was streamed (`gen_ai.request.stream` is required iff so). Default: not checked. */
  streaming?: boolean;
  /** The model the request named (`gen_ai.request.model` is then required and must equal it). Default: not checked. */
  model?: string;
}

const INFERENCE_OPERATIONS = new Set(["chat", "text_completion", "generate_content"]);
const PROVIDER_SPAN_GROUPS: Record<string, string> = {
  openai: "span.openai.inference.client",
  "azure.ai.inference": "span.azure.ai.inference.client",
  "aws.bedrock": "span.aws.bedrock.client",
  anthropic: "span.anthropic.inference.client",
};
/**
 * Requirement levels of the model that no instrumentation can meet as written, with how the checker reads them.
 * A finding under one of these is `information`, never silently dropped.
 */
const REQUIREMENT_READINGS: Record<string, string> = {
  // span.aws.bedrock.client marks it required, but a Converse call without a guardrail has no id to report;
  // the OTel JS and Python Bedrock instrumentations also set it only when the request names a guardrail.
  "aws.bedrock.guardrail.id": "required by the model, but only knowable when the request names a guardrail",
};
/** Span name pattern semconv gives inference and embeddings spans; used when a group gives none. */
const DEFAULT_NAME_PATTERN = "{gen_ai.operation.name} {gen_ai.request.model}";

/** The span group a GenAI span belongs to, from its operation and provider names. */
function findSpanGroup(attributes: Record<string, unknown>): SemconvSpanFact | undefined {
  const operation = String(attributes["gen_ai.operation.name"]);
  const provider = String(attributes["gen_ai.provider.name"]);
  if (INFERENCE_OPERATIONS.has(operation))
    return SEMCONV_FACTS.spans[PROVIDER_SPAN_GROUPS[provider] ?? "span.gen_ai.inference.client"];
  if (operation === "embeddings") return SEMCONV_FACTS.spans["span.gen_ai.embeddings.client"];
  return Object.entries(SEMCONV_FACTS.spans).find(([id]) => id.startsWith(`span.gen_ai.${operation}.`))?.[1];
}

/**
 * Conditionally required attributes whose condition the checker can decide, each as "must it be present?"
 * (`undefined`: cannot tell from the span and request, so not checked). The others (seed, choice count,
 * output type, conversation id, service tiers) depend on request fields the checker does not see.
 */
function isConditionMet(attribute: string, span: SpanToCheck, request: SpanRequest): boolean | undefined {
  switch (attribute) {
    case "error.type":
      return span.status.code === SpanStatusCode.ERROR;
    case "server.port":
      return span.attributes["server.address"] !== undefined;
    case "gen_ai.request.stream":
      return request.streaming;
    case "gen_ai.request.model":
      return request.model === undefined ? undefined : true;
    default:
      return undefined;
  }
}

/** Checks name, kind and requirement levels against the span's semconv group. */
function checkAgainstGroup(
  span: SpanToCheck,
  group: SemconvSpanFact,
  request: SpanRequest,
): SemconvFinding[] {
  const subject = `span "${span.name}"`;
  const findings: SemconvFinding[] = [];
  const pattern = group.name ?? DEFAULT_NAME_PATTERN;
  const expectedName = pattern.replaceAll(/\{([^}]+)\}/g, (_, name: string) =>
    String(span.attributes[name] ?? `{${name}}`),
  );
  if (span.name !== expectedName)
    findings.push({
      rule: "span-name",
      subject,
      severity: "violation",
      message: `expected "${expectedName}" (${pattern})`,
    });
  const expectedKind = group.kind === "internal" ? SpanKind.INTERNAL : SpanKind.CLIENT;
  if (span.kind !== expectedKind)
    findings.push({
      rule: "span-kind",
      subject,
      severity: "violation",
      message: `expected ${SpanKind[expectedKind]}, got ${SpanKind[span.kind]}`,
    });
  for (const [attribute, level] of Object.entries(group.attributes)) {
    const present = span.attributes[attribute] !== undefined;
    const needed =
      level.requirement === "required" ||
      (level.requirement === "conditionally_required" ? isConditionMet(attribute, span, request) : false);
    const reading = REQUIREMENT_READINGS[attribute];
    if (needed === true && !present)
      findings.push({
        rule: level.requirement === "required" ? "required-attribute" : "conditionally-required-attribute",
        subject,
        attribute,
        severity: reading === undefined ? "violation" : "information",
        message: `missing${level.condition === undefined ? "" : ` (${level.condition})`}${reading === undefined ? "" : `: ${reading}`}`,
      });
    // Two conditions are "if and only if": an error type on a span that did not fail, a stream flag on a plain call.
    if (needed === false && present && ["error.type", "gen_ai.request.stream"].includes(attribute))
      findings.push({
        rule: "conditionally-required-attribute",
        subject,
        attribute,
        severity: "violation",
        message: `set although its condition does not hold (${level.condition})`,
      });
  }
  if (request.model !== undefined && span.attributes["gen_ai.request.model"] !== undefined)
    if (span.attributes["gen_ai.request.model"] !== request.model)
      findings.push({
        rule: "request-model",
        subject,
        attribute: "gen_ai.request.model",
        severity: "violation",
        message: `expected the requested model "${request.model}"`,
      });
  return findings;
}

/**
 * Checks one exported GenAI span against semantic conventions v1.41.1: name pattern, kind, required and
 * decidable conditionally required attributes (`error.type` iff error status), every attribute's name, type
 * and enum value, the content attributes against the GenAI JSON schemas, and its events.
 * @example
 * const findings = checkSpanSemconv(span, { streaming: false, model: "gpt-4o" });
 * expect(findings.filter((finding) => finding.severity === "violation")).toEqual([]);
 */
export function checkSpanSemconv(span: SpanToCheck, request: SpanRequest = {}): SemconvFinding[] {
  const subject = `span "${span.name}"`;
  const findings: SemconvFinding[] = [];
  if (span.attributes["gen_ai.operation.name"] === undefined)
    findings.push({
      rule: "required-attribute",
      subject,
      attribute: "gen_ai.operation.name",
      severity: "violation",
      message: "missing: every GenAI span names its operation",
    });
  const group = findSpanGroup(span.attributes);
  if (group !== undefined) findings.push(...checkAgainstGroup(span, group, request));
  for (const [name, value] of Object.entries(span.attributes)) {
    const attributeFindings = checkAttribute({ name, value, subject });
    findings.push(...attributeFindings);
    if (attributeFindings.length === 0 && CONTENT_ATTRIBUTES.includes(name))
      findings.push(...checkContentAttribute({ name, value, subject }));
  }
  for (const event of span.events) findings.push(...checkEvent({ event, span, subject }));
  return findings;
}
