import type { StoredSpan } from "../../../src/web/dev-api-types.js";

/** A span in waterfall order with its depth in the tree. */
export interface SpanRow {
  span: StoredSpan;
  depth: number;
  childCount: number;
}

/**
 * Orders a trace's spans depth-first (children by start time) with their depths. Iterative, with an
 * explicit stack, so a 2,000-deep chain cannot overflow the call stack; spans whose parent is missing
 * become roots, and spans caught in a parent cycle (hostile input) are listed as roots too, once.
 * @example buildSpanRows(trace.spans).map((row) => row.depth);
 */
export function buildSpanRows(spans: readonly StoredSpan[]): SpanRow[] {
  const byId = new Map<string, StoredSpan>();
  for (const span of spans) if (!byId.has(span.spanId)) byId.set(span.spanId, span);
  const children = new Map<StoredSpan, StoredSpan[]>();
  const roots: StoredSpan[] = [];
  for (const span of spans) {
    const parent = span.parentSpanId === null ? undefined : byId.get(span.parentSpanId);
    if (parent === undefined || parent === span) roots.push(span);
    else {
      const siblings = children.get(parent);
      if (siblings) siblings.push(span);
      else children.set(parent, [span]);
    }
  }
  const byStart = (left: StoredSpan, right: StoredSpan) => left.startMs - right.startMs;
  for (const list of children.values()) list.sort(byStart);
  roots.sort(byStart);

  const rows: SpanRow[] = [];
  const visited = new Set<StoredSpan>();
  const walk = (root: StoredSpan) => {
    const stack: { span: StoredSpan; depth: number }[] = [{ span: root, depth: 0 }];
    while (stack.length > 0) {
      const { span, depth } = stack.pop()!;
      if (visited.has(span)) continue;
      visited.add(span);
      const kids = children.get(span) ?? [];
      rows.push({ span, depth, childCount: kids.length });
      for (let index = kids.length - 1; index >= 0; index -= 1)
        stack.push({ span: kids[index]!, depth: depth + 1 });
    }
  };
  for (const root of roots) walk(root);
  // Whatever no root reached sits in a parent cycle: show it rather than lose it.
  for (const span of spans) if (!visited.has(span)) walk(span);
  return rows;
}

/** The trace's time bounds: the earliest start and the latest end over its spans. */
export function getTraceBounds(spans: readonly StoredSpan[]): { startMs: number; endMs: number } {
  let startMs = Number.POSITIVE_INFINITY;
  let endMs = Number.NEGATIVE_INFINITY;
  for (const span of spans) {
    startMs = Math.min(startMs, span.startMs);
    endMs = Math.max(endMs, span.startMs + Math.max(0, span.durationMs));
  }
  if (!Number.isFinite(startMs)) return { startMs: 0, endMs: 0 };
  return { startMs, endMs };
}
