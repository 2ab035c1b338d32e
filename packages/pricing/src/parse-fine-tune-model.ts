import { getFamilyName } from "./get-family-name.js";

/** OpenAI: `ft:<base>:<org>:<suffix>:<id>`, the suffix may be empty, a checkpoint adds `:ckpt-step-<n>`. */
const OPENAI_FINE_TUNE = /^ft:([^:]+):[^:]*:[^:]*:[^:]+(?::ckpt-step-\d+)?$/;
/** Azure OpenAI: `<base>.ft-<hex>`, optionally followed by `-<suffix>`. */
const AZURE_FINE_TUNE = /^(.+)\.ft-[0-9a-f]{6,}(?:-[a-z0-9_-]+)?$/;

/**
 * The catalog ids that may price a fine-tuned model, most specific first: `ft:<base>` (the fine-tune rates of
 * that snapshot), then `ft:<base family>` (`ft:gpt-4o-mini-2024-07-18` → `ft:gpt-4o-mini`). `undefined` when the
 * model string is no fine-tune id. The base model's own entry is never a candidate: OpenAI and Azure bill
 * fine-tuned inference above the base rates, so pricing it as the base model would undercharge.
 */
export function getFineTunePriceIds(model: string): string[] | undefined {
  const name = model.trim().toLowerCase();
  const base = OPENAI_FINE_TUNE.exec(name)?.[1] ?? AZURE_FINE_TUNE.exec(name)?.[1];
  if (base === undefined) return undefined;
  const family = getFamilyName(base);
  return family === undefined ? [`ft:${base}`] : [`ft:${base}`, `ft:${family}`];
}
