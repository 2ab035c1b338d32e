import type { ExportReporter } from "./create-export-reporter.js";

/** What an OTLP sender needs: where, how, and who hears about failures. */
export interface OtlpSenderOptions {
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
  fetch: typeof fetch;
  reporter: ExportReporter;
  /** `traces` or `metrics`, for the messages. */
  signal: string;
}

/**
 * A function that POSTs one OTLP/HTTP JSON body with `fetch` and resolves `true` on a 2xx answer. It
 * never rejects: failures (network, timeout, non-2xx) go to the reporter.
 */
export function createOtlpSender(options: OtlpSenderOptions): (body: Uint8Array) => Promise<boolean> {
  return async (body) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const response = await options.fetch(options.url, {
        method: "POST",
        headers: { ...options.headers, "content-type": "application/json" },
        body,
        signal: controller.signal,
      });
      // Read the body so the runtime can reuse or release the connection (Workers warn otherwise).
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) {
        options.reporter.failed(options.signal, `HTTP ${response.status} from ${options.url}`);
        return false;
      }
      options.reporter.succeeded(options.signal);
      return true;
    } catch (error) {
      const reason = controller.signal.aborted
        ? `no answer from ${options.url} within ${options.timeoutMs} ms`
        : `${error instanceof Error ? error.message : String(error)} (${options.url})`;
      options.reporter.failed(options.signal, reason);
      return false;
    } finally {
      clearTimeout(timer);
    }
  };
}
