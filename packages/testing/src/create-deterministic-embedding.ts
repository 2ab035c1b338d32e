/** Options for {@link createDeterministicEmbedding}. */
export interface CreateDeterministicEmbeddingOptions {
  /** The input the vector is derived from; the same input always gives the same vector. */
  input: string;
  /** Vector length. */
  dimensions: number;
}

/**
 * A unit-length vector seeded from the input text (FNV-1a hash into mulberry32), rounded to float32 so the
 * `float` and `base64` encodings carry exactly the same numbers.
 */
export function createDeterministicEmbedding(options: CreateDeterministicEmbeddingOptions): number[] {
  let seed = 0x811c9dc5;
  for (let index = 0; index < options.input.length; index++) {
    seed = Math.imul(seed ^ options.input.charCodeAt(index), 0x01000193);
  }
  const values: number[] = [];
  for (let index = 0; index < options.dimensions; index++) {
    seed = (seed + 0x6d2b79f5) | 0;
    let mixed = Math.imul(seed ^ (seed >>> 15), seed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    values.push((((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296) * 2 - 1);
  }
  const length = Math.hypot(...values) || 1;
  return values.map((value) => Math.fround(value / length));
}

/** Encodes floats as base64 little-endian float32, the OpenAI `encoding_format: "base64"` payload. */
export function encodeFloat32Base64(values: number[]): string {
  const buffer = Buffer.alloc(values.length * 4);
  for (const [index, value] of values.entries()) buffer.writeFloatLE(value, index * 4);
  return buffer.toString("base64");
}
