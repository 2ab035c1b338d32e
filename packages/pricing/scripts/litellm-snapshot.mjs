// Reads LiteLLM's price map and keeps the facts the catalog uses: for every model of a provider Sightline covers,
// its provider, mode, deprecation date and price fields. Shared by update-catalog.mjs and build-catalog.mjs.
import { inflateRawSync } from "node:zlib";

/** LiteLLM providers whose models the snapshot keeps (mirrors src/litellm/litellm-providers.ts). */
export const SNAPSHOT_PROVIDER =
  /^(openai|text-completion-openai|azure|azure_ai|anthropic|gemini|vertex_ai(-[a-z0-9_-]+)?|bedrock|bedrock_converse|mistral|cohere|cohere_chat|xai|deepseek|groq|together_ai|fireworks_ai|openrouter|perplexity)$/;
const FACT_FIELDS = new Set(["litellm_provider", "mode", "deprecation_date", "tiered_pricing"]);
export const WHEEL_MEMBER = "litellm/model_prices_and_context_window_backup.json";

/** The facts-only snapshot of a LiteLLM map: price fields of in-scope providers, sorted by key. */
export function toSnapshot(map, meta) {
  const models = {};
  for (const key of Object.keys(map).sort()) {
    const entry = map[key];
    if (!entry || typeof entry !== "object" || !SNAPSHOT_PROVIDER.test(entry.litellm_provider ?? ""))
      continue;
    const facts = {};
    for (const field of Object.keys(entry).sort()) {
      if (FACT_FIELDS.has(field) || field.includes("cost")) facts[field] = entry[field];
    }
    models[key] = facts;
  }
  return { ...meta, models };
}

/** Extracts one member from a wheel (a zip archive) without any dependency: central directory, then inflate. */
export function readZipMember(buffer, name) {
  const endSignature = 0x06054b50;
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== endSignature) end -= 1;
  if (end < 0) throw new Error("not a zip archive (no end of central directory)");
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  for (let index = 0; index < count; index += 1) {
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localHeader = buffer.readUInt32LE(offset + 42);
    const entryName = buffer.toString("utf8", offset + 46, offset + 46 + nameLength);
    if (entryName === name) {
      const localNameLength = buffer.readUInt16LE(localHeader + 26);
      const localExtraLength = buffer.readUInt16LE(localHeader + 28);
      const start = localHeader + 30 + localNameLength + localExtraLength;
      const data = buffer.subarray(start, start + compressedSize);
      if (method === 0) return data.toString("utf8");
      if (method === 8) return inflateRawSync(data).toString("utf8");
      throw new Error(`${name}: unsupported zip compression method ${method}`);
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} is not in the archive`);
}
