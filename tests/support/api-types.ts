// Generated from GET /api/v1/openapi.json by tests/unit/api-openapi.test.ts (UPDATE_API_TYPES=1 rewrites it). Do not edit.

export interface paths {
    "/orgs/{org}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List members
         * @description Members in the order they joined, a page at a time. Filters as on the Users page.
         */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a member */
        get: operations["getMember"];
        put?: never;
        post?: never;
        /**
         * Delete User
         * @description R4–R6: refused with HAS_DEPENDENTS (409) and R5's reason while the member owns surveys or subscribes to plans.
         */
        delete: operations["deleteMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's role, or suspend or re-activate them
         * @description One change per request: `role` (R3, R7) or `status` (R9, re-activation within seats T3). A role the token lacks is 403 and changes nothing.
         */
        patch: operations["updateMember"];
        trace?: never;
    };
    "/orgs/{org}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Manage Invites: live and expired invitations */
        get: operations["listInvitations"];
        put?: never;
        /**
         * Invite Teammate
         * @description One result per address, as Invite Teammate answers: invited, resent (a live invitation existed), already_member, malformed, no_seat (T3), no_plan_seat, rate_limited or refused. A role the token cannot grant (R1) is 403 and sends nothing.
         */
        post: operations["createInvitations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/invitations/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resend an invitation (new link, new expiry) */
        post: operations["resendInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invitation (its seat is free at once) */
        delete: operations["revokeInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's plans */
        get: operations["listPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/plans/{planId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Manage Users: a plan's users
         * @description The subscriber first, then by name, 25 a page (as the Manage Users page).
         */
        get: operations["listPlanUsers"];
        put?: never;
        /**
         * Add User To Plan (an existing member)
         * @description P3, P7: within the plan's seats (PLAN_SEAT_LIMIT, 409).
         */
        post: operations["addPlanUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/plans/{planId}/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove from plan
         * @description P6 in one transaction. With ?preview=true nothing changes and the answer is what the removal would do.
         */
        delete: operations["removePlanUser"];
        options?: never;
        head?: never;
        /**
         * Edit User Permissions
         * @description P5: the whole set of the user's permission keys on this plan (the product's own keys).
         */
        patch: operations["updatePlanUserPermissions"];
        trace?: never;
    };
    "/orgs/{org}/plans/{planId}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Transfer Ownership (O1)
         * @description The subscriber asks a member to take the plan over. Accepting stays the recipient's own, in the app.
         */
        post: operations["requestTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/transfers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel a pending transfer */
        delete: operations["cancelTransfer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Surveys
         * @description Newest change first, 25 a page, filtered as the Surveys page (owner: a user id or `me`; q: part of the title).
         */
        get: operations["listSurveys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/surveys/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Transfer a survey to another member (S2) */
        post: operations["transferSurvey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Activity (A1), newest first
         * @description Admins only. Filters as the Activity page: actorId, action, from and to (UTC days, inclusive).
         */
        get: operations["listActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints
         * @description Admins only (W1).
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register a webhook endpoint
         * @description Admins only. The answer carries the signing secret (whsec_…) once; deliveries are signed per Standard Webhooks. The URL must be https and reach a public address (W2), checked again at every delivery.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a webhook endpoint */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the organization's domains
         * @description Admins only (D1).
         */
        get: operations["listDomains"];
        put?: never;
        /**
         * Add a domain and send its verification link
         * @description Admins only (D1). The link goes to the address named, at that domain; the domain does nothing until the link is followed. Public mail domains and domains verified by another organization are refused.
         */
        post: operations["addDomain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/domains/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a domain
         * @description Its join policy and single sign-on end with it; members who joined through it stay.
         */
        delete: operations["removeDomain"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/sso": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the OpenID Connect single sign-on connection
         * @description Admins only (D3, D4). The client secret is stored encrypted; an empty one keeps the stored secret. domainIds are the verified domains that sign in through the provider, requireSsoDomainIds those that refuse magic links, breakGlassUserIds the Admins who keep magic links anyway.
         */
        put: operations["updateSso"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{org}/scim/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a SCIM token
         * @description Admin tokens only (issue 17). The answer carries the SCIM token (sw_…) once: give it to your identity provider's SCIM app as the bearer token for the base URL /scim/v2/{org}. It acts as an Admin, stops working when its creator is no longer one, and is revoked on Settings → Provisioning (SCIM).
         */
        post: operations["createScimToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        MemberPage: {
            data: components["schemas"]["Member"][];
            nextCursor: string | null;
        };
        Member: {
            /** Format: uuid */
            userId: string;
            email: string;
            name: string | null;
            firstName: string | null;
            lastName: string | null;
            phone: string | null;
            role: components["schemas"]["Role"];
            /** @enum {string} */
            status: "active" | "suspended";
            /** Format: date-time */
            joinedAt: string;
        };
        /**
         * @description admin > manager > user (SPEC §3).
         * @enum {string}
         */
        Role: "admin" | "manager" | "user";
        /** @description RFC 9457 problem details. */
        Problem: {
            /** @description A URI reference naming the problem kind (the API reference's section about it). */
            type: string;
            title: string;
            status: number;
            /** @description What happened, for people. */
            detail: string;
            /** @description The rule's code: SEAT_LIMIT, FORBIDDEN, NOT_FOUND, VALIDATION, HAS_DEPENDENTS, LAST_ADMIN … */
            code: string;
            instance?: string;
            /** @description For VALIDATION (and refusals about one field): the messages per field. */
            fields?: {
                [key: string]: string[];
            };
        };
        MemberChange: {
            role?: components["schemas"]["Role"];
            /** @enum {string} */
            status?: "active" | "suspended";
        };
        InvitationList: {
            data: components["schemas"]["Invitation"][];
        };
        Invitation: {
            /** Format: uuid */
            id: string;
            email: string;
            role: components["schemas"]["Role"];
            firstName: string | null;
            lastName: string | null;
            /** @enum {string} */
            state: "pending" | "expired" | "accepted" | "revoked" | "declined";
            /** Format: date-time */
            sentAt: string;
            /** Format: date-time */
            expiresAt: string;
            invitedBy: {
                name: string | null;
                email: string;
            };
        };
        InvitationResults: {
            results: {
                email: string;
                /** @enum {string} */
                outcome: "invited" | "resent" | "updated" | "unchanged" | "already_member" | "malformed" | "no_seat" | "no_plan_seat" | "rate_limited" | "refused";
                message: string;
                /** Format: uuid */
                invitationId?: string;
            }[];
        };
        InvitationRequest: {
            emails: string[];
            role: components["schemas"]["Role"];
            firstName?: string;
            lastName?: string;
            /** @description Plans to join (I1, P3). */
            planIds?: string[];
        };
        PlanList: {
            data: components["schemas"]["Plan"][];
        };
        Plan: {
            /** Format: uuid */
            id: string;
            productId: string;
            productName: string;
            /** @enum {string} */
            userMode: "several" | "unlimited" | "single";
            seats: number | null;
            subscriber: {
                /** Format: uuid */
                userId: string;
                name: string | null;
                email: string;
            };
            usage: {
                used: number;
                limit: number | null;
                users: number;
                pendingInvitations: number;
            };
            liveTransfer: {
                /** Format: uuid */
                id: string;
                toName: string;
                /** Format: date-time */
                expiresAt: string;
            } | null;
        };
        PlanUserPage: {
            data: components["schemas"]["PlanUser"][];
            page: number;
            pageCount: number;
            total: number;
        };
        PlanUser: {
            /**
             * Format: uuid
             * @description Null for an invitee's place.
             */
            userId: string | null;
            /** Format: uuid */
            invitationId: string | null;
            email: string;
            name: string;
            role: components["schemas"]["Role"] & (string | null);
            /** @enum {string|null} */
            status: "active" | "suspended" | null;
            isSubscriber: boolean;
            permissions: string[];
            /** Format: date-time */
            addedAt: string;
        };
        PlanUserAdded: {
            /** Format: uuid */
            userId: string;
            /** Format: uuid */
            planUserId: string;
        };
        AddPlanUserRequest: {
            /** Format: uuid */
            userId: string;
        };
        /** @description With preview=true what would happen; otherwise what happened. */
        RemovalResult: {
            preview: boolean;
            effects: components["schemas"]["RemovalPreview"];
        };
        /** @description P6: workflows deleted; open tasks moved to the subscriber's Inbox and Outbox. */
        RemovalPreview: {
            workflows: number;
            toInbox: number;
            toOutbox: number;
        };
        PlanUserPermissionsResult: {
            permissions: string[];
        };
        PlanUserPermissions: {
            permissions: string[];
        };
        TransferCreated: {
            /** Format: uuid */
            transferId: string;
        };
        TransferRequest: {
            /** Format: uuid */
            toUserId: string;
        };
        SurveyPage: {
            data: components["schemas"]["Survey"][];
            page: number;
            pageCount: number;
            total: number;
        };
        Survey: {
            /** Format: uuid */
            id: string;
            title: string;
            /** Format: uuid */
            ownerId: string;
            ownerName: string | null;
            /** Format: uuid */
            checkedOutById: string | null;
            responses: number;
            /** Format: date-time */
            updatedAt: string;
        };
        SurveyTransferRequest: {
            /** Format: uuid */
            toUserId: string;
        };
        ActivityPage: {
            data: components["schemas"]["ActivityEntry"][];
            nextCursor: string | null;
        };
        ActivityEntry: {
            id: number;
            action: string;
            /** @description As the Activity page says it, e.g. “Ada Admin invited x@y.z as User via API token 'HR sync'”. */
            sentence: string;
            /** Format: uuid */
            actorId: string | null;
            actorEmail: string | null;
            /** Format: uuid */
            targetUserId: string | null;
            targetEmail: string | null;
            subjectType: string | null;
            subjectId: string | null;
            before?: unknown;
            after?: unknown;
            via: {
                door: string;
                tokenId?: string;
                name?: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
        };
        WebhookEndpointList: {
            data: components["schemas"]["WebhookEndpoint"][];
        };
        /** @description A registered endpoint; its signing secret is shown only when it is created. */
        WebhookEndpoint: {
            /** Format: uuid */
            id: string;
            url: string;
            events: ("member.created" | "member.updated" | "member.suspended" | "member.reactivated" | "member.deleted" | "invitation.created" | "invitation.accepted" | "invitation.declined" | "invitation.revoked" | "invitation.expired" | "seats.limit_reached" | "plan.user_added" | "plan.user_removed" | "plan.transfer.requested" | "plan.transfer.accepted" | "plan.transfer.declined" | "plan.transfer.cancelled" | "plan.transfer.expired" | "survey.transferred" | "domain.verified" | "sso.updated")[];
            enabled: boolean;
            /** Format: date-time */
            disabledAt: string | null;
            disabledReason: string | null;
            /** Format: date-time */
            lastSuccessAt: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
        };
        CreatedWebhookEndpoint: {
            endpoint: components["schemas"]["WebhookEndpoint"];
            /** @description whsec_…, shown only now. */
            secret: string;
        };
        DomainList: {
            data: components["schemas"]["Domain"][];
        };
        Domain: {
            /** Format: uuid */
            id: string;
            domain: string;
            /** @enum {string} */
            status: "pending" | "verified";
            verificationEmail: string;
            /** Format: date-time */
            linkExpiresAt: string | null;
            /** Format: date-time */
            verifiedAt: string | null;
            /**
             * @description D2: off, join as User within seats, or ask to join.
             * @enum {string}
             */
            joinPolicy: "off" | "join" | "ask";
            ssoEnabled: boolean;
            requireSso: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        AddedDomain: {
            /** Format: uuid */
            id: string;
            domain: string;
            /** @enum {string} */
            status: "pending";
            verificationEmail: string;
            resent: boolean;
        };
        SsoConnection: {
            issuer: string;
            clientId: string;
            domains: string[];
            requireSso: string[];
        };
        CreatedScimToken: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description sw_…, shown only now. */
            token: string;
            /** @description What lists show of it. */
            prefix: string;
            /** Format: date-time */
            expiresAt: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listMembers: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                /** @description Page size, at most 200. */
                limit?: number;
                /** @description admin > manager > user (SPEC §3). */
                role?: components["schemas"]["Role"];
                status?: "active" | "suspended";
                /** @description Part of a name or email. */
                q?: string;
            };
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberPage"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
                /** @description The member's user's id. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
                /** @description The member's user's id. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: SEAT_LIMIT, PLAN_SEAT_LIMIT, LAST_ADMIN, HAS_DEPENDENTS, CONFLICT, ALREADY_USED … */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
                /** @description The member's user's id. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberChange"];
            };
        };
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: SEAT_LIMIT, PLAN_SEAT_LIMIT, LAST_ADMIN, HAS_DEPENDENTS, CONFLICT, ALREADY_USED … */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationList"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createInvitations: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key (per token, 24 hours) return the first answer and do nothing twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationRequest"];
            };
        };
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationResults"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resendInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key (per token, 24 hours) return the first answer and do nothing twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
                /** @description The invitation's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: SEAT_LIMIT, PLAN_SEAT_LIMIT, LAST_ADMIN, HAS_DEPENDENTS, CONFLICT, ALREADY_USED … */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
                /** @description The invitation's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: SEAT_LIMIT, PLAN_SEAT_LIMIT, LAST_ADMIN, HAS_DEPENDENTS, CONFLICT, ALREADY_USED … */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPlans: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanList"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPlanUsers: {
        parameters: {
            query?: {
                page?: number;
                q?: string;
            };
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
                /** @description The plan's id. */
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanUserPage"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addPlanUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key (per token, 24 hours) return the first answer and do nothing twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
                /** @description The plan's id. */
                planId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddPlanUserRequest"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanUserAdded"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: SEAT_LIMIT, PLAN_SEAT_LIMIT, LAST_ADMIN, HAS_DEPENDENTS, CONFLICT, ALREADY_USED … */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removePlanUser: {
        parameters: {
            query?: {
                preview?: "true" | "false";
            };
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
                /** @description The plan's id. */
                planId: string;
                /** @description The plan user's user's id. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemovalResult"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: SEAT_LIMIT, PLAN_SEAT_LIMIT, LAST_ADMIN, HAS_DEPENDENTS, CONFLICT, ALREADY_USED … */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePlanUserPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
                /** @description The plan's id. */
                planId: string;
                /** @description The plan user's user's id. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanUserPermissions"];
            };
        };
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanUserPermissionsResult"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: SEAT_LIMIT, PLAN_SEAT_LIMIT, LAST_ADMIN, HAS_DEPENDENTS, CONFLICT, ALREADY_USED … */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestTransfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key (per token, 24 hours) return the first answer and do nothing twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
                /** @description The plan's id. */
                planId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferRequest"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferCreated"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: SEAT_LIMIT, PLAN_SEAT_LIMIT, LAST_ADMIN, HAS_DEPENDENTS, CONFLICT, ALREADY_USED … */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
                /** @description The transfer's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: SEAT_LIMIT, PLAN_SEAT_LIMIT, LAST_ADMIN, HAS_DEPENDENTS, CONFLICT, ALREADY_USED … */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Expired or revoked. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSurveys: {
        parameters: {
            query?: {
                page?: number;
                owner?: "me" | string;
                q?: string;
            };
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyPage"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    transferSurvey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key (per token, 24 hours) return the first answer and do nothing twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
                /** @description The survey's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyTransferRequest"];
            };
        };
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: SEAT_LIMIT, PLAN_SEAT_LIMIT, LAST_ADMIN, HAS_DEPENDENTS, CONFLICT, ALREADY_USED … */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listActivity: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                /** @description Page size, at most 200. */
                limit?: number;
                actorId?: string;
                action?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityPage"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key (per token, 24 hours) return the first answer and do nothing twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    events: ("member.created" | "member.updated" | "member.suspended" | "member.reactivated" | "member.deleted" | "invitation.created" | "invitation.accepted" | "invitation.declined" | "invitation.revoked" | "invitation.expired" | "seats.limit_reached" | "plan.user_added" | "plan.user_removed" | "plan.transfer.requested" | "plan.transfer.accepted" | "plan.transfer.declined" | "plan.transfer.cancelled" | "plan.transfer.expired" | "survey.transferred" | "domain.verified" | "sso.updated")[];
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookEndpoint"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
                /** @description The webhook endpoint's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDomains: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DomainList"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addDomain: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key (per token, 24 hours) return the first answer and do nothing twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    domain: string;
                    email: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddedDomain"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: SEAT_LIMIT, PLAN_SEAT_LIMIT, LAST_ADMIN, HAS_DEPENDENTS, CONFLICT, ALREADY_USED … */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
                /** @description The domain's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSso: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    issuer: string;
                    clientId: string;
                    clientSecret?: string;
                    domainIds?: string[] | null;
                    requireSsoDomainIds?: string[] | null;
                    breakGlassUserIds?: string[] | null;
                };
            };
        };
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoConnection"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createScimToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key (per token, 24 hours) return the first answer and do nothing twice. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The organization's slug, as in its app URL /o/{org}. */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @default 90 */
                    expiresIn?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedScimToken"];
                };
            };
            /** @description The request is not valid (VALIDATION, with `fields`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or a token that is unknown, revoked, expired, or whose creator no longer holds its role. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN). Nothing was changed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found — also another organization's ids. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests for this token; see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
