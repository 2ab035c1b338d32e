import { SEMCONV_FACTS, type SemconvAttributeFact } from "./semconv-facts.js";
import type { SemconvFinding } from "./semconv-finding.js";
import { SIGHTLINE_ATTRIBUTES, SIGHTLINE_NAMESPACE } from "./sightline-names.js";

/** The attribute to check and what carries it. */
export interface AttributeToCheck {
  /** The attribute's name. */
  name: string;
  /** Its exported value. */
  value: unknown;
  /** What carries it, for the finding (`span "chat gpt-4o"`). */
  subject: string;
}

/** Edit distance between two names, to suggest the semconv name a misspelled one meant. */
function distance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row++) {
    const current = [row];
    for (let column = 1; column <= right.length; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      current[column] = Math.min(
        (previous[column] ?? 0) + 1,
        (current[column - 1] ?? 0) + 1,
        (previous[column - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/** The closest registry name within three edits, for an unknown name's message. */
function suggestName(name: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const known of Object.keys(SEMCONV_FACTS.attributes)) {
    const edits = distance(name, known);
    if (edits <= 3 && (best === undefined || edits < best.distance)) best = { name: known, distance: edits };
  }
  return best?.name;
}

/** The registry fact for a name, templates (`http.request.header.<key>`) matched by prefix. */
function findFact(name: string): SemconvAttributeFact | undefined {
  const exact = SEMCONV_FACTS.attributes[name];
  if (exact !== undefined) return exact;
  for (const [template, fact] of Object.entries(SEMCONV_FACTS.attributes))
    if (fact.type.startsWith("template[") && name.startsWith(`${template}.`))
      return { ...fact, type: fact.type.slice("template[".length, -1) };
  return undefined;
}

/** Whether a value has a semconv type; `any` takes every attribute value (JSON strings on spans included). */
export function hasSemconvType(value: unknown, type: string): boolean {
  if (type.endsWith("[]"))
    return Array.isArray(value) && value.every((item) => hasSemconvType(item, type.slice(0, -2)));
  switch (type) {
    case "string":
      return typeof value === "string";
    case "int":
      return typeof value === "number" && Number.isInteger(value);
    case "double":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    default:
      return true;
  }
}

/** Folds case and separators, so `Chat`, `mistral-ai` and `MISTRAL_AI` meet the member they misspell. */
function foldValue(value: string): string {
  return value.toLowerCase().replaceAll(/[^a-z0-9]/g, "");
}

/** Checks one enum value against the model's members: open enums take custom values, not misspelled ones. */
function checkEnumValue(attribute: AttributeToCheck, fact: SemconvAttributeFact): SemconvFinding[] {
  const members = fact.members ?? [];
  const value = String(attribute.value);
  const base = { subject: attribute.subject, attribute: attribute.name };
  if (members.some((member) => member === attribute.value)) return [];
  if (fact.deprecatedMembers?.some((member) => member === attribute.value))
    return [{ ...base, rule: "enum-deprecated", severity: "violation", message: `"${value}" is deprecated` }];
  const meant = members.find((member) => foldValue(String(member)) === foldValue(value));
  if (meant !== undefined)
    return [
      {
        ...base,
        rule: "enum-value",
        severity: "violation",
        message: `"${value}" misspells the well-known value "${meant}"`,
      },
    ];
  return [
    {
      ...base,
      rule: "enum-custom-value",
      severity: "information",
      message: `"${value}" is not a well-known value (${members.join(", ")}); semconv enums are open`,
    },
  ];
}

/**
 * Checks one exported attribute against the semconv registry: its name is defined (or one of Sightline's own),
 * not deprecated, its value has the registry's type, and an enum value is a well-known member or a custom
 * value that does not misspell one.
 */
export function checkAttribute(attribute: AttributeToCheck): SemconvFinding[] {
  const { name, value, subject } = attribute;
  const base = { subject, attribute: name };
  const own = SIGHTLINE_ATTRIBUTES[name];
  if (own !== undefined)
    return hasSemconvType(value, own.type)
      ? []
      : [{ ...base, rule: "attribute-type", severity: "violation", message: `expected ${own.type}` }];
  if (name.startsWith(SIGHTLINE_NAMESPACE)) return [];
  const fact = findFact(name);
  if (fact === undefined) {
    const suggestion = suggestName(name);
    const hint = suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`;
    return [
      {
        ...base,
        rule: "unknown-attribute",
        severity: "violation",
        message: `not in semconv v${SEMCONV_FACTS.version} nor one of Sightline's own names${hint}`,
      },
    ];
  }
  if (fact.deprecated !== undefined)
    return [
      {
        ...base,
        rule: "deprecated-attribute",
        severity: "violation",
        message: `deprecated: ${fact.deprecated}`,
      },
    ];
  if (!hasSemconvType(value, fact.type))
    return [
      {
        ...base,
        rule: "attribute-type",
        severity: "violation",
        message: `expected ${fact.type}, got ${Array.isArray(value) ? "array" : typeof value} ${JSON.stringify(value)}`,
      },
    ];
  return fact.members === undefined ? [] : checkEnumValue(attribute, fact);
}
