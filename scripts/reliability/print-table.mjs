// Prints the reliability suite's figures as plain-text tables, each target beside its figure.

const MB = 1024 * 1024;

function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell ?? "")));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row) => `  ${row.map((cell, column) => cell.padEnd(widths[column])).join("  ")}`.trimEnd();
  return [line(cells[0]), line(widths.map((width) => "-".repeat(width))), ...cells.slice(1).map(line)].join(
    "\n",
  );
}

const fixed = (value, digits = 2) => (typeof value === "number" ? value.toFixed(digits) : "");

/** Prints every section of the suite's results, then the checks with their targets. */
export function printTable({
  trafficRows,
  memory,
  concurrent,
  faults,
  fuzz,
  hostile,
  checks,
  sizes,
  shutdownTimeoutMs,
}) {
  const out = [];
  out.push("", "Reliability suite: the packed tarballs in a plain npm app, loopback only", "");
  out.push(
    `Sustained wrapped traffic (${sizes.trafficCalls} measured calls after 400 warm-up, plain / streamed / aborted / broken-off in turn) while the OTLP endpoint misbehaves`,
  );
  out.push(
    table(
      [
        "endpoint",
        "calls",
        "p50 ×raw",
        "p99 ×raw",
        "heap MB before→after GC",
        "RSS MB",
        "delivered",
        "dropped",
        "dup",
        "unhandled",
        "exit ms",
        "setup log lines",
      ],
      trafficRows.map((row) => [
        row.mode,
        row.calls,
        fixed(row.latencyP50),
        fixed(row.latencyP99),
        `${fixed(row.heapBeforeMb, 1)} → ${fixed(row.heapAfterMb, 1)}`,
        fixed(row.rssAfterMb, 0),
        row.delivered,
        row.dropped,
        row.duplicated,
        row.unhandled,
        Math.round(row.exitMs),
        row.logLines,
      ]),
    ),
  );
  out.push(
    `  targets: 0 unhandled, 0 duplicated; exit ≤ ${shutdownTimeoutMs} ms (shutdownTimeoutMs) + 2.2 s (process teardown and one OTLP exporter retry wait)`,
  );
  const firstLogs = trafficRows.filter((row) => row.firstLog).map((row) => `  ${row.mode}: ${row.firstLog}`);
  if (firstLogs.length > 0) out.push("  what the setup log said first:", ...firstLogs);
  out.push("");

  out.push(
    `Finished streams (${sizes.memoryStreams} per provider, read to the end; heap growth after GC, the slope over four blocks)`,
  );
  out.push(
    table(
      ["provider", "client", "seconds", "heap growth MB", "RSS growth MB", "wrapped over raw per 10,000"],
      memory.flatMap((row) =>
        [row.raw, row.wrapped].map((run) => [
          row.provider,
          run.client,
          fixed(run.seconds, 1),
          fixed(run.heapGrowth / MB),
          fixed(run.rssGrowth / MB),
          run === row.wrapped ? `${fixed(row.extraPer10k / MB)} MB` : "",
        ]),
      ),
    ),
  );
  out.push("  target: wrapped over raw ≤ 1 MB per 10,000 finished streams", "");
  out.push(
    `${sizes.concurrentStreams} concurrent streams through one wrapped client (half broken off after two chunks)`,
  );
  out.push(
    table(
      [
        "endpoint",
        "seconds",
        "failed calls",
        "delivered",
        "dup",
        "unhandled",
        "heap growth MB after GC",
        "RSS MB",
        "exit ms",
      ],
      concurrent.map((row) => [
        row.mode,
        fixed(row.seconds, 1),
        row.failedCalls,
        row.delivered,
        row.duplicated,
        row.unhandledRejections,
        fixed(row.heapGrowth / MB),
        fixed(row.rssAfter / MB, 0),
        Math.round(row.exitMs),
      ]),
    ),
  );
  out.push("");

  out.push("Provider faults: the same fault served to the raw and the wrapped client");
  out.push(
    table(
      ["provider", "fault", "same to the app", "spans", "error.type", "what the app got"],
      faults.rows.map((row) => [
        row.provider,
        row.fault,
        row.identical ? "yes" : "NO",
        row.spans,
        row.errorType ?? "",
        row.wrapped,
      ]),
    ),
  );
  out.push("");

  out.push("Fuzzed responses (fast-check: mutated valid bodies and streams, and arbitrary JSON)");
  out.push(
    table(
      ["provider", "mode", "calls", "spans", "differences from raw"],
      fuzz.results.map((row) => [
        row.provider,
        row.stream ? "stream" : "plain",
        row.calls,
        row.spans,
        row.differences,
      ]),
    ),
  );
  for (const row of fuzz.results) {
    for (const failure of row.failures)
      out.push(`  ${row.provider}: ${JSON.stringify(failure).slice(0, 400)}`);
  }
  out.push("");

  out.push("Hostile inputs: what the user gets");
  out.push(
    table(
      ["input", "exit", "message"],
      hostile.map((row) => [row.name, row.code, row.message]),
    ),
  );
  out.push("");

  out.push("Checks");
  out.push(
    table(
      ["", "check", "measured", "target"],
      checks.map((item) => [item.pass ? "ok" : "FAIL", item.name, item.figure, item.target]),
    ),
  );
  out.push("");
  process.stdout.write(`${out.join("\n")}\n`);
}
