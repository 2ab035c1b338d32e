/** One thing the semconv checker found in exported telemetry. */
export interface SemconvFinding {
  /** The check that produced it, e.g. `unknown-attribute`, `attribute-type`, `span-name`. */
  rule: string;
  /** What was checked: `span "chat gpt-4o"`, `metric gen_ai.client.token.usage`, `event exception`. */
  subject: string;
  /** The attribute concerned, when there is one. */
  attribute?: string;
  /** What is wrong, in words. */
  message: string;
  /** `violation` fails a conformance run; `information` (e.g. a custom value of an open enum) does not. */
  severity: "violation" | "information";
}
