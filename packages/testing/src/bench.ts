export {
  type OverheadBenchmarkOptions,
  type OverheadPlanItem,
  runOverheadBenchmark,
} from "./bench/run-overhead-benchmark.js";
export {
  type OverheadCaseOptions,
  type OverheadCaseResult,
  runOverheadCase,
} from "./bench/run-overhead-case.js";
