export {
  type BenchProviders,
  createBenchProviders,
  DiscardingExporter,
} from "./bench/create-bench-providers.js";
export {
  type MeasureOverheadVariantsOptions,
  measureOverheadVariants,
  type OverheadVariantFigures,
} from "./bench/measure-overhead-variants.js";
export {
  type OverheadBenchmarkOptions,
  type OverheadPlanItem,
  runOverheadBenchmark,
} from "./bench/run-overhead-benchmark.js";
export {
  type OverheadCaseOptions,
  type OverheadCaseResult,
  type OverheadProviders,
  runOverheadCase,
} from "./bench/run-overhead-case.js";
