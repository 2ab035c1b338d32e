import { asArray, asFields, asString } from "@sightline/core/provider";

/**
 * The policies of an ApplyGuardrail response's assessments that fired (`topicPolicy`, `contentPolicy`,
 * `wordPolicy`, `sensitiveInformationPolicy`, `contextualGroundingPolicy`, …), in first-seen order: a policy
 * fired when one of its findings (`topics`, `filters`, `piEntities`, …) has an action other than `NONE`. When
 * none has an action (a policy reporting findings only, e.g. automated reasoning), a policy with findings counts.
 */
export function readGuardrailPolicies(assessments: unknown): string[] {
  const acted = new Set<string>();
  const withFindings = new Set<string>();
  for (const assessment of asArray(assessments)) {
    for (const [policy, value] of Object.entries(asFields(assessment))) {
      if (!policy.endsWith("Policy")) continue;
      for (const findings of Object.values(asFields(value))) {
        for (const finding of asArray(findings)) {
          withFindings.add(policy);
          const action = asString(asFields(finding).action);
          if (action !== undefined && action !== "NONE") acted.add(policy);
        }
      }
    }
  }
  return [...(acted.size > 0 ? acted : withFindings)];
}
