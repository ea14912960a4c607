import { retryMinutes } from "@/lib/rate-limit";

/**
 * The words for a refused sign-in request, on the form and on /signin?error=… (where a POST
 * straight to Auth.js lands). The same for every address, known or not.
 */
export function signInFailureMessage(error: string | null | undefined, retrySeconds?: string | null): string {
  if (error === "RateLimited") {
    const seconds = Number(retrySeconds);
    const wait = Number.isFinite(seconds) && seconds > 0 && seconds <= 86_400 ? retryMinutes(seconds) : "a few minutes";
    return `Too many emails were requested for this address. Please try again in ${wait}.`;
  }
  if (error === "SsoRequired") {
    return "Your company requires single sign-on for this address: email links are turned off for it. Choose “Email me a sign-in link” to go to your company's sign-in page.";
  }
  if (error === "InvalidEmail") return "Enter a valid email address, like name@company.com.";
  return "We could not send a sign-in link. Please try again.";
}
