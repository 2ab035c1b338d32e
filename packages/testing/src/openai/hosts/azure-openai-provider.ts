import type { MockProvider, MockRoute, MockRouteContext } from "../../internal-types.js";
import { sendJson } from "../../send-json.js";
import { chatCompletionsRoute } from "../chat-completions-route.js";
import { embeddingsRoute } from "../embeddings-route.js";

const DEPLOYMENT_PATH = /^\/openai\/deployments\/([^/]+)\/(chat\/completions|embeddings)$/;

/**
 * Azure OpenAI's deployment paths, `/openai/deployments/{deployment}/chat/completions?api-version=...` and
 * `.../embeddings`: the `api-version` query and an `api-key` (or Entra ID bearer) header are required, as on
 * Azure; the answer is the OpenAI one with Azure's content-filter fields, naming the deployment as its model
 * unless the script names one (Azure reports the model behind the deployment).
 */
export const azureOpenAIProvider: MockProvider = {
  name: "azure-openai",
  routes: [
    createDeploymentRoute("chat/completions", chatCompletionsRoute),
    createDeploymentRoute("embeddings", embeddingsRoute),
  ],
  ownsPath: (path) => path.startsWith("/openai/"),
  createErrorBody: ({ status, message }) => ({ error: { code: String(status), message } }),
};

function createDeploymentRoute(operation: string, inner: MockRoute): MockRoute {
  return {
    method: "POST",
    matches: (path) => DEPLOYMENT_PATH.exec(path)?.[2] === operation,
    handle: (context: MockRouteContext) => {
      const { request, response } = context;
      const hasKey =
        Boolean(request.headers["api-key"]) || /^bearer\s+\S/i.test(request.headers.authorization ?? "");
      if (!hasKey) {
        sendJson({
          response,
          status: 401,
          body: {
            error: {
              code: "401",
              message: "Access denied due to invalid subscription key or wrong API endpoint.",
            },
          },
        });
        return;
      }
      if (!request.query?.["api-version"]) {
        sendJson({ response, status: 404, body: { error: { code: "404", message: "Resource not found" } } });
        return;
      }
      const deployment = decodeURIComponent(DEPLOYMENT_PATH.exec(request.path)?.[1] ?? "");
      const body = typeof request.body === "object" && request.body !== null ? request.body : {};
      // AzureOpenAI sends the deployment as `model` too; a client built with `deployment` may not.
      const withModel = { ...request, body: { model: deployment, ...body } };
      return inner.handle({ ...context, request: withModel });
    },
  };
}
