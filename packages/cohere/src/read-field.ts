import { asFields } from "@sightline/core/provider";

/**
 * Reads a field by its SDK name (camelCase, what `cohere-ai` v8 returns after parsing) or its wire
 * name (snake_case, what the HTTP API sends), so a raw body maps the same as the SDK's object.
 */
export function readField(value: unknown, camel: string, snake: string): unknown {
  const fields = asFields(value);
  return fields[camel] ?? fields[snake];
}
