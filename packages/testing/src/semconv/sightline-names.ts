/**
 * The one list of telemetry names Sightline emits that semantic conventions v1.41.1 does not define, so the
 * semconv checker allows them explicitly and fails on every other unknown name. Core's `semconv.ts` is where
 * Sightline's names are defined; this list only says which of them are ours rather than semconv's.
 */

/** Every attribute, metric and event name under this namespace is Sightline's own (semconv defines none). */
export const SIGHTLINE_NAMESPACE = "sightline.";

/** Attribute names outside the `sightline.` namespace that Sightline emits, with their type and why. */
export const SIGHTLINE_ATTRIBUTES: Readonly<Record<string, { type: string; reason: string }>> = {
  "gen_ai.usage.cost": {
    type: "double",
    reason: "the call's cost in USD under the name OpenLIT and Langfuse read; semconv has no cost attribute",
  },
  "aws.bedrock.guardrail.version": {
    type: "string",
    reason: "Bedrock guardrail version beside semconv's aws.bedrock.guardrail.id; semconv has no version",
  },
};

/** Whether `name` is one of Sightline's own names (its namespace or the list above). */
export function isSightlineName(name: string): boolean {
  return name.startsWith(SIGHTLINE_NAMESPACE) || Object.hasOwn(SIGHTLINE_ATTRIBUTES, name);
}
