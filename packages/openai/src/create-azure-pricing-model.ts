/**
 * For Azure OpenAI, the model a call should be priced as: the user's `azureDeployments` entry for the
 * deployment (the client's `deployment`, else the request's `model`, which `AzureOpenAI` puts in the path).
 * Deployment names are arbitrary and old Azure responses name a version-less model, so a mapped deployment
 * wins over the response model; an unmapped one leaves pricing to the response model.
 */
export function createAzurePricingModel(options: {
  provider: string;
  deployments: Readonly<Record<string, string>> | undefined;
  clientDeployment: string | undefined;
}): (requestModel: string | undefined) => string | undefined {
  const { deployments } = options;
  if (options.provider !== "azure.ai.openai" || !deployments) return () => undefined;
  const byName = new Map<string, string>();
  for (const [deployment, model] of Object.entries(deployments)) {
    if (typeof model === "string" && model.trim()) byName.set(deployment.trim().toLowerCase(), model.trim());
  }
  return (requestModel) => {
    const deployment = options.clientDeployment ?? requestModel;
    return typeof deployment === "string" ? byName.get(deployment.trim().toLowerCase()) : undefined;
  };
}
