import { diag } from "@opentelemetry/api";
import { describeExportError } from "./describe-export-error.js";
import type { ExportReporter } from "./internal-types.js";
import { redactSecrets } from "./redact-secrets.js";

/** Creates the {@link ExportReporter} of one signal and endpoint. */
export function createExportReporter(options: {
  /** What is counted, singular and plural: `["span", "spans"]`. */
  unit: readonly [one: string, other: string];
  /** The endpoint as people may see it (credentials redacted). */
  endpoint: string;
  /** Header values and the like that must never reach a log line. */
  secrets: readonly string[];
  /** The shutdown timeout, to explain exports that never answered. */
  timeoutMs: number;
  log: (message: string) => void;
}): ExportReporter {
  const { endpoint } = options;
  let accepted = 0;
  let delivered = 0;
  let failed = 0;
  let pending = 0;
  let lastError: string | undefined;
  let failing = false;
  let saidFailure = false;
  let saidRecovery = false;
  let closed = false;
  let reported = false;

  const count = (amount: number) => `${amount} ${amount === 1 ? options.unit[0] : options.unit[1]}`;
  const say = (message: string) => {
    try {
      options.log(redactSecrets({ text: message, secrets: options.secrets }));
    } catch (error) {
      diag.warn("sightline: the log function threw", error);
    }
  };

  return {
    recordAccepted(amount) {
      accepted += amount;
    },
    recordExportStarted(amount) {
      pending += amount;
    },
    recordExportFinished({ count: amount, failed: didFail, error }) {
      pending = Math.max(0, pending - amount);
      if (!didFail) {
        delivered += amount;
        if (failing && !closed && !saidRecovery) {
          saidRecovery = true;
          say(`delivery to ${endpoint} resumed; ${count(failed)} had been dropped.`);
        }
        failing = false;
        return;
      }
      failed += amount;
      failing = true;
      lastError = describeExportError(error);
      // During shutdown the final line says it all; one line per problem is enough.
      if (closed || saidFailure) return;
      saidFailure = true;
      say(
        `could not export to ${endpoint} (${lastError}): ${count(failed)} dropped so far. Sightline keeps trying; later failures are only counted, and the total comes at shutdown.`,
      );
    },
    close() {
      closed = true;
    },
    report() {
      if (reported) return;
      reported = true;
      closed = true;
      // Accepted but neither delivered, failed nor in flight: dropped from a full queue, or still queued
      // when the shutdown timed out.
      const unsent = Math.max(0, accepted - delivered - failed - pending);
      const total = failed + pending + unsent;
      if (total === 0) return;
      const reasons: [number, string][] = [];
      if (failed > 0) reasons.push([failed, lastError ?? "export failed"]);
      if (pending > 0) reasons.push([pending, `no answer within ${options.timeoutMs} ms`]);
      if (unsent > 0) reasons.push([unsent, "never sent: the queue was full or time ran out"]);
      const why =
        reasons.length === 1
          ? (reasons[0]?.[1] ?? "")
          : reasons.map(([amount, reason]) => `${count(amount)}: ${reason}`).join("; ");
      say(`${count(total)} could not be delivered to ${endpoint} (${why})`);
    },
  };
}
