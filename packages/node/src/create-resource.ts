import type { Attributes } from "@opentelemetry/api";
import {
  defaultResource,
  detectResources,
  hostDetector,
  osDetector,
  processDetector,
  type Resource,
  resourceAttributesEnvDetector,
  resourceFromAttributes,
} from "@opentelemetry/resources";

/**
 * The resource every span and metric point carries: the SDK's defaults, then what the process, host and
 * OS detectors find, then `OTEL_RESOURCE_ATTRIBUTES`, then `resourceAttributes`, then the service name
 * (option or `OTEL_SERVICE_NAME`, resolved by the caller); a later source wins on a clash.
 */
export function createResource(options: {
  serviceName: string | undefined;
  resourceAttributes: Attributes | undefined;
}): Resource {
  let resource = defaultResource()
    .merge(detectResources({ detectors: [processDetector, hostDetector, osDetector] }))
    .merge(detectResources({ detectors: [resourceAttributesEnvDetector] }));
  if (options.resourceAttributes)
    resource = resource.merge(resourceFromAttributes(options.resourceAttributes));
  if (options.serviceName !== undefined)
    resource = resource.merge(resourceFromAttributes({ "service.name": options.serviceName }));
  return resource;
}
