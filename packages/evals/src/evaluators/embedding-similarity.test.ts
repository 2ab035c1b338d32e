import { describe, expect, it } from "vitest";
import { cosineSimilarity, embeddingSimilarity } from "./embedding-similarity.js";
import { expectWellFormed, runEvaluator } from "./test-helpers.js";

/** A toy embedding: letter counts, so similar texts have similar vectors. */
async function embedLetters(texts: string[]): Promise<number[][]> {
  return texts.map((text) => {
    const vector = new Array<number>(26).fill(0);
    for (const char of text.toLowerCase()) {
      const code = char.charCodeAt(0) - 97;
      if (code >= 0 && code < 26) vector[code] = (vector[code] as number) + 1;
    }
    return vector;
  });
}

describe("embeddingSimilarity", () => {
  it("scores the cosine similarity to the reference (option or row) and passes at the threshold", async () => {
    const same = await runEvaluator(embeddingSimilarity({ embed: embedLetters, threshold: 0.9 }), {
      outputText: "The capital is Paris",
      expected: "Paris is the capital",
    });
    expectWellFormed(same);
    expect(same).toMatchObject({ passed: true, label: "pass" });
    expect(same.score).toBeCloseTo(1, 6);
    const different = await runEvaluator(
      embeddingSimilarity({ embed: embedLetters, reference: "zzzz yyy", threshold: 0.5 }),
      { outputText: "abc abc" },
    );
    expectWellFormed(different);
    expect(different).toMatchObject({ passed: false, score: 0, label: "fail" });
  });

  it("fails without a reference, with malformed vectors or a throwing embed", async () => {
    expect(
      await runEvaluator(embeddingSimilarity({ embed: embedLetters, threshold: 0.5 }), { outputText: "x" }),
    ).toMatchObject({
      passed: false,
      label: "no_reference",
    });
    const malformed = await runEvaluator(
      embeddingSimilarity({ embed: async () => [[1, 2], [1]], reference: "r", threshold: 0.5 }),
      { outputText: "x" },
    );
    expect(malformed).toMatchObject({ passed: false, errorType: "malformed_embedding" });
    const throwing = await runEvaluator(
      embeddingSimilarity({
        embed: async () => {
          throw new RangeError("quota");
        },
        reference: "r",
        threshold: 0.5,
      }),
      { outputText: "x" },
    );
    expect(throwing).toMatchObject({ passed: false, label: "embedding_error", errorType: "RangeError" });
  });

  it("computes cosine similarity and rejects incomparable vectors", () => {
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([1, 1], [-1, -1])).toBeCloseTo(-1);
    expect(cosineSimilarity([3, 4], [6, 8])).toBeCloseTo(1);
    expect(cosineSimilarity([0, 0], [1, 1])).toBeUndefined();
    expect(cosineSimilarity([1, Number.NaN], [1, 1])).toBeUndefined();
  });
});
