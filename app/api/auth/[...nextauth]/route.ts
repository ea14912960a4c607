// GET|POST /api/auth/* – Auth.js: magic-link requests, callbacks, session, sign-out
import { handlers } from "@/lib/auth/config";

export const { GET, POST } = handlers;
