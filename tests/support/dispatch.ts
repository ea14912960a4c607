type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Dispatches a Request to the route handler Next's file-system router would run for it, with the
 * same `params` (decoded path segments): integration tests drive the real handlers with no server
 * in front. `routes` are path templates below `prefix` (`/orgs/{org}/members`) and their modules.
 */
export function routeDispatcher(prefix: string, routes: Array<[string, Record<string, unknown>]>) {
  const compiled = routes.map(([template, module]) => {
    const names: string[] = [];
    const pattern = new RegExp(`^${prefix}${template.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), "([^/]+)"))}$`);
    return { pattern, names, module };
  });
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    for (const route of compiled) {
      const match = url.pathname.match(route.pattern);
      if (!match) continue;
      const handler = route.module[request.method] as Handler | undefined;
      if (!handler) return new Response(null, { status: 405 });
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
      return handler(request, { params: Promise.resolve(params) });
    }
    return new Response(null, { status: 404 });
  };
}
