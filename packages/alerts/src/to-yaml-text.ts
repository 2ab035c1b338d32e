import { stringify } from "yaml";

/**
 * YAML text for generated files. Prometheus, promtool and Grafana read YAML 1.1 (go-yaml), where `yes`,
 * `on` and `no` are booleans, so strings are quoted as YAML 1.1 needs; expressions are never folded.
 */
export function toYamlText(value: unknown): string {
  return stringify(value, { lineWidth: 0, version: "1.1" });
}
