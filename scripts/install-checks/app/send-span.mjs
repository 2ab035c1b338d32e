// Run inside an install-check app: sets Sightline up with the OTLP preset against the receiver the
// check started, creates one span through the app's own @opentelemetry/api, and shuts down (which
// flushes). The check then looks for the span at the receiver.
import { trace } from "@opentelemetry/api";
import { init } from "@sightline/node";

const telemetry = init({
  serviceName: "install-check",
  exporter: "otlp",
  endpoint: process.env.OTLP_ENDPOINT,
});
const span = trace.getTracer("install-check").startSpan("install-check span");
span.end();
await telemetry.shutdown();
console.log("sent");
