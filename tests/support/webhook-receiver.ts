import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Received = { headers: Record<string, string>; body: string; verified: unknown };

/**
 * A real HTTP receiver on 127.0.0.1 for webhook tests: it records every request, verifies its
 * signature with `standardwebhooks` (the library a receiver would use) once told the secret, and
 * answers with the status codes it is given in turn (then 200).
 */
export async function startWebhookReceiver() {
  const received: Received[] = [];
  const failures: string[] = [];
  const state = { secret: null as string | null, statuses: [] as number[], delayMs: 0 };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      let verified: unknown = null;
      if (state.secret) {
        try {
          verified = new Webhook(state.secret).verify(body, headers);
        } catch (error) {
          failures.push(String(error));
        }
      }
      received.push({ headers, body, verified });
      if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
      response.statusCode = state.statuses.shift() ?? 200;
      response.end(response.statusCode >= 400 ? "receiver says no ".repeat(100) : "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    /** Signatures that did not verify (must stay empty). */
    failures,
    verifyWith(secret: string) {
      state.secret = secret;
    },
    answer(...statuses: number[]) {
      state.statuses.push(...statuses);
    },
    delay(ms: number) {
      state.delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
