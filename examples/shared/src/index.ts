export {
  type ExampleBackends,
  type StartExampleBackendsOptions,
  startExampleBackends,
} from "./start-example-backends.js";
