import type { OverheadVariantFigures } from "@sightline/testing/bench";
import { describe, expect, it } from "vitest";
import { formatPeersTable } from "./format-peers-table.js";

const figures = (p50: number, gc = 0, spread = 0): OverheadVariantFigures => ({
  wall: p50,
  p50,
  p50Spread: { min: p50 - spread, max: p50 + spread },
  cpu: p50,
  gc,
  peakRssMegabytes: 100,
});

function table(values: Record<string, OverheadVariantFigures>): string[] {
  return formatPeersTable({
    rows: [
      {
        clientName: "openai",
        transport: "in-process",
        row: { caseName: "chat", label: "chat", calls: 10, perCall: 1, warmup: 10 },
        figures: new Map(Object.entries(values)),
      },
    ],
    labels: new Map([
      ["sightline", "Sightline"],
      ["sightline-spans", "Sightline, spans only"],
      ["peer", "Peer"],
    ]),
    references: new Set(["sightline-spans"]),
    rounds: 3,
  });
}

describe("the peers table", () => {
  it("shows a reference column beside Sightline's without counting it as the best peer", () => {
    const lines = table({
      raw: figures(30, 1),
      sightline: figures(42, 3.5),
      "sightline-spans": figures(35),
      peer: figures(38),
    });
    const row = lines.find((line) => line.startsWith("| openai |")) ?? "";
    expect(row).toContain("+12.0 [+12.0, +12.0] · +12.0 · GC +2.5 · +0.0 MB");
    expect(row).toContain("1.50 (vs Peer)");
    expect(lines.join("\n")).toContain(
      "below every peer on every row: NOT met — openai in-process chat (+12.0 vs +8.0 µs)",
    );
  });

  it("shows each variant's spread and says when a miss is within it", () => {
    const lines = table({
      raw: figures(30, 0, 1),
      sightline: figures(40, 0, 3),
      "sightline-spans": figures(35),
      peer: figures(38, 0, 2),
    });
    const row = lines.find((line) => line.startsWith("| openai |")) ?? "";
    expect(row).toContain("| +10.0 [+7.0, +13.0] ·");
    expect(row).toContain("| +8.0 [+6.0, +10.0] ·");
    expect(lines.join("\n")).toContain(
      "NOT met — openai in-process chat (+10.0 vs +8.0 µs, within the processes' spread)",
    );
    const apart = table({ raw: figures(30), sightline: figures(45, 0, 2), peer: figures(38, 0, 2) });
    expect(apart.join("\n")).toContain("NOT met — openai in-process chat (+15.0 vs +8.0 µs)");
  });

  it("meets the peer target when Sightline is below the best peer", () => {
    const lines = table({
      raw: figures(30),
      sightline: figures(36),
      "sightline-spans": figures(33),
      peer: figures(38),
    });
    expect(lines).toContain("- below every peer on every row: met");
  });

  it("reads the reference column against the peers too, apart from the targets", () => {
    // Sightline everything on misses the peer in both tables; only the reference column moves.
    const withSpans = (spans: OverheadVariantFigures) =>
      table({ raw: figures(30), sightline: figures(45), "sightline-spans": spans, peer: figures(36, 0, 2) });
    const text = withSpans(figures(37, 0, 1)).join("\n");
    expect(text).toContain(
      "below every peer on every row: NOT met — openai in-process chat (+15.0 vs +6.0 µs)",
    );
    expect(text).toContain(
      "- Sightline, spans only below every peer on every row: NOT met — openai in-process chat (+7.0 vs +6.0 µs, within the processes' spread)",
    );
    const below = withSpans(figures(33));
    expect(below).toContain("- Sightline, spans only below every peer on every row: met");
    expect(below.join("\n")).toContain("below every peer on every row: NOT met");
  });
});
