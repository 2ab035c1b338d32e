// Runs one scenario and prints its checks in the suite's only output format, one line per check,
// `CHECK pass|fail <scenario> :: <what>`, which the matrix runner (../run-scenario-app.mjs) collects.
// Plain console output, so it reads the same on Node, Bun and Deno.

/**
 * Runs one scenario: `body` gets `expect(what, condition, detail)` to record each check. A scenario that
 * throws records one failed check with the error, so a crash is counted rather than lost. `before` runs
 * first (the scenarios forget spans a crashed scenario left behind).
 */
export async function runScenario(name, body, { before } = {}) {
  await before?.();
  let checks = 0;
  const expect = (what, condition, detail) => {
    checks += 1;
    const suffix = condition || detail === undefined ? "" : ` (got ${formatDetail(detail)})`;
    console.log(`CHECK ${condition ? "pass" : "fail"} ${name} :: ${what}${suffix}`);
  };
  try {
    await body(expect);
    if (checks === 0) expect("made at least one check", false, "no check ran");
  } catch (error) {
    expect("ran without throwing", false, error?.stack ?? error);
  }
}

/** Checks that `actual` equals `expected` (compared as JSON), naming both when they differ. */
export function expectEqual(expect, what, actual, expected) {
  const same = JSON.stringify(actual) === JSON.stringify(expected);
  expect(what, same, same ? undefined : `${formatDetail(actual)}, expected ${formatDetail(expected)}`);
}

function formatDetail(detail) {
  const text = typeof detail === "string" ? detail : JSON.stringify(detail);
  return String(text).replaceAll("\n", " | ").slice(0, 400);
}
