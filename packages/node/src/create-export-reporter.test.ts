import { describe, expect, it } from "vitest";
import { createExportReporter } from "./create-export-reporter.js";

const ENDPOINT = "http://collector:4318/v1/traces";

function createReporter() {
  const logged: string[] = [];
  const reporter = createExportReporter({
    unit: ["span", "spans"],
    endpoint: ENDPOINT,
    secrets: ["hc-secret-key"],
    timeoutMs: 2000,
    log: (message) => logged.push(message),
  });
  return { reporter, logged };
}

function refused(): Error {
  return Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:4318"), { code: "ECONNREFUSED" });
}

describe("createExportReporter", () => {
  it("says the first failure once, with the endpoint, the error and the count so far", () => {
    const { reporter, logged } = createReporter();
    for (let batch = 0; batch < 5; batch++) {
      reporter.recordExportStarted(3);
      reporter.recordExportFinished({ count: 3, failed: true, error: refused() });
    }
    expect(logged).toEqual([
      `could not export to ${ENDPOINT} (ECONNREFUSED): 3 spans dropped so far. Sightline keeps trying; later failures are only counted, and the total comes at shutdown.`,
    ]);
    reporter.report();
    expect(logged[1]).toBe(`15 spans could not be delivered to ${ENDPOINT} (ECONNREFUSED)`);
  });

  it("says once that delivery resumed, and the total still comes at shutdown", () => {
    const { reporter, logged } = createReporter();
    reporter.recordExportStarted(2);
    reporter.recordExportFinished({ count: 2, failed: true, error: refused() });
    for (let batch = 0; batch < 3; batch++) {
      reporter.recordExportStarted(1);
      reporter.recordExportFinished({ count: 1, failed: false });
    }
    reporter.report();
    expect(logged.slice(1)).toEqual([
      `delivery to ${ENDPOINT} resumed; 2 spans had been dropped.`,
      `2 spans could not be delivered to ${ENDPOINT} (ECONNREFUSED)`,
    ]);
  });

  it("folds failures during shutdown into the one final line, counting queue drops and unanswered exports", () => {
    const { reporter, logged } = createReporter();
    reporter.recordAccepted(10);
    reporter.recordExportStarted(4);
    reporter.recordExportFinished({ count: 4, failed: false });
    reporter.close();
    reporter.recordExportStarted(2);
    reporter.recordExportFinished({ count: 2, failed: true, error: refused() });
    reporter.recordExportStarted(3);
    reporter.report();
    reporter.report();
    expect(logged).toEqual([
      `6 spans could not be delivered to ${ENDPOINT} (2 spans: ECONNREFUSED; 3 spans: no answer within 2000 ms; 1 span: never sent: the queue was full or time ran out)`,
    ]);
  });

  it("says nothing when everything was delivered", () => {
    const { reporter, logged } = createReporter();
    reporter.recordAccepted(1);
    reporter.recordExportStarted(1);
    reporter.recordExportFinished({ count: 1, failed: false });
    reporter.report();
    expect(logged).toEqual([]);
  });

  it("never prints a secret the server echoed, and a throwing logger does not throw", () => {
    const { reporter, logged } = createReporter();
    const echo = Object.assign(new Error("Unauthorized"), { code: 401, data: "bad key hc-secret-key" });
    reporter.recordExportStarted(1);
    reporter.recordExportFinished({ count: 1, failed: true, error: echo });
    expect(logged[0]).toContain("(HTTP 401 Unauthorized: bad key ***)");
    const throwing = createExportReporter({
      unit: ["span", "spans"],
      endpoint: ENDPOINT,
      secrets: [],
      timeoutMs: 2000,
      log: () => {
        throw new Error("log is broken");
      },
    });
    expect(() => {
      throwing.recordExportStarted(1);
      throwing.recordExportFinished({ count: 1, failed: true, error: refused() });
      throwing.report();
    }).not.toThrow();
  });
});
