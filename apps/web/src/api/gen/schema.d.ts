/**
 * Generated from the gateway's merged OpenAPI (apps/web/scripts/openapi.ts). Do not edit.
 * Regenerate: npm run -w apps/web gen:api
 */

export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public keys that verify access tokens (JWKS)
         * @description The signing key and recently retired ones. Verifiers cache it and refetch on an unknown `kid`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: {
                                alg: string;
                                crv: string;
                                kid: string;
                                kty: string;
                                use: string;
                                x: string;
                            }[];
                        };
                    };
                };
                default: components["responses"]["identity.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/dwell-by-page": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Average time on page, for the most viewed pages */
        get: {
            parameters: {
                query: {
                    /** @description Inclusive; default 24 h before `to` */
                    from?: string;
                    limit: number;
                    /** @description Exclusive; default now */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            pages: {
                                avgDwellMs: number;
                                page: string;
                                views: number;
                            }[];
                            to: string;
                        };
                    };
                };
                default: components["responses"]["analytics.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/events-over-time": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Event counts per time bucket and type (every bucket of the range, empty ones too) */
        get: {
            parameters: {
                query: {
                    /** @description Inclusive; default 24 h before `to` */
                    from?: string;
                    interval: "minute" | "hour" | "day";
                    /** @description Exclusive; default now */
                    to?: string;
                    type?: "click" | "page_view" | "quality_change" | "video_complete" | "search_filter" | "custom";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            buckets: {
                                at: string;
                                byType: {
                                    [key: string]: number;
                                };
                                total: number;
                            }[];
                            from: string;
                            interval: string;
                            to: string;
                            types: string[];
                        };
                    };
                };
                default: components["responses"]["analytics.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/quality-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Video quality changes as a from → to matrix (non-zero cells) */
        get: {
            parameters: {
                query?: {
                    /** @description Inclusive; default 24 h before `to` */
                    from?: string;
                    /** @description Exclusive; default now */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changes: {
                                count: number;
                                from: string;
                                to: string;
                            }[];
                            from: string;
                            qualities: string[];
                            to: string;
                        };
                    };
                };
                default: components["responses"]["analytics.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/search-filters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Most used search filters (name = value pairs) */
        get: {
            parameters: {
                query: {
                    /** @description Inclusive; default 24 h before `to` */
                    from?: string;
                    limit: number;
                    /** @description Only this filter */
                    name?: string;
                    /** @description Exclusive; default now */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            filters: {
                                name: string;
                                uses: number;
                                value: string;
                            }[];
                            from: string;
                            to: string;
                        };
                    };
                };
                default: components["responses"]["analytics.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/top-films": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Films with the most views (film page views) or completions */
        get: {
            parameters: {
                query: {
                    by: "views" | "completions";
                    /** @description Inclusive; default 24 h before `to` */
                    from?: string;
                    limit: number;
                    /** @description Exclusive; default now */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            by: string;
                            films: {
                                completions: number;
                                filmId: string;
                                viewers: number;
                                views: number;
                            }[];
                            from: string;
                            to: string;
                        };
                    };
                };
                default: components["responses"]["analytics.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assistant/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's chat sessions, most recently used first */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            hasMore: boolean;
                            items: {
                                /** @description Whether an answer is being written right now */
                                answering: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                messageCount: number;
                                /** @description Given at creation, else the start of the first question */
                                title: string | null;
                                /** @description Approximate tokens (characters / 4) of all messages */
                                tokenCount: number;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["assistant.Problem"];
            };
        };
        put?: never;
        /** Start a chat session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Whether an answer is being written right now */
                            answering: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            messageCount: number;
                            /** @description Given at creation, else the start of the first question */
                            title: string | null;
                            /** @description Approximate tokens (characters / 4) of all messages */
                            tokenCount: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["assistant.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assistant/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your chat sessions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Whether an answer is being written right now */
                            answering: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            messageCount: number;
                            /** @description Given at creation, else the start of the first question */
                            title: string | null;
                            /** @description Approximate tokens (characters / 4) of all messages */
                            tokenCount: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["assistant.Problem"];
            };
        };
        put?: never;
        post?: never;
        /** Delete one of your chat sessions with its messages */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["assistant.Problem"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assistant/sessions/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A session's messages, oldest first: the latest page, or the one before `before` */
        get: {
            parameters: {
                query: {
                    before?: string;
                    limit: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Whether older messages exist */
                            hasMore: boolean;
                            items: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                /** @description What answered: builtin or openai:<model>; null for questions */
                                provider: string | null;
                                role: "user" | "assistant";
                                /** @description interrupted: the answer broke off; this is the part the user saw */
                                status: "complete" | "interrupted";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["assistant.Problem"];
            };
        };
        put?: never;
        /**
         * Ask a question; the answer streams back as server-sent events
         * @description Answers `text/event-stream` (send `Accept: text/event-stream`): `event: token` `{"text"}` pieces of the answer; then `event: done` `{"messageId","questionId"}`, or `event: error` `{"code","message","messageId"}` where messageId is the stored partial answer (status interrupted) or null. Errors before the stream starts (404, 409 answer_in_progress / session_full, 429) are problem+json.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description The answer as a text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["assistant.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start signing with a new key (admins only)
         * @description The old key stays in the JWKS until the tokens it signed have expired. Keys also rotate by themselves at SIGNING_KEY_MAX_AGE.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Id of the new signing key. */
                            kid: string;
                        };
                    };
                };
                default: components["responses"]["identity.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Wrong email and wrong password give the same 401. Repeated failures slow down (429 with Retry-After).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description JWT (EdDSA); send as `Authorization: Bearer …`. */
                            accessToken: string;
                            /** @description Seconds until the access token expires. */
                            expiresIn: number;
                            /** @description Opaque; single use: each refresh returns a new one. */
                            refreshToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                        };
                    };
                };
                default: components["responses"]["identity.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revoke the refresh token and every token rotated from it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken: string;
                    };
                };
            };
            responses: {
                /** @description Done; no body. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["identity.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trade a refresh token for new tokens
         * @description The presented refresh token is used up. Presenting one that was already used revokes its whole sign-in (401).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description JWT (EdDSA); send as `Authorization: Bearer …`. */
                            accessToken: string;
                            /** @description Seconds until the access token expires. */
                            expiresIn: number;
                            /** @description Opaque; single use: each refresh returns a new one. */
                            refreshToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                        };
                    };
                };
                default: components["responses"]["identity.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Defaults to the part of the email before @. */
                        displayName?: string;
                        /**
                         * Format: email
                         * @example ada@example.com
                         */
                        email: string;
                        /** @description 8–128 characters, not one of the most common passwords. */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string;
                            /** Format: email */
                            email: string;
                            /** Format: uuid */
                            id: string;
                            /** @description Guests (no token) may only read; users write their own things; admins more. */
                            role: "user" | "admin";
                        };
                    };
                };
                default: components["responses"]["identity.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookmarks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's bookmarks, newest first */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Whether a next page exists */
                            hasMore: boolean;
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                filmId: string;
                                /** @description The film's title when it was bookmarked */
                                title: string;
                                year: number | null;
                            }[];
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["engagement.Problem"];
            };
        };
        put?: never;
        /** Bookmark a film (idempotent: 201 when added, 200 when it already was) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        filmId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            filmId: string;
                            /** @description The film's title when it was bookmarked */
                            title: string;
                            year: number | null;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            filmId: string;
                            /** @description The film's title when it was bookmarked */
                            title: string;
                            year: number | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["engagement.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookmarks/{filmId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's bookmark of a film (404 when not bookmarked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    filmId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            filmId: string;
                            /** @description The film's title when it was bookmarked */
                            title: string;
                            year: number | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["engagement.Problem"];
            };
        };
        put?: never;
        post?: never;
        /** Remove a bookmark */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    filmId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["engagement.Problem"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My cart, with names and prices from the product service and the total */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                count: number;
                                name: string;
                                /** Money */
                                price: {
                                    /** @description Minor units: 1299 is 12.99. */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                /** @description SKU */
                                sku: number;
                            }[];
                            /** Money */
                            total: {
                                /** @description Minor units: 1299 is 12.99. */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                        };
                    };
                };
                default: components["responses"]["cart.Problem"];
            };
        };
        put?: never;
        post?: never;
        /** Empty my cart */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["cart.Problem"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Order what is in my cart; the cart is emptied once the order exists (409 when empty or stock is short) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            orderId: string;
                        };
                    };
                };
                default: components["responses"]["cart.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add count of a product (404 for an unknown SKU) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        count: number;
                        /** @description SKU */
                        sku: number;
                    };
                };
            };
            responses: {
                /** @description Done */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["cart.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/items/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a product from my cart, whatever its count */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description SKU */
                    sku: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["cart.Problem"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record clickstream events: one event, or {events: [...]}
         * @description Guests and signed-in users; the user id comes from the token, never the body. At most 500 events per request and 8192 bytes per event. All or nothing: if any event is invalid, the 400 lists every bad event index and field and none is accepted. 202 means every event is durably on the event bus. Resending events with the same ids is safe.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": ({
                        /** @description Stable id of the browser/device, also for guests */
                        anonymousId: string;
                        /** @description Kind of element: film-card, trailer, category, nav-button, ... */
                        element: string;
                        /** @description Catalog film id */
                        filmId?: string;
                        /**
                         * Format: uuid
                         * @description Client-generated UUID; resending it is safe
                         */
                        id: string;
                        /**
                         * Format: date-time
                         * @description When it happened on the client (ISO 8601, milliseconds kept)
                         */
                        occurredAt: string;
                        /** @description Page path the click happened on */
                        page: string;
                        /** @description Client session id */
                        sessionId: string;
                        /** @description What the element points at: an id or a path */
                        target?: string;
                        /** @enum {string} */
                        type: "click";
                    } | {
                        /** @description Stable id of the browser/device, also for guests */
                        anonymousId: string;
                        /** @description Time on the page */
                        dwellMs: number;
                        /** @description Catalog film id */
                        filmId?: string;
                        /**
                         * Format: uuid
                         * @description Client-generated UUID; resending it is safe
                         */
                        id: string;
                        /**
                         * Format: date-time
                         * @description When it happened on the client (ISO 8601, milliseconds kept)
                         */
                        occurredAt: string;
                        /** @description Page path, e.g. /films/42 */
                        page: string;
                        /** @description Client session id */
                        sessionId: string;
                        /** @enum {string} */
                        type: "page_view";
                    } | {
                        /** @description Stable id of the browser/device, also for guests */
                        anonymousId: string;
                        /** @description Catalog film id */
                        filmId: string;
                        /** @description Resolution before, e.g. 720p */
                        from: string;
                        /**
                         * Format: uuid
                         * @description Client-generated UUID; resending it is safe
                         */
                        id: string;
                        /**
                         * Format: date-time
                         * @description When it happened on the client (ISO 8601, milliseconds kept)
                         */
                        occurredAt: string;
                        positionSec?: number;
                        /** @description Client session id */
                        sessionId: string;
                        /** @description Resolution after, e.g. 1080p */
                        to: string;
                        /** @enum {string} */
                        type: "quality_change";
                    } | {
                        /** @description Stable id of the browser/device, also for guests */
                        anonymousId: string;
                        durationSec: number;
                        /** @description Catalog film id */
                        filmId: string;
                        /**
                         * Format: uuid
                         * @description Client-generated UUID; resending it is safe
                         */
                        id: string;
                        /**
                         * Format: date-time
                         * @description When it happened on the client (ISO 8601, milliseconds kept)
                         */
                        occurredAt: string;
                        positionSec: number;
                        /** @description Client session id */
                        sessionId: string;
                        /** @enum {string} */
                        type: "video_complete";
                    } | {
                        /** @description Stable id of the browser/device, also for guests */
                        anonymousId: string;
                        /** @description Applied filters, e.g. {"genre": ["drama"], "ratingMin": 7} */
                        filters: {
                            [key: string]: string | number | boolean | string[];
                        };
                        /**
                         * Format: uuid
                         * @description Client-generated UUID; resending it is safe
                         */
                        id: string;
                        /**
                         * Format: date-time
                         * @description When it happened on the client (ISO 8601, milliseconds kept)
                         */
                        occurredAt: string;
                        page?: string;
                        query?: string;
                        /** @description Client session id */
                        sessionId: string;
                        /** @enum {string} */
                        type: "search_filter";
                    } | {
                        /** @description Stable id of the browser/device, also for guests */
                        anonymousId: string;
                        /**
                         * Format: uuid
                         * @description Client-generated UUID; resending it is safe
                         */
                        id: string;
                        /** @description Event name, e.g. promo.banner_shown */
                        name: string;
                        /**
                         * Format: date-time
                         * @description When it happened on the client (ISO 8601, milliseconds kept)
                         */
                        occurredAt: string;
                        page?: string;
                        properties?: {
                            [key: string]: string | number | boolean | (never | null);
                        };
                        /** @description Client session id */
                        sessionId: string;
                        /** @enum {string} */
                        type: "custom";
                    }) | {
                        events: ({
                            /** @description Stable id of the browser/device, also for guests */
                            anonymousId: string;
                            /** @description Kind of element: film-card, trailer, category, nav-button, ... */
                            element: string;
                            /** @description Catalog film id */
                            filmId?: string;
                            /**
                             * Format: uuid
                             * @description Client-generated UUID; resending it is safe
                             */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When it happened on the client (ISO 8601, milliseconds kept)
                             */
                            occurredAt: string;
                            /** @description Page path the click happened on */
                            page: string;
                            /** @description Client session id */
                            sessionId: string;
                            /** @description What the element points at: an id or a path */
                            target?: string;
                            /** @enum {string} */
                            type: "click";
                        } | {
                            /** @description Stable id of the browser/device, also for guests */
                            anonymousId: string;
                            /** @description Time on the page */
                            dwellMs: number;
                            /** @description Catalog film id */
                            filmId?: string;
                            /**
                             * Format: uuid
                             * @description Client-generated UUID; resending it is safe
                             */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When it happened on the client (ISO 8601, milliseconds kept)
                             */
                            occurredAt: string;
                            /** @description Page path, e.g. /films/42 */
                            page: string;
                            /** @description Client session id */
                            sessionId: string;
                            /** @enum {string} */
                            type: "page_view";
                        } | {
                            /** @description Stable id of the browser/device, also for guests */
                            anonymousId: string;
                            /** @description Catalog film id */
                            filmId: string;
                            /** @description Resolution before, e.g. 720p */
                            from: string;
                            /**
                             * Format: uuid
                             * @description Client-generated UUID; resending it is safe
                             */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When it happened on the client (ISO 8601, milliseconds kept)
                             */
                            occurredAt: string;
                            positionSec?: number;
                            /** @description Client session id */
                            sessionId: string;
                            /** @description Resolution after, e.g. 1080p */
                            to: string;
                            /** @enum {string} */
                            type: "quality_change";
                        } | {
                            /** @description Stable id of the browser/device, also for guests */
                            anonymousId: string;
                            durationSec: number;
                            /** @description Catalog film id */
                            filmId: string;
                            /**
                             * Format: uuid
                             * @description Client-generated UUID; resending it is safe
                             */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When it happened on the client (ISO 8601, milliseconds kept)
                             */
                            occurredAt: string;
                            positionSec: number;
                            /** @description Client session id */
                            sessionId: string;
                            /** @enum {string} */
                            type: "video_complete";
                        } | {
                            /** @description Stable id of the browser/device, also for guests */
                            anonymousId: string;
                            /** @description Applied filters, e.g. {"genre": ["drama"], "ratingMin": 7} */
                            filters: {
                                [key: string]: string | number | boolean | string[];
                            };
                            /**
                             * Format: uuid
                             * @description Client-generated UUID; resending it is safe
                             */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When it happened on the client (ISO 8601, milliseconds kept)
                             */
                            occurredAt: string;
                            page?: string;
                            query?: string;
                            /** @description Client session id */
                            sessionId: string;
                            /** @enum {string} */
                            type: "search_filter";
                        } | {
                            /** @description Stable id of the browser/device, also for guests */
                            anonymousId: string;
                            /**
                             * Format: uuid
                             * @description Client-generated UUID; resending it is safe
                             */
                            id: string;
                            /** @description Event name, e.g. promo.banner_shown */
                            name: string;
                            /**
                             * Format: date-time
                             * @description When it happened on the client (ISO 8601, milliseconds kept)
                             */
                            occurredAt: string;
                            page?: string;
                            properties?: {
                                [key: string]: string | number | boolean | (never | null);
                            };
                            /** @description Client session id */
                            sessionId: string;
                            /** @enum {string} */
                            type: "custom";
                        })[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: number;
                        };
                    };
                };
                default: components["responses"]["analytics.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/films": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search and browse films
         * @description Full-text search (title, original title, people, characters, overview) with typo tolerance, ranked: exact title first, then text rank plus title similarity. When a plain query finds nothing locally and TMDB is configured, TMDB results are returned marked source: 'tmdb'. When the words as typed match nothing but a spelling correction from the catalog's own titles and names does, the results are for the corrected words and `correctedQuery` says which.
         */
        get: {
            parameters: {
                query: {
                    /** @description Genre name or slug */
                    genre?: string;
                    minRating?: number;
                    page: number;
                    pageSize: number;
                    /** @description Person id, or exact name (any case) */
                    person?: string;
                    /** @description Words of the title, original title, people, characters or overview; typos ok */
                    query?: string;
                    /** @description relevance (default with a query), title (default without), year, -year (newest first), rating (highest first) */
                    sort?: "relevance" | "year" | "-year" | "title" | "rating";
                    yearFrom?: number;
                    yearTo?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Present when the words as typed matched nothing: the spelling-corrected query the results are for ("godfater" → "godfather") */
                            correctedQuery?: string;
                            items: ({
                                directors: string[];
                                genres: string[];
                                /** Format: uuid */
                                id: string;
                                originalTitle: string | null;
                                posterUrl: string | null;
                                rating: {
                                    /** @description Average user rating, 1-10; null until rated */
                                    average: number | null;
                                    count: number;
                                };
                                runtime: number | null;
                                /** @enum {string} */
                                source: "local";
                                title: string;
                                year: number | null;
                            } | {
                                originalTitle: string | null;
                                overview: string;
                                posterUrl: string | null;
                                /** @enum {string} */
                                source: "tmdb";
                                title: string;
                                tmdbId: number;
                                year: number | null;
                            })[];
                            page: number;
                            pageSize: number;
                            /** @description Matches over all pages */
                            total: number;
                        };
                    };
                };
                default: components["responses"]["catalog.Problem"];
            };
        };
        put?: never;
        /** Add a film (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ageRating?: string | null;
                        cast?: {
                            character?: string | null;
                            name: string;
                        }[];
                        countries?: string[];
                        directors?: string[];
                        genres?: string[];
                        imdbId?: string | null;
                        originalTitle?: string | null;
                        overview?: string;
                        /** Format: uri */
                        posterUrl?: string | null;
                        /** @description Minutes */
                        runtime?: number | null;
                        title: string;
                        tmdbId?: number | null;
                        writers?: string[];
                        year?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ageRating: string | null;
                            cast: {
                                character: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            countries: string[];
                            /** Format: date-time */
                            createdAt: string;
                            directors: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            genres: {
                                id: number;
                                name: string;
                                slug: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            imdbId: string | null;
                            originalTitle: string | null;
                            overview: string;
                            posterUrl: string | null;
                            rating: {
                                /** @description Average user rating, 1-10; null until rated */
                                average: number | null;
                                count: number;
                            };
                            /** @description Minutes */
                            runtime: number | null;
                            title: string;
                            tmdbId: number | null;
                            /** Format: date-time */
                            updatedAt: string;
                            writers: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            year: number | null;
                        };
                    };
                };
                default: components["responses"]["catalog.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/films/{filmId}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A film's reviews, newest first or by votes (up minus down) */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    sort: "new" | "top";
                };
                header?: never;
                path: {
                    filmId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Whether a next page exists */
                            hasMore: boolean;
                            items: {
                                /** @description The author's display name when the review was written */
                                author: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                downVotes: number;
                                /** Format: uuid */
                                filmId: string;
                                /** Format: uuid */
                                id: string;
                                /** @description The caller's vote (0: none); null for guests */
                                myVote: (1 | -1 | 0) | (never | null);
                                text: string;
                                /** Format: date-time */
                                updatedAt: string;
                                upVotes: number;
                                /** Format: uuid */
                                userId: string;
                            }[];
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["engagement.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/films/{filmId}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A film's likes, dislikes, count, average and distribution of ratings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    filmId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Mean rating, 2 decimals; null when nobody rated the film */
                            average: number | null;
                            count: number;
                            /** @description Ratings of 5 or less */
                            dislikes: number;
                            /** @description Number of ratings per value "1".."10" */
                            distribution: {
                                [key: string]: number;
                            };
                            /** Format: uuid */
                            filmId: string;
                            /** @description Ratings of 6 or more */
                            likes: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["engagement.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/films/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A film with its genres and people */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ageRating: string | null;
                            cast: {
                                character: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            countries: string[];
                            /** Format: date-time */
                            createdAt: string;
                            directors: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            genres: {
                                id: number;
                                name: string;
                                slug: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            imdbId: string | null;
                            originalTitle: string | null;
                            overview: string;
                            posterUrl: string | null;
                            rating: {
                                /** @description Average user rating, 1-10; null until rated */
                                average: number | null;
                                count: number;
                            };
                            /** @description Minutes */
                            runtime: number | null;
                            title: string;
                            tmdbId: number | null;
                            /** Format: date-time */
                            updatedAt: string;
                            writers: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            year: number | null;
                        };
                    };
                };
                default: components["responses"]["catalog.Problem"];
            };
        };
        put?: never;
        post?: never;
        /** Remove a film (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["catalog.Problem"];
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit a film (admin)
         * @description Absent fields stay; null clears a value; a list replaces the whole list.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ageRating?: string | null;
                        cast?: {
                            character?: string | null;
                            name: string;
                        }[];
                        countries?: string[];
                        directors?: string[];
                        genres?: string[];
                        imdbId?: string | null;
                        originalTitle?: string | null;
                        overview?: string;
                        /** Format: uri */
                        posterUrl?: string | null;
                        /** @description Minutes */
                        runtime?: number | null;
                        title?: string;
                        tmdbId?: number | null;
                        writers?: string[];
                        year?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ageRating: string | null;
                            cast: {
                                character: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            countries: string[];
                            /** Format: date-time */
                            createdAt: string;
                            directors: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            genres: {
                                id: number;
                                name: string;
                                slug: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            imdbId: string | null;
                            originalTitle: string | null;
                            overview: string;
                            posterUrl: string | null;
                            rating: {
                                /** @description Average user rating, 1-10; null until rated */
                                average: number | null;
                                count: number;
                            };
                            /** @description Minutes */
                            runtime: number | null;
                            title: string;
                            tmdbId: number | null;
                            /** Format: date-time */
                            updatedAt: string;
                            writers: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            year: number | null;
                        };
                    };
                };
                default: components["responses"]["catalog.Problem"];
            };
        };
        trace?: never;
    };
    "/api/v1/films/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a film from TMDB by its TMDB id (admin)
         * @description 201 when imported, 200 with the existing film when it was imported before.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tmdbId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ageRating: string | null;
                            cast: {
                                character: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            countries: string[];
                            /** Format: date-time */
                            createdAt: string;
                            directors: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            genres: {
                                id: number;
                                name: string;
                                slug: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            imdbId: string | null;
                            originalTitle: string | null;
                            overview: string;
                            posterUrl: string | null;
                            rating: {
                                /** @description Average user rating, 1-10; null until rated */
                                average: number | null;
                                count: number;
                            };
                            /** @description Minutes */
                            runtime: number | null;
                            title: string;
                            tmdbId: number | null;
                            /** Format: date-time */
                            updatedAt: string;
                            writers: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            year: number | null;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ageRating: string | null;
                            cast: {
                                character: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            countries: string[];
                            /** Format: date-time */
                            createdAt: string;
                            directors: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            genres: {
                                id: number;
                                name: string;
                                slug: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            imdbId: string | null;
                            originalTitle: string | null;
                            overview: string;
                            posterUrl: string | null;
                            rating: {
                                /** @description Average user rating, 1-10; null until rated */
                                average: number | null;
                                count: number;
                            };
                            /** @description Minutes */
                            runtime: number | null;
                            title: string;
                            tmdbId: number | null;
                            /** Format: date-time */
                            updatedAt: string;
                            writers: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            year: number | null;
                        };
                    };
                };
                default: components["responses"]["catalog.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/genres": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every genre, with how many films it has */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                filmCount: number;
                                id: number;
                                name: string;
                                slug: string;
                            }[];
                        };
                    };
                };
                default: components["responses"]["catalog.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's notifications, newest first, with the unread count */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description Only notifications not read yet */
                    unreadOnly: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Whether a next page exists */
                            hasMore: boolean;
                            items: {
                                body: string;
                                category: "welcome" | "orders" | "support";
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Facts of the event: order id, items, totals... */
                                data: {
                                    [key: string]: unknown;
                                };
                                /** Format: uuid */
                                id: string;
                                /** @description Path in the web UI, e.g. /orders/{id} */
                                link: string | null;
                                /** Format: date-time */
                                readAt: string | null;
                                /** @description Position in the user's feed; the live stream's event id (Last-Event-ID) */
                                seq: number;
                                title: string;
                                /** @description Finer kind, e.g. order.paid, ticket.updated, welcome */
                                type: string;
                            }[];
                            page: number;
                            pageSize: number;
                            /** @description All of the user's unread notifications */
                            unreadCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["notifications.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of your notifications read (idempotent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            category: "welcome" | "orders" | "support";
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Facts of the event: order id, items, totals... */
                            data: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            id: string;
                            /** @description Path in the web UI, e.g. /orders/{id} */
                            link: string | null;
                            /** Format: date-time */
                            readAt: string | null;
                            /** @description Position in the user's feed; the live stream's event id (Last-Event-ID) */
                            seq: number;
                            title: string;
                            /** @description Finer kind, e.g. order.paid, ticket.updated, welcome */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["notifications.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your e-mail preferences (every kind on until changed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Which e-mails the user gets; in-app notifications are always on */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: {
                                /** @description Order status changes: payment due, receipt, cancelled, failed */
                                orders: boolean;
                                /** @description Updates of your support tickets */
                                support: boolean;
                                welcome: boolean;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["notifications.Problem"];
            };
        };
        /** Turn e-mail on or off per kind; in-app notifications stay on */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Which e-mails the user gets; in-app notifications are always on */
            requestBody: {
                content: {
                    "application/json": {
                        email: {
                            /** @description Order status changes: payment due, receipt, cancelled, failed */
                            orders: boolean;
                            /** @description Updates of your support tickets */
                            support: boolean;
                            welcome: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Which e-mails the user gets; in-app notifications are always on */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: {
                                /** @description Order status changes: payment due, receipt, cancelled, failed */
                                orders: boolean;
                                /** @description Updates of your support tickets */
                                support: boolean;
                                welcome: boolean;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["notifications.Problem"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all your notifications read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How many were unread */
                            marked: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["notifications.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live notifications (server-sent events)
         * @description Sends `event: notification` with a Notification as JSON, its seq as the event id, and a comment line as heartbeat. After a reconnect, a `Last-Event-ID` header replays what was missed (at most 100). Authenticated by the Bearer header or, for EventSource, `?access_token=`.
         */
        get: {
            parameters: {
                query?: {
                    access_token?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An endless text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": unknown;
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["notifications.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My orders, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                items: {
                                    count: number;
                                    name: string;
                                    /** Money */
                                    price: {
                                        /** @description Minor units: 1299 is 12.99. */
                                        amount: number;
                                        /** @description ISO 4217 code */
                                        currency: string;
                                    };
                                    /** @description SKU */
                                    sku: number;
                                }[];
                                status: "new" | "awaiting_payment" | "paid" | "cancelled" | "failed";
                                /** Money */
                                total: {
                                    /** @description Minor units: 1299 is 12.99. */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                default: components["responses"]["orders.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my orders */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            items: {
                                count: number;
                                name: string;
                                /** Money */
                                price: {
                                    /** @description Minor units: 1299 is 12.99. */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                /** @description SKU */
                                sku: number;
                            }[];
                            status: "new" | "awaiting_payment" | "paid" | "cancelled" | "failed";
                            /** Money */
                            total: {
                                /** @description Minor units: 1299 is 12.99. */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                default: components["responses"]["orders.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an order awaiting payment, releasing its stock (409 from any other status) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            items: {
                                count: number;
                                name: string;
                                /** Money */
                                price: {
                                    /** @description Minor units: 1299 is 12.99. */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                /** @description SKU */
                                sku: number;
                            }[];
                            status: "new" | "awaiting_payment" | "paid" | "cancelled" | "failed";
                            /** Money */
                            total: {
                                /** @description Minor units: 1299 is 12.99. */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                default: components["responses"]["orders.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay an order awaiting payment (409 from any other status) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            items: {
                                count: number;
                                name: string;
                                /** Money */
                                price: {
                                    /** @description Minor units: 1299 is 12.99. */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                /** @description SKU */
                                sku: number;
                            }[];
                            status: "new" | "awaiting_payment" | "paid" | "cancelled" | "failed";
                            /** Money */
                            total: {
                                /** @description Minor units: 1299 is 12.99. */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                default: components["responses"]["orders.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find people by name (prefix, word prefix, typo tolerant) */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description Name, its start or a typo of it */
                    query?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                filmCount: number;
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            page: number;
                            pageSize: number;
                            /** @description Matches over all pages */
                            total: number;
                        };
                    };
                };
                default: components["responses"]["catalog.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person with their filmography, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            filmography: {
                                character: string | null;
                                /** Format: uuid */
                                filmId: string;
                                role: "actor" | "director" | "writer";
                                title: string;
                                year: number | null;
                            }[];
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                    };
                };
                default: components["responses"]["catalog.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List products in SKU order */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: number;
                    kind?: "rental" | "purchase" | "merchandise";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                filmId: string | null;
                                filmTitle: string | null;
                                kind: "rental" | "purchase" | "merchandise";
                                name: string;
                                /** Money */
                                price: {
                                    /** @description Minor units: 1299 is 12.99. */
                                    amount: number;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                };
                                /** @description SKU */
                                sku: number;
                            }[];
                            nextCursor: number | null;
                        };
                    };
                };
                default: components["responses"]["product.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One product */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description SKU */
                    sku: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            filmId: string | null;
                            filmTitle: string | null;
                            kind: "rental" | "purchase" | "merchandise";
                            name: string;
                            /** Money */
                            price: {
                                /** @description Minor units: 1299 is 12.99. */
                                amount: number;
                                /** @description ISO 4217 code */
                                currency: string;
                            };
                            /** @description SKU */
                            sku: number;
                        };
                    };
                };
                default: components["responses"]["product.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the caller's rating of a film (idempotent; 201 for a first rating) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        filmId: string;
                        value: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            filmId: string;
                            /** FilmStats */
                            stats: {
                                /** @description Mean rating, 2 decimals; null when nobody rated the film */
                                average: number | null;
                                count: number;
                                /** @description Ratings of 5 or less */
                                dislikes: number;
                                /** @description Number of ratings per value "1".."10" */
                                distribution: {
                                    [key: string]: number;
                                };
                                /** Format: uuid */
                                filmId: string;
                                /** @description Ratings of 6 or more */
                                likes: number;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                            value: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            filmId: string;
                            /** FilmStats */
                            stats: {
                                /** @description Mean rating, 2 decimals; null when nobody rated the film */
                                average: number | null;
                                count: number;
                                /** @description Ratings of 5 or less */
                                dislikes: number;
                                /** @description Number of ratings per value "1".."10" */
                                distribution: {
                                    [key: string]: number;
                                };
                                /** Format: uuid */
                                filmId: string;
                                /** @description Ratings of 6 or more */
                                likes: number;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                            value: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["engagement.Problem"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ratings/{filmId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's own rating of a film */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    filmId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            filmId: string;
                            /** Format: date-time */
                            updatedAt: string;
                            value: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["engagement.Problem"];
            };
        };
        put?: never;
        post?: never;
        /** Remove the caller's rating of a film */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    filmId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["engagement.Problem"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Review a film (one review per user and film) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        filmId: string;
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The author's display name when the review was written */
                            author: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            downVotes: number;
                            /** Format: uuid */
                            filmId: string;
                            /** Format: uuid */
                            id: string;
                            text: string;
                            /** Format: date-time */
                            updatedAt: string;
                            upVotes: number;
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["engagement.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete your own review (admins: any review) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["engagement.Problem"];
            };
        };
        options?: never;
        head?: never;
        /** Edit your own review */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The author's display name when the review was written */
                            author: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            downVotes: number;
                            /** Format: uuid */
                            filmId: string;
                            /** Format: uuid */
                            id: string;
                            text: string;
                            /** Format: date-time */
                            updatedAt: string;
                            upVotes: number;
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["engagement.Problem"];
            };
        };
        trace?: never;
    };
    "/api/v1/reviews/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Threads of comments on a review: a page of top-level comments (oldest first), each followed by its replies depth-first */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Whether a next page exists */
                            hasMore: boolean;
                            items: {
                                author: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description 0 for a comment on the review, n for a reply n levels down */
                                depth: number;
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                parentId: string | null;
                                /** Format: uuid */
                                reviewId: string;
                                text: string;
                                /** Format: uuid */
                                userId: string;
                            }[];
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["engagement.Problem"];
            };
        };
        put?: never;
        /** Comment on a review, or reply to one of its comments */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        parentId?: string;
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description 0 for a comment on the review, n for a reply n levels down */
                            depth: number;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            parentId: string | null;
                            /** Format: uuid */
                            reviewId: string;
                            text: string;
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["engagement.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/vote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Vote a review up (1) or down (-1), or clear your vote (0) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        value: 1 | -1 | 0;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            downVotes: number;
                            /** Format: uuid */
                            reviewId: string;
                            upVotes: number;
                            value: 1 | -1 | 0;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["engagement.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocks/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many units of a SKU can still be ordered */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description SKU */
                    sku: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            available: number;
                            /** @description SKU */
                            sku: number;
                        };
                    };
                };
                default: components["responses"]["orders.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tickets, most recent activity first: the caller's own, or every ticket for agents */
        get: {
            parameters: {
                query: {
                    /** @description Agents only: an agent's id, `me`, or `none` for unassigned */
                    assignee?: string | "me" | "none";
                    category?: "billing" | "playback" | "account" | "content" | "other";
                    page: number;
                    pageSize: number;
                    /** @description open → in_progress → resolved | closed; see the README for every move */
                    status?: "open" | "in_progress" | "resolved" | "closed";
                    /** @description Agents only: one user's tickets */
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                assigneeId: string | null;
                                /** @enum {unknown} */
                                category: "billing" | "playback" | "account" | "content" | "other";
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                messageCount: number;
                                /**
                                 * @description open → in_progress → resolved | closed; see the README for every move
                                 * @enum {unknown}
                                 */
                                status: "open" | "in_progress" | "resolved" | "closed";
                                subject: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /** Format: uuid */
                                userId: string;
                            }[];
                            page: number;
                            pageSize: number;
                            /** @description Matches over all pages */
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["support.Problem"];
            };
        };
        put?: never;
        /** Open a support ticket; its body is the first message of the thread */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description At most 10 000 characters */
                        body: string;
                        /** @enum {unknown} */
                        category: "billing" | "playback" | "account" | "content" | "other";
                        /** @description What the ticket is about, at most 200 characters */
                        subject: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            assigneeId: string | null;
                            /** @enum {unknown} */
                            category: "billing" | "playback" | "account" | "content" | "other";
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Every change, oldest first */
                            history: {
                                /** Format: uuid */
                                actorId: string;
                                /** Format: uuid */
                                assigneeId: string | null;
                                /** @enum {unknown} */
                                change: "created" | "status_changed" | "assigned" | "replied";
                                /** Format: date-time */
                                createdAt: string;
                                fromStatus: ("open" | "in_progress" | "resolved" | "closed") | (never | null);
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description open → in_progress → resolved | closed; see the README for every move
                                 * @enum {unknown}
                                 */
                                toStatus: "open" | "in_progress" | "resolved" | "closed";
                            }[];
                            /** Format: uuid */
                            id: string;
                            messageCount: number;
                            /** @description The thread, oldest first */
                            messages: {
                                /** Format: uuid */
                                authorId: string;
                                /** @description user: the ticket's owner; agent: support staff */
                                authorRole: "user" | "agent";
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            /**
                             * @description open → in_progress → resolved | closed; see the README for every move
                             * @enum {unknown}
                             */
                            status: "open" | "in_progress" | "resolved" | "closed";
                            subject: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["support.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ticket with its thread and history (yours, or any for agents) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            assigneeId: string | null;
                            /** @enum {unknown} */
                            category: "billing" | "playback" | "account" | "content" | "other";
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Every change, oldest first */
                            history: {
                                /** Format: uuid */
                                actorId: string;
                                /** Format: uuid */
                                assigneeId: string | null;
                                /** @enum {unknown} */
                                change: "created" | "status_changed" | "assigned" | "replied";
                                /** Format: date-time */
                                createdAt: string;
                                fromStatus: ("open" | "in_progress" | "resolved" | "closed") | (never | null);
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description open → in_progress → resolved | closed; see the README for every move
                                 * @enum {unknown}
                                 */
                                toStatus: "open" | "in_progress" | "resolved" | "closed";
                            }[];
                            /** Format: uuid */
                            id: string;
                            messageCount: number;
                            /** @description The thread, oldest first */
                            messages: {
                                /** Format: uuid */
                                authorId: string;
                                /** @description user: the ticket's owner; agent: support staff */
                                authorRole: "user" | "agent";
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            /**
                             * @description open → in_progress → resolved | closed; see the README for every move
                             * @enum {unknown}
                             */
                            status: "open" | "in_progress" | "resolved" | "closed";
                            subject: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["support.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/assignee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Assign a ticket to an agent, or unassign it with null (agents) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        assigneeId: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            assigneeId: string | null;
                            /** @enum {unknown} */
                            category: "billing" | "playback" | "account" | "content" | "other";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            messageCount: number;
                            /**
                             * @description open → in_progress → resolved | closed; see the README for every move
                             * @enum {unknown}
                             */
                            status: "open" | "in_progress" | "resolved" | "closed";
                            subject: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["support.Problem"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write in a ticket's thread: the owner's message, or an agent's reply
         * @description An agent replying to an open ticket moves it to in_progress; the owner writing on a resolved ticket reopens it (in_progress). Closed tickets take no messages (409).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description At most 10 000 characters */
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** TicketMessage */
                            message: {
                                /** Format: uuid */
                                authorId: string;
                                /** @description user: the ticket's owner; agent: support staff */
                                authorRole: "user" | "agent";
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                            };
                            /** Ticket */
                            ticket: {
                                /** Format: uuid */
                                assigneeId: string | null;
                                /** @enum {unknown} */
                                category: "billing" | "playback" | "account" | "content" | "other";
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                messageCount: number;
                                /**
                                 * @description open → in_progress → resolved | closed; see the README for every move
                                 * @enum {unknown}
                                 */
                                status: "open" | "in_progress" | "resolved" | "closed";
                                subject: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /** Format: uuid */
                                userId: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["support.Problem"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a ticket's status (agents; owners may only close their own)
         * @description Agents: open → in_progress | closed, in_progress → resolved | closed, resolved → in_progress (reopen) | closed. Closed is final. Setting the current status is a no-op.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description open → in_progress → resolved | closed; see the README for every move
                         * @enum {unknown}
                         */
                        status: "open" | "in_progress" | "resolved" | "closed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            assigneeId: string | null;
                            /** @enum {unknown} */
                            category: "billing" | "playback" | "account" | "content" | "other";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            messageCount: number;
                            /**
                             * @description open → in_progress → resolved | closed; see the README for every move
                             * @enum {unknown}
                             */
                            status: "open" | "in_progress" | "resolved" | "closed";
                            subject: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["support.Problem"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agents tickets can be assigned to (admins who have used support), latest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                email: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                lastSeenAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Stable machine-readable error code */
                            code: string;
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId: string;
                            status: number;
                            title: string;
                            /** @description URI naming the kind of problem */
                            type: string;
                        };
                    };
                };
                default: components["responses"]["support.Problem"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user's role (admins only)
         * @description Takes effect at the user’s next token refresh (at most the access-token TTL). The last admin cannot be demoted (409).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Guests (no token) may only read; users write their own things; admins more. */
                        role: "user" | "admin";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string;
                            /** Format: email */
                            email: string;
                            /** Format: uuid */
                            id: string;
                            /** @description Guests (no token) may only read; users write their own things; admins more. */
                            role: "user" | "admin";
                        };
                    };
                };
                default: components["responses"]["identity.Problem"];
            };
        };
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string;
                            /** Format: email */
                            email: string;
                            /** Format: uuid */
                            id: string;
                            /** @description Guests (no token) may only read; users write their own things; admins more. */
                            role: "user" | "admin";
                        };
                    };
                };
                default: components["responses"]["identity.Problem"];
            };
        };
        put?: never;
        post?: never;
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
        /** Problem */
        "analytics.Problem": {
            /** @description Stable machine-readable error code */
            code: string;
            detail: string;
            errors?: {
                field: string;
                message: string;
            }[];
            instance?: string;
            requestId: string;
            status: number;
            title: string;
            /** @description URI naming the kind of problem */
            type: string;
        };
        /** Problem */
        "assistant.Problem": {
            /** @description Stable machine-readable error code */
            code: string;
            detail: string;
            errors?: {
                field: string;
                message: string;
            }[];
            instance?: string;
            requestId: string;
            status: number;
            title: string;
            /** @description URI naming the kind of problem */
            type: string;
        };
        /** Problem */
        "cart.Problem": {
            /** @description Stable machine-readable error code */
            code: string;
            detail: string;
            errors?: {
                field: string;
                message: string;
            }[];
            instance?: string;
            requestId: string;
            status: number;
            title: string;
            /** @description URI naming the kind of problem */
            type: string;
        };
        /** Problem */
        "catalog.Problem": {
            /** @description Stable machine-readable error code */
            code: string;
            detail: string;
            errors?: {
                field: string;
                message: string;
            }[];
            instance?: string;
            requestId: string;
            status: number;
            title: string;
            /** @description URI naming the kind of problem */
            type: string;
        };
        /** Problem */
        "engagement.Problem": {
            /** @description Stable machine-readable error code */
            code: string;
            detail: string;
            errors?: {
                field: string;
                message: string;
            }[];
            instance?: string;
            requestId: string;
            status: number;
            title: string;
            /** @description URI naming the kind of problem */
            type: string;
        };
        /** Problem */
        "identity.Problem": {
            /** @description Stable machine-readable error code */
            code: string;
            detail: string;
            errors?: {
                field: string;
                message: string;
            }[];
            instance?: string;
            requestId: string;
            status: number;
            title: string;
            /** @description URI naming the kind of problem */
            type: string;
        };
        /** Problem */
        "notifications.Problem": {
            /** @description Stable machine-readable error code */
            code: string;
            detail: string;
            errors?: {
                field: string;
                message: string;
            }[];
            instance?: string;
            requestId: string;
            status: number;
            title: string;
            /** @description URI naming the kind of problem */
            type: string;
        };
        /** Problem */
        "orders.Problem": {
            /** @description Stable machine-readable error code */
            code: string;
            detail: string;
            errors?: {
                field: string;
                message: string;
            }[];
            instance?: string;
            requestId: string;
            status: number;
            title: string;
            /** @description URI naming the kind of problem */
            type: string;
        };
        /** Problem */
        "product.Problem": {
            /** @description Stable machine-readable error code */
            code: string;
            detail: string;
            errors?: {
                field: string;
                message: string;
            }[];
            instance?: string;
            requestId: string;
            status: number;
            title: string;
            /** @description URI naming the kind of problem */
            type: string;
        };
        /** Problem */
        "support.Problem": {
            /** @description Stable machine-readable error code */
            code: string;
            detail: string;
            errors?: {
                field: string;
                message: string;
            }[];
            instance?: string;
            requestId: string;
            status: number;
            title: string;
            /** @description URI naming the kind of problem */
            type: string;
        };
    };
    responses: {
        /** @description Error, as RFC 9457 problem details */
        "analytics.Problem": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["analytics.Problem"];
            };
        };
        /** @description Error, as RFC 9457 problem details */
        "assistant.Problem": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["assistant.Problem"];
            };
        };
        /** @description Error, as RFC 9457 problem details */
        "cart.Problem": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["cart.Problem"];
            };
        };
        /** @description Error, as RFC 9457 problem details */
        "catalog.Problem": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["catalog.Problem"];
            };
        };
        /** @description Error, as RFC 9457 problem details */
        "engagement.Problem": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["engagement.Problem"];
            };
        };
        /** @description Error, as RFC 9457 problem details */
        "identity.Problem": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["identity.Problem"];
            };
        };
        /** @description Error, as RFC 9457 problem details */
        "notifications.Problem": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["notifications.Problem"];
            };
        };
        /** @description Error, as RFC 9457 problem details */
        "orders.Problem": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["orders.Problem"];
            };
        };
        /** @description Error, as RFC 9457 problem details */
        "product.Problem": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["product.Problem"];
            };
        };
        /** @description Error, as RFC 9457 problem details */
        "support.Problem": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["support.Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
