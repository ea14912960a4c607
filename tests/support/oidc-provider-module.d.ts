// oidc-provider ships no types (and @types/oidc-provider is not installed): the tests use the
// small part below, checked by the tests themselves.
declare module "oidc-provider" {
  export default class Provider {
    constructor(issuer: string, configuration: unknown);
    use(middleware: (ctx: { path: string; body: unknown }, next: () => Promise<void>) => Promise<void>): void;
    callback(): (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void;
  }
}
