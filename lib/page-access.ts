/**
 * What the in-app "you can't see this" page says for each page of an organization. Words only:
 * who may open a page is decided by lib/permissions.ts on the server, which calls `forbidden()`
 * (403) when a member of this organization lacks the role. Another organization's ids stay 404.
 */
export type ForbiddenNotice = { title: string; body: string };

const onlyAdmins = "Only Admins can see this";

/** The notice for a path inside an organization (`/o/:org/...`), from the page's own path. */
export function forbiddenNotice(pathname: string): ForbiddenNotice {
  const rest = pathname.split("/").slice(3).filter(Boolean);
  const [first, second, third] = rest;
  if (first === "activity") {
    return { title: onlyAdmins, body: "Activity, the organization's record of every change, is for Admins." };
  }
  if (first === "settings" && second === "webhooks") {
    return { title: onlyAdmins, body: "Webhook endpoints, which send the organization's changes to other tools, are managed by Admins." };
  }
  if (first === "settings" && second === "scim") {
    return { title: onlyAdmins, body: "Provisioning (SCIM), which lets your identity provider create, suspend and remove members, is managed by Admins." };
  }
  if (first === "settings") {
    return { title: onlyAdmins, body: "The account subscription (tier and seats) is managed by Admins." };
  }
  if (first === "products") {
    return { title: onlyAdmins, body: "Admins subscribe the organization to products. Your plans are on My Subscriptions." };
  }
  if (first === "suppliers") {
    return {
      title: "Only Admins of client organizations can see this",
      body: "A client organization's Admins invite its suppliers; a supplier organization has none of its own to invite.",
    };
  }
  if (first === "invites" || (first === "users" && second === "invite")) {
    return {
      title: "Only Admins and Managers can see this",
      body: "Admins and Managers invite teammates and manage invitations. Ask one of them to invite the person you have in mind.",
    };
  }
  if (first === "users" && second) {
    return {
      title: "You can't edit this member",
      body: "Everyone edits their own details; Admins edit Managers and Users, Managers edit Users, and nobody edits another Admin.",
    };
  }
  if (first === "plans" && second) {
    if (third === "transfer") {
      return {
        title: "Only the plan's subscriber can see this",
        body: "The subscriber transfers a plan's ownership; an Admin can reassign it.",
      };
    }
    if (third === "users") {
      return { title: "Only the plan's subscriber and Admins can see this", body: "They manage who uses the plan." };
    }
    return { title: "Only the plan's users can see this", body: "A plan's product area opens to the people on that plan." };
  }
  return { title: "You don't have access to this page", body: "Your role in this organization does not include it." };
}
