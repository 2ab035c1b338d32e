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

/**
 * Prices one call. Token counts × integer rates give pico-USD exactly; each part and the total are divided
 * into USD only at the end, so the total is the correctly rounded exact sum of the parts.
 */
export function computeCost({ compiled, match, usage, serviceTier, batch }: ComputeCostInput): CostBreakdown {
  const { mode, tierName, isBatch } = selectMode(compiled, serviceTier, batch);

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
  const tier = findLongContextTier(mode, inputTotal);
  const rates: CompiledRates = tier ? tier.rates : mode.base;

  const counts: PartCounts = {
    input: inputTotal - cacheRead - cacheWrite - audioInput - imageInput,
    cachedInput: cacheRead,
    cacheWrite5m: cacheWrite - cacheWrite1h,
    cacheWrite1h,
    audioInput,
    imageInput,
    output: outputTotal - reasoning - audioOutput - imageOutput,
    reasoning,
    audioOutput,
    imageOutput,
  };
  const amounts = priceParts(counts, rates);

  const breakdown: CostBreakdown = {
    currency: "USD",
    total: amounts.total,
    input: amounts.input,
    cachedInput: amounts.cachedInput,
    cacheWrite: amounts.cacheWrite,
    output: amounts.output,
    reasoning: amounts.reasoning,
    audioInput: amounts.audioInput,
    audioOutput: amounts.audioOutput,
    imageInput: amounts.imageInput,
    imageOutput: amounts.imageOutput,
    match,
    modelId: compiled.entry.id,
    provider: compiled.entry.provider,
    pricingVersion: compiled.pricingVersion,
    serviceTier: tierName,
    batch: isBatch,
  };
  if (tier) breakdown.longContextAboveInputTokens = tier.aboveInputTokens;
  return breakdown;
}

function selectMode(
  compiled: CompiledEntry,
  serviceTier: string | undefined,
  batch: boolean | undefined,
): { mode: CompiledMode; tierName: string; isBatch: boolean } {
  if (batch && compiled.batch) return { mode: compiled.batch, tierName: "standard", isBatch: true };
  const tierName = (serviceTier ?? "").trim().toLowerCase();
  if (!isListPriceTier(tierName)) {
    const mode = compiled.serviceTiers.get(tierName);
    if (mode) return { mode, tierName, isBatch: false };
  }
  // An unpriced tier (or batch) falls back to list price and says so in the breakdown, rather than inventing one.
  return { mode: compiled.standard, tierName: "standard", isBatch: false };
}

function toCount(value: number | undefined): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

// Written out part by part rather than as a loop over a table: this runs on every call and a loop is ~4× slower.
function priceParts(counts: PartCounts, rates: CompiledRates): Amounts {
  const input = counts.input * rates.input;
  const cachedInput = counts.cachedInput * rates.cacheRead;
  const cacheWrite = counts.cacheWrite5m * rates.cacheWrite + counts.cacheWrite1h * rates.cacheWrite1h;
  const audioInput = counts.audioInput * rates.inputAudio;
  const imageInput = counts.imageInput * rates.inputImage;
  const output = counts.output * rates.output;
  const reasoning = counts.reasoning * rates.reasoning;
  const audioOutput = counts.audioOutput * rates.outputAudio;
  const imageOutput = counts.imageOutput * rates.outputImage;
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
  // Every product is a non-negative integer, so a safe total means every part was exact too.
  if (!Number.isSafeInteger(total)) return pricePartsBig(counts, rates);
  return {
    total: total / PICO_PER_USD,
    input: input / PICO_PER_USD,
    cachedInput: cachedInput / PICO_PER_USD,
    cacheWrite: cacheWrite / PICO_PER_USD,
    audioInput: audioInput / PICO_PER_USD,
    imageInput: imageInput / PICO_PER_USD,
    output: output / PICO_PER_USD,
    reasoning: reasoning / PICO_PER_USD,
    audioOutput: audioOutput / PICO_PER_USD,
    imageOutput: imageOutput / PICO_PER_USD,
  };
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
