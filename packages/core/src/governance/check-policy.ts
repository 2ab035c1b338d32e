import type { GenAIRequest } from "../operation/operation-shapes.js";
import { type CallScope, compileValueMatch } from "./compile-call-match.js";
import type { PolicyDefinition } from "./types.js";

/** One broken rule of a policy. */
export interface PolicyBreach {
  /** `allowed_models`, `allowed_providers` or `max_tokens_per_request`. */
  rule: string;
  /** What the call asked for. */
  detail: string;
}

/** A policy compiled once: returns the rules a call breaks (empty when it complies). */
export type PolicyCheck = (scope: CallScope, request: GenAIRequest) => PolicyBreach[];

/** Compiles the rule checks of a policy (content capture is handled by the caller: it is not a breach). */
export function compilePolicyCheck(policy: PolicyDefinition): PolicyCheck {
  const modelAllowed = policy.allowedModels ? compileValueMatch(policy.allowedModels) : undefined;
  const providers = policy.allowedProviders ? new Set(policy.allowedProviders) : undefined;
  const maxTokens = policy.maxTokensPerRequest;
  return (scope, request) => {
    const breaches: PolicyBreach[] = [];
    if (modelAllowed && !(scope.model !== undefined && modelAllowed(scope.model))) {
      breaches.push({ rule: "allowed_models", detail: `model "${scope.model ?? "(none)"}" is not allowed` });
    }
    if (providers && !(scope.provider !== undefined && providers.has(scope.provider))) {
      breaches.push({
        rule: "allowed_providers",
        detail: `provider "${scope.provider ?? "(none)"}" is not allowed`,
      });
    }
    const requested = request.parameters?.maxTokens;
    if (maxTokens !== undefined && typeof requested === "number" && requested > maxTokens) {
      breaches.push({
        rule: "max_tokens_per_request",
        detail: `max tokens ${requested} is above the limit of ${maxTokens}`,
      });
    }
    return breaches;
  };
}
