import { type Attributes, context, SpanKind } from "@opentelemetry/api";
import {
  asArray,
  asFields,
  asString,
  type Instrumentation,
  reportTelemetryError,
  startGenAISpan,
} from "@sightline/core/provider";
import {
  ATTR_AWS_BEDROCK_GUARDRAIL_ID,
  ATTR_AWS_BEDROCK_GUARDRAIL_VERSION,
  ATTR_SIGHTLINE_GUARDRAIL_ACTION,
  ATTR_SIGHTLINE_GUARDRAIL_CONTENT,
  ATTR_SIGHTLINE_GUARDRAIL_OUTPUTS,
  ATTR_SIGHTLINE_GUARDRAIL_POLICIES,
  ATTR_SIGHTLINE_GUARDRAIL_SOURCE,
  EVENT_SIGHTLINE_GUARDRAIL,
  SIGHTLINE_OPERATION_APPLY_GUARDRAIL,
} from "@sightline/core/semconv";
import { readGuardrailPolicies } from "./read-guardrail-policies.js";

const INTERVENED = "GUARDRAIL_INTERVENED";

/**
 * Runs one `ApplyGuardrailCommand` inside an INTERNAL `apply_guardrail {guardrailIdentifier}` span under the
 * active span. It is not a model call: no `gen_ai.operation.name`, no token metrics, no cost. The span carries
 * the guardrail's id, version, source and action, and, when the guardrail intervened, a `sightline.guardrail`
 * event naming the policies that fired. The content checked and the guardrail's outputs are recorded only with
 * content capture on. The result (or error) is the caller's, unchanged; a failed call marks the span.
 */
export function traceApplyGuardrail(options: {
  instrumentation: Instrumentation;
  input: unknown;
  invoke: () => unknown;
}): unknown {
  const { instrumentation, invoke } = options;
  let handle: ReturnType<typeof startGenAISpan>;
  try {
    const input = asFields(options.input);
    const id = asString(input.guardrailIdentifier);
    const attributes: Attributes = {};
    if (id) attributes[ATTR_AWS_BEDROCK_GUARDRAIL_ID] = id;
    const version = asString(input.guardrailVersion);
    if (version) attributes[ATTR_AWS_BEDROCK_GUARDRAIL_VERSION] = version;
    const source = asString(input.source);
    if (source) attributes[ATTR_SIGHTLINE_GUARDRAIL_SOURCE] = source;
    handle = startGenAISpan({
      name: id ? `${SIGHTLINE_OPERATION_APPLY_GUARDRAIL} ${id}` : SIGHTLINE_OPERATION_APPLY_GUARDRAIL,
      kind: SpanKind.INTERNAL,
      attributes,
      spanOptions: { instrumentation },
      tallyCost: false,
      startContent: { attribute: ATTR_SIGHTLINE_GUARDRAIL_CONTENT, value: input.content },
      resultAttribute: ATTR_SIGHTLINE_GUARDRAIL_OUTPUTS,
    });
  } catch (error) {
    reportTelemetryError("starting a guardrail span", error);
    return invoke();
  }
  let result: unknown;
  try {
    result = context.with(handle.context, invoke);
  } catch (error) {
    handle.end(error);
    throw error;
  }
  Promise.resolve(result).then(
    (output) => {
      try {
        recordOutput(handle, output);
      } catch (error) {
        reportTelemetryError("reading a guardrail response", error);
      }
      handle.end();
    },
    (error: unknown) => handle.end(error),
  );
  return result;
}

function recordOutput(handle: ReturnType<typeof startGenAISpan>, output: unknown): void {
  const fields = asFields(output);
  const action = asString(fields.action);
  if (!action) return;
  handle.span.setAttribute(ATTR_SIGHTLINE_GUARDRAIL_ACTION, action);
  if (action === INTERVENED) {
    handle.span.addEvent(EVENT_SIGHTLINE_GUARDRAIL, {
      [ATTR_SIGHTLINE_GUARDRAIL_ACTION]: action,
      [ATTR_SIGHTLINE_GUARDRAIL_POLICIES]: readGuardrailPolicies(fields.assessments),
    });
  }
  const outputs = asArray(fields.outputs);
  if (outputs && outputs.length > 0) handle.setResult(outputs);
}
