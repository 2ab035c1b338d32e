import { type Counter, type Histogram, ValueType } from "@opentelemetry/api";
import { createCoreInstruments } from "../metrics/create-core-instruments.js";
import {
  METRIC_SIGHTLINE_GEN_AI_EVALUATION_RESULTS,
  METRIC_SIGHTLINE_GEN_AI_EVALUATION_SCORE,
  METRIC_SIGHTLINE_GEN_AI_FEEDBACK_SCORE,
  METRIC_SIGHTLINE_GEN_AI_OUTCOMES,
} from "../semconv.js";

/** The outcome instruments. */
export interface OutcomeInstruments {
  outcomes: Counter;
  feedbackScore: Histogram;
  evaluationScore: Histogram;
  evaluationResults: Counter;
}

/** Outcome instruments for a meter provider, created once per provider. */
export const getOutcomeInstruments = createCoreInstruments<OutcomeInstruments>((meter) => ({
  outcomes: meter.createCounter(METRIC_SIGHTLINE_GEN_AI_OUTCOMES, {
    unit: "{outcome}",
    valueType: ValueType.INT,
    description: "Outcomes of AI interactions (resolved, deflected, escalated, …)",
  }),
  feedbackScore: meter.createHistogram(METRIC_SIGHTLINE_GEN_AI_FEEDBACK_SCORE, {
    unit: "1",
    description: "Feedback and evaluation scores of AI answers",
    // Covers thumbs (0/1), 0-1 scores and 1-5 ratings with useful resolution.
    advice: { explicitBucketBoundaries: [0, 0.25, 0.5, 0.75, 1, 2, 3, 4, 5, 10] },
  }),
  evaluationScore: meter.createHistogram(METRIC_SIGHTLINE_GEN_AI_EVALUATION_SCORE, {
    unit: "1",
    description: "Evaluator scores of AI answers (0 to 1, 1 best)",
    advice: { explicitBucketBoundaries: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] },
  }),
  evaluationResults: meter.createCounter(METRIC_SIGHTLINE_GEN_AI_EVALUATION_RESULTS, {
    unit: "{evaluation}",
    valueType: ValueType.INT,
    description: "Evaluation results of AI answers, by evaluator and pass/fail",
  }),
}));
