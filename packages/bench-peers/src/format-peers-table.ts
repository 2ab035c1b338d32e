import type { OverheadVariantFigures } from "@sightline/testing/bench";
import type { PeersBenchRow } from "./run-peers-benchmark.js";

/** One measured row: every variant's medians, `raw` included. */
export interface PeersTableRow {
  clientName: string;
  transport: "in-process" | "http";
  row: PeersBenchRow;
  figures: Map<string, OverheadVariantFigures>;
}

/** The targets the verdict checks (issue 21). */
const TARGETS = { perCallMicros: 15, perChunkMicros: 1, peakRssMegabytes: 10 };

interface Extra {
  p50: number;
  /** The variant's lowest and highest process p50, less the raw client's median. */
  p50Min: number;
  p50Max: number;
  cpu: number;
  gc: number;
  rss: number;
}

function extraOf(figures: Map<string, OverheadVariantFigures>, name: string): Extra | undefined {
  const raw = figures.get("raw");
  const variant = figures.get(name);
  if (!raw || !variant) return undefined;
  return {
    p50: variant.p50 - raw.p50,
    p50Min: variant.p50Spread.min - raw.p50,
    p50Max: variant.p50Spread.max - raw.p50,
    cpu: variant.cpu - raw.cpu,
    gc: variant.gc - raw.gc,
    rss: variant.peakRssMegabytes - raw.peakRssMegabytes,
  };
}

const signed = (value: number, digits = 1): string =>
  `${value >= 0 ? "+" : "−"}${Math.abs(value).toFixed(digits)}`;

/**
 * The one table: per row the raw client's p50, then each variant's extra p50 µs per call over it, extra
 * CPU µs, extra GC pause µs per call and extra peak RSS; Sightline's ratio to the best peer (lowest extra p50);
 * then the verdict against the targets. `references` (Sightline with features off) get columns beside
 * Sightline's but are not peers. Markdown lines.
 */
export function formatPeersTable(options: {
  rows: PeersTableRow[];
  labels: Map<string, string>;
  references?: ReadonlySet<string>;
  rounds: number;
}): string[] {
  const references = [...(options.references ?? [])];
  const peers = [...options.labels.keys()].filter(
    (name) => name !== "sightline" && !options.references?.has(name),
  );
  const header = [
    "client",
    "transport",
    "row",
    "raw p50 µs",
    "Sightline",
    ...references.map((name) => options.labels.get(name) ?? name),
    ...peers.map((name) => options.labels.get(name) ?? name),
    "Sightline ÷ best peer",
  ];
  const lines = [
    "",
    `Extra over the raw client per call: p50 wall µs · CPU µs · GC pause µs · peak RSS MB (medians of ${options.rounds} fresh processes per variant, interleaved; Node ${process.version})`,
    "",
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
  ];
  // The same comparison for each reference column: what the gap would be at the peers' own features.
  const referenceMisses = new Map(references.map((name) => [name, [] as string[]]));
  const misses = {
    peers: [] as string[],
    perCall: [] as string[],
    perChunk: [] as string[],
    rss: [] as string[],
  };
  for (const { clientName, transport, row, figures } of options.rows) {
    const where = `${clientName} ${transport} ${row.caseName}`;
    const cell = (name: string): string => {
      const extra = extraOf(figures, name);
      if (!extra) return "—";
      const perChunk = row.perCall > 1 ? ` (${signed(extra.p50 / row.perCall, 2)}/chunk)` : "";
      return `${signed(extra.p50)} [${signed(extra.p50Min)}, ${signed(extra.p50Max)}]${perChunk} · ${signed(extra.cpu)} · GC ${signed(extra.gc)} · ${signed(extra.rss)} MB`;
    };
    const sightline = extraOf(figures, "sightline");
    const peerExtras = peers
      .map((name) => ({ name, extra: extraOf(figures, name) }))
      .filter((peer) => peer.extra);
    const best = peerExtras.reduce<{ name: string; p50: number; p50Max: number } | undefined>(
      (found, peer) => {
        const p50 = peer.extra?.p50 ?? Number.POSITIVE_INFINITY;
        return !found || p50 < found.p50
          ? { name: peer.name, p50, p50Max: peer.extra?.p50Max ?? p50 }
          : found;
      },
      undefined,
    );
    const ratio =
      sightline && best && best.p50 > 0
        ? `${(sightline.p50 / best.p50).toFixed(2)} (vs ${options.labels.get(best.name)})`
        : "n/a";
    lines.push(
      `| ${clientName} | ${transport} | ${row.label} | ${(figures.get("raw")?.p50 ?? 0).toFixed(1)} | ${[cell("sightline"), ...references.map(cell), ...peers.map(cell)].join(" | ")} | ${ratio} |`,
    );
    for (const name of references) {
      const miss = missAgainstBest(extraOf(figures, name), best);
      if (miss) referenceMisses.get(name)?.push(`${where} (${miss})`);
    }
    if (!sightline) continue;
    const peerMiss = missAgainstBest(sightline, best);
    if (peerMiss) misses.peers.push(`${where} (${peerMiss})`);
    if (sightline.rss > TARGETS.peakRssMegabytes) misses.rss.push(`${where} (${signed(sightline.rss)} MB)`);
    // The µs targets are read on the in-process rows: the HTTP rows carry a real socket's noise on both sides.
    if (transport !== "in-process") continue;
    if (row.perCall > 1 && sightline.p50 / row.perCall > TARGETS.perChunkMicros)
      misses.perChunk.push(`${where} (${signed(sightline.p50 / row.perCall, 2)} µs/chunk)`);
    if (row.perCall === 1 && sightline.p50 > TARGETS.perCallMicros)
      misses.perCall.push(`${where} (${signed(sightline.p50)} µs)`);
  }
  const verdict = (name: string, failed: string[]) =>
    `${name}: ${failed.length === 0 ? "met" : `NOT met — ${failed.join("; ")}`}`;
  lines.push(
    "",
    "Cells: extra p50 wall µs per call [the variant's lowest, highest process, less the raw median] · extra CPU µs per call (V8's GC threads included) · extra GC pause µs per call (the main thread's pauses, from Node's `gc` performance entries) · extra peak RSS; — = the peer traces no such call. A Sightline column with features off is shown for reading, not counted as a peer.",
    "",
    "Verdict against the targets:",
    `- ${verdict("below every peer on every row", misses.peers)}`,
    `- ${verdict(`≤ +${TARGETS.perCallMicros} µs per plain and embeddings call (in-process)`, misses.perCall)}`,
    `- ${verdict(`≤ +${TARGETS.perChunkMicros} µs per stream chunk (in-process)`, misses.perChunk)}`,
    `- ${verdict(`≤ +${TARGETS.peakRssMegabytes} MB peak RSS`, misses.rss)}`,
  );
  if (references.length > 0)
    lines.push("", "For reading, not a target (features off, as most peers record):");
  for (const name of references)
    lines.push(
      `- ${verdict(`${options.labels.get(name) ?? name} below every peer on every row`, referenceMisses.get(name) ?? [])}`,
    );
  return lines;
}

/**
 * How a variant misses the best peer's p50 on a row, or undefined when it is below it. A miss whose processes
 * overlap the best peer's could turn either way on another run, and says so.
 */
function missAgainstBest(
  extra: Extra | undefined,
  best: { p50: number; p50Max: number } | undefined,
): string | undefined {
  if (!extra || !best || extra.p50 < best.p50) return undefined;
  const overlap = extra.p50Min <= best.p50Max ? ", within the processes' spread" : "";
  return `${signed(extra.p50)} vs ${signed(best.p50)} µs${overlap}`;
}
