import facts from "./semconv-facts.json" with { type: "json" };

/** A semconv attribute type (`string`, `int`, `double`, `boolean`, their arrays, `any`, `template[…]`). */
export type SemconvAttributeType = string;

/** One registry attribute: its type, the well-known values of an enum, and its deprecation. */
export interface SemconvAttributeFact {
  /** The attribute's type; an enum's is the type of its members' values. */
  type: SemconvAttributeType;
  /** Well-known values of an enum (semconv enums are open: other values are allowed). */
  members?: (string | number)[];
  /** Values only deprecated members have. */
  deprecatedMembers?: (string | number)[];
  /** The replacement name, or the deprecation reason, when the attribute is deprecated. */
  deprecated?: string;
}

/** How much a group asks for one attribute. */
export interface SemconvRequirementFact {
  /** `required`, `conditionally_required`, `recommended` or `opt_in`. */
  requirement: string;
  /** The model's condition text, for conditionally required (and some recommended) attributes. */
  condition?: string;
}

/** A span group: its kind, name pattern and attributes with their requirement levels. */
export interface SemconvSpanFact {
  /** `client` or `internal`. */
  kind: string;
  /** Name pattern, e.g. `{gen_ai.operation.name} {gen_ai.request.model}`, when the model gives one. */
  name?: string;
  /** Attributes the group names, resolved through `extends`. */
  attributes: Record<string, SemconvRequirementFact>;
}

/** A metric: instrument, unit, value type and point attributes. */
export interface SemconvMetricFact {
  /** `histogram`, `counter`, `updowncounter` or `gauge`. */
  instrument: string;
  /** UCUM unit, e.g. `s` or `{token}`. */
  unit: string;
  /** `int` or `double`, when the model says. */
  valueType?: string;
  /** Point attributes with their requirement levels. */
  attributes: Record<string, SemconvRequirementFact>;
}

/** An event: its attributes, and whether it is deprecated. */
export interface SemconvEventFact {
  /** Attributes the event names. */
  attributes: Record<string, SemconvRequirementFact>;
  /** True for events the model deprecated. */
  deprecated?: boolean;
}

/** Facts generated from the OpenTelemetry semantic conventions model by `scripts/build-semconv-facts.mjs`. */
export interface SemconvFacts {
  /** The semconv release the facts come from. */
  version: string;
  /** Every registry attribute by name. */
  attributes: Record<string, SemconvAttributeFact>;
  /** GenAI span groups by id (`span.gen_ai.inference.client`, …). */
  spans: Record<string, SemconvSpanFact>;
  /** GenAI metrics by name. */
  metrics: Record<string, SemconvMetricFact>;
  /** Events GenAI spans carry, by name (`exception`, `gen_ai.*`). */
  events: Record<string, SemconvEventFact>;
  /** JSON schemas of the four GenAI content attributes, by attribute name. */
  schemas: Record<string, unknown>;
}

/** The semconv v1.41.1 facts, committed in the repo so tests never read the model itself. */
export const SEMCONV_FACTS: SemconvFacts = facts as unknown as SemconvFacts;
