/** Maps an OpenAI response format type (`json_schema`, `json_object`, `text`) to `gen_ai.output.type`. */
export function mapOutputType(formatType: string | undefined): string | undefined {
  if (formatType === "json_schema" || formatType === "json_object") return "json";
  if (formatType === "text") return "text";
  return undefined;
}
