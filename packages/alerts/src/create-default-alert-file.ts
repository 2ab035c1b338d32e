// Kept as text, not built from objects, so the comments that explain each rule survive into the user's file.
const defaultAlertFileText = `# Sightline alert rules. Render them with @sightline/alerts (renderAlerts) or \`sightline alerts render\`.
# Vocabulary and target mapping: https://github.com/sightline-dev/sightline/blob/main/docs/alerts.md
version: 1
group: sightline
defaults:
  severity: warning
rules:
  # Spend, projected from the last hour. Tune the thresholds to your budget.
  - id: hourly-spend
    kind: budget
    period: hour
    threshold: 10
  # Spend over the last day.
  - id: daily-spend
    kind: budget
    period: day
    threshold: 200
    severity: critical
  # p95 of whole-call duration per provider and model, in seconds.
  - id: slow-operations
    kind: latency
    threshold: 20
  # p95 time until a stream's first chunk, in seconds: what users feel in chat UIs.
  - id: slow-first-chunk
    kind: latency
    signal: time-to-first-chunk
    threshold: 3
  # Share of calls that failed, per provider and model.
  - id: provider-errors
    kind: error-ratio
    threshold: 0.05
    severity: critical
  # Tokens per minute across the fleet; catches agent loops and runaway prompts.
  - id: token-burn
    kind: token-burn
    threshold: 200000
  # A drift detector stayed above its threshold (score 1) for 15 minutes.
  - id: output-drift
    kind: drift-score
    for: 15m
  # The provider started answering with a different model.
  - id: model-changed
    kind: model-change
    severity: info
  # Calls whose model has no price: spend alerts undercount them.
  - id: unpriced-calls
    kind: unpriced
    severity: info
  # 99% of LLM calls succeed over 30 days. Pages (critical) when 2% of the error budget burns within an
  # hour; opens a ticket (warning) when 5% burns within six hours.
  - id: llm-availability
    kind: slo
    objective: 0.99
  # If you run evaluators (@sightline/evals), uncomment this: alerts when under 90% of an evaluator's
  # results passed over the last hour (each evaluator on its own; quiet below 20 results). Not on by
  # default because only apps that evaluate emit these results, and a good pass rate depends on the evaluator.
  # - id: evaluation-pass-rate
  #   kind: evaluation-pass-rate
  #   threshold: 0.9
`;

/**
 * The default alert file (`sightline alerts init`): spend, latency, errors, token burn, drift, model
 * changes and unpriced calls, with commented, conservative thresholds to tune; an evaluation pass-rate rule
 * is there commented out, for apps that run evaluators.
 *
 * @example
 * writeFileSync("sightline.alerts.yaml", createDefaultAlertFile());
 */
export function createDefaultAlertFile(): string {
  return defaultAlertFileText;
}
