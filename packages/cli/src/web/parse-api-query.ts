import type { OverviewQuery, TraceListQuery } from "./dev-api-types.js";

/** A query parameter the API cannot use; answered 400 with this message, which names the parameter. */
export class QueryParameterError extends Error {
  constructor(parameter: string, problem: string) {
    super(`query parameter "${parameter}": ${problem}`);
    this.name = "QueryParameterError";
  }
}

/** Parses `GET /api/traces`'s query string; throws {@link QueryParameterError} on a bad value. */
export function parseTraceListQuery(parameters: URLSearchParams): TraceListQuery {
  const query: TraceListQuery = {};
  for (const name of ["service", "model", "provider", "feature", "conversation", "q"] as const) {
    const value = parameters.get(name);
    if (value !== null && value !== "") query[name] = value;
  }
  const errors = parameters.get("errors");
  if (errors !== null && errors !== "") {
    if (errors !== "only" && errors !== "none")
      throw new QueryParameterError("errors", 'use "only" or "none"');
    query.errors = errors;
  }
  for (const name of [
    "minDurationMs",
    "maxDurationMs",
    "minCostUsd",
    "maxCostUsd",
    "since",
    "until",
    "before",
  ] as const) {
    const value = readNumber({ parameters, name });
    if (value !== undefined) query[name] = value;
  }
  const limit = readNumber({ parameters, name: "limit", whole: true, min: 1, max: 500 });
  if (limit !== undefined) query.limit = limit;
  return query;
}

/** Parses `GET /api/overview`'s query string; throws {@link QueryParameterError} on a bad value. */
export function parseOverviewQuery(parameters: URLSearchParams): OverviewQuery {
  const query: OverviewQuery = {};
  const since = readNumber({ parameters, name: "since" });
  const until = readNumber({ parameters, name: "until" });
  const buckets = readNumber({ parameters, name: "buckets", whole: true, min: 1, max: 200 });
  if (since !== undefined) query.since = since;
  if (until !== undefined) query.until = until;
  if (since !== undefined && until !== undefined && until < since) {
    throw new QueryParameterError("until", `${until} is before since (${since})`);
  }
  if (buckets !== undefined) query.buckets = buckets;
  return query;
}

/** Rejects parameters the endpoint does not know, so a typo is not silently ignored. */
export function checkKnownParameters(options: {
  parameters: URLSearchParams;
  known: readonly string[];
}): void {
  for (const name of options.parameters.keys()) {
    if (!options.known.includes(name)) {
      throw new QueryParameterError(
        name,
        `unknown; this endpoint takes ${options.known.join(", ") || "none"}`,
      );
    }
  }
}

function readNumber(options: {
  parameters: URLSearchParams;
  name: string;
  whole?: boolean;
  min?: number;
  max?: number;
}): number | undefined {
  const text = options.parameters.get(options.name);
  if (text === null || text === "") return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new QueryParameterError(options.name, `"${text}" is not a number`);
  if (options.whole && !Number.isInteger(value)) {
    throw new QueryParameterError(options.name, `"${text}" is not a whole number`);
  }
  if (options.min !== undefined && value < options.min) {
    throw new QueryParameterError(options.name, `${value} is below ${options.min}`);
  }
  if (options.max !== undefined && value > options.max) {
    throw new QueryParameterError(options.name, `${value} is above ${options.max}`);
  }
  return value;
}
