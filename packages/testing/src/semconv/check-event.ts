import { checkAttribute } from "./check-attribute.js";
import { SEMCONV_FACTS } from "./semconv-facts.js";
import type { SemconvFinding } from "./semconv-finding.js";
import { SIGHTLINE_NAMESPACE } from "./sightline-names.js";

/** A span event and the span that carries it. */
export interface EventToCheck {
  /** The event. */
  event: { name: string; attributes?: Record<string, unknown> };
  /** The span's attributes (an exception's type is compared with the span's `error.type`). */
  span: { attributes: Record<string, unknown> };
  /** The span, for the finding. */
  subject: string;
}

/**
 * Checks one span event: its name is a semconv event (not deprecated) or Sightline's own, its attributes are
 * known and typed, and an `exception` event names its type or message and gives the same type as the span's
 * `error.type` (semconv's recording-errors rule: `error.type` is the exception's type when one is recorded).
 */
export function checkEvent({ event, span, subject }: EventToCheck): SemconvFinding[] {
  const eventSubject = `${subject} event ${event.name}`;
  const attributes = event.attributes ?? {};
  const findings = Object.entries(attributes).flatMap(([name, value]) =>
    checkAttribute({ name, value, subject: eventSubject }),
  );
  if (event.name.startsWith(SIGHTLINE_NAMESPACE)) return findings;
  const fact = SEMCONV_FACTS.events[event.name];
  if (fact === undefined || fact.deprecated)
    return [
      ...findings,
      {
        rule: "unknown-event",
        subject: eventSubject,
        severity: "violation",
        message: fact === undefined ? "not a semconv event" : "deprecated event",
      },
    ];
  if (event.name !== "exception") return findings;
  if (attributes["exception.type"] === undefined && attributes["exception.message"] === undefined)
    findings.push({
      rule: "conditionally-required-attribute",
      subject: eventSubject,
      attribute: "exception.type",
      severity: "violation",
      message: "an exception event names its type or its message",
    });
  const errorType = span.attributes["error.type"];
  // `_OTHER` is the fallback for errors without a known type; there is then nothing to compare.
  if (errorType !== undefined && errorType !== "_OTHER" && attributes["exception.type"] !== errorType)
    findings.push({
      rule: "exception-type",
      subject: eventSubject,
      attribute: "exception.type",
      severity: "violation",
      message: `"${String(attributes["exception.type"])}" differs from the span's error.type "${String(errorType)}"`,
    });
  return findings;
}
