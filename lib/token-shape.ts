/**
 * The shape of every secret link token we make (base64url of 32 bytes: invitations, sign-in and
 * email-change links, survey share links). Anything else is not a link of ours and is refused
 * before it reaches the database. One pattern for every path (issue 14.24).
 */
export const secretTokenPattern = /^[A-Za-z0-9_-]{20,200}$/;

export function isTokenShaped(token: string): boolean {
  return secretTokenPattern.test(token);
}

/** A row id as PostgreSQL's uuid type writes it: anything else is "not found" before it reaches SQL. */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
