import { actAs } from "./next-mocks";
import { requireMember, type MemberContext } from "@/lib/auth/session";

/** The MemberContext a request of this user to this organization would carry (for calling services). */
export async function memberContext(userId: string, orgSlug: string): Promise<MemberContext> {
  actAs(userId);
  return requireMember(orgSlug);
}
