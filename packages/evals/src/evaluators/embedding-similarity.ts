import { measureCallCost } from "@sightline/core";
import type { EvaluationResult, Evaluator } from "../types.js";
import { clampScore } from "./create-verdict.js";

/** Options of {@link embeddingSimilarity}. */
export interface EmbeddingSimilarityOptions {
  /** Embeds texts, one vector per text in order; use a Sightline-wrapped client so the call is traced and priced. */
  embed: (texts: string[]) => Promise<number[][]>;
  /** The reference answer. Default: the row's `expected` (a string). */
  reference?: string;
  /** Lowest cosine similarity that passes, e.g. `0.8`. */
  threshold: number;
  /** The evaluation's name. Default: `"embedding_similarity"`. */
  name?: string;
}

/**
 * Passes when the cosine similarity of the answer's and the reference's embeddings reaches `threshold`. The
 * score is the similarity (negative similarities score 0). It calls an embedding model, so online evaluation
 * treats it as model-graded (sampled and budgeted with the judges). Bad embeddings (missing, different
 * lengths, zero vectors) or a throwing `embed` give a failed evaluation, never a throw.
 * @example
 * embeddingSimilarity({ embed: async (texts) => (await openai.embeddings.create({ model: "text-embedding-3-small", input: texts })).data.map((item) => item.embedding), threshold: 0.85 });
 */
export function embeddingSimilarity(options: EmbeddingSimilarityOptions): Evaluator {
  const name = options.name ?? "embedding_similarity";
  return {
    name,
    kind: "model-graded",
    async evaluate(input): Promise<EvaluationResult> {
      const reference =
        options.reference ?? (typeof input.expected === "string" ? input.expected : undefined);
      if (reference === undefined)
        return {
          name,
          passed: false,
          label: "no_reference",
          explanation: "No reference text was given, neither as the option nor as the row's expected string.",
        };
      let vectors: number[][];
      let costUsd: number | undefined;
      try {
        const measured = await measureCallCost(() => options.embed([input.outputText, reference]));
        vectors = measured.value;
        costUsd = measured.costUsd;
      } catch (error) {
        return {
          name,
          passed: false,
          label: "embedding_error",
          errorType: error instanceof Error ? error.constructor.name : "embedding_error",
          explanation:
            `The embedding call failed: ${error instanceof Error ? error.message : String(error)}.`.slice(
              0,
              300,
            ),
        };
      }
      const similarity = cosineSimilarity(vectors?.[0], vectors?.[1]);
      const cost = costUsd !== undefined ? { costUsd } : {};
      if (similarity === undefined)
        return {
          name,
          passed: false,
          label: "embedding_error",
          errorType: "malformed_embedding",
          explanation: "The embeddings were not two non-zero numeric vectors of the same length.",
          ...cost,
        };
      const passed = similarity >= options.threshold;
      return {
        name,
        score: clampScore(similarity),
        passed,
        label: passed ? "pass" : "fail",
        explanation: `The answer's cosine similarity to the reference is ${similarity.toFixed(3)}, ${passed ? "at or above" : "below"} ${options.threshold}.`,
        ...cost,
      };
    },
  };
}

/** Cosine similarity of two vectors; undefined when they are not comparable. */
export function cosineSimilarity(left: unknown, right: unknown): number | undefined {
  if (!Array.isArray(left) || !Array.isArray(right) || left.length === 0 || left.length !== right.length)
    return undefined;
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < left.length; index++) {
    const a = left[index];
    const b = right[index];
    if (typeof a !== "number" || typeof b !== "number" || !Number.isFinite(a) || !Number.isFinite(b))
      return undefined;
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  if (leftNorm === 0 || rightNorm === 0) return undefined;
  return dot / Math.sqrt(leftNorm * rightNorm);
}
