#!/usr/bin/env node
// Writes src/semconv/semconv-facts.json, the facts the semantic-convention checker runs on, from the
// OpenTelemetry semantic conventions v1.41.1 model (YAML registry, span, metric and event groups) and its
// four GenAI content JSON schemas. The model lives outside the repo (default ../shared/semconv/v1.41.1, or
// the folder given as the first argument), and tests must never read it, so its facts are generated here and
// committed. `--check` regenerates in memory and fails when the committed file differs (formatting aside).
//
// What it keeps: every registry attribute (type, deprecation, enum members), the GenAI span groups with their
// attributes resolved through `extends` and `ref` overrides (requirement level, condition text, span kind, name
// pattern), the GenAI client metrics (name, unit, instrument, value type, point attributes) and the events the
// GenAI spans carry, plus the JSON schemas with titles, descriptions and defaults stripped.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const VERSION = "1.41.1";
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repositoryRoot = path.resolve(packageRoot, "../..");
const args = process.argv.slice(2);
const check = args.includes("--check");
const source = path.resolve(
  args.find((arg) => !arg.startsWith("--")) ?? path.join(repositoryRoot, `../shared/semconv/v${VERSION}`),
);
const output = path.join(packageRoot, "src/semconv/semconv-facts.json");

// The workspace's one YAML parser is a dependency of @sightline/alerts; borrowed from there so the test kit
// gains no dependency for a script that runs only when the model version changes.
const { parse } = createRequire(path.join(repositoryRoot, "packages/alerts/package.json"))("yaml");

/** Every YAML file under a folder. */
function listYaml(folder) {
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) return listYaml(full);
    return /\.ya?ml$/.test(entry) ? [full] : [];
  });
}

const groups = listYaml(path.join(source, "model")).flatMap((file) =>
  (parse(readFileSync(file, "utf8"))?.groups ?? []).map((group) => ({
    ...group,
    folder: path.basename(path.dirname(file)),
  })),
);
const groupsById = new Map(groups.map((group) => [group.id, group]));

/** A registry attribute as the checker needs it: type, enum members, deprecation. */
function describeAttribute(attribute) {
  const fact = {};
  if (typeof attribute.type === "string") fact.type = attribute.type;
  else {
    const members = attribute.type.members;
    fact.type = members.every((member) => typeof member.value === "number") ? "int" : "string";
    fact.members = members.filter((member) => !member.deprecated).map((member) => member.value);
    // A deprecated member may share its value with a live one (`completion` renamed to `output`, both "output"):
    // only the member's id was deprecated then, and the value stays valid.
    const deprecatedMembers = members
      .filter((member) => member.deprecated && !fact.members.includes(member.value))
      .map((member) => member.value);
    if (deprecatedMembers.length > 0) fact.deprecatedMembers = deprecatedMembers;
  }
  if (attribute.deprecated) fact.deprecated = attribute.deprecated.renamed_to ?? attribute.deprecated.reason;
  return fact;
}

const attributes = {};
for (const group of groups)
  for (const attribute of group.attributes ?? [])
    if (attribute.id) attributes[attribute.id] = describeAttribute(attribute);

/** `required`, `recommended`, `opt_in` or `conditionally_required`, and the condition text when there is one. */
function describeRequirement(level) {
  if (level === undefined) return { requirement: "recommended" };
  if (typeof level === "string") return { requirement: level };
  const [requirement, condition] = Object.entries(level)[0];
  return { requirement, condition: String(condition).trim() };
}

/** A group's attributes after its `extends` chain, later refs overriding earlier ones field by field. */
function resolveAttributes(group) {
  const parent = group.extends ? resolveAttributes(groupsById.get(group.extends)) : {};
  const resolved = { ...parent };
  for (const attribute of group.attributes ?? []) {
    const name = attribute.ref ?? attribute.id;
    const level =
      attribute.requirement_level === undefined
        ? (resolved[name] ?? describeRequirement(undefined))
        : describeRequirement(attribute.requirement_level);
    resolved[name] = level;
  }
  return resolved;
}

/** The span name pattern a span group's note or brief gives (`{gen_ai.operation.name} {gen_ai.request.model}`). */
function readNamePattern(group) {
  const text = `${group.note ?? ""}\n${group.brief ?? ""}`;
  return /\*\*Span name\*\* SHOULD be `([^`]+)`/.exec(text)?.[1];
}

const spans = {};
for (const group of groups.filter(
  (candidate) => candidate.type === "span" && candidate.folder === "gen-ai",
)) {
  spans[group.id] = {
    kind: group.span_kind,
    name: readNamePattern(group),
    attributes: resolveAttributes(group),
  };
}

const metrics = {};
for (const group of groups.filter(
  (candidate) => candidate.type === "metric" && candidate.metric_name?.startsWith("gen_ai."),
)) {
  metrics[group.metric_name] = {
    instrument: group.instrument,
    unit: group.unit,
    valueType: group.annotations?.code_generation?.metric_value_type,
    attributes: resolveAttributes(group),
  };
}

const events = {};
for (const group of groups.filter(
  (candidate) =>
    candidate.type === "event" && (candidate.name === "exception" || candidate.name?.startsWith("gen_ai.")),
)) {
  events[group.name] = {
    attributes: resolveAttributes(group),
    ...(group.deprecated ? { deprecated: true } : {}),
  };
}

/** A JSON schema without the fields only people read (titles, descriptions, defaults). */
function stripSchema(value) {
  if (Array.isArray(value)) return value.map(stripSchema);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(
        ([key, inner]) => !["title", "description", "default"].includes(key) || typeof inner === "object",
      )
      .map(([key, inner]) => [
        key,
        key === "properties"
          ? Object.fromEntries(Object.entries(inner).map(([name, schema]) => [name, stripSchema(schema)]))
          : stripSchema(inner),
      ]),
  );
}

const schemas = {};
for (const [attribute, file] of [
  ["gen_ai.input.messages", "gen-ai-input-messages.json"],
  ["gen_ai.output.messages", "gen-ai-output-messages.json"],
  ["gen_ai.system_instructions", "gen-ai-system-instructions.json"],
  ["gen_ai.tool.definitions", "gen-ai-tool-definitions.json"],
]) {
  schemas[attribute] = stripSchema(JSON.parse(readFileSync(path.join(source, "schemas", file), "utf8")));
}

const facts = {
  $comment: `Generated by packages/testing/scripts/build-semconv-facts.mjs from the OpenTelemetry semantic conventions v${VERSION} model (../shared/semconv/v${VERSION}: model/**/*.yaml and schemas/gen-ai-*.json). Do not edit; rerun the script.`,
  version: VERSION,
  attributes,
  spans,
  metrics,
  events,
  schemas,
};

if (check) {
  const committed = JSON.parse(readFileSync(output, "utf8"));
  if (JSON.stringify(committed) !== JSON.stringify(facts)) {
    console.error(`build-semconv-facts: ${path.relative(repositoryRoot, output)} is stale; rerun the script`);
    process.exit(1);
  }
  console.log("build-semconv-facts: facts match the model");
} else {
  writeFileSync(output, `${JSON.stringify(facts)}\n`);
  const counts = [
    `${Object.keys(attributes).length} attributes`,
    `${Object.values(attributes).filter((fact) => fact.members).length} enums`,
    `${Object.keys(spans).length} span groups`,
    `${Object.keys(metrics).length} metrics`,
    `${Object.keys(events).length} events`,
    `${Object.keys(schemas).length} schemas`,
  ];
  console.log(`build-semconv-facts: wrote ${path.relative(repositoryRoot, output)} (${counts.join(", ")})`);
}
