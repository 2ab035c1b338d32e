import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const packageRoot = join(import.meta.dirname, "..");
const manifest = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

// The installed CLI must not pull the test kit (mock server, vitest helpers) into users' installs.
it("the CLI depends on @sightline/otlp at run time and on @sightline/testing only for its own tests", () => {
  expect(Object.keys(manifest.dependencies)).toContain("@sightline/otlp");
  expect(Object.keys(manifest.dependencies)).not.toContain("@sightline/testing");
  expect(Object.keys(manifest.devDependencies)).toContain("@sightline/testing");
});

it("no source file outside the tests imports @sightline/testing", () => {
  const sources = readdirSync(join(packageRoot, "src"), { recursive: true, encoding: "utf8" }).filter(
    (file) => file.endsWith(".ts") && !file.endsWith(".test.ts"),
  );
  expect(sources.length).toBeGreaterThan(10);
  const importers = sources.filter((file) =>
    readFileSync(join(packageRoot, "src", file), "utf8").includes('"@sightline/testing'),
  );
  expect(importers).toEqual([]);
});
