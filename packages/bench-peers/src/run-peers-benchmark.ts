import { measureOverheadVariants, type OverheadVariantFigures } from "@sightline/testing/bench";
import { formatPeersTable, type PeersTableRow } from "./format-peers-table.js";

/** One row of the table: a case and how many units (stream chunks) one call carries. */
export interface PeersBenchRow {
  caseName: string;
  /** Label in the table, e.g. `stream (53 chunks)`. */
  label: string;
  /** Calls timed per process in a full run. */
  calls: number;
  /** Chunks per call for a stream, else 1. */
  perCall: number;
  /**
   * Warm-up calls per process before the timed ones (a quick run scales it down like the calls, to at least 2,000).
   * Enough for every variant to reach the steady state a long-running service sees: the JIT settled and V8's young
   * generation grown to its working size, which on Node 22 takes Sightline (the variant that allocates the most)
   * about 10,000 plain calls.
   */
  warmup: number;
}

/** One client's part of the run: its runner script, its variants and its rows. */
export interface PeersBenchClient {
  clientName: string;
  runnerPath: string;
  variants: { name: string; label: string; cases: string[]; reference?: boolean }[];
  rows: PeersBenchRow[];
}

/**
 * Sightline and its peers against the raw client, in one table. For each client, transport and row,
 * every variant that traces the case runs in fresh processes, interleaved round by round with the raw
 * client (`measureOverheadVariants`); figures are medians over processes. Prints progress to stderr
 * and the table and verdict to stdout.
 */
export function runPeersBenchmark(options: { clients: PeersBenchClient[]; quick: boolean }): void {
  // Three rounds is the method's floor and, at 150 processes, what a 2-core machine runs in about 12 min.
  const rounds = 3;
  const scale = options.quick ? 0.2 : 1;
  const started = Date.now();
  const rows: PeersTableRow[] = [];
  for (const client of options.clients) {
    for (const transport of ["in-process", "http"] as const) {
      for (const row of client.rows) {
        const variants = client.variants.filter((variant) => variant.cases.includes(row.caseName));
        process.stderr.write(
          `› ${client.clientName} ${transport} ${row.caseName}: ${rounds} rounds of ${variants.length + 1} processes (${Math.round((Date.now() - started) / 1000)} s in)\n`,
        );
        const figures: Map<string, OverheadVariantFigures> = measureOverheadVariants({
          runnerPath: client.runnerPath,
          caseName: row.caseName,
          transport,
          calls: Math.max(200, Math.round(row.calls * scale)),
          warmup: Math.max(2000, Math.round(row.warmup * scale)),
          variants: variants.map((variant) => variant.name),
          rounds,
        });
        rows.push({ clientName: client.clientName, transport, row, figures });
      }
    }
  }
  const labels = new Map(
    options.clients.flatMap((client) => client.variants.map((variant) => [variant.name, variant.label])),
  );
  const references = new Set(
    options.clients.flatMap((client) =>
      client.variants.filter((variant) => variant.reference).map((variant) => variant.name),
    ),
  );
  process.stdout.write(`${formatPeersTable({ rows, labels, references, rounds }).join("\n")}\n`);
}
