/**
 * Next.js calls `register()` once per runtime at server start. The Node runtime gets the full OTel SDK
 * through `@sightline/node`; the edge runtime gets the fetch-based export of `@sightline/edge`. The imports
 * are dynamic and behind NEXT_RUNTIME so each runtime's bundle only holds its own setup.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { init } = await import("@sightline/node");
    init({ serviceName: "nextjs-example", protocol: "http/json", flushOnExit: true });
  } else if (process.env.NEXT_RUNTIME === "edge") {
    const { init } = await import("@sightline/edge");
    init({ serviceName: "nextjs-example-edge" });
  }
}
