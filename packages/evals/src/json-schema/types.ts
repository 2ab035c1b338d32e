/** A JSON Schema (draft 2020-12 / draft-07 style object, or a boolean schema). */
export type JsonSchema = boolean | { [keyword: string]: unknown };

/** One place where a value does not conform. */
export interface SchemaViolation {
  /** JSON Pointer to the value, `""` for the root. */
  path: string;
  /** What is wrong, in a few words. */
  message: string;
}
