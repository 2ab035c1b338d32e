// An OTel tracer provider whose spans land in memory, set up as an app would (an AsyncLocalStorage
// context manager, so `withContext` values follow the call across `await` on every runtime).
import { context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";

const SPAN_WAIT_MS = 2000;

/** Creates the recorder: pass `tracerProvider` to the wrappers, then `takeSpans()` after each call. */
export function createSpanRecorder() {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  return {
    tracerProvider,
    /**
     * Waits until `count` spans have ended (a stream's span ends just after its last chunk), returns
     * every span ended so far and forgets them, so each scenario sees only its own.
     */
    async takeSpans(count = 1) {
      const deadline = Date.now() + SPAN_WAIT_MS;
      while (exporter.getFinishedSpans().length < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const spans = [...exporter.getFinishedSpans()];
      exporter.reset();
      return spans;
    },
    /** Forgets every span ended so far. */
    forgetSpans: () => exporter.reset(),
    shutdown: () => tracerProvider.shutdown(),
  };
}
