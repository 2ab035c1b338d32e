// Installs the scenario suite as a user would get it: a plain npm app with the packed Sightline tarballs,
// the OTel API and SDK pieces an app brings, and chosen versions of the provider SDKs. npm's own cache
// is shared by every install, so a version's tarball is downloaded once; the version lists are still
// asked for each time (no --prefer-offline), so "the latest 6.x" is the registry's latest, not the cache's.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SCENARIO_FILES = fileURLToPath(new URL("./scenario-app", import.meta.url));
/** The Sightline packages the scenarios import; their own @sightline dependencies come from the tarballs too. */
const SIGHTLINE_PACKAGES = [
  "@sightline/core",
  "@sightline/openai",
  "@sightline/anthropic",
  "@sightline/google-genai",
];
/** The OTel pieces the scenarios set up themselves (an in-memory exporter and a context manager). */
const OTEL_DEPENDENCIES = {
  "@opentelemetry/api": "1.10.0",
  "@opentelemetry/sdk-trace": "3.1.0",
  "@opentelemetry/context-async-hooks": "3.1.0",
};
/** The provider SDKs, by the npm name a client-version entry uses. */
export const PROVIDER_SDKS = {
  openai: "openai",
  anthropic: "@anthropic-ai/sdk",
  "google-genai": "@google/genai",
};
/** The versions the workspace tests against (the packages' devDependencies). */
export const WORKSPACE_SDK_VERSIONS = { openai: "7.59.0", anthropic: "1.14.0", "google-genai": "3.3.0" };

/** The Sightline packages to install: `SIGHTLINE_PACKAGES` and every @sightline package they depend on. */
function sightlineClosure(tarballs) {
  const needed = new Set();
  const visit = (name) => {
    if (needed.has(name)) return;
    const tarball = tarballs.get(name);
    if (!tarball) throw new Error(`no tarball for ${name}`);
    needed.add(name);
    const manifest = JSON.parse(
      execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }),
    );
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      if (dependency.startsWith("@sightline/")) visit(dependency);
    }
  };
  for (const name of SIGHTLINE_PACKAGES) visit(name);
  return needed;
}

/**
 * Installs the app into `directory` (emptied first) with `sdkVersions` (provider → npm version or
 * range) and copies the scenario files in. Returns the provider → installed SDK version map.
 */
export function installScenarioApp({ directory, tarballs, sdkVersions }) {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const dependencies = { ...OTEL_DEPENDENCIES };
  for (const name of sightlineClosure(tarballs)) dependencies[name] = `file:${tarballs.get(name)}`;
  for (const [provider, version] of Object.entries(sdkVersions))
    dependencies[PROVIDER_SDKS[provider]] = version;
  writeFileSync(
    join(directory, "package.json"),
    JSON.stringify({ name: "sightline-scenario-app", private: true, type: "module", dependencies }, null, 2),
  );
  execFileSync("npm", ["install", "--no-fund", "--no-audit", "--loglevel=error"], {
    cwd: directory,
    stdio: ["ignore", "inherit", "inherit"],
  });
  cpSync(SCENARIO_FILES, directory, { recursive: true });
  const installed = {};
  for (const provider of Object.keys(sdkVersions)) {
    const manifest = join(directory, "node_modules", PROVIDER_SDKS[provider], "package.json");
    installed[provider] = JSON.parse(readFileSync(manifest, "utf8")).version;
  }
  return installed;
}
