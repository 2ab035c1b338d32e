// Renders the default rule set and every examples/alerts/*.alerts.yaml file, in both naming modes, as
// Prometheus rules plus generated promtool unit tests. Usage: node render-for-promtool.mjs <out-folder>
// Reads the built package (dist/), so run `pnpm exec tsup` first (check-prometheus-rules.sh does).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { createDefaultAlertFile, generatePromtoolTests, renderAlerts } from "../dist/index.js";

const outFolder = process.argv[2];
if (!outFolder) {
  console.error("usage: node render-for-promtool.mjs <out-folder>");
  process.exit(2);
}
const examplesFolder = join(import.meta.dirname, "..", "..", "..", "examples", "alerts");
const sources = [{ name: "default", text: createDefaultAlertFile(), fileName: "sightline.alerts.yaml" }];
for (const entry of readdirSync(examplesFolder)) {
  if (entry.endsWith(".alerts.yaml")) {
    const text = readFileSync(join(examplesFolder, entry), "utf8");
    sources.push({ name: `example-${basename(entry, ".alerts.yaml")}`, text, fileName: entry });
  }
}
let failed = false;
for (const source of sources) {
  for (const naming of ["otlp", "prometheus-exporter"]) {
    const folder = join(outFolder, `${source.name}-${naming}`);
    mkdirSync(folder, { recursive: true });
    const options = { text: source.text, fileName: source.fileName, naming };
    for (const result of [
      renderAlerts({ ...options, target: "prometheus" }),
      generatePromtoolTests(options),
    ]) {
      if (!result.ok) {
        for (const error of result.errors) console.error(error.message);
        failed = true;
        continue;
      }
      for (const file of result.files) writeFileSync(join(folder, basename(file.path)), file.contents);
    }
    console.log(folder);
  }
}
process.exit(failed ? 1 : 0);
