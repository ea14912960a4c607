/**
 * The shape of every secret link token we make (base64url of 32 bytes: invitations, sign-in and
 * email-change links, survey share links). Anything else is not a link of ours and is refused
 * before it reaches the database. One pattern for every path (issue 14.24).
 */
export const secretTokenPattern = /^[A-Za-z0-9_-]{20,200}$/;

export function isTokenShaped(token: string): boolean {
  return secretTokenPattern.test(token);
}
