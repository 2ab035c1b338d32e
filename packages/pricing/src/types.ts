/**
 * Token counts for one call, normalised to the OpenTelemetry GenAI semantic conventions: every detail count is a
 * subset of its total (`inputTokens` includes cache reads and writes, `outputTokens` includes reasoning).
 */
export interface NormalizedUsage {
  /** All input tokens, including cache reads, cache writes, audio and images (`gen_ai.usage.input_tokens`). */
  inputTokens?: number;
  /** All output tokens, including reasoning, audio and images (`gen_ai.usage.output_tokens`). */
  outputTokens?: number;
  /** Input tokens served from the prompt cache; a subset of `inputTokens`. */
  cacheReadInputTokens?: number;
  /** Input tokens written to the prompt cache (all durations); a subset of `inputTokens`. */
  cacheWriteInputTokens?: number;
  /** The part of `cacheWriteInputTokens` written with a 1 hour lifetime (Anthropic), priced at the 1 h rate. */
  cacheWrite1hInputTokens?: number;
  /** Reasoning ("thinking") tokens; a subset of `outputTokens`. */
  reasoningOutputTokens?: number;
  /** Uncached audio input tokens; a subset of `inputTokens`. */
  audioInputTokens?: number;
  /** Audio output tokens (not reasoning); a subset of `outputTokens`. */
  audioOutputTokens?: number;
  /** Uncached image input tokens (GPT image models, Gemini image parts); a subset of `inputTokens`. */
  imageInputTokens?: number;
  /** Image output tokens (generated images); a subset of `outputTokens`. */
  imageOutputTokens?: number;
}

/** A quantity billed per unit rather than per token: images, seconds of audio, characters, built-in tool calls. */
export interface BilledUnits {
  /** The unit, e.g. `image`, `second`, `character`, `web_search_call`. */
  unit: string;
  /** How many units the call used (seconds may be fractional). */
  quantity: number;
  /** Price variant within the unit, e.g. `1024x1024/hd` for an image; absent when the unit has one price. */
  variant?: string;
}

/** The price of one non-token unit of one model (or of every model of a provider, for `model: "*"`). */
export interface UnitPriceEntry {
  /** Provider, as `gen_ai.provider.name`. */
  provider: string;
  /** Model id (exact, case-insensitive), or `*` for a unit priced the same on every model (built-in tools). */
  model: string;
  /** The unit, e.g. `image`, `second`, `character`, `web_search_call`. */
  unit: string;
  /** Price variant, e.g. `1024x1024/hd`; absent when the unit has one price. */
  variant?: string;
  /** USD per `per` units, as a decimal string (at most 6 decimals). */
  price: string;
  /** How many units `price` buys, e.g. `60` for a per-minute price billed by the second. */
  per: number;
  /** Provider page the price belongs to. */
  sourceUrl: string;
  /** Where the number was actually read. */
  source: string;
  /** Date (ISO) the price was last checked against `source`. */
  checkedAt: string;
  /** Caveats a person refreshing the catalog should know. */
  note?: string;
}

/** How a model string was matched to a catalog entry, from most to least certain. */
export type MatchKind = "exact" | "alias" | "normalized" | "family" | "override";

/**
 * Prices of one pricing mode, as decimal strings in USD per 1 million tokens (at most 6 decimal places), so that
 * they can be compared with providers' pages and computed exactly.
 */
export interface PriceSet {
  /** Uncached text input. */
  input: string;
  /** Text output; also the reasoning rate unless `reasoning` is set. */
  output: string;
  /** Cache read (cached input). Default: the `input` rate. */
  cacheRead?: string;
  /** Cache write with the default (5 minute) lifetime. Default: the `input` rate. */
  cacheWrite?: string;
  /** Cache write with a 1 hour lifetime. Default: the `cacheWrite` rate. */
  cacheWrite1h?: string;
  /** Reasoning output. Default: the `output` rate. */
  reasoning?: string;
  /** Audio input. Default: the `input` rate. */
  inputAudio?: string;
  /** Audio output. Default: the `output` rate. */
  outputAudio?: string;
  /** Image input tokens. Default: the `input` rate. */
  inputImage?: string;
  /** Image output tokens. Default: the `output` rate. */
  outputImage?: string;
}

/** Prices that apply to a whole request when its total input (cache included) is above a threshold. */
export interface LongContextTier {
  /** The tier applies when total input tokens are strictly greater than this. */
  aboveInputTokens: number;
  /** Prices for every token of such a request. */
  prices: PriceSet;
}

/** A complete pricing mode: base prices plus optional long-context tiers. */
export interface PricingMode {
  /** Prices below every long-context threshold. */
  prices: PriceSet;
  /** Long-context tiers, in ascending threshold order. */
  longContext?: readonly LongContextTier[];
}

/** One priced model in the catalog. */
export interface CatalogEntry extends PricingMode {
  /** Provider, as `gen_ai.provider.name` (e.g. `openai`, `aws.bedrock`, `gcp.gemini`). */
  provider: string;
  /** The provider's model id this entry prices, e.g. `gpt-4o` or `anthropic.claude-sonnet-4-20250514-v1:0`. */
  id: string;
  /** Other names for exactly this model at exactly these prices (dated snapshots, `-latest` aliases). */
  aliases?: readonly string[];
  /** Family name whose future dated snapshots may share this price (matched as `family`); absent = never folds. */
  family?: string;
  /** Batch prices (already discounted), when the provider publishes them. */
  batch?: PricingMode;
  /** Service-tier prices keyed by tier name (e.g. `flex`, `priority`). */
  serviceTiers?: Readonly<Record<string, PricingMode>>;
  /** First day (ISO `YYYY-MM-DD`, inclusive) these prices apply; absent = since the model's launch. */
  validFrom?: string;
  /** Day (ISO `YYYY-MM-DD`, exclusive) these prices stopped applying; absent = still current. */
  validTo?: string;
  /** Provider page the prices belong to. */
  sourceUrl: string;
  /** Where the numbers were actually read, with the snapshot or commit. */
  source: string;
  /** Date (ISO) the prices were last checked against `source`. */
  checkedAt: string;
  /** Caveats a person refreshing the catalog should know. */
  note?: string;
}

/** The result of resolving a model string. */
export interface ResolvedModel {
  /** The catalog (or override) entry that prices the model. */
  entry: CatalogEntry;
  /** How the model string matched. */
  match: MatchKind;
}

/** Input of `resolveModel`. */
export interface ResolveModelInput {
  /** Provider as `gen_ai.provider.name`; common spellings (`bedrock`, `vertex_ai`, `azure`, `xai`) are accepted. Default: inferred from the model string. */
  provider?: string;
  /** Model string as reported (prefer `gen_ai.response.model`). */
  model: string;
  /** When the call happened, for models whose price changed; default: the current price. */
  at?: Date | string;
  /**
   * Where the call was served, for prices that differ by region: an AWS region (`us-east-1`) or an Azure data
   * zone (`us`, `eu`). `<region>/<model>` is tried before the plain model. Default: no region (list price).
   */
  region?: string;
}

/** The rule a resolution step applied, in the order they are tried. */
export type ResolutionRule =
  | "azure-deployment"
  | "bedrock-model"
  | "override"
  | "fine-tune"
  | "region"
  | "catalog"
  | "routed"
  | "vendor";

/** One candidate tried while resolving a model string. */
export interface ResolutionStep {
  /** The rule that produced the candidate. */
  rule: ResolutionRule;
  /** Provider whose catalog (or overrides) was searched. */
  provider: string | undefined;
  /** The model string looked up. */
  model: string;
  /** For a mapping step: the model the deployment, ARN or profile id maps to. */
  mappedTo?: string;
  /** Id of the entry that matched; absent when the candidate missed. */
  entryId?: string;
  /** How the candidate matched; absent when it missed. */
  match?: MatchKind;
}

/** Every candidate tried for one model string, in order, and the result. */
export interface ModelResolutionReport {
  /** The candidates in the order they were tried; the last one with a `match` is the result. */
  steps: ResolutionStep[];
  /** What `resolveModel` returns for the same input. */
  resolved: ResolvedModel | undefined;
}

/** Input of `costOf`. */
export interface CostOfInput {
  /** Provider as `gen_ai.provider.name`. */
  provider: string;
  /** Model string as reported (prefer `gen_ai.response.model`). */
  model: string;
  /** Token usage normalised to the semantic conventions. */
  usage: NormalizedUsage;
  /** Service tier the provider reported (e.g. OpenAI `flex`, `priority`); `default`, `auto`, `standard` mean list price. */
  serviceTier?: string;
  /** Whether the call ran through a batch API. Default: false. */
  batch?: boolean;
  /** When the call happened, for models whose price changed; default: the current price. */
  at?: Date | string;
  /** AWS region or Azure data zone the call was served from (see `ResolveModelInput.region`). Default: none. */
  region?: string;
  /** Non-token quantities the call was billed for (images, seconds, characters, built-in tool calls). */
  units?: readonly BilledUnits[];
}

/**
 * The cost of one call in USD. Every part is the exactly computed amount converted to a number at the end;
 * `total` is converted from the exact integer sum of the parts.
 */
export interface CostBreakdown {
  /** Always `USD`. */
  currency: "USD";
  /** Sum of all parts. */
  total: number;
  /** Uncached text input: (input − cache read − cache write − audio input − image input) × input rate. */
  input: number;
  /** Cache reads × cache-read rate. */
  cachedInput: number;
  /** Cache writes at the 5 minute rate plus 1 hour writes at the 1 hour rate. */
  cacheWrite: number;
  /** Non-reasoning text output: (output − reasoning − audio output − image output) × output rate. */
  output: number;
  /** Reasoning tokens × reasoning rate (the output rate unless priced apart); part of output, never added twice. */
  reasoning: number;
  /** Audio input tokens × audio input rate. */
  audioInput: number;
  /** Audio output tokens × audio output rate. */
  audioOutput: number;
  /** Image input tokens × image input rate. */
  imageInput: number;
  /** Image output tokens × image output rate. */
  imageOutput: number;
  /** Non-token units × their unit prices (images, seconds, characters, tool calls); absent when none were billed. */
  units?: number;
  /** Units given to `costOf` that have no price (`unit` or `unit:variant`); absent when all were priced. */
  unpricedUnits?: string[];
  /** How the model matched. */
  match: MatchKind;
  /** Id of the catalog entry that priced the call. */
  modelId: string;
  /** Provider of the catalog entry (differs from the input for Bedrock/Vertex fallbacks). */
  provider: string;
  /** Catalog version, or `override` when a user price was used. */
  pricingVersion: string;
  /** Service tier whose prices were used: `standard`, or a tier the entry prices. */
  serviceTier: string;
  /** Whether batch prices were used (false when batch was asked for but the entry has no batch price). */
  batch: boolean;
  /** Threshold of the long-context tier used, if any. */
  longContextAboveInputTokens?: number;
}

/** Prices as given by a user: numbers or decimal strings in USD per 1 million tokens. */
export type PriceInput = { [Key in keyof PriceSet]: PriceSet[Key] | number };

/** A user price that wins over the catalog. */
export interface ModelPriceOverride {
  /** Provider it applies to; absent = every provider. */
  provider?: string;
  /** Model string (matched case-insensitively, also after normalisation), or a prefix ending in `*`. */
  model: string;
  /** Prices in USD per 1 million tokens. */
  prices: PriceInput;
  /** Optional long-context tiers. */
  longContext?: readonly { aboveInputTokens: number; prices: PriceInput }[];
  /** Optional batch prices. */
  batch?: PriceInput;
  /** Optional service-tier prices. */
  serviceTiers?: Readonly<Record<string, PriceInput>>;
  /** Free text saying where the price came from. Default: `user override`. */
  source?: string;
}

/** Options of `createPriceRegistry`. */
export interface PriceRegistryOptions {
  /** User prices, checked before the catalog; later entries win over earlier ones. */
  overrides?: readonly ModelPriceOverride[];
  /**
   * Azure OpenAI deployment name → model name (e.g. `{ "prod-chat": "gpt-4o-2024-11-20" }`); a data-zone
   * deployment maps to the zone's price id (`{ "prod-chat": "us/gpt-4o" }`). Matched case-insensitively.
   */
  azureDeployments?: Readonly<Record<string, string>>;
  /**
   * Bedrock application inference profile or provisioned-throughput ARN (or the id at its end) → the model id it
   * serves (e.g. `{ "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123":
   * "us.anthropic.claude-sonnet-4-20250514-v1:0" }`). Such ARNs name no model, so they are unpriced without it.
   * Provisioned throughput is billed by the hour: a mapped one is priced at the on-demand token rates.
   */
  bedrockModels?: Readonly<Record<string, string>>;
  /** Catalog to use instead of the bundled one (e.g. a refreshed copy). Default: the bundled catalog. */
  catalog?: readonly CatalogEntry[];
  /** Version string reported for `catalog`. Default: the bundled `PRICING_VERSION`. */
  pricingVersion?: string;
  /** Non-token unit prices to use instead of the bundled ones. Default: the bundled `UNIT_PRICE_ENTRIES`. */
  unitPrices?: readonly UnitPriceEntry[];
}

/** A price catalog with its resolver and overrides. */
export interface PriceRegistry {
  /** Version of the catalog this registry prices with. */
  readonly pricingVersion: string;
  /** Resolve a model string to a catalog entry, or `undefined` when unknown. */
  resolveModel(input: ResolveModelInput): ResolvedModel | undefined;
  /** Cost of one call, or `undefined` when the model is unknown (never zero for an unknown model). */
  costOf(input: CostOfInput): CostBreakdown | undefined;
  /** Add a user price that wins over the catalog and earlier overrides. */
  registerModelPrice(override: ModelPriceOverride): void;
  /** Map an Azure OpenAI deployment name to the model it serves (a data zone as `us/gpt-4o`). */
  registerAzureDeployment(deployment: string, model: string): void;
  /** Map a Bedrock application inference profile or provisioned-model ARN (or its id) to the model it serves. */
  registerBedrockModel(idOrArn: string, model: string): void;
  /** Every candidate `resolveModel` tries for this input, in order, and which one matched (never cached). */
  explainModelResolution(input: ResolveModelInput): ModelResolutionReport;
  /** Current catalog entries, optionally of one provider; superseded prices are left out. */
  listModels(provider?: string): CatalogEntry[];
  /**
   * Swaps the whole catalog (e.g. for a refreshed copy) and clears the resolution cache; overrides and Azure
   * deployments stay. Throws, leaving the old prices, when an entry cannot be compiled.
   */
  replaceCatalog(replacement: CatalogReplacement): void;
}

/** A complete catalog to put in place of a registry's current one. */
export interface CatalogReplacement {
  /** Every entry the registry prices with from now on (the bundled ones are not added back). */
  entries: readonly CatalogEntry[];
  /** Non-token unit prices. Default: the bundled `UNIT_PRICE_ENTRIES`. */
  unitPrices?: readonly UnitPriceEntry[];
  /** Version string costs report from now on (`sightline.pricing.version`). */
  pricingVersion: string;
}

/** How much of LiteLLM's price map the bundled catalog prices, per provider. */
export interface CatalogCoverage {
  /** LiteLLM version of the pinned snapshot the catalog was built with. */
  litellmVersion: string;
  /** Day (ISO) the snapshot was read. */
  litellmReadAt: string;
  providers: readonly {
    /** `gen_ai.provider.name`. */
    provider: string;
    /** Entries whose prices were checked by hand against the provider's page. */
    curatedEntries: number;
    /** Entries taken from LiteLLM's map. */
    importedEntries: number;
    /** LiteLLM's chat, embedding, image, audio and rerank models for this provider. */
    litellmModels: number;
    /** Of those, how many the catalog prices. */
    litellmPriced: number;
  }[];
}
