import "server-only";
import { createHash } from "node:crypto";
import { verificationTokens } from "@/db/schema";
import { enqueueEmail, kickEmailSender } from "@/lib/email";
import { transaction } from "@/lib/transaction";

/**
 * The hash Auth.js looks the link's token up by when the link is followed
 * (@auth/core, lib/actions/callback: sha256 of the token followed by the provider's secret).
 * The provider's `secret` is set explicitly in config.ts, so both sides use the same one.
 */
export function verificationTokenHash(token: string, secret: string): string {
  return createHash("sha256").update(`${token}${secret}`, "utf8").digest("hex");
}

/**
 * A sign-in link's token row and its email, in one transaction (SPEC E1): both exist or neither
 * does. Auth.js would otherwise write the token through the adapter and call the sender in
 * parallel with it; its adapter method is a no-op here and this is the only writer.
 */
export async function queueSignInEmail(request: { identifier: string; url: string; token: string; expires: Date }, secret: string) {
  await transaction(async (tx) => {
    await tx.insert(verificationTokens).values({
      identifier: request.identifier,
      token: verificationTokenHash(request.token, secret),
      expires: request.expires,
    });
    await enqueueEmail(tx, { to: request.identifier, template: "sign-in", props: { url: request.url, host: new URL(request.url).host } });
  });
  kickEmailSender();
}
