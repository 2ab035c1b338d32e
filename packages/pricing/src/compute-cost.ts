import { findLongContextTier } from "./find-long-context-tier.js";
import type { CompiledEntry, CompiledMode, CompiledRates } from "./internal-types.js";
import { isListPriceTier } from "./list-price-tier-names.js";
import type { CostBreakdown, MatchKind, NormalizedUsage } from "./types.js";

const PICO_PER_USD = 1e12;

/** Input of `computeCost`. */
export interface ComputeCostInput {
  compiled: CompiledEntry;
  match: MatchKind;
  usage: NormalizedUsage;
  serviceTier: string | undefined;
  batch: boolean | undefined;
}

/** Token counts per priced part; each is billed at exactly one rate. */
interface PartCounts {
  input: number;
  cachedInput: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  audioInput: number;
  imageInput: number;
  output: number;
  reasoning: number;
  audioOutput: number;
  imageOutput: number;
}
type Amounts = Record<
  | "total"
  | "input"
  | "cachedInput"
  | "cacheWrite"
  | "audioInput"
  | "imageInput"
  | "output"
  | "reasoning"
  | "audioOutput"
  | "imageOutput",
  number
>;

const STANDARD_TIER = "standard";

/**
 * Prices one call. Token counts × integer rates give pico-USD exactly; each part and the total are divided
 * into USD only at the end, so the total is the correctly rounded exact sum of the parts.
 */
export function computeCost({ compiled, match, usage, serviceTier, batch }: ComputeCostInput): CostBreakdown {
  // Chosen without a result object: this runs for every priced call, in a cold cache, where each object and
  // each function touched counts (see docs/benchmarks.md).
  const isBatch = batch === true && compiled.batch !== undefined;
  let mode = isBatch ? (compiled.batch as CompiledMode) : compiled.standard;
  let tierName = STANDARD_TIER;
  if (!isBatch && serviceTier !== undefined && serviceTier !== "") {
    const name = serviceTier.trim().toLowerCase();
    // An unpriced tier falls back to list price and says so in the breakdown, rather than inventing one.
    const tierMode = isListPriceTier(name) ? undefined : compiled.serviceTiers.get(name);
    if (tierMode) {
      mode = tierMode;
      tierName = name;
    }
  }

  const cacheRead = toCount(usage.cacheReadInputTokens);
  const cacheWrite1h = toCount(usage.cacheWrite1hInputTokens);
  const cacheWrite = Math.max(toCount(usage.cacheWriteInputTokens), cacheWrite1h);
  const audioInput = toCount(usage.audioInputTokens);
  const imageInput = toCount(usage.imageInputTokens);
  // Detail counts are subsets of their totals; a total smaller than its parts is raised rather than going negative.
  const inputTotal = Math.max(toCount(usage.inputTokens), cacheRead + cacheWrite + audioInput + imageInput);
  const reasoning = toCount(usage.reasoningOutputTokens);
  const audioOutput = toCount(usage.audioOutputTokens);
  const imageOutput = toCount(usage.imageOutputTokens);
  const outputTotal = Math.max(toCount(usage.outputTokens), reasoning + audioOutput + imageOutput);

  // The tier is chosen by the whole prompt, cache included, and then applies to every token of the request.
  const tier = mode.tiers.length === 0 ? undefined : findLongContextTier(mode, inputTotal);
  const rates: CompiledRates = tier ? tier.rates : mode.base;

  // Written out part by part rather than as a loop over a table: a loop is ~4× slower.
  const plainInput = inputTotal - cacheRead - cacheWrite - audioInput - imageInput;
  const plainOutput = outputTotal - reasoning - audioOutput - imageOutput;
  const input = plainInput * rates.input;
  const cachedInput = cacheRead * rates.cacheRead;
  const cacheWritten = (cacheWrite - cacheWrite1h) * rates.cacheWrite + cacheWrite1h * rates.cacheWrite1h;
  const audioIn = audioInput * rates.inputAudio;
  const imageIn = imageInput * rates.inputImage;
  const output = plainOutput * rates.output;
  const reasoned = reasoning * rates.reasoning;
  const audioOut = audioOutput * rates.outputAudio;
  const imageOut = imageOutput * rates.outputImage;
  const total =
    input + cachedInput + cacheWritten + audioIn + imageIn + output + reasoned + audioOut + imageOut;

  const breakdown: CostBreakdown = {
    currency: "USD",
    total: total / PICO_PER_USD,
    input: input / PICO_PER_USD,
    cachedInput: cachedInput / PICO_PER_USD,
    cacheWrite: cacheWritten / PICO_PER_USD,
    output: output / PICO_PER_USD,
    reasoning: reasoned / PICO_PER_USD,
    audioInput: audioIn / PICO_PER_USD,
    audioOutput: audioOut / PICO_PER_USD,
    imageInput: imageIn / PICO_PER_USD,
    imageOutput: imageOut / PICO_PER_USD,
    match,
    modelId: compiled.entry.id,
    provider: compiled.entry.provider,
    pricingVersion: compiled.pricingVersion,
    serviceTier: tierName,
    batch: isBatch,
  };
  // Every product is a non-negative integer, so a safe total means every part was exact too.
  if (!Number.isSafeInteger(total)) {
    const exact = pricePartsBig(
      {
        input: plainInput,
        cachedInput: cacheRead,
        cacheWrite5m: cacheWrite - cacheWrite1h,
        cacheWrite1h,
        audioInput,
        imageInput,
        output: plainOutput,
        reasoning,
        audioOutput,
        imageOutput,
      },
      rates,
    );
    Object.assign(breakdown, exact);
  }
  if (tier) breakdown.longContextAboveInputTokens = tier.aboveInputTokens;
  return breakdown;
}

function toCount(value: number | undefined): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

// Only reached for absurd volumes (over ~9,000 USD in one call); exact, just slower.
function pricePartsBig(counts: PartCounts, rates: CompiledRates): Amounts {
  const times = (tokens: number, rate: number): bigint => BigInt(tokens) * BigInt(rate);
  const input = times(counts.input, rates.input);
  const cachedInput = times(counts.cachedInput, rates.cacheRead);
  const cacheWrite =
    times(counts.cacheWrite5m, rates.cacheWrite) + times(counts.cacheWrite1h, rates.cacheWrite1h);
  const audioInput = times(counts.audioInput, rates.inputAudio);
  const imageInput = times(counts.imageInput, rates.inputImage);
  const output = times(counts.output, rates.output);
  const reasoning = times(counts.reasoning, rates.reasoning);
  const audioOutput = times(counts.audioOutput, rates.outputAudio);
  const imageOutput = times(counts.imageOutput, rates.outputImage);
  const total =
    input +
    cachedInput +
    cacheWrite +
    audioInput +
    imageInput +
    output +
    reasoning +
    audioOutput +
    imageOutput;
  return {
    total: bigToUsd(total),
    input: bigToUsd(input),
    cachedInput: bigToUsd(cachedInput),
    cacheWrite: bigToUsd(cacheWrite),
    audioInput: bigToUsd(audioInput),
    imageInput: bigToUsd(imageInput),
    output: bigToUsd(output),
    reasoning: bigToUsd(reasoning),
    audioOutput: bigToUsd(audioOutput),
    imageOutput: bigToUsd(imageOutput),
  };
}

function bigToUsd(pico: bigint): number {
  // Split whole and fractional dollars so that neither conversion loses more than the final rounding.
  const whole = pico / 1_000_000_000_000n;
  const fraction = pico % 1_000_000_000_000n;
  return Number(whole) + Number(fraction) / PICO_PER_USD;
}
