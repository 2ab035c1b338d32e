export { type RunCliOptions, runCli } from "./run-cli.js";
export { startDevServer } from "./start-dev-server.js";
export type { DevServer, DevServerOptions, DevServerStats } from "./types.js";
