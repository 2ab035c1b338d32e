import { type Attributes, diag } from "@opentelemetry/api";
import type { CostBreakdown, CostOfInput, PriceRegistry } from "@sightline/pricing";
import { addAgentCost } from "../agents/agent-cost-tally.js";
import { addToCostCounter } from "../metrics/add-to-cost-counter.js";
import {
  ATTR_GEN_AI_USAGE_COST,
  ATTR_SIGHTLINE_COST_AUDIO_INPUT,
  ATTR_SIGHTLINE_COST_AUDIO_OUTPUT,
  ATTR_SIGHTLINE_COST_CACHE_WRITE,
  ATTR_SIGHTLINE_COST_CACHED_INPUT,
  ATTR_SIGHTLINE_COST_IMAGE_INPUT,
  ATTR_SIGHTLINE_COST_IMAGE_OUTPUT,
  ATTR_SIGHTLINE_COST_INPUT,
  ATTR_SIGHTLINE_COST_MATCH,
  ATTR_SIGHTLINE_COST_MODEL,
  ATTR_SIGHTLINE_COST_OUTPUT,
  ATTR_SIGHTLINE_COST_REASONING,
  ATTR_SIGHTLINE_COST_UNITS,
  ATTR_SIGHTLINE_COST_UNPRICED_UNITS,
  ATTR_SIGHTLINE_PRICING_VERSION,
  COST_MATCH_UNPRICED,
} from "../semconv.js";
import { getPricingRegion } from "./get-pricing-region.js";
import type { FinishedOperation, OperationFinisher } from "./types.js";

const MAX_WARNED_MODELS = 1000;
const BATCH_TIER = "batch";

/**
 * Prices every operation that reported usage: the span gets the total (`gen_ai.usage.cost`), its
 * parts and how the model matched the catalog; the spend counter grows by the total. A model the
 * catalog doesn't know gets `sightline.cost.match = "unpriced"`, is counted, and is warned about
 * once — never priced at zero. The response model wins over the requested one, because that is
 * the model that was billed (the requested one prices the call only when the response model has no price); a
 * wrapper's `pricingModel` (an Azure deployment map) wins over both.
 */
export function createCostFinisher(options: { registry: PriceRegistry }): OperationFinisher {
  const warned = new Set<string>();
  return (operation: FinishedOperation) => {
    const usage = operation.response?.usage ?? {};
    const units = operation.response?.billedUnits;
    if (usage.inputTokens === undefined && usage.outputTokens === undefined && !units?.length) return;
    const model = operation.request.pricingModel ?? operation.response?.model ?? operation.request.model;
    if (!model) return;
    const provider = operation.target.provider;
    const serviceTier = operation.response?.serviceTier;
    // Anthropic reports a Message Batches call as `service_tier: "batch"`: that is the batch price, not a tier.
    const batch = serviceTier?.trim().toLowerCase() === BATCH_TIER;
    const query: CostOfInput = {
      provider,
      model,
      serviceTier: batch ? undefined : serviceTier,
      batch,
      region: getPricingRegion(operation.target),
      usage: {
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        cacheReadInputTokens: usage.cacheReadInputTokens,
        cacheWriteInputTokens: usage.cacheCreationInputTokens,
        cacheWrite1hInputTokens: usage.cacheCreation1hInputTokens,
        reasoningOutputTokens: usage.reasoningOutputTokens,
        audioInputTokens: usage.audioInputTokens,
        audioOutputTokens: usage.audioOutputTokens,
        imageInputTokens: usage.imageInputTokens,
        imageOutputTokens: usage.imageOutputTokens,
      },
      units,
    };
    let breakdown = options.registry.costOf(query);
    // A response model the catalog cannot place (a host's own suffix on a known id) is priced as the model the
    // caller asked for, rather than left unpriced; `sightline.cost.model` names the model that was priced.
    const requestModel = operation.request.model;
    if (!breakdown && !operation.request.pricingModel && requestModel && requestModel !== model) {
      query.model = requestModel;
      breakdown = options.registry.costOf(query);
    }
    if (!breakdown) {
      operation.span.setAttribute(ATTR_SIGHTLINE_COST_MATCH, COST_MATCH_UNPRICED);
      addToCostCounter({
        meterProvider: operation.meterProvider,
        counter: "unpriced",
        attributes: operation.metricAttributes,
        key: operation.metricSeriesKey,
        value: 1,
      });
      const key = `${provider}/${model}`;
      if (!warned.has(key) && warned.size < MAX_WARNED_MODELS) {
        warned.add(key);
        diag.warn(
          `sightline: no price for model "${model}" (${provider}); register one with registerModelPrice()`,
        );
      }
      return;
    }
    operation.cost = breakdown;
    operation.span.setAttributes(costAttributes(breakdown));
    addToCostCounter({
      meterProvider: operation.meterProvider,
      counter: "cost",
      attributes: operation.metricAttributes,
      key: operation.metricSeriesKey,
      value: breakdown.total,
    });
    addAgentCost(operation.agentCost, breakdown.total);
  };
}

/** Zero parts are left out: most calls have no cache writes or reasoning, and every attribute costs. */
function costAttributes(breakdown: CostBreakdown): Attributes {
  const attributes: Attributes = {
    [ATTR_GEN_AI_USAGE_COST]: breakdown.total,
    [ATTR_SIGHTLINE_COST_MATCH]: breakdown.match,
    [ATTR_SIGHTLINE_COST_MODEL]: breakdown.modelId,
    [ATTR_SIGHTLINE_PRICING_VERSION]: breakdown.pricingVersion,
  };
  // One check per part rather than a list of pairs: this runs for every priced call.
  addPart(attributes, ATTR_SIGHTLINE_COST_INPUT, breakdown.input);
  addPart(attributes, ATTR_SIGHTLINE_COST_CACHED_INPUT, breakdown.cachedInput);
  addPart(attributes, ATTR_SIGHTLINE_COST_CACHE_WRITE, breakdown.cacheWrite);
  addPart(attributes, ATTR_SIGHTLINE_COST_OUTPUT, breakdown.output);
  addPart(attributes, ATTR_SIGHTLINE_COST_REASONING, breakdown.reasoning);
  addPart(attributes, ATTR_SIGHTLINE_COST_AUDIO_INPUT, breakdown.audioInput);
  addPart(attributes, ATTR_SIGHTLINE_COST_AUDIO_OUTPUT, breakdown.audioOutput);
  addPart(attributes, ATTR_SIGHTLINE_COST_IMAGE_INPUT, breakdown.imageInput);
  addPart(attributes, ATTR_SIGHTLINE_COST_IMAGE_OUTPUT, breakdown.imageOutput);
  addPart(attributes, ATTR_SIGHTLINE_COST_UNITS, breakdown.units ?? 0);
  if (breakdown.unpricedUnits?.length)
    attributes[ATTR_SIGHTLINE_COST_UNPRICED_UNITS] = breakdown.unpricedUnits;
  return attributes;
}

function addPart(attributes: Attributes, key: string, value: number): void {
  if (value !== 0) attributes[key] = value;
}
