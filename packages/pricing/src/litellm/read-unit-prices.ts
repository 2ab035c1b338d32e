import { perUnitToDecimal } from "./litellm-decimal.js";

/** A non-token price read from one LiteLLM entry (model and provider are filled in by the caller). */
export interface LiteLLMUnitPrice {
  unit: string;
  variant?: string;
  price: string;
  per: number;
}

/** Per-unit LiteLLM fields and Sightline's unit for each (the units wrapped clients report in `billedUnits`). */
const UNIT_FIELDS: readonly (readonly [string, string])[] = [
  ["input_cost_per_second", "second"],
  ["input_cost_per_character", "character"],
  ["input_cost_per_query", "search_unit"],
  ["input_cost_per_request", "request"],
];
/**
 * LiteLLM's image keys: `[quality/]<W>-x-<H>/[<N>-steps/][bedrock/]<model>`, e.g. `hd/1024-x-1792/dall-e-3` or
 * `1024-x-1024/50-steps/bedrock/amazon.nova-canvas-v1:0`.
 */
const IMAGE_KEY = /^(?:([a-z]+)\/)?(\d+)-x-(\d+)\/(?:([a-z0-9]+-steps)\/)?(?:bedrock\/)?(.+)$/;

/**
 * Reads the per-unit prices of a LiteLLM entry: seconds of audio, characters of speech, rerank queries,
 * per-request fees, and images (per image, or per pixel turned into a per-image price for the size in the key).
 * Returns the model id the prices belong to (for image keys, the id without the size and quality).
 */
export function readUnitPrices(
  id: string,
  entry: Readonly<Record<string, unknown>>,
): { model: string; prices: LiteLLMUnitPrice[] } {
  const prices: LiteLLMUnitPrice[] = [];
  const image = IMAGE_KEY.exec(id);
  if (image) {
    const [, quality, width = "0", height = "0", steps, model = id] = image;
    const variant = `${width}x${height}/${quality ?? steps ?? "standard"}`;
    const perImage =
      positive(entry.output_cost_per_image) ??
      positive(entry.input_cost_per_image) ??
      pixels(entry.input_cost_per_pixel, width, height) ??
      pixels(entry.output_cost_per_pixel, width, height);
    const decimal = perImage === undefined ? undefined : perUnitToDecimal(perImage);
    if (decimal) prices.push({ unit: "image", variant, ...decimal });
    return { model, prices };
  }
  const perImage = positive(entry.output_cost_per_image) ?? positive(entry.input_cost_per_image);
  const imageDecimal = perImage === undefined ? undefined : perUnitToDecimal(perImage);
  if (imageDecimal && entry.mode !== "chat") prices.push({ unit: "image", ...imageDecimal });
  for (const [field, unit] of UNIT_FIELDS) {
    const value = positive(entry[field]);
    const decimal = value === undefined ? undefined : perUnitToDecimal(value);
    if (decimal) prices.push({ unit, ...decimal });
  }
  return { model: id, prices };
}

function positive(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined;
}

function pixels(rate: unknown, width: string, height: string): number | undefined {
  const perPixel = positive(rate);
  // Rounded to 1/100,000 USD: LiteLLM derives its per-pixel rates from per-image prices, so this recovers them.
  return perPixel === undefined
    ? undefined
    : Math.round(perPixel * Number(width) * Number(height) * 1e5) / 1e5;
}
