import type { Span } from "@opentelemetry/api";
import { isSameKindOfCall } from "./read-genai-span.js";
import type { SightlineOperationMark } from "./sightline-operation-context.js";

/**
 * Event-driven integrations (the AI SDK's `registerTelemetry`) start a model call's span from an
 * event hook, outside any context the other integrations can see: `@ai-sdk/otel` starts its `chat`
 * span in `onLanguageModelCallStart`, and Sightline its `embeddings` span in `onEmbedStart`. The AI
 * SDK calls every integration's hook for one event one after another in the same synchronous run,
 * so a span started by one hook and a Sightline hook for the same call meet here: whichever comes
 * second finds the first in a slot that lives until the run's microtasks drain. Nothing else can
 * run in between, so two concurrent calls never meet; the model name is checked as well, and each
 * slot holds one entry, taken once.
 */
interface ForeignEntry {
  span: Span;
  operation: string;
  model: string | undefined;
}
interface SightlineEntry {
  mark: SightlineOperationMark;
  model: string | undefined;
}

let foreign: ForeignEntry | undefined;
let sightline: SightlineEntry | undefined;
let clearScheduled = false;

function scheduleClear(): void {
  if (clearScheduled) return;
  clearScheduled = true;
  queueMicrotask(() => {
    clearScheduled = false;
    foreign = undefined;
    sightline = undefined;
  });
}

/** Model names as two tools write them: one may keep a gateway's `provider/` prefix the other drops. */
function sameModel(first: string | undefined, second: string | undefined): boolean {
  if (first === undefined || second === undefined || first === second) return true;
  return first.endsWith(`/${second}`) || second.endsWith(`/${first}`);
}

/** Called by the span processor when another tool's model-call CLIENT span starts. */
export function noteForeignModelSpanStarted(span: Span, operation: string, model: string | undefined): void {
  foreign = { span, operation, model };
  scheduleClear();
}

/**
 * Another tool's model-call span for the same kind of call and model that started earlier in this
 * synchronous run and is still open, taken so that a Sightline hook records onto it.
 */
export function takeForeignModelSpanStartedThisRun(
  operation: string,
  model: string | undefined,
): Span | undefined {
  const entry = foreign;
  if (!entry || !isSameKindOfCall(entry.operation, operation) || !sameModel(entry.model, model))
    return undefined;
  foreign = undefined;
  return entry.span.isRecording() ? entry.span : undefined;
}

/** Called by a Sightline hook that has just started a model call's own span. */
export function noteSightlineOperationStarted(mark: SightlineOperationMark, model: string | undefined): void {
  sightline = { mark, model };
  scheduleClear();
}

/**
 * The Sightline operation for the same kind of call and model that a hook started earlier in this
 * synchronous run, taken when another tool's span for that call starts (it is that call's twin).
 */
export function takeSightlineOperationStartedThisRun(
  operation: string,
  model: string | undefined,
): SightlineOperationMark | undefined {
  const entry = sightline;
  if (!entry || !isSameKindOfCall(entry.mark.operation, operation) || !sameModel(entry.model, model)) {
    return undefined;
  }
  sightline = undefined;
  return entry.mark;
}
