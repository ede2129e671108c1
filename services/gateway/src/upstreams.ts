import { ROUTES, type ServiceName, type UpstreamVariable } from './routes-table.js';

export interface Upstream {
  service: ServiceName;
  /** Base URL without a trailing slash; undefined when the service is not deployed. */
  url: string | undefined;
  paths: readonly string[];
}

/** The routing table joined with the configured base URLs (`<SERVICE>_URL`). */
export function resolveUpstreams(
  urls: Partial<Record<UpstreamVariable, string | undefined>>,
): Upstream[] {
  return ROUTES.map((route) => ({
    service: route.service,
    url: urls[route.env]?.replace(/\/+$/, ''),
    paths: route.paths,
  }));
}

export const deployed = (upstreams: readonly Upstream[]) =>
  upstreams.filter(
    (upstream): upstream is Upstream & { url: string } => upstream.url !== undefined,
  );
