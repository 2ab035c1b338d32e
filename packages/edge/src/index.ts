/**
 * `@sightline/edge`: OpenTelemetry setup for edge and serverless runtimes (Cloudflare Workers, Vercel
 * Edge and Functions, Deno Deploy, Bun), exporting OTLP/HTTP JSON with `fetch` and no Node modules.
 */
export { init } from "./init.js";
export type { AsyncLocalStorageConstructor, EdgeInitOptions, EdgeTelemetry } from "./types.js";
