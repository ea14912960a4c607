import { SCIM, SCIM_MAX_PAGE } from "./constants";
import type { ScimUserState } from "./patch";

/** A member as a SCIM User resource (RFC 7643 §4.1). `location` is built on the app's public URL. */
export function toScimUser(
  baseUrl: string,
  user: ScimUserState & { id: string; created: Date; lastModified: Date; groups?: { id: string; displayName: string }[] },
) {
  return {
    schemas: [SCIM.user],
    id: user.id,
    ...(user.externalId ? { externalId: user.externalId } : {}),
    userName: user.userName,
    name: {
      ...(user.givenName ? { givenName: user.givenName } : {}),
      ...(user.familyName ? { familyName: user.familyName } : {}),
      ...(user.givenName || user.familyName ? { formatted: [user.givenName, user.familyName].filter(Boolean).join(" ") } : {}),
    },
    ...(user.displayName ? { displayName: user.displayName } : {}),
    emails: [{ value: user.email, type: "work", primary: true }],
    ...(user.phone ? { phoneNumbers: [{ value: user.phone, type: "work", primary: true }] } : {}),
    active: user.active,
    ...(user.groups ? { groups: user.groups.map((g) => ({ value: g.id, display: g.displayName, $ref: `${baseUrl}/Groups/${g.id}` })) } : {}),
    meta: {
      resourceType: "User",
      created: user.created.toISOString(),
      lastModified: user.lastModified.toISOString(),
      location: `${baseUrl}/Users/${user.id}`,
      version: `W/"${user.lastModified.getTime()}"`,
    },
  };
}

export function toScimGroup(
  baseUrl: string,
  group: { id: string; displayName: string; externalId: string | null; created: Date; lastModified: Date; members?: { id: string; display: string }[] },
) {
  return {
    schemas: [SCIM.group],
    id: group.id,
    displayName: group.displayName,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    ...(group.members ? { members: group.members.map((m) => ({ value: m.id, display: m.display, $ref: `${baseUrl}/Users/${m.id}` })) } : {}),
    meta: {
      resourceType: "Group",
      created: group.created.toISOString(),
      lastModified: group.lastModified.toISOString(),
      location: `${baseUrl}/Groups/${group.id}`,
    },
  };
}

export function listResponse<T>(resources: T[], totalResults: number, startIndex: number) {
  return { schemas: [SCIM.listResponse], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}

/** RFC 7643 §5: what this service provider supports, as Okta and Entra read it before provisioning. */
export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: [SCIM.serviceProviderConfig],
    documentationUri: `${baseUrl.replace(/\/scim\/v2\/.*$/, "")}/docs/scim`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: SCIM_MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description: "A SCIM token created on Settings → Provisioning (SCIM), sent as Authorization: Bearer.",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${baseUrl}/ServiceProviderConfig` },
  };
}

export function resourceTypes(baseUrl: string) {
  return [
    {
      schemas: [SCIM.resourceType],
      id: "User",
      name: "User",
      endpoint: "/Users",
      description: "A member of the organization",
      schema: SCIM.user,
      schemaExtensions: [],
      meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/User` },
    },
    {
      schemas: [SCIM.resourceType],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      description: "A group mapped to a role or a plan",
      schema: SCIM.group,
      schemaExtensions: [],
      meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/Group` },
    },
  ];
}

const attribute = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
  ...extra,
});

export function schemas(baseUrl: string) {
  return [
    {
      schemas: [SCIM.schema],
      id: SCIM.user,
      name: "User",
      description: "A member of the organization",
      attributes: [
        attribute("userName", "string", { required: true, uniqueness: "server" }),
        attribute("externalId", "string", { caseExact: true }),
        attribute("name", "complex", {
          subAttributes: [attribute("givenName", "string"), attribute("familyName", "string"), attribute("formatted", "string", { mutability: "readOnly" })],
        }),
        attribute("displayName", "string"),
        attribute("active", "boolean"),
        attribute("emails", "complex", {
          multiValued: true,
          subAttributes: [attribute("value", "string"), attribute("type", "string"), attribute("primary", "boolean")],
        }),
        attribute("phoneNumbers", "complex", {
          multiValued: true,
          subAttributes: [attribute("value", "string"), attribute("type", "string"), attribute("primary", "boolean")],
        }),
        attribute("groups", "complex", { multiValued: true, mutability: "readOnly" }),
      ],
      meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${SCIM.user}` },
    },
    {
      schemas: [SCIM.schema],
      id: SCIM.group,
      name: "Group",
      description: "A group mapped to a role or a plan",
      attributes: [
        attribute("displayName", "string", { required: true, uniqueness: "server" }),
        attribute("externalId", "string", { caseExact: true }),
        attribute("members", "complex", {
          multiValued: true,
          subAttributes: [attribute("value", "string", { mutability: "immutable" }), attribute("display", "string", { mutability: "readOnly" })],
        }),
      ],
      meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${SCIM.group}` },
    },
  ];
}
