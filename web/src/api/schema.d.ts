/**
 * Generated from the API's OpenAPI document by `npm run api:types` (scripts/api-types.ts). Do not edit.
 */
export interface paths {
    "/api/v1/admin/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API 密钥列表 List API keys */
        get: {
            parameters: {
                query?: {
                    includeRevoked?: "0" | "1" | "true" | "false";
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
                                createdAt: string;
                                id: number;
                                name: string;
                                prefix: string;
                                revokedAt: string | null;
                                /** @enum {string} */
                                role: "agent" | "dispatcher" | "handler" | "unit_admin" | "supervisor" | "callback_agent" | "leader" | "admin";
                                unitId: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建 API 密钥 Create API key (shown once) */
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
                        name: string;
                        /**
                         * @default agent
                         * @enum {string}
                         */
                        role?: "agent" | "dispatcher" | "handler" | "unit_admin" | "supervisor" | "callback_agent" | "leader" | "admin";
                        unitId?: number | null;
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
                            createdAt: string;
                            id: number;
                            key: string;
                            name: string;
                            prefix: string;
                            revokedAt: string | null;
                            /** @enum {string} */
                            role: "agent" | "dispatcher" | "handler" | "unit_admin" | "supervisor" | "callback_agent" | "leader" | "admin";
                            unitId: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 吊销 API 密钥 Revoke API key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            createdAt: string;
                            id: number;
                            name: string;
                            prefix: string;
                            revokedAt: string | null;
                            /** @enum {string} */
                            role: "agent" | "dispatcher" | "handler" | "unit_admin" | "supervisor" | "callback_agent" | "leader" | "admin";
                            unitId: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工作日历（按年） Working calendar of a year */
        get: {
            parameters: {
                query: {
                    year: number;
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
                            days: {
                                day: string;
                                isWorkday: boolean;
                                name: string;
                            }[];
                            workingDays: number;
                            year: number;
                        };
                    };
                };
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
    "/api/v1/admin/calendar/{day}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置节假日或调休日 Set a holiday or adjusted working day */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    day: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        isWorkday: boolean;
                        name: string;
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
                            day: string;
                            isWorkday: boolean;
                            name: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 删除日历例外日 Remove a calendar exception */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    day: string;
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
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/calendar/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入一年的节假日安排 Import a year of holidays and adjusted working days */
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
                        day: string;
                        isWorkday: boolean;
                        name: string;
                    }[];
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
                            imported: number;
                            replaced: number;
                            year: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新建分类 Create category */
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
                        code: string;
                        name: string;
                        parentId?: number | null;
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
                            code: string;
                            id: number;
                            isActive: boolean;
                            level: number;
                            name: string;
                            parentId: number | null;
                            pathName: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除分类 Delete category (unused only) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改分类 Update category */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: string;
                        isActive?: boolean;
                        name?: string;
                        parentId?: number | null;
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
                            code: string;
                            id: number;
                            isActive: boolean;
                            level: number;
                            name: string;
                            parentId: number | null;
                            pathName: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/dispatch-catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 派单目录 List dispatch catalogue */
        get: {
            parameters: {
                query?: {
                    categoryId?: number;
                    regionId?: number;
                    unitId?: number;
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
                                categoryId: number;
                                categoryPathName: string;
                                id: number;
                                note: string | null;
                                regionId: number | null;
                                regionName: string | null;
                                unitId: number;
                                unitName: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新增派单目录条目 Add catalogue entry */
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
                        categoryId: number;
                        note?: string | null;
                        regionId?: number | null;
                        unitId: number;
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
                            categoryId: number;
                            categoryPathName: string;
                            id: number;
                            note: string | null;
                            regionId: number | null;
                            regionName: string | null;
                            unitId: number;
                            unitName: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dispatch-catalogue/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除派单目录条目 Delete catalogue entry */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改派单目录条目 Update catalogue entry */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        regionId?: number | null;
                        unitId?: number;
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
                            categoryId: number;
                            categoryPathName: string;
                            id: number;
                            note: string | null;
                            regionId: number | null;
                            regionName: string | null;
                            unitId: number;
                            unitName: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/dispatch-catalogue/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 派单目录变更记录 Changes to the dispatch catalogue */
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
                                action: string;
                                actorName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                entryId: number;
                                id: number;
                            }[];
                        };
                    };
                };
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
    "/api/v1/admin/insight/auto-dispatch-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 自动派单规则列表 List auto-dispatch rules */
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
                                categoryId: number;
                                categoryName: string;
                                createdAt: string;
                                id: number;
                                isEnabled: boolean;
                                minConfidence: number;
                                updatedAt: string;
                                updatedById: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建自动派单规则 Create an auto-dispatch rule */
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
                        categoryId: number;
                        /** @default false */
                        isEnabled?: boolean;
                        minConfidence: number;
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
                            categoryId: number;
                            categoryName: string;
                            createdAt: string;
                            id: number;
                            isEnabled: boolean;
                            minConfidence: number;
                            updatedAt: string;
                            updatedById: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/insight/auto-dispatch-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除自动派单规则 Delete an auto-dispatch rule */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改自动派单规则 Update an auto-dispatch rule */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        isEnabled?: boolean;
                        minConfidence?: number;
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
                            categoryId: number;
                            categoryName: string;
                            createdAt: string;
                            id: number;
                            isEnabled: boolean;
                            minConfidence: number;
                            updatedAt: string;
                            updatedById: number | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/insight/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 模型版本及评估 Model versions with their evaluation */
        get: {
            parameters: {
                query?: {
                    labelKind?: "category" | "unit";
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
                                accuracy: number | null;
                                classes: number | null;
                                createdAt: string;
                                examples: number;
                                expectedCalibrationError: number | null;
                                holdoutCount: number | null;
                                id: number;
                                isInUse: boolean;
                                isRefitted: boolean | null;
                                /** @enum {string} */
                                labelKind: "category" | "unit";
                                macroF1: number | null;
                                syntheticShare: number | null;
                                trainedByName: string | null;
                                version: number;
                                warnings: string[];
                                weightedF1: number | null;
                            }[];
                        };
                    };
                };
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
    "/api/v1/admin/insight/models/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 模型评估详情 A model version: per-class figures and confusion matrix */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            accuracy: number | null;
                            classes: number | null;
                            confusion: {
                                labels: {
                                    isOther: boolean;
                                    label: string;
                                    name: string | null;
                                }[];
                                matrix: number[][];
                            } | null;
                            createdAt: string;
                            examples: number;
                            expectedCalibrationError: number | null;
                            holdoutCount: number | null;
                            id: number;
                            isInUse: boolean;
                            isRefitted: boolean | null;
                            /** @enum {string} */
                            labelKind: "category" | "unit";
                            macroF1: number | null;
                            perClass: {
                                f1: number;
                                label: string;
                                name: string | null;
                                precision: number;
                                recall: number;
                                support: number;
                            }[];
                            syntheticShare: number | null;
                            trainedByName: string | null;
                            version: number;
                            warnings: string[];
                            weightedF1: number | null;
                        };
                    };
                };
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
    "/api/v1/admin/insight/train": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 训练派单模型 Train the dispatch models from closed orders */
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
                        /**
                         * @default both
                         * @enum {string}
                         */
                        labelKind?: "category" | "unit" | "both";
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
                            models: {
                                accuracy: number | null;
                                classes: number;
                                examples: number;
                                /** @enum {string} */
                                labelKind: "category" | "unit";
                                macroF1: number | null;
                                modelId: number;
                                priors: number;
                                syntheticShare: number;
                                version: number;
                                warnings: string[];
                            }[];
                            skipped: {
                                /** @enum {string} */
                                labelKind: "category" | "unit";
                                message: string;
                                messageEn: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新建行政区划 Create region */
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
                        aliases?: string[];
                        code: string;
                        geo?: {
                            lat: number;
                            lng: number;
                        } | null;
                        /** @enum {string} */
                        level: "city" | "district" | "street" | "community";
                        name: string;
                        parentId?: number | null;
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
                            aliases: string[];
                            code: string;
                            geo: {
                                lat: number;
                                lng: number;
                            } | null;
                            id: number;
                            /** @enum {string} */
                            level: "city" | "district" | "street" | "community";
                            name: string;
                            parentId: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/regions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除行政区划 Delete region */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改行政区划 Update region */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        aliases?: string[];
                        code?: string;
                        geo?: {
                            lat: number;
                            lng: number;
                        } | null;
                        /** @enum {string} */
                        level?: "city" | "district" | "street" | "community";
                        name?: string;
                        parentId?: number | null;
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
                            aliases: string[];
                            code: string;
                            geo: {
                                lat: number;
                                lng: number;
                            } | null;
                            id: number;
                            /** @enum {string} */
                            level: "city" | "district" | "street" | "community";
                            name: string;
                            parentId: number | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/sla-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 时限策略列表 List SLA policies */
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
                                atRiskRatio: number;
                                callbackWorkingDays: number;
                                categoryId: number | null;
                                handleAmount: number;
                                /** @enum {string} */
                                handleUnit: "working_days" | "clock_hours";
                                id: number;
                                isActive: boolean;
                                name: string;
                                signWorkingHours: number;
                                /** @enum {string|null} */
                                ticketType: "inquiry" | "help" | "complaint" | "report" | "suggestion" | "praise" | null;
                                /** @enum {string|null} */
                                urgency: "normal" | "urgent" | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建时限策略 Create an SLA policy */
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
                        /** @default 0.8 */
                        atRiskRatio?: number;
                        /** @default 2 */
                        callbackWorkingDays?: number;
                        /** @default null */
                        categoryId?: number | null;
                        handleAmount: number;
                        /** @enum {string} */
                        handleUnit: "working_days" | "clock_hours";
                        /** @default true */
                        isActive?: boolean;
                        name: string;
                        signWorkingHours: number;
                        /**
                         * @default null
                         * @enum {string|null}
                         */
                        ticketType?: "inquiry" | "help" | "complaint" | "report" | "suggestion" | "praise" | null;
                        /**
                         * @default null
                         * @enum {string|null}
                         */
                        urgency?: "normal" | "urgent" | null;
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
                            atRiskRatio: number;
                            callbackWorkingDays: number;
                            categoryId: number | null;
                            handleAmount: number;
                            /** @enum {string} */
                            handleUnit: "working_days" | "clock_hours";
                            id: number;
                            isActive: boolean;
                            name: string;
                            signWorkingHours: number;
                            /** @enum {string|null} */
                            ticketType: "inquiry" | "help" | "complaint" | "report" | "suggestion" | "praise" | null;
                            /** @enum {string|null} */
                            urgency: "normal" | "urgent" | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sla-policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除时限策略 Delete an SLA policy */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改时限策略 Update an SLA policy */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        atRiskRatio?: number;
                        callbackWorkingDays?: number;
                        categoryId?: number | null;
                        handleAmount?: number;
                        /** @enum {string} */
                        handleUnit?: "working_days" | "clock_hours";
                        isActive?: boolean;
                        name?: string;
                        signWorkingHours?: number;
                        /** @enum {string|null} */
                        ticketType?: "inquiry" | "help" | "complaint" | "report" | "suggestion" | "praise" | null;
                        /** @enum {string|null} */
                        urgency?: "normal" | "urgent" | null;
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
                            atRiskRatio: number;
                            callbackWorkingDays: number;
                            categoryId: number | null;
                            handleAmount: number;
                            /** @enum {string} */
                            handleUnit: "working_days" | "clock_hours";
                            id: number;
                            isActive: boolean;
                            name: string;
                            signWorkingHours: number;
                            /** @enum {string|null} */
                            ticketType: "inquiry" | "help" | "complaint" | "report" | "suggestion" | "praise" | null;
                            /** @enum {string|null} */
                            urgency: "normal" | "urgent" | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新建单位 Create unit */
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
                        code: string;
                        /** @enum {string} */
                        kind: "center" | "department" | "district" | "street" | "community" | "utility" | "other";
                        name: string;
                        parentId?: number | null;
                        peerGroup?: string;
                        phone?: string | null;
                        regionId?: number | null;
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
                            code: string;
                            id: number;
                            isActive: boolean;
                            /** @enum {string} */
                            kind: "center" | "department" | "district" | "street" | "community" | "utility" | "other";
                            name: string;
                            parentId: number | null;
                            peerGroup: string;
                            phone: string | null;
                            regionId: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除单位 Delete unit (unused only; otherwise deactivate) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改单位 Update unit */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: string;
                        isActive?: boolean;
                        /** @enum {string} */
                        kind?: "center" | "department" | "district" | "street" | "community" | "utility" | "other";
                        name?: string;
                        parentId?: number | null;
                        peerGroup?: string;
                        phone?: string | null;
                        regionId?: number | null;
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
                            code: string;
                            id: number;
                            isActive: boolean;
                            /** @enum {string} */
                            kind: "center" | "department" | "district" | "street" | "community" | "utility" | "other";
                            name: string;
                            parentId: number | null;
                            peerGroup: string;
                            phone: string | null;
                            regionId: number | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用户列表 List users (unit admins: own unit subtree) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    includeInactive?: "0" | "1" | "true" | "false";
                    includeSubUnits?: "0" | "1" | "true" | "false";
                    limit?: number;
                    q?: string;
                    role?: "agent" | "dispatcher" | "handler" | "unit_admin" | "supervisor" | "callback_agent" | "leader" | "admin";
                    unitId?: number;
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
                                createdAt: string;
                                displayName: string;
                                id: number;
                                isActive: boolean;
                                phone: string | null;
                                /** @enum {string} */
                                role: "agent" | "dispatcher" | "handler" | "unit_admin" | "supervisor" | "callback_agent" | "leader" | "admin";
                                unitId: number | null;
                                unitName: string | null;
                                username: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建用户 Create user */
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
                        displayName: string;
                        password: string;
                        phone?: string | null;
                        /** @enum {string} */
                        role: "agent" | "dispatcher" | "handler" | "unit_admin" | "supervisor" | "callback_agent" | "leader" | "admin";
                        unitId?: number | null;
                        username: string;
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
                            createdAt: string;
                            displayName: string;
                            id: number;
                            isActive: boolean;
                            phone: string | null;
                            /** @enum {string} */
                            role: "agent" | "dispatcher" | "handler" | "unit_admin" | "supervisor" | "callback_agent" | "leader" | "admin";
                            unitId: number | null;
                            unitName: string | null;
                            username: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
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
        /** 修改用户 Update user (role, unit, active) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        isActive?: boolean;
                        phone?: string | null;
                        /** @enum {string} */
                        role?: "agent" | "dispatcher" | "handler" | "unit_admin" | "supervisor" | "callback_agent" | "leader" | "admin";
                        unitId?: number | null;
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
                            createdAt: string;
                            displayName: string;
                            id: number;
                            isActive: boolean;
                            phone: string | null;
                            /** @enum {string} */
                            role: "agent" | "dispatcher" | "handler" | "unit_admin" | "supervisor" | "callback_agent" | "leader" | "admin";
                            unitId: number | null;
                            unitName: string | null;
                            username: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置密码 Reset password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password?: string;
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
                            temporaryPassword: string | null;
                            userId: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/appeals/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 处理考核申诉 Decide an appeal (approval recomputes the month) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        approvedCount?: number;
                        /** @enum {string} */
                        decision: "approve" | "deny";
                        note?: string | null;
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
                            approvedCount: number;
                            count: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            decidedAt: string | null;
                            decisionNote: string | null;
                            /** @enum {string} */
                            deductionKind: "overdue" | "improper_return" | "supervision" | "upheld_dissatisfaction";
                            id: number;
                            month: string;
                            reason: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "denied";
                            unitId: number;
                            unitName: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考核月份 Months with an assessment (latest version), newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
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
                            items: {
                                /** Format: date-time */
                                computedAt: string;
                                month: string;
                                /** Format: date-time */
                                publishedAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "published";
                                version: number;
                            }[];
                        };
                    };
                };
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
    "/api/v1/analytics/assessments/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 月度考核结果 A month's assessment results */
        get: {
            parameters: {
                query?: {
                    version?: number;
                };
                header?: never;
                path: {
                    month: string;
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
                            month: string;
                            results: {
                                deductions: {
                                    count: number;
                                    /** @enum {string} */
                                    kind: "overdue" | "improper_return" | "supervision" | "upheld_dissatisfaction";
                                    points: number;
                                    waived: number;
                                }[];
                                indicators: {
                                    /** @enum {string} */
                                    id: "contacts" | "orders" | "direct_answer_rate" | "on_time_sign_rate" | "on_time_completion_rate" | "overdue_rate" | "return_rate" | "objection_rate" | "extension_rate" | "reopen_rate" | "callback_rate" | "satisfaction_rate" | "resolution_rate" | "repeat_complaint_rate" | "avg_handling_hours" | "p50_handling_hours" | "p90_handling_hours" | "response_rate" | "composite_score" | "overdue_count" | "improper_return_count" | "supervision_count" | "upheld_dissatisfaction_count";
                                    points: number | null;
                                    value: number | null;
                                    weight: number;
                                }[];
                                peerGroup: string;
                                rank: number | null;
                                score: number | null;
                                unitId: number;
                                unitName: string;
                            }[];
                            run: {
                                /** Format: date-time */
                                computedAt: string;
                                config: {
                                    deductions: {
                                        /** @enum {string} */
                                        kind: "overdue" | "improper_return" | "supervision" | "upheld_dissatisfaction";
                                        maxPoints: number;
                                        pointsEach: number;
                                    }[];
                                    indicators: {
                                        /** @enum {string} */
                                        id: "contacts" | "orders" | "direct_answer_rate" | "on_time_sign_rate" | "on_time_completion_rate" | "overdue_rate" | "return_rate" | "objection_rate" | "extension_rate" | "reopen_rate" | "callback_rate" | "satisfaction_rate" | "resolution_rate" | "repeat_complaint_rate" | "avg_handling_hours" | "p50_handling_hours" | "p90_handling_hours" | "response_rate" | "composite_score" | "overdue_count" | "improper_return_count" | "supervision_count" | "upheld_dissatisfaction_count";
                                        weight: number;
                                    }[];
                                    satisfactionCountsBasic: boolean;
                                };
                                id: number;
                                month: string;
                                /** Format: date-time */
                                publishedAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "published";
                                version: number;
                            };
                            versions: {
                                /** Format: date-time */
                                computedAt: string;
                                /** Format: date-time */
                                publishedAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "published";
                                version: number;
                            }[];
                        };
                    };
                };
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
    "/api/v1/analytics/assessments/{month}/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考核申诉列表 Appeals of a month */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    month: string;
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
                            items: {
                                approvedCount: number;
                                count: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                decidedAt: string | null;
                                decisionNote: string | null;
                                /** @enum {string} */
                                deductionKind: "overdue" | "improper_return" | "supervision" | "upheld_dissatisfaction";
                                id: number;
                                month: string;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "denied";
                                unitId: number;
                                unitName: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 提出考核申诉 Appeal deductions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    month: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        count: number;
                        /** @enum {string} */
                        deductionKind: "overdue" | "improper_return" | "supervision" | "upheld_dissatisfaction";
                        reason: string;
                        unitId: number;
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
                            approvedCount: number;
                            count: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            decidedAt: string | null;
                            decisionNote: string | null;
                            /** @enum {string} */
                            deductionKind: "overdue" | "improper_return" | "supervision" | "upheld_dissatisfaction";
                            id: number;
                            month: string;
                            reason: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "denied";
                            unitId: number;
                            unitName: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/assessments/{month}/compute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 计算月度考核 Compute a month's unit assessment (new version) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    month: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        config?: {
                            deductions: {
                                /** @enum {string} */
                                kind: "overdue" | "improper_return" | "supervision" | "upheld_dissatisfaction";
                                maxPoints: number;
                                pointsEach: number;
                            }[];
                            indicators: {
                                /** @enum {string} */
                                id: "contacts" | "orders" | "direct_answer_rate" | "on_time_sign_rate" | "on_time_completion_rate" | "overdue_rate" | "return_rate" | "objection_rate" | "extension_rate" | "reopen_rate" | "callback_rate" | "satisfaction_rate" | "resolution_rate" | "repeat_complaint_rate" | "avg_handling_hours" | "p50_handling_hours" | "p90_handling_hours" | "response_rate" | "composite_score" | "overdue_count" | "improper_return_count" | "supervision_count" | "upheld_dissatisfaction_count";
                                weight: number;
                            }[];
                            satisfactionCountsBasic: boolean;
                        };
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
                            month: string;
                            results: {
                                deductions: {
                                    count: number;
                                    /** @enum {string} */
                                    kind: "overdue" | "improper_return" | "supervision" | "upheld_dissatisfaction";
                                    points: number;
                                    waived: number;
                                }[];
                                indicators: {
                                    /** @enum {string} */
                                    id: "contacts" | "orders" | "direct_answer_rate" | "on_time_sign_rate" | "on_time_completion_rate" | "overdue_rate" | "return_rate" | "objection_rate" | "extension_rate" | "reopen_rate" | "callback_rate" | "satisfaction_rate" | "resolution_rate" | "repeat_complaint_rate" | "avg_handling_hours" | "p50_handling_hours" | "p90_handling_hours" | "response_rate" | "composite_score" | "overdue_count" | "improper_return_count" | "supervision_count" | "upheld_dissatisfaction_count";
                                    points: number | null;
                                    value: number | null;
                                    weight: number;
                                }[];
                                peerGroup: string;
                                rank: number | null;
                                score: number | null;
                                unitId: number;
                                unitName: string;
                            }[];
                            run: {
                                /** Format: date-time */
                                computedAt: string;
                                config: {
                                    deductions: {
                                        /** @enum {string} */
                                        kind: "overdue" | "improper_return" | "supervision" | "upheld_dissatisfaction";
                                        maxPoints: number;
                                        pointsEach: number;
                                    }[];
                                    indicators: {
                                        /** @enum {string} */
                                        id: "contacts" | "orders" | "direct_answer_rate" | "on_time_sign_rate" | "on_time_completion_rate" | "overdue_rate" | "return_rate" | "objection_rate" | "extension_rate" | "reopen_rate" | "callback_rate" | "satisfaction_rate" | "resolution_rate" | "repeat_complaint_rate" | "avg_handling_hours" | "p50_handling_hours" | "p90_handling_hours" | "response_rate" | "composite_score" | "overdue_count" | "improper_return_count" | "supervision_count" | "upheld_dissatisfaction_count";
                                        weight: number;
                                    }[];
                                    satisfactionCountsBasic: boolean;
                                };
                                id: number;
                                month: string;
                                /** Format: date-time */
                                publishedAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "published";
                                version: number;
                            };
                            versions: {
                                /** Format: date-time */
                                computedAt: string;
                                /** Format: date-time */
                                publishedAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "published";
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/assessments/{month}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布月度考核 Publish (freeze) a month's assessment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    month: string;
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
                            month: string;
                            results: {
                                deductions: {
                                    count: number;
                                    /** @enum {string} */
                                    kind: "overdue" | "improper_return" | "supervision" | "upheld_dissatisfaction";
                                    points: number;
                                    waived: number;
                                }[];
                                indicators: {
                                    /** @enum {string} */
                                    id: "contacts" | "orders" | "direct_answer_rate" | "on_time_sign_rate" | "on_time_completion_rate" | "overdue_rate" | "return_rate" | "objection_rate" | "extension_rate" | "reopen_rate" | "callback_rate" | "satisfaction_rate" | "resolution_rate" | "repeat_complaint_rate" | "avg_handling_hours" | "p50_handling_hours" | "p90_handling_hours" | "response_rate" | "composite_score" | "overdue_count" | "improper_return_count" | "supervision_count" | "upheld_dissatisfaction_count";
                                    points: number | null;
                                    value: number | null;
                                    weight: number;
                                }[];
                                peerGroup: string;
                                rank: number | null;
                                score: number | null;
                                unitId: number;
                                unitName: string;
                            }[];
                            run: {
                                /** Format: date-time */
                                computedAt: string;
                                config: {
                                    deductions: {
                                        /** @enum {string} */
                                        kind: "overdue" | "improper_return" | "supervision" | "upheld_dissatisfaction";
                                        maxPoints: number;
                                        pointsEach: number;
                                    }[];
                                    indicators: {
                                        /** @enum {string} */
                                        id: "contacts" | "orders" | "direct_answer_rate" | "on_time_sign_rate" | "on_time_completion_rate" | "overdue_rate" | "return_rate" | "objection_rate" | "extension_rate" | "reopen_rate" | "callback_rate" | "satisfaction_rate" | "resolution_rate" | "repeat_complaint_rate" | "avg_handling_hours" | "p50_handling_hours" | "p90_handling_hours" | "response_rate" | "composite_score" | "overdue_count" | "improper_return_count" | "supervision_count" | "upheld_dissatisfaction_count";
                                        weight: number;
                                    }[];
                                    satisfactionCountsBasic: boolean;
                                };
                                id: number;
                                month: string;
                                /** Format: date-time */
                                publishedAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "published";
                                version: number;
                            };
                            versions: {
                                /** Format: date-time */
                                computedAt: string;
                                /** Format: date-time */
                                publishedAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "published";
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/assessments/{month}/unit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本单位考核结果（含公示中的草稿）A unit's own result in the latest version, draft included */
        get: {
            parameters: {
                query?: {
                    unitId?: number;
                };
                header?: never;
                path: {
                    month: string;
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
                            month: string;
                            peerGroupSize: number;
                            result: {
                                deductions: {
                                    count: number;
                                    /** @enum {string} */
                                    kind: "overdue" | "improper_return" | "supervision" | "upheld_dissatisfaction";
                                    points: number;
                                    waived: number;
                                }[];
                                indicators: {
                                    /** @enum {string} */
                                    id: "contacts" | "orders" | "direct_answer_rate" | "on_time_sign_rate" | "on_time_completion_rate" | "overdue_rate" | "return_rate" | "objection_rate" | "extension_rate" | "reopen_rate" | "callback_rate" | "satisfaction_rate" | "resolution_rate" | "repeat_complaint_rate" | "avg_handling_hours" | "p50_handling_hours" | "p90_handling_hours" | "response_rate" | "composite_score" | "overdue_count" | "improper_return_count" | "supervision_count" | "upheld_dissatisfaction_count";
                                    points: number | null;
                                    value: number | null;
                                    weight: number;
                                }[];
                                peerGroup: string;
                                rank: number | null;
                                score: number | null;
                                unitId: number;
                                unitName: string;
                            } | null;
                            run: {
                                /** Format: date-time */
                                computedAt: string;
                                /** Format: date-time */
                                publishedAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "published";
                                version: number;
                            };
                            unitId: number;
                            unitName: string;
                        };
                    };
                };
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
    "/api/v1/analytics/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数据大屏 Dashboard: today, this month, trend, top categories, districts, overdue */
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
                            byDistrict: {
                                contacts: number;
                                id: number;
                                name: string;
                            }[];
                            month: {
                                compositeScore: number | null;
                                contacts: number;
                                directAnswerRate: number | null;
                                from: string;
                                onTimeCompletionRate: number | null;
                                onTimeSignRate: number | null;
                                orders: number;
                                resolutionRate: number | null;
                                satisfaction: {
                                    basicallySatisfied: number;
                                    countsBasic: boolean;
                                    rate: number | null;
                                    satisfied: number;
                                    unsatisfied: number;
                                };
                                to: string;
                            };
                            orderLists: {
                                atRisk: {
                                    from?: string;
                                    /** @enum {string} */
                                    slaState?: "at_risk" | "overdue";
                                    status: string;
                                    to?: string;
                                };
                                month: {
                                    from?: string;
                                    /** @enum {string} */
                                    slaState?: "at_risk" | "overdue";
                                    status: string;
                                    to?: string;
                                };
                                overdue: {
                                    from?: string;
                                    /** @enum {string} */
                                    slaState?: "at_risk" | "overdue";
                                    status: string;
                                    to?: string;
                                };
                                today: {
                                    from?: string;
                                    /** @enum {string} */
                                    slaState?: "at_risk" | "overdue";
                                    status: string;
                                    to?: string;
                                };
                            };
                            overdue: {
                                monthOverdueEvents: number;
                                openAtRisk: number;
                                openOverdue: number;
                            };
                            today: {
                                contacts: number;
                                day: string;
                                orders: number;
                            };
                            topCategories: {
                                contacts: number;
                                id: number;
                                name: string;
                            }[];
                            trend: {
                                contacts: number;
                                day: string;
                                orders: number;
                            }[];
                        };
                    };
                };
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
    "/api/v1/analytics/exclusions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 不纳入考核工单 Orders excluded from assessment */
        get: {
            parameters: {
                query?: {
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
                                excludedAt: string | null;
                                excludedBy: string | null;
                                leadUnitId: number | null;
                                number: string;
                                reason: string | null;
                                ticketId: number;
                                title: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 标记不纳入考核 Exclude an order from assessment (or include it again) */
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
                        /** @default true */
                        isExcluded?: boolean;
                        reason: string;
                        ticketId: number;
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
                            isExcluded: boolean;
                            reason: string;
                            ticketId: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 指标定义 Indicator definitions */
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
                                /** @enum {string} */
                                direction: "higher_better" | "lower_better" | "neutral";
                                formulaEn: string;
                                formulaZh: string;
                                /** @enum {string} */
                                id: "contacts" | "orders" | "direct_answer_rate" | "on_time_sign_rate" | "on_time_completion_rate" | "overdue_rate" | "return_rate" | "objection_rate" | "extension_rate" | "reopen_rate" | "callback_rate" | "satisfaction_rate" | "resolution_rate" | "repeat_complaint_rate" | "avg_handling_hours" | "p50_handling_hours" | "p90_handling_hours" | "response_rate" | "composite_score" | "overdue_count" | "improper_return_count" | "supervision_count" | "upheld_dissatisfaction_count" | "calls_offered" | "calls_answered" | "answer_rate" | "answer_15s_rate" | "abandon_rate" | "avg_speed_of_answer_seconds" | "avg_call_handling_seconds" | "calls_rated" | "call_satisfaction_rate";
                                isAssessable: boolean;
                                /** @enum {string} */
                                kind: "count" | "rate" | "duration" | "score";
                                nameEn: string;
                                nameZh: string;
                            }[];
                        };
                    };
                };
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
    "/api/v1/analytics/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报表列表 Reports, newest first */
        get: {
            parameters: {
                query?: {
                    kind?: "daily" | "weekly" | "monthly" | "special";
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
                                id: number;
                                /** @enum {string} */
                                kind: "daily" | "weekly" | "monthly" | "special";
                                params: {
                                    categoryId?: number | null;
                                    date?: string | null;
                                    isScheduled?: boolean;
                                } & {
                                    [key: string]: unknown;
                                };
                                pdfUrl: string;
                                periodFrom: string;
                                periodTo: string;
                                renderMs: number | null;
                                title: string;
                                xlsxUrl: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 生成报表 Generate a daily, weekly, monthly or special report (PDF + Excel) */
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
                        categoryId?: number;
                        date?: string;
                        from?: string;
                        /** @enum {string} */
                        kind: "daily" | "weekly" | "monthly" | "special";
                        title?: string;
                        to?: string;
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
                            id: number;
                            /** @enum {string} */
                            kind: "daily" | "weekly" | "monthly" | "special";
                            params: {
                                categoryId?: number | null;
                                date?: string | null;
                                isScheduled?: boolean;
                            } & {
                                [key: string]: unknown;
                            };
                            pdfUrl: string;
                            periodFrom: string;
                            periodTo: string;
                            renderMs: number | null;
                            title: string;
                            xlsxUrl: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报表内容 A report with its figures (preview) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            content: {
                                focus: {
                                    headline: {
                                        id: string;
                                        kind: string;
                                        nameEn: string;
                                        nameZh: string;
                                        previous: number | null;
                                        value: number | null;
                                        vsPrevious: {
                                            delta: number | null;
                                            relative: number | null;
                                        };
                                        vsYearAgo: {
                                            delta: number | null;
                                            relative: number | null;
                                        };
                                        yearAgo: number | null;
                                    }[];
                                    name: string;
                                } | null;
                                generatedAt: string;
                                headline: {
                                    id: string;
                                    kind: string;
                                    nameEn: string;
                                    nameZh: string;
                                    previous: number | null;
                                    value: number | null;
                                    vsPrevious: {
                                        delta: number | null;
                                        relative: number | null;
                                    };
                                    vsYearAgo: {
                                        delta: number | null;
                                        relative: number | null;
                                    };
                                    yearAgo: number | null;
                                }[];
                                /** @enum {string} */
                                kind: "daily" | "weekly" | "monthly" | "special";
                                overdue: {
                                    category: string | null;
                                    handleDueAt: string | null;
                                    number: string;
                                    status: string;
                                    title: string;
                                    unitName: string | null;
                                }[];
                                period: {
                                    from: string;
                                    to: string;
                                };
                                previous: {
                                    from: string;
                                    to: string;
                                };
                                satisfactionCountsBasic: boolean;
                                title: string;
                                topCategories: {
                                    contacts: number;
                                    name: string;
                                    share: number | null;
                                }[];
                                topRegions: {
                                    contacts: number;
                                    name: string;
                                    share: number | null;
                                }[];
                                trend: {
                                    contacts: number;
                                    day: string;
                                    orders: number;
                                }[];
                                units: {
                                    compositeScore: number | null;
                                    dispatches: number;
                                    onTimeCompletionRate: number | null;
                                    peerGroup: string;
                                    rank: number | null;
                                    resolutionRate: number | null;
                                    satisfactionRate: number | null;
                                    unitId: number;
                                    unitName: string;
                                }[];
                                yearAgo: {
                                    from: string;
                                    to: string;
                                };
                            };
                            /** Format: date-time */
                            createdAt: string;
                            id: number;
                            /** @enum {string} */
                            kind: "daily" | "weekly" | "monthly" | "special";
                            params: {
                                categoryId?: number | null;
                                date?: string | null;
                                isScheduled?: boolean;
                            } & {
                                [key: string]: unknown;
                            };
                            pdfUrl: string;
                            periodFrom: string;
                            periodTo: string;
                            renderMs: number | null;
                            title: string;
                            xlsxUrl: string;
                        };
                    };
                };
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
    "/api/v1/analytics/reports/{id}/{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载报表 Download a report as PDF or Excel */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    format: "pdf" | "xlsx";
                    id: number;
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
                    content?: never;
                };
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
    "/api/v1/analytics/rollups/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 刷新统计汇总 Bring the rollups up to date now */
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
                            batches: number;
                            heldBackEvents: number;
                            lastEventId: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 统计设置 Analytics settings */
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
                            assessment: {
                                deductions: {
                                    /** @enum {string} */
                                    kind: "overdue" | "improper_return" | "supervision" | "upheld_dissatisfaction";
                                    maxPoints: number;
                                    pointsEach: number;
                                }[];
                                indicators: {
                                    /** @enum {string} */
                                    id: "contacts" | "orders" | "direct_answer_rate" | "on_time_sign_rate" | "on_time_completion_rate" | "overdue_rate" | "return_rate" | "objection_rate" | "extension_rate" | "reopen_rate" | "callback_rate" | "satisfaction_rate" | "resolution_rate" | "repeat_complaint_rate" | "avg_handling_hours" | "p50_handling_hours" | "p90_handling_hours" | "response_rate" | "composite_score" | "overdue_count" | "improper_return_count" | "supervision_count" | "upheld_dissatisfaction_count";
                                    weight: number;
                                }[];
                                satisfactionCountsBasic: boolean;
                            };
                            compositeWeights: {
                                resolution: number;
                                response: number;
                                satisfaction: number;
                            };
                            satisfactionCountsBasic: boolean;
                        };
                    };
                };
            };
        };
        /** 修改统计设置 Change analytics settings */
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
                        assessment: {
                            deductions: {
                                /** @enum {string} */
                                kind: "overdue" | "improper_return" | "supervision" | "upheld_dissatisfaction";
                                maxPoints: number;
                                pointsEach: number;
                            }[];
                            indicators: {
                                /** @enum {string} */
                                id: "contacts" | "orders" | "direct_answer_rate" | "on_time_sign_rate" | "on_time_completion_rate" | "overdue_rate" | "return_rate" | "objection_rate" | "extension_rate" | "reopen_rate" | "callback_rate" | "satisfaction_rate" | "resolution_rate" | "repeat_complaint_rate" | "avg_handling_hours" | "p50_handling_hours" | "p90_handling_hours" | "response_rate" | "composite_score" | "overdue_count" | "improper_return_count" | "supervision_count" | "upheld_dissatisfaction_count";
                                weight: number;
                            }[];
                            satisfactionCountsBasic: boolean;
                        };
                        compositeWeights: {
                            resolution: number;
                            response: number;
                            satisfaction: number;
                        };
                        satisfactionCountsBasic: boolean;
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
                            assessment: {
                                deductions: {
                                    /** @enum {string} */
                                    kind: "overdue" | "improper_return" | "supervision" | "upheld_dissatisfaction";
                                    maxPoints: number;
                                    pointsEach: number;
                                }[];
                                indicators: {
                                    /** @enum {string} */
                                    id: "contacts" | "orders" | "direct_answer_rate" | "on_time_sign_rate" | "on_time_completion_rate" | "overdue_rate" | "return_rate" | "objection_rate" | "extension_rate" | "reopen_rate" | "callback_rate" | "satisfaction_rate" | "resolution_rate" | "repeat_complaint_rate" | "avg_handling_hours" | "p50_handling_hours" | "p90_handling_hours" | "response_rate" | "composite_score" | "overdue_count" | "improper_return_count" | "supervision_count" | "upheld_dissatisfaction_count";
                                    weight: number;
                                }[];
                                satisfactionCountsBasic: boolean;
                            };
                            compositeWeights: {
                                resolution: number;
                                response: number;
                                satisfaction: number;
                            };
                            satisfactionCountsBasic: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/staffing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 排班测算 Half-hourly forecast and agents needed (Erlang C / A) */
        get: {
            parameters: {
                query: {
                    aht: number;
                    channel?: "phone" | "web" | "sms" | "wechat" | "weibo" | "mailbox" | "people_cn" | "app" | "open311" | "all";
                    days?: number;
                    from?: string;
                    historyWeeks?: number;
                    patience?: number;
                    plannedAgents?: number;
                    roster?: string;
                    serviceLevel: number;
                    targetSeconds: number;
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
                            aht: number;
                            calls: {
                                abandoned: number;
                                answer15sRate: number | null;
                                answered: number;
                                answeredWithinTarget: number;
                                answerRate: number | null;
                                averageHandlingSeconds: number | null;
                                estimatedPatienceSeconds: number | null;
                                offered: number;
                            } | null;
                            channel: string;
                            days: {
                                day: string;
                                /** @enum {string} */
                                kind: "workday" | "weekend" | "holiday";
                                peakAgents: number;
                                referenceDays: string[];
                                slots: {
                                    planned: {
                                        abandonRate: number;
                                        agents: number;
                                        answerRate: number;
                                        averageSpeedOfAnswer: number | null;
                                        occupancy: number;
                                        probabilityWait: number;
                                        serviceLevel: number;
                                    } | null;
                                    required: {
                                        abandonRate: number;
                                        agents: number;
                                        answerRate: number;
                                        averageSpeedOfAnswer: number | null;
                                        occupancy: number;
                                        probabilityWait: number;
                                        serviceLevel: number;
                                    };
                                    start: string;
                                    volume: number;
                                }[];
                                volume: number;
                            }[];
                            history: {
                                from: string;
                                to: string;
                            };
                            /** @enum {string} */
                            model: "erlang_c" | "erlang_a";
                            patience: number | null;
                            /** @enum {string|null} */
                            patienceSource: "input" | "estimated" | null;
                            serviceLevel: number;
                            targetSeconds: number;
                            /** @enum {string} */
                            volumeSource: "calls" | "contacts";
                        };
                    };
                };
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
    "/api/v1/analytics/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 统计汇总 Figures by unit, region, category, channel or type */
        get: {
            parameters: {
                query: {
                    from: string;
                    groupBy: "unit" | "region" | "category" | "channel" | "type";
                    percentiles?: "true" | "false";
                    to: string;
                    unitId?: number;
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
                            groupBy: string;
                            rows: {
                                indicators: {
                                    avg_handling_hours: number | null;
                                    callback_rate: number | null;
                                    composite_score: number | null;
                                    contacts: number | null;
                                    direct_answer_rate: number | null;
                                    extension_rate: number | null;
                                    improper_return_count: number | null;
                                    objection_rate: number | null;
                                    on_time_completion_rate: number | null;
                                    on_time_sign_rate: number | null;
                                    orders: number | null;
                                    overdue_count: number | null;
                                    overdue_rate: number | null;
                                    p50_handling_hours: number | null;
                                    p90_handling_hours: number | null;
                                    reopen_rate: number | null;
                                    repeat_complaint_rate: number | null;
                                    resolution_rate: number | null;
                                    response_rate: number | null;
                                    return_rate: number | null;
                                    satisfaction_rate: number | null;
                                    supervision_count: number | null;
                                    upheld_dissatisfaction_count: number | null;
                                };
                                key: string;
                                label: string;
                                measures: {
                                    basicallySatisfied: number;
                                    callbacks: number;
                                    callbacksReached: number;
                                    complaints: number;
                                    contacts: number;
                                    directAnswered: number;
                                    dispatches: number;
                                    extensionRequests: number;
                                    handlingSeconds: number;
                                    improperReturns: number;
                                    invalid: number;
                                    merged: number;
                                    objections: number;
                                    objectionsDenied: number;
                                    overdue: number;
                                    reopens: number;
                                    repeatComplaints: number;
                                    replies: number;
                                    repliesOnTime: number;
                                    resolved: number;
                                    resolvedAnswered: number;
                                    returns: number;
                                    reviewsAccepted: number;
                                    reviewsRejected: number;
                                    satisfied: number;
                                    signs: number;
                                    signsOnTime: number;
                                    supervisions: number;
                                    transferred: number;
                                    unsatisfied: number;
                                    urges: number;
                                };
                            }[];
                            settings: {
                                compositeWeights: {
                                    resolution: number;
                                    response: number;
                                    satisfaction: number;
                                };
                                satisfactionCountsBasic: boolean;
                            };
                            to: string;
                            total: {
                                indicators: {
                                    avg_handling_hours: number | null;
                                    callback_rate: number | null;
                                    composite_score: number | null;
                                    contacts: number | null;
                                    direct_answer_rate: number | null;
                                    extension_rate: number | null;
                                    improper_return_count: number | null;
                                    objection_rate: number | null;
                                    on_time_completion_rate: number | null;
                                    on_time_sign_rate: number | null;
                                    orders: number | null;
                                    overdue_count: number | null;
                                    overdue_rate: number | null;
                                    p50_handling_hours: number | null;
                                    p90_handling_hours: number | null;
                                    reopen_rate: number | null;
                                    repeat_complaint_rate: number | null;
                                    resolution_rate: number | null;
                                    response_rate: number | null;
                                    return_rate: number | null;
                                    satisfaction_rate: number | null;
                                    supervision_count: number | null;
                                    upheld_dissatisfaction_count: number | null;
                                };
                                measures: {
                                    basicallySatisfied: number;
                                    callbacks: number;
                                    callbacksReached: number;
                                    complaints: number;
                                    contacts: number;
                                    directAnswered: number;
                                    dispatches: number;
                                    extensionRequests: number;
                                    handlingSeconds: number;
                                    improperReturns: number;
                                    invalid: number;
                                    merged: number;
                                    objections: number;
                                    objectionsDenied: number;
                                    overdue: number;
                                    reopens: number;
                                    repeatComplaints: number;
                                    replies: number;
                                    repliesOnTime: number;
                                    resolved: number;
                                    resolvedAnswered: number;
                                    returns: number;
                                    reviewsAccepted: number;
                                    reviewsRejected: number;
                                    satisfied: number;
                                    signs: number;
                                    signsOnTime: number;
                                    supervisions: number;
                                    transferred: number;
                                    unsatisfied: number;
                                    urges: number;
                                };
                            };
                        };
                    };
                };
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
    "/api/v1/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传附件 Upload an attachment (multipart field "file") */
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
                            filename: string;
                            id: number;
                            mimeType: string;
                            sizeBytes: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载附件 Download an attachment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                    content?: never;
                };
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
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户 Current user */
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
                            csrfToken: string | null;
                            displayName: string;
                            /** @enum {string} */
                            kind: "user" | "api_key" | "system" | "public";
                            /** @enum {string|null} */
                            role: "agent" | "dispatcher" | "handler" | "unit_admin" | "supervisor" | "callback_agent" | "leader" | "admin" | null;
                            unitId: number | null;
                            userId: number | null;
                        };
                    };
                };
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
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登录 Sign in */
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
                        password: string;
                        username: string;
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
                            csrfToken: string | null;
                            displayName: string;
                            /** @enum {string} */
                            kind: "user" | "api_key" | "system" | "public";
                            /** @enum {string|null} */
                            role: "agent" | "dispatcher" | "handler" | "unit_admin" | "supervisor" | "callback_agent" | "leader" | "admin" | null;
                            unitId: number | null;
                            userId: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出 Sign out */
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
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入话务记录 Push call records from the phone system (idempotent by source + externalId) */
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
                        calls: {
                            agentUserId?: number | null;
                            /** Format: date-time */
                            answeredAt?: string | null;
                            /**
                             * @default inbound
                             * @enum {string}
                             */
                            direction?: "inbound" | "outbound";
                            /** Format: date-time */
                            endedAt: string;
                            externalId: string;
                            /** Format: date-time */
                            offeredAt: string;
                            phone?: string | null;
                            /** @default  */
                            queue?: string;
                            rating?: (1 | 2 | 3) | null;
                            talkSeconds?: number;
                            ticketId?: number | null;
                            waitSeconds?: number;
                            /** @default 0 */
                            wrapUpSeconds?: number;
                        }[];
                        source: string;
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
                            created: number;
                            received: number;
                            unchanged: number;
                            updated: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calls/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 接通率 Answer rate and 15-second answer rate by day, week, month or half hour */
        get: {
            parameters: {
                query: {
                    from: string;
                    granularity?: "day" | "week" | "month" | "half_hour";
                    queue?: string;
                    to: string;
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
                            granularity: string;
                            patienceSeconds: number | null;
                            queue: string | null;
                            rows: {
                                counts: {
                                    abandoned: number;
                                    answered: number;
                                    answeredWaitSeconds: number;
                                    answeredWithinTarget: number;
                                    offered: number;
                                    rated: number;
                                    ratedSatisfied: number;
                                    talkSeconds: number;
                                    waitSeconds: number;
                                    wrapUpSeconds: number;
                                };
                                indicators: {
                                    abandon_rate: number | null;
                                    answer_15s_rate: number | null;
                                    answer_rate: number | null;
                                    avg_call_handling_seconds: number | null;
                                    avg_speed_of_answer_seconds: number | null;
                                    call_satisfaction_rate: number | null;
                                    calls_answered: number | null;
                                    calls_offered: number | null;
                                    calls_rated: number | null;
                                };
                                period: string;
                            }[];
                            targetSeconds: number;
                            to: string;
                            total: {
                                counts: {
                                    abandoned: number;
                                    answered: number;
                                    answeredWaitSeconds: number;
                                    answeredWithinTarget: number;
                                    offered: number;
                                    rated: number;
                                    ratedSatisfied: number;
                                    talkSeconds: number;
                                    waitSeconds: number;
                                    wrapUpSeconds: number;
                                };
                                indicators: {
                                    abandon_rate: number | null;
                                    answer_15s_rate: number | null;
                                    answer_rate: number | null;
                                    avg_call_handling_seconds: number | null;
                                    avg_speed_of_answer_seconds: number | null;
                                    call_satisfaction_rate: number | null;
                                    calls_answered: number | null;
                                    calls_offered: number | null;
                                    calls_rated: number | null;
                                };
                            };
                        };
                    };
                };
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
    "/api/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 诉求分类 Categories (three-level tree) */
        get: {
            parameters: {
                query?: {
                    includeInactive?: "0" | "1" | "true" | "false";
                    view?: "tree" | "flat";
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
                                children?: {
                                    children?: {
                                        children?: unknown[];
                                        code: string;
                                        id: number;
                                        isActive: boolean;
                                        level: number;
                                        name: string;
                                        parentId: number | null;
                                        pathName: string;
                                    }[];
                                    code: string;
                                    id: number;
                                    isActive: boolean;
                                    level: number;
                                    name: string;
                                    parentId: number | null;
                                    pathName: string;
                                }[];
                                code: string;
                                id: number;
                                isActive: boolean;
                                level: number;
                                name: string;
                                parentId: number | null;
                                pathName: string;
                            }[];
                        };
                    };
                };
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
    "/api/v1/channels/boards/{source}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入留言 Import a board's exported list (multipart field "file": CSV, .xlsx or JSON); all or nothing per file, messages taken before are skipped */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    source: "people_cn" | "weibo";
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
                            contactIds: number[];
                            created: number;
                            duplicates: number;
                            format: string;
                            rows: number;
                            /** @enum {string} */
                            source: "people_cn" | "weibo";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/boards/{source}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出答复 The answers given in a time window to the board's messages, with the board's ids (CSV or Excel), to upload to the board */
        get: {
            parameters: {
                query: {
                    format?: "csv" | "xlsx";
                    since: unknown;
                    until?: unknown;
                };
                header?: never;
                path: {
                    source: "people_cn" | "weibo";
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
                    content?: never;
                };
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
    "/api/v1/channels/sms/kannel/dlr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 短信状态报告 A delivery report from Kannel for a message we sent */
        get: {
            parameters: {
                query: {
                    answer?: string;
                    message: number;
                    part?: number;
                    parts?: number;
                    secret: string;
                    type: number;
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
                            contactId?: number;
                            isDuplicate?: boolean;
                            ok: boolean;
                        };
                    };
                };
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
    "/api/v1/channels/sms/kannel/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 短信上行 An incoming SMS from Kannel (answered after the contact is committed; repeated deliveries are one contact) */
        get: {
            parameters: {
                query: {
                    charset?: string;
                    coding?: number;
                    from: string;
                    id: string;
                    secret: string;
                    smsc?: string;
                    time?: number;
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
                            contactId?: number;
                            isDuplicate?: boolean;
                            ok: boolean;
                        };
                    };
                };
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
    "/api/v1/channels/wechat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 微信服务器验证 URL verification: echoes echostr when the signature is right */
        get: {
            parameters: {
                query: {
                    echostr: string;
                    nonce: string;
                    signature?: string;
                    timestamp: string;
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
                    content?: never;
                };
            };
        };
        put?: never;
        /** 微信消息 A user's message (text, image, voice, location), plain or safe mode; answered with a passive reply */
        post: {
            parameters: {
                query: {
                    encrypt_type?: "raw" | "aes";
                    msg_signature?: string;
                    nonce: string;
                    openid?: string;
                    signature?: string;
                    timestamp: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizens/{id}": {
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
        /** 修改诉求人 Update citizen (name, language, confidentiality) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        isConfidential?: boolean;
                        language?: string;
                        name?: string | null;
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
                            createdAt: string;
                            id: number;
                            isConfidential: boolean;
                            language: string;
                            name: string | null;
                            phone: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/citizens/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 诉求人全渠道记录 The citizen's contacts, orders and calls from every channel */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            channels: {
                                address: string;
                                channel: string;
                            }[];
                            citizenId: number;
                            items: {
                                /** Format: date-time */
                                at: string;
                                channel: string;
                                id: number;
                                /** @enum {string} */
                                kind: "contact" | "ticket" | "call";
                                status: string;
                                text: string;
                                ticketId: number | null;
                            }[];
                            notices: {
                                isOptedOut: boolean;
                                preferredChannel: string | null;
                            };
                            /** Format: date-time */
                            now: string;
                        };
                    };
                };
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
    "/api/v1/citizens/{id}/notice-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 通知偏好 The citizen's notice channel and opt-out */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        isOptedOut: boolean;
                        /** @enum {string|null} */
                        preferredChannel: "sms" | "wechat" | "mailbox" | null;
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
                            isOptedOut: boolean;
                            preferredChannel: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizens/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 来电弹屏 Look up a caller by phone, with earlier tickets */
        get: {
            parameters: {
                query: {
                    phone: string;
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
                            citizen: {
                                createdAt: string;
                                id: number;
                                isConfidential: boolean;
                                language: string;
                                name: string | null;
                                phone: string;
                            } | null;
                            openTicketCount: number;
                            phone: string;
                            ticketCount: number;
                            tickets: {
                                channel: string;
                                createdAt: string;
                                id: number;
                                isOpen: boolean;
                                leadUnitId: number | null;
                                leadUnitName: string | null;
                                number: string;
                                /** @enum {string} */
                                status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                                title: string;
                                type: string;
                            }[];
                        };
                    };
                };
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
    "/api/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 书面诉求队列 Written contacts of every channel, nearest response deadline first */
        get: {
            parameters: {
                query?: {
                    channel?: "phone" | "web" | "sms" | "wechat" | "weibo" | "mailbox" | "people_cn" | "app" | "open311";
                    limit?: number;
                    status?: "open" | "mine" | "answered" | "all";
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
                            counts: {
                                channel: string;
                                open: number;
                                overdue: number;
                            }[];
                            items: {
                                address: string;
                                channel: string;
                                citizenId: number | null;
                                /** Format: date-time */
                                claimedAt: string | null;
                                claimedById: number | null;
                                content: string;
                                id: number;
                                meta: {
                                    against?: number;
                                    attachments?: {
                                        filename: string;
                                        id: number;
                                        mimeType: string;
                                        sizeBytes: number;
                                    }[];
                                    comments?: number;
                                    filename?: string;
                                    followUp?: {
                                        mergedFrom?: string;
                                        number: string;
                                        /** @enum {string} */
                                        via: "thread" | "number";
                                    };
                                    /** @enum {string} */
                                    importedFrom?: "file" | "pull";
                                    likes?: number;
                                    mentionedNumbers?: string[];
                                    refusedAttachments?: {
                                        filename: string;
                                        mimeType: string;
                                        reason: string;
                                    }[];
                                    rejectedReason?: string;
                                    reposts?: number;
                                    row?: number;
                                    thread?: {
                                        contactId: number;
                                        ticketId: number | null;
                                    };
                                } & {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                receivedAt: string;
                                /** Format: date-time */
                                respondBy: string;
                                /** Format: date-time */
                                respondedAt: string | null;
                                senderName: string | null;
                                sla: {
                                    remainingSeconds: number;
                                    /** @enum {string} */
                                    state: "normal" | "at_risk" | "overdue";
                                    waitedSeconds: number;
                                };
                                /** @enum {string} */
                                status: "waiting" | "claimed" | "answered" | "converted" | "attached" | "closed";
                                subject: string | null;
                                suggestedCitizen: {
                                    citizenId: number | null;
                                    phone: string;
                                } | null;
                                ticketId: number | null;
                                ticketNumber: string | null;
                            }[];
                            /** Format: date-time */
                            now: string;
                        };
                    };
                };
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
    "/api/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 书面诉求详情 A contact with the messages sent about it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            address: string;
                            channel: string;
                            citizenId: number | null;
                            /** Format: date-time */
                            claimedAt: string | null;
                            claimedById: number | null;
                            content: string;
                            id: number;
                            messages: {
                                body: string;
                                channel: string;
                                contactId: number | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                deliveredAt: string | null;
                                deliveryReports: {
                                    at: string;
                                    detail: string;
                                    status: string;
                                }[];
                                externalId: string | null;
                                id: number;
                                kind: string;
                                lastError: string | null;
                                /** Format: date-time */
                                notBefore: string | null;
                                /** Format: date-time */
                                sentAt: string | null;
                                status: string;
                                subject: string | null;
                                ticketId: number | null;
                            }[];
                            meta: {
                                against?: number;
                                attachments?: {
                                    filename: string;
                                    id: number;
                                    mimeType: string;
                                    sizeBytes: number;
                                }[];
                                comments?: number;
                                filename?: string;
                                followUp?: {
                                    mergedFrom?: string;
                                    number: string;
                                    /** @enum {string} */
                                    via: "thread" | "number";
                                };
                                /** @enum {string} */
                                importedFrom?: "file" | "pull";
                                likes?: number;
                                mentionedNumbers?: string[];
                                refusedAttachments?: {
                                    filename: string;
                                    mimeType: string;
                                    reason: string;
                                }[];
                                rejectedReason?: string;
                                reposts?: number;
                                row?: number;
                                thread?: {
                                    contactId: number;
                                    ticketId: number | null;
                                };
                            } & {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: date-time */
                            respondBy: string;
                            /** Format: date-time */
                            respondedAt: string | null;
                            senderName: string | null;
                            sla: {
                                remainingSeconds: number;
                                /** @enum {string} */
                                state: "normal" | "at_risk" | "overdue";
                                waitedSeconds: number;
                            };
                            /** @enum {string} */
                            status: "waiting" | "claimed" | "answered" | "converted" | "attached" | "closed";
                            subject: string | null;
                            suggestedCitizen: {
                                citizenId: number | null;
                                phone: string;
                            } | null;
                            ticketId: number | null;
                            ticketNumber: string | null;
                        };
                    };
                };
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
    "/api/v1/contacts/{id}/attach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 并入工单 Attach a contact to an existing order */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ticketNumber: string;
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
                            contactId: number;
                            number: string;
                            ticketId: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 来信附件 A file that came with a contact (an e-mail attachment) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    attachmentId: number;
                    id: number;
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
                    content?: never;
                };
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
    "/api/v1/contacts/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 领取 Claim a contact */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            address: string;
                            channel: string;
                            citizenId: number | null;
                            /** Format: date-time */
                            claimedAt: string | null;
                            claimedById: number | null;
                            content: string;
                            id: number;
                            meta: {
                                against?: number;
                                attachments?: {
                                    filename: string;
                                    id: number;
                                    mimeType: string;
                                    sizeBytes: number;
                                }[];
                                comments?: number;
                                filename?: string;
                                followUp?: {
                                    mergedFrom?: string;
                                    number: string;
                                    /** @enum {string} */
                                    via: "thread" | "number";
                                };
                                /** @enum {string} */
                                importedFrom?: "file" | "pull";
                                likes?: number;
                                mentionedNumbers?: string[];
                                refusedAttachments?: {
                                    filename: string;
                                    mimeType: string;
                                    reason: string;
                                }[];
                                rejectedReason?: string;
                                reposts?: number;
                                row?: number;
                                thread?: {
                                    contactId: number;
                                    ticketId: number | null;
                                };
                            } & {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: date-time */
                            respondBy: string;
                            /** Format: date-time */
                            respondedAt: string | null;
                            senderName: string | null;
                            sla: {
                                remainingSeconds: number;
                                /** @enum {string} */
                                state: "normal" | "at_risk" | "overdue";
                                waitedSeconds: number;
                            };
                            /** @enum {string} */
                            status: "waiting" | "claimed" | "answered" | "converted" | "attached" | "closed";
                            subject: string | null;
                            suggestedCitizen: {
                                citizenId: number | null;
                                phone: string;
                            } | null;
                            ticketId: number | null;
                            ticketNumber: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/confirm-citizen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认为该市民 Confirm that the sender is the citizen whose number the message gives; links the sender's address (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            address: string;
                            channel: string;
                            citizenId: number | null;
                            /** Format: date-time */
                            claimedAt: string | null;
                            claimedById: number | null;
                            content: string;
                            id: number;
                            meta: {
                                against?: number;
                                attachments?: {
                                    filename: string;
                                    id: number;
                                    mimeType: string;
                                    sizeBytes: number;
                                }[];
                                comments?: number;
                                filename?: string;
                                followUp?: {
                                    mergedFrom?: string;
                                    number: string;
                                    /** @enum {string} */
                                    via: "thread" | "number";
                                };
                                /** @enum {string} */
                                importedFrom?: "file" | "pull";
                                likes?: number;
                                mentionedNumbers?: string[];
                                refusedAttachments?: {
                                    filename: string;
                                    mimeType: string;
                                    reason: string;
                                }[];
                                rejectedReason?: string;
                                reposts?: number;
                                row?: number;
                                thread?: {
                                    contactId: number;
                                    ticketId: number | null;
                                };
                            } & {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: date-time */
                            respondBy: string;
                            /** Format: date-time */
                            respondedAt: string | null;
                            senderName: string | null;
                            sla: {
                                remainingSeconds: number;
                                /** @enum {string} */
                                state: "normal" | "at_risk" | "overdue";
                                waitedSeconds: number;
                            };
                            /** @enum {string} */
                            status: "waiting" | "claimed" | "answered" | "converted" | "attached" | "closed";
                            subject: string | null;
                            suggestedCitizen: {
                                citizenId: number | null;
                                phone: string;
                            } | null;
                            ticketId: number | null;
                            ticketNumber: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 释放 Put a claimed contact back in the queue */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            address: string;
                            channel: string;
                            citizenId: number | null;
                            /** Format: date-time */
                            claimedAt: string | null;
                            claimedById: number | null;
                            content: string;
                            id: number;
                            meta: {
                                against?: number;
                                attachments?: {
                                    filename: string;
                                    id: number;
                                    mimeType: string;
                                    sizeBytes: number;
                                }[];
                                comments?: number;
                                filename?: string;
                                followUp?: {
                                    mergedFrom?: string;
                                    number: string;
                                    /** @enum {string} */
                                    via: "thread" | "number";
                                };
                                /** @enum {string} */
                                importedFrom?: "file" | "pull";
                                likes?: number;
                                mentionedNumbers?: string[];
                                refusedAttachments?: {
                                    filename: string;
                                    mimeType: string;
                                    reason: string;
                                }[];
                                rejectedReason?: string;
                                reposts?: number;
                                row?: number;
                                thread?: {
                                    contactId: number;
                                    ticketId: number | null;
                                };
                            } & {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: date-time */
                            respondBy: string;
                            /** Format: date-time */
                            respondedAt: string | null;
                            senderName: string | null;
                            sla: {
                                remainingSeconds: number;
                                /** @enum {string} */
                                state: "normal" | "at_risk" | "overdue";
                                waitedSeconds: number;
                            };
                            /** @enum {string} */
                            status: "waiting" | "claimed" | "answered" | "converted" | "attached" | "closed";
                            subject: string | null;
                            suggestedCitizen: {
                                citizenId: number | null;
                                phone: string;
                            } | null;
                            ticketId: number | null;
                            ticketNumber: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 答复 Reply in the channel the contact came from (Idempotency-Key honoured) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
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
                            body: string;
                            channel: string;
                            contactId: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            deliveredAt: string | null;
                            deliveryReports: {
                                at: string;
                                detail: string;
                                status: string;
                            }[];
                            externalId: string | null;
                            id: number;
                            kind: string;
                            lastError: string | null;
                            /** Format: date-time */
                            notBefore: string | null;
                            /** Format: date-time */
                            sentAt: string | null;
                            status: string;
                            subject: string | null;
                            ticketId: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 转工单 Turn a contact into an order; the citizen is told its number */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: string | null;
                        categoryId?: number | null;
                        content?: string;
                        /** @default false */
                        isConfidential?: boolean;
                        regionId?: number | null;
                        title?: string;
                        /** @enum {string} */
                        type: "inquiry" | "help" | "complaint" | "report" | "suggestion" | "praise";
                        /**
                         * @default normal
                         * @enum {string}
                         */
                        urgency?: "normal" | "urgent";
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
                            contactId: number;
                            number: string;
                            ticketId: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch-catalogue/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 派单目录查询 Candidate units for a category and region */
        get: {
            parameters: {
                query: {
                    categoryId: number;
                    regionId?: number;
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
                            candidates: {
                                catalogueId: number;
                                categoryId: number;
                                isParentCategory: boolean;
                                note: string | null;
                                regionId: number | null;
                                regionName: string | null;
                                unitCode: string;
                                unitId: number;
                                unitKind: string;
                                unitName: string;
                            }[];
                            categoryId: number;
                            regionId: number | null;
                        };
                    };
                };
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
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 领域事件订阅 Domain events for integrations
         * @description Committed events in id order: ticket.created, then ticket.<action> for every step of an order (ticket.dispatch, ticket.sign, ticket.reply, ticket.close, …). Poll with `after` set to the last `next`; an event is listed only once every transaction before it has ended, so none is skipped. API keys in a unit role (handler, unit_admin) receive only events naming their unit; admins and centre-role keys receive all.
         */
        get: {
            parameters: {
                query?: {
                    after?: number;
                    limit?: number;
                    topics?: string;
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
                                at: string;
                                id: number;
                                payload: unknown;
                                ticketId: number | null;
                                topic: string;
                                unitIds: number[];
                            }[];
                            next: number;
                        };
                    };
                };
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
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 健康检查 Health check (load balancer) */
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
                            /** @enum {string} */
                            mode: "embedded" | "server";
                            pid: number;
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
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
    "/api/v1/insight/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 预警：分类×区域工单激增 Surge alerts by category and district */
        get: {
            parameters: {
                query?: {
                    from?: string;
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
                            isTruncated: boolean;
                            items: {
                                baselinePeriods: number;
                                categoryId: number | null;
                                categoryName: string | null;
                                createdAt: string;
                                expected: number;
                                /** @enum {string} */
                                granularity: "hour" | "day";
                                id: number;
                                /** @enum {string} */
                                level: "warning" | "critical";
                                message: string;
                                messageEn: string;
                                observed: number;
                                period: string;
                                pValue: number;
                                regionId: number | null;
                                regionName: string | null;
                                risePercent: number;
                                ticketIds: number[];
                                updatedAt: string;
                                windowEnd: string;
                                windowStart: string;
                            }[];
                            to: string;
                        };
                    };
                };
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
    "/api/v1/insight/dispatch-accuracy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 派单准确率 Dispatch accuracy of suggestions */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
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
                            autoDispatched: number;
                            autoDispatchShare: number | null;
                            categoryAccuracy: number | null;
                            decided: number;
                            from: string;
                            series: {
                                autoDispatched: number;
                                autoDispatchShare: number | null;
                                categoryAccuracy: number | null;
                                decided: number;
                                unitAccuracy: number | null;
                                weekStart: string;
                            }[];
                            to: string;
                            unitAccuracy: number | null;
                        };
                    };
                };
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
    "/api/v1/insight/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重复件与相似工单 Find duplicates and repeats */
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
                        citizenId?: number;
                        content: string;
                        regionId?: number;
                        ticketId?: number;
                        title?: string;
                        /** @default 30 */
                        windowDays?: number;
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
                            isRepeat: boolean;
                            items: {
                                createdAt: string;
                                isRepeat: boolean;
                                number: string;
                                reasons: ("same_citizen" | "same_place" | "same_region" | "similar_text" | "near_copy")[];
                                score: number;
                                sharedPlaces: string[];
                                shouldMerge: boolean;
                                similarity: number;
                                status: string;
                                ticketId: number;
                                title: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insight/hotspots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 热点问题 Hotspots of a period */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    top?: number;
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
                            capped: {
                                limit: number;
                                message: string;
                                messageEn: string;
                                since: string;
                            } | null;
                            computedAt: string | null;
                            durationMs: number | null;
                            error: {
                                details: string;
                                message: string;
                                messageEn: string;
                            } | null;
                            from: string;
                            items: {
                                citizens: number;
                                components: {
                                    citizens: number;
                                    count: number;
                                    growth: number;
                                    likes: number;
                                    urgency: number;
                                };
                                count: number;
                                district: string | null;
                                firstAt: string;
                                heat: number;
                                lastAt: string;
                                numbers: string[];
                                place: string | null;
                                rank: number;
                                region: string | null;
                                terms: string[];
                                ticketIds: number[];
                                title: string;
                                trend: {
                                    /** @enum {string} */
                                    direction: "rising" | "falling" | "steady";
                                    series: {
                                        count: number;
                                        period: string;
                                    }[];
                                    /** @enum {string} */
                                    unit: "day" | "week" | "month";
                                };
                            }[];
                            orders: number;
                            ordersInPeriod: number;
                            /** @enum {string} */
                            status: "pending" | "running" | "ready" | "failed";
                            to: string;
                        };
                    };
                };
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
    "/api/v1/insight/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下钻：热点或预警的工单 Orders behind a hotspot or alert */
        get: {
            parameters: {
                query: {
                    ids: string;
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
                                categoryName: string | null;
                                createdAt: string;
                                id: number;
                                leadUnitName: string | null;
                                number: string;
                                regionName: string | null;
                                slaState: string;
                                status: string;
                                title: string;
                                urgency: string;
                            }[];
                        };
                    };
                };
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
    "/api/v1/insight/reply-quality/{ticketId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 答复质量检查 Reply quality check before review */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ticketId: number;
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
                            checks: {
                                hasAction: boolean;
                                hasActor: boolean;
                                hasNextStep: boolean;
                                hasTime: boolean;
                                mentionsPlace: boolean | null;
                            };
                            completeness: number;
                            form: number;
                            isAcceptable: boolean;
                            matchedTerms: string[];
                            problems: {
                                code: string;
                                message: string;
                                messageEn: string;
                            }[];
                            relevance: number;
                            reply: {
                                createdAt: string;
                                id: number;
                                status: string;
                                unitId: number;
                                unitName: string;
                            };
                            score: number;
                            subScores: {
                                /** @enum {string} */
                                key: "relevance" | "completeness" | "form";
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                message: string;
                                messageEn: string;
                                score: number;
                                weight: number;
                            }[];
                            summary: {
                                message: string;
                                messageEn: string;
                            };
                            threshold: number;
                            ticketId: number;
                        };
                    };
                };
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
    "/api/v1/insight/suggest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 派单建议：分类与承办单位 Suggest category and unit */
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
                        content: string;
                        regionId?: number;
                        ticketId?: number;
                        title?: string;
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
                            categories: {
                                categoryId: number;
                                confidence: number;
                                name: string;
                                pathName: string;
                            }[];
                            location: {
                                address: string | null;
                                confidence: number;
                                evidence?: {
                                    end: number;
                                    kind: string;
                                    regionId: number | null;
                                    start: number;
                                    text: string;
                                }[];
                                regionId: number | null;
                                regionPath: string[];
                            };
                            models: {
                                categoryVersion: number | null;
                                unitVersion: number | null;
                            };
                            reason: {
                                code: string;
                                message: string;
                                messageEn: string;
                            } | null;
                            suggestionId: number;
                            terms: string[];
                            units: {
                                categoryId: number;
                                confidence: number | null;
                                name: string;
                                unitId: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insight/suggestions/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 记录最终派单选择 Record the final dispatch choice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        categoryId: number | null;
                        /** @default false */
                        isAutoDispatched?: boolean;
                        ticketId?: number;
                        unitId: number | null;
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
                            isCategoryHit: boolean | null;
                            isUnitHit: boolean | null;
                            suggestionId: number;
                            ticketId: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 知识库检索 Search knowledge items */
        get: {
            parameters: {
                query?: {
                    about?: string;
                    categoryId?: number;
                    cursor?: string;
                    includeExpired?: "0" | "1" | "true" | "false";
                    includeUnpublished?: "0" | "1" | "true" | "false";
                    limit?: number;
                    q?: string;
                    unitId?: number;
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
                                categoryId: number | null;
                                categoryPathName: string | null;
                                excerpt: string;
                                id: number;
                                isPublished: boolean;
                                isValid: boolean;
                                keywords: string[];
                                rank: number | null;
                                title: string;
                                unitId: number | null;
                                unitName: string | null;
                                updatedAt: string;
                                useCount: number;
                                validFrom: string | null;
                                validTo: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建知识条目 Create knowledge item */
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
                        categoryId?: number | null;
                        content: string;
                        isPublished?: boolean;
                        keywords?: string[];
                        title: string;
                        unitId?: number | null;
                        /** Format: date */
                        validFrom?: string | null;
                        /** Format: date */
                        validTo?: string | null;
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
                            categoryId: number | null;
                            categoryPathName: string | null;
                            content: string;
                            createdAt: string;
                            createdById: number | null;
                            id: number;
                            isPublished: boolean;
                            isValid: boolean;
                            keywords: string[];
                            title: string;
                            unitId: number | null;
                            unitName: string | null;
                            updatedAt: string;
                            useCount: number;
                            validFrom: string | null;
                            validTo: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 知识条目 Knowledge item */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            categoryId: number | null;
                            categoryPathName: string | null;
                            content: string;
                            createdAt: string;
                            createdById: number | null;
                            id: number;
                            isPublished: boolean;
                            isValid: boolean;
                            keywords: string[];
                            title: string;
                            unitId: number | null;
                            unitName: string | null;
                            updatedAt: string;
                            useCount: number;
                            validFrom: string | null;
                            validTo: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** 删除知识条目 Delete knowledge item */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改知识条目 Update knowledge item */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        categoryId?: number | null;
                        content?: string;
                        isPublished?: boolean;
                        keywords?: string[];
                        title?: string;
                        unitId?: number | null;
                        /** Format: date */
                        validFrom?: string | null;
                        /** Format: date */
                        validTo?: string | null;
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
                            categoryId: number | null;
                            categoryPathName: string | null;
                            content: string;
                            createdAt: string;
                            createdById: number | null;
                            id: number;
                            isPublished: boolean;
                            isValid: boolean;
                            keywords: string[];
                            title: string;
                            unitId: number | null;
                            unitName: string | null;
                            updatedAt: string;
                            useCount: number;
                            validFrom: string | null;
                            validTo: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 实时推送（SSE） Live updates (Server-Sent Events)
         * @description text/event-stream of `ticket` events {topic, ticketId, unitIds, payload: {number, title, categoryName, regionName, urgency, status}, at} and `alert` events (surge alerts, topic alert.raised, for dispatchers, supervisors, leaders, admins); unit users receive only ticket events naming their unit.
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
                    content?: never;
                };
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
    "/api/v1/public/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 诉求分类（前两级）Categories for the portal form (first two levels) */
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
                                code: string;
                                id: number;
                                level: number;
                                name: string;
                                parentId: number | null;
                            }[];
                        };
                    };
                };
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
    "/api/v1/public/nearby": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 附近的诉求 Open reports near a point or of a category (no personal data) */
        get: {
            parameters: {
                query?: {
                    categoryId?: number;
                    lat?: number;
                    lng?: number;
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
                                distanceMetres: number | null;
                                isSameCategory: boolean;
                                number: string;
                                /** @enum {string} */
                                status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                                statusLabel: {
                                    en: string;
                                    zh: string;
                                };
                                title: string;
                            }[];
                            radiusMetres: number;
                        };
                    };
                };
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
    "/api/v1/public/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 市民提交诉求 Submit a request (JSON, or multipart fields plus up to 9 photos) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: string | null;
                        categoryId?: number | null;
                        content: string;
                        isConfidential?: boolean | ("0" | "1" | "true" | "false" | "on");
                        /**
                         * @default zh
                         * @enum {string}
                         */
                        language?: "zh" | "en" | "ko" | "ja";
                        lat?: number | null;
                        lng?: number | null;
                        name?: string | null;
                        phone: string;
                        regionId?: number | null;
                        /**
                         * @default help
                         * @enum {string}
                         */
                        type?: "inquiry" | "help" | "complaint" | "report" | "suggestion" | "praise";
                    } | null;
                    "multipart/form-data": {
                        address?: string | null;
                        categoryId?: number | null;
                        content: string;
                        isConfidential?: boolean | ("0" | "1" | "true" | "false" | "on");
                        /**
                         * @default zh
                         * @enum {string}
                         */
                        language?: "zh" | "en" | "ko" | "ja";
                        lat?: number | null;
                        lng?: number | null;
                        name?: string | null;
                        phone: string;
                        regionId?: number | null;
                        /**
                         * @default help
                         * @enum {string}
                         */
                        type?: "inquiry" | "help" | "complaint" | "report" | "suggestion" | "praise";
                    } | null;
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
                            number: string;
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/requests/{number}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 市民评价 Rate a closed order (1–5, once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string | null;
                        phoneLast4: string;
                        rating: number;
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
                            number: string;
                            rating: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/requests/reply-photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 答复照片 A photo of the accepted reply, for the order's citizen */
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
                        attachmentId: number;
                        number: string;
                        phoneLast4?: string;
                        token?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/requests/track": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 查询办理进度 Follow an order by its number and the last four digits of the phone (or its token), sent in the body */
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
                        number: string;
                        phoneLast4?: string;
                        token?: string;
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
                            canRate: boolean;
                            /** Format: date-time */
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            number: string;
                            rating: number | null;
                            reply: {
                                /** Format: date-time */
                                at: string;
                                content: string;
                                unitName: string | null;
                            } | null;
                            replyPhotos: {
                                filename: string;
                                id: number;
                            }[];
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            timeline: {
                                action: string;
                                /** Format: date-time */
                                at: string;
                                label: {
                                    en: string;
                                    zh: string;
                                };
                                unitName: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quality/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 坐席绩效 Agent performance for a period (an agent sees only their own) */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
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
                            items: {
                                agentUserId: number;
                                averageHandlingSeconds: number | null;
                                averageQaScore: number | null;
                                callsAnswered: number;
                                contactsHandled: number;
                                directAnswered: number;
                                directAnswerRate: number | null;
                                displayName: string;
                                fatalInspections: number;
                                inspections: number;
                                isActive: boolean;
                                nonPhoneOrders: number;
                                ordersCreated: number;
                                pendingInspections: number;
                                role: string;
                                talkSeconds: number;
                                username: string;
                                wrapUpSeconds: number;
                            }[];
                            to: string;
                        };
                    };
                };
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
    "/api/v1/quality/agents/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单个坐席绩效 One agent's performance record */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path: {
                    userId: number;
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
                            agentUserId: number;
                            averageHandlingSeconds: number | null;
                            averageQaScore: number | null;
                            callsAnswered: number;
                            contactsHandled: number;
                            directAnswered: number;
                            directAnswerRate: number | null;
                            displayName: string;
                            fatalInspections: number;
                            from: string;
                            inspections: number;
                            isActive: boolean;
                            nonPhoneOrders: number;
                            ordersCreated: number;
                            pendingInspections: number;
                            role: string;
                            talkSeconds: number;
                            to: string;
                            username: string;
                            wrapUpSeconds: number;
                        };
                    };
                };
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
    "/api/v1/quality/forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 质检评分表 Inspection forms */
        get: {
            parameters: {
                query?: {
                    includeInactive?: "true" | "false";
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
                                description: string | null;
                                id: number;
                                isActive: boolean;
                                isFrozen: boolean;
                                items: {
                                    isFatal: boolean;
                                    key: string;
                                    label: string;
                                    maxPoints: number;
                                }[];
                                name: string;
                                previousVersionId: number | null;
                                /** Format: date-time */
                                updatedAt: string;
                                usedCount: number;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建评分表 Create an inspection form */
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
                        description?: string | null;
                        /** @default true */
                        isActive?: boolean;
                        items: {
                            /** @default false */
                            isFatal?: boolean;
                            key: string;
                            label: string;
                            maxPoints: number;
                        }[];
                        name: string;
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
                            description: string | null;
                            id: number;
                            isActive: boolean;
                            isFrozen: boolean;
                            items: {
                                isFatal: boolean;
                                key: string;
                                label: string;
                                maxPoints: number;
                            }[];
                            name: string;
                            previousVersionId: number | null;
                            /** Format: date-time */
                            updatedAt: string;
                            usedCount: number;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quality/forms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改评分表 Edit a form (a used form is saved as a new version) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        /** @default true */
                        isActive?: boolean;
                        items: {
                            /** @default false */
                            isFatal?: boolean;
                            key: string;
                            label: string;
                            maxPoints: number;
                        }[];
                        name: string;
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
                            description: string | null;
                            id: number;
                            isActive: boolean;
                            isFrozen: boolean;
                            items: {
                                isFatal: boolean;
                                key: string;
                                label: string;
                                maxPoints: number;
                            }[];
                            name: string;
                            previousVersionId: number | null;
                            /** Format: date-time */
                            updatedAt: string;
                            usedCount: number;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 删除评分表 Delete an unused form, or retire a used one */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            id: number;
                            isActive: boolean;
                            isDeleted: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quality/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 质检记录 Inspections of a period */
        get: {
            parameters: {
                query: {
                    agentUserId?: number;
                    from: string;
                    limit?: number;
                    status?: "pending" | "scored";
                    to: string;
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
                                agentName: string;
                                agentUserId: number;
                                callPhone: string | null;
                                callQueue: string | null;
                                callRecordId: number | null;
                                callTalkSeconds: number | null;
                                comment: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                formId: number;
                                formName: string;
                                formVersion: number;
                                hasFatal: boolean | null;
                                id: number;
                                inspectorName: string | null;
                                recordedCallId: string | null;
                                sampleSeed: number;
                                score: number | null;
                                /** Format: date-time */
                                scoredAt: string | null;
                                scores: {
                                    isViolated: boolean | null;
                                    key: string;
                                    points: number | null;
                                }[] | null;
                                /** @enum {string} */
                                status: "pending" | "scored";
                                /** Format: date-time */
                                subjectAt: string;
                                /** @enum {string} */
                                subjectKind: "ticket" | "call";
                                ticketChannel: string | null;
                                ticketId: number | null;
                                ticketNumber: string | null;
                                ticketTitle: string | null;
                            }[];
                        };
                    };
                };
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
    "/api/v1/quality/inspections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 质检记录详情 One inspection with its form */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            agentName: string;
                            agentUserId: number;
                            callPhone: string | null;
                            callQueue: string | null;
                            callRecordId: number | null;
                            callTalkSeconds: number | null;
                            comment: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            form: {
                                /** Format: date-time */
                                createdAt: string;
                                description: string | null;
                                id: number;
                                isActive: boolean;
                                isFrozen: boolean;
                                items: {
                                    isFatal: boolean;
                                    key: string;
                                    label: string;
                                    maxPoints: number;
                                }[];
                                name: string;
                                previousVersionId: number | null;
                                /** Format: date-time */
                                updatedAt: string;
                                usedCount: number;
                                version: number;
                            };
                            formId: number;
                            formName: string;
                            formVersion: number;
                            hasFatal: boolean | null;
                            id: number;
                            inspectorName: string | null;
                            recordedCallId: string | null;
                            sampleSeed: number;
                            score: number | null;
                            /** Format: date-time */
                            scoredAt: string | null;
                            scores: {
                                isViolated: boolean | null;
                                key: string;
                                points: number | null;
                            }[] | null;
                            /** @enum {string} */
                            status: "pending" | "scored";
                            /** Format: date-time */
                            subjectAt: string;
                            /** @enum {string} */
                            subjectKind: "ticket" | "call";
                            ticketChannel: string | null;
                            ticketId: number | null;
                            ticketNumber: string | null;
                            ticketTitle: string | null;
                        };
                    };
                };
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
    "/api/v1/quality/inspections/{id}/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 质检评分 Score an inspection against its form */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string | null;
                        scores: {
                            isViolated?: boolean | null;
                            key: string;
                            points?: number | null;
                        }[];
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
                            agentName: string;
                            agentUserId: number;
                            callPhone: string | null;
                            callQueue: string | null;
                            callRecordId: number | null;
                            callTalkSeconds: number | null;
                            comment: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            form: {
                                /** Format: date-time */
                                createdAt: string;
                                description: string | null;
                                id: number;
                                isActive: boolean;
                                isFrozen: boolean;
                                items: {
                                    isFatal: boolean;
                                    key: string;
                                    label: string;
                                    maxPoints: number;
                                }[];
                                name: string;
                                previousVersionId: number | null;
                                /** Format: date-time */
                                updatedAt: string;
                                usedCount: number;
                                version: number;
                            };
                            formId: number;
                            formName: string;
                            formVersion: number;
                            hasFatal: boolean | null;
                            id: number;
                            inspectorName: string | null;
                            recordedCallId: string | null;
                            sampleSeed: number;
                            score: number | null;
                            /** Format: date-time */
                            scoredAt: string | null;
                            scores: {
                                isViolated: boolean | null;
                                key: string;
                                points: number | null;
                            }[] | null;
                            /** @enum {string} */
                            status: "pending" | "scored";
                            /** Format: date-time */
                            subjectAt: string;
                            /** @enum {string} */
                            subjectKind: "ticket" | "call";
                            ticketChannel: string | null;
                            ticketId: number | null;
                            ticketNumber: string | null;
                            ticketTitle: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quality/samples": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 抽检 Draw a seeded sample of agents' orders and calls to inspect */
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
                        agentUserIds?: number[];
                        /** @default 0 */
                        callsPerAgent?: number;
                        formId: number;
                        from: string;
                        /** @default 0 */
                        ordersPerAgent?: number;
                        seed?: number;
                        to: string;
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
                            agents: {
                                agentUserId: number;
                                callCandidates: number;
                                calls: number;
                                orderCandidates: number;
                                orders: number;
                            }[];
                            items: {
                                agentName: string;
                                agentUserId: number;
                                callPhone: string | null;
                                callQueue: string | null;
                                callRecordId: number | null;
                                callTalkSeconds: number | null;
                                comment: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                formId: number;
                                formName: string;
                                formVersion: number;
                                hasFatal: boolean | null;
                                id: number;
                                inspectorName: string | null;
                                recordedCallId: string | null;
                                sampleSeed: number;
                                score: number | null;
                                /** Format: date-time */
                                scoredAt: string | null;
                                scores: {
                                    isViolated: boolean | null;
                                    key: string;
                                    points: number | null;
                                }[] | null;
                                /** @enum {string} */
                                status: "pending" | "scored";
                                /** Format: date-time */
                                subjectAt: string;
                                /** @enum {string} */
                                subjectKind: "ticket" | "call";
                                ticketChannel: string | null;
                                ticketId: number | null;
                                ticketNumber: string | null;
                                ticketTitle: string | null;
                            }[];
                            seed: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 行政区划 Regions (tree, or flat with parentId) */
        get: {
            parameters: {
                query?: {
                    level?: "city" | "district" | "street" | "community";
                    parentId?: number;
                    q?: string;
                    view?: "tree" | "flat";
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
                                aliases: string[];
                                children?: {
                                    aliases: string[];
                                    children?: {
                                        aliases: string[];
                                        children?: {
                                            aliases: string[];
                                            children?: unknown[];
                                            code: string;
                                            geo: {
                                                lat: number;
                                                lng: number;
                                            } | null;
                                            id: number;
                                            /** @enum {string} */
                                            level: "city" | "district" | "street" | "community";
                                            name: string;
                                            parentId: number | null;
                                        }[];
                                        code: string;
                                        geo: {
                                            lat: number;
                                            lng: number;
                                        } | null;
                                        id: number;
                                        /** @enum {string} */
                                        level: "city" | "district" | "street" | "community";
                                        name: string;
                                        parentId: number | null;
                                    }[];
                                    code: string;
                                    geo: {
                                        lat: number;
                                        lng: number;
                                    } | null;
                                    id: number;
                                    /** @enum {string} */
                                    level: "city" | "district" | "street" | "community";
                                    name: string;
                                    parentId: number | null;
                                }[];
                                code: string;
                                geo: {
                                    lat: number;
                                    lng: number;
                                } | null;
                                id: number;
                                /** @enum {string} */
                                level: "city" | "district" | "street" | "community";
                                name: string;
                                parentId: number | null;
                            }[];
                        };
                    };
                };
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
    "/api/v1/reply-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 答复模板 Reply templates */
        get: {
            parameters: {
                query?: {
                    categoryId?: number;
                    includeRetired?: "true" | "false";
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
                                categoryId: number | null;
                                categoryPathName: string | null;
                                content: string;
                                id: number;
                                isActive: boolean;
                                title: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建答复模板 Create a reply template */
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
                        /** @default null */
                        categoryId?: number | null;
                        content: string;
                        /** @default true */
                        isActive?: boolean;
                        title: string;
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
                            categoryId: number | null;
                            categoryPathName: string | null;
                            content: string;
                            id: number;
                            isActive: boolean;
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reply-templates/{id}": {
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
        /** 修改或停用答复模板 Change or retire a reply template */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        categoryId?: number | null;
                        content?: string;
                        isActive?: boolean;
                        title?: string;
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
                            categoryId: number | null;
                            categoryPathName: string | null;
                            content: string;
                            id: number;
                            isActive: boolean;
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 角色 Roles with labels */
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
                                en: string;
                                /** @enum {string} */
                                key: "agent" | "dispatcher" | "handler" | "unit_admin" | "supervisor" | "callback_agent" | "leader" | "admin";
                                /** @enum {string} */
                                scope: "center" | "unit";
                                zh: string;
                            }[];
                        };
                    };
                };
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
    "/api/v1/sla/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 派单时限预览 Deadlines an order would get if dispatched now */
        get: {
            parameters: {
                query: {
                    categoryId?: number;
                    type: "inquiry" | "help" | "complaint" | "report" | "suggestion" | "praise";
                    urgency?: "normal" | "urgent";
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
                            /** Format: date-time */
                            handleDueAt: string;
                            policyId: number;
                            /** Format: date-time */
                            signDueAt: string;
                        };
                    };
                };
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
    "/api/v1/telephony/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 坐席一览 Every agent and their state */
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
                            breakReason: string | null;
                            currentCallId: string | null;
                            extension: string;
                            name: string;
                            queues: string[];
                            since: string;
                            skills: {
                                level: number;
                                queue: string;
                            }[];
                            /** @enum {string} */
                            state: "signed_out" | "ready" | "ringing" | "talking" | "wrap_up" | "break";
                            userId: number;
                            wrapUpUntil: string | null;
                        }[];
                    };
                };
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
    "/api/v1/telephony/agents/{userId}/skills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 坐席技能 Set an agent's skills and levels */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        skills: {
                            level: number;
                            /** @enum {string} */
                            queue: "general" | "ko" | "ja" | "en" | "th" | "enterprise";
                        }[];
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
                            breakReason: string | null;
                            queues: string[];
                            since: string;
                            skills: {
                                level: number;
                                queue: string;
                            }[];
                            /** @enum {string} */
                            state: "signed_out" | "ready" | "ringing" | "talking" | "wrap_up" | "break";
                            wrapUpUntil: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telephony/agents/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的坐席状态 My agent state and current call */
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
                            breakReason: string | null;
                            currentCall: {
                                callId: string;
                                calls: {
                                    answered: boolean;
                                    callId: string;
                                    offeredAt: string;
                                    queue: string;
                                }[];
                                citizen: {
                                    id?: number;
                                    isConfidential: boolean;
                                    name?: string;
                                };
                                from: string;
                                history: {
                                    createdAt: string;
                                    id: number;
                                    number: string;
                                    status: string;
                                    title: string;
                                }[];
                                offeredAt: string;
                                openTickets: {
                                    createdAt: string;
                                    id: number;
                                    number: string;
                                    status: string;
                                    title: string;
                                }[];
                                queue: string;
                                /** @enum {string} */
                                state: "queued" | "ringing" | "talking" | "ended";
                                ticketId: number | null;
                            } | null;
                            queues: string[];
                            since: string;
                            skills: {
                                level: number;
                                queue: string;
                            }[];
                            /** @enum {string} */
                            state: "signed_out" | "ready" | "ringing" | "talking" | "wrap_up" | "break";
                            wrapUpUntil: string | null;
                        };
                    };
                };
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
    "/api/v1/telephony/agents/me/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 示闲/小休/签出 Set my state: ready, break (with reason), signed out */
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
                        reason?: string;
                        /** @enum {string} */
                        state: "ready" | "break" | "signed_out";
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
                            breakReason: string | null;
                            currentCall: {
                                callId: string;
                                calls: {
                                    answered: boolean;
                                    callId: string;
                                    offeredAt: string;
                                    queue: string;
                                }[];
                                citizen: {
                                    id?: number;
                                    isConfidential: boolean;
                                    name?: string;
                                };
                                from: string;
                                history: {
                                    createdAt: string;
                                    id: number;
                                    number: string;
                                    status: string;
                                    title: string;
                                }[];
                                offeredAt: string;
                                openTickets: {
                                    createdAt: string;
                                    id: number;
                                    number: string;
                                    status: string;
                                    title: string;
                                }[];
                                queue: string;
                                /** @enum {string} */
                                state: "queued" | "ringing" | "talking" | "ended";
                                ticketId: number | null;
                            } | null;
                            queues: string[];
                            since: string;
                            skills: {
                                level: number;
                                queue: string;
                            }[];
                            /** @enum {string} */
                            state: "signed_out" | "ready" | "ringing" | "talking" | "wrap_up" | "break";
                            wrapUpUntil: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telephony/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 漏接回拨 Missed-call callback worklist */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "claimed" | "done";
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
                            indicators: {
                                abandoned: number;
                                calledBackWithin24h: number;
                                calledBackWithin30m: number;
                                shareWithin24h: number | null;
                                shareWithin30m: number | null;
                            };
                            items: {
                                abandonedAt: string;
                                callId: string;
                                claimedAt: string | null;
                                claimedBy: {
                                    id: number;
                                    name: string;
                                } | null;
                                closedAt: string | null;
                                /** @enum {string|null} */
                                closedReason: "reached" | "no_answer" | "answered_later" | null;
                                id: number;
                                note: string | null;
                                /** @enum {string|null} */
                                outcome: "reached" | "no_answer" | null;
                                phone: string;
                                queue: string;
                                /** @enum {string} */
                                status: "open" | "claimed" | "done";
                            }[];
                        };
                    };
                };
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
    "/api/v1/telephony/callbacks/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 领取回拨任务 Claim a callback task */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            abandonedAt: string;
                            callId: string;
                            claimedAt: string | null;
                            claimedBy: {
                                id: number;
                                name: string;
                            } | null;
                            closedAt: string | null;
                            /** @enum {string|null} */
                            closedReason: "reached" | "no_answer" | "answered_later" | null;
                            id: number;
                            note: string | null;
                            /** @enum {string|null} */
                            outcome: "reached" | "no_answer" | null;
                            phone: string;
                            queue: string;
                            /** @enum {string} */
                            status: "open" | "claimed" | "done";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telephony/callbacks/{id}/dial": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 回拨号码 The number to dial (claimer only, audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            number: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telephony/callbacks/{id}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 回拨结果 Record the callback's outcome */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        /** @enum {string} */
                        outcome: "reached" | "no_answer";
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
                            abandonedAt: string;
                            callId: string;
                            claimedAt: string | null;
                            claimedBy: {
                                id: number;
                                name: string;
                            } | null;
                            closedAt: string | null;
                            /** @enum {string|null} */
                            closedReason: "reached" | "no_answer" | "answered_later" | null;
                            id: number;
                            note: string | null;
                            /** @enum {string|null} */
                            outcome: "reached" | "no_answer" | null;
                            phone: string;
                            queue: string;
                            /** @enum {string} */
                            status: "open" | "claimed" | "done";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telephony/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工单的通话 Calls linked to an order (recordings, ratings) */
        get: {
            parameters: {
                query: {
                    ticketId: number;
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
                            agentName: string | null;
                            answeredAt: string | null;
                            callId: string;
                            direction: string;
                            endedAt: string | null;
                            endReason: string | null;
                            hasRecording: boolean;
                            offeredAt: string;
                            queue: string;
                            rating: number | null;
                            talkSeconds: number;
                        }[];
                    };
                };
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
    "/api/v1/telephony/calls/{callId}/pop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 来电弹屏 Screen pop of a call */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
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
                            callId: string;
                            calls: {
                                answered: boolean;
                                callId: string;
                                offeredAt: string;
                                queue: string;
                            }[];
                            citizen: {
                                id?: number;
                                isConfidential: boolean;
                                name?: string;
                            };
                            from: string;
                            history: {
                                createdAt: string;
                                id: number;
                                number: string;
                                status: string;
                                title: string;
                            }[];
                            offeredAt: string;
                            openTickets: {
                                createdAt: string;
                                id: number;
                                number: string;
                                status: string;
                                title: string;
                            }[];
                            queue: string;
                            /** @enum {string} */
                            state: "queued" | "ringing" | "talking" | "ended";
                            ticketId: number | null;
                        };
                    };
                };
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
    "/api/v1/telephony/calls/{callId}/recording": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 录音回放 Play the call recording (audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
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
                    content?: never;
                };
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
    "/api/v1/telephony/calls/{callId}/ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 关联工单 Link the order created during the call */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    callId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ticketId: number;
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
                            callId: string;
                            ticketId: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telephony/phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 浏览器话机凭据 Browser phone settings and time-limited SIP credentials */
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
                            enabled: boolean;
                            expiresAt: string | null;
                            extension: string | null;
                            outsideNumbers: {
                                label: string;
                                number: string;
                            }[];
                            password: string | null;
                            queueNumbers: {
                                number: string;
                                queue: string;
                            }[];
                            sipDomain: string | null;
                            username: string | null;
                            wsUrl: string | null;
                        };
                    };
                };
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
    "/api/v1/telephony/staffing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 排班计划 Planned agents per half hour (the wallboard's staffing line) */
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
                            slots: {
                                plannedAgents: number;
                                start: string;
                            }[];
                        };
                    };
                };
            };
        };
        /** 设置排班计划 Set planned agents of half hours (null clears) */
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
                        slots: {
                            plannedAgents: number | null;
                            start: string;
                        }[];
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
                            slots: {
                                plannedAgents: number;
                                start: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telephony/wallboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 大屏 Wallboard: waiting calls, agents by state, today's figures */
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
                            agents: {
                                break: number;
                                ready: number;
                                ringing: number;
                                signed_out: number;
                                talking: number;
                                wrap_up: number;
                            };
                            halfHours: {
                                answered: number;
                                offered: number;
                                plannedAgents: number | null;
                                start: string;
                            }[];
                            longestWaitSeconds: number;
                            queues: {
                                longestWaitSeconds: number;
                                queue: string;
                                waiting: number;
                            }[];
                            today: {
                                abandoned: number;
                                answered: number;
                                answeredWithin15s: number;
                                answerRate: number | null;
                                answerRate15s: number | null;
                                avgHandleSeconds: number | null;
                                avgWaitSeconds: number | null;
                                fallback: number;
                                offered: number;
                                ratings: {
                                    basic: number;
                                    satisfied: number;
                                    unsatisfied: number;
                                };
                                satisfactionRate: number | null;
                            };
                            waiting: number;
                        };
                    };
                };
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
        /** 工单列表 List orders */
        get: {
            parameters: {
                query?: {
                    activeOnly?: "true" | "false";
                    categoryId?: number;
                    channel?: "phone" | "web" | "sms" | "wechat" | "weibo" | "mailbox" | "people_cn" | "app" | "open311";
                    citizenPhone?: string;
                    cursor?: string;
                    from?: unknown;
                    limit?: number;
                    offset?: number;
                    overdue?: "true" | "false";
                    q?: string;
                    regionId?: number;
                    replyRejected?: "true" | "false";
                    slaState?: "normal" | "at_risk" | "overdue";
                    sort?: "created" | "due" | "waiting";
                    status?: string;
                    to?: unknown;
                    type?: "inquiry" | "help" | "complaint" | "report" | "suggestion" | "praise";
                    unitId?: number;
                    urgency?: "normal" | "urgent";
                    withTotal?: "true" | "false";
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
                                callbackDueAt: string | null;
                                categoryId: number | null;
                                categoryName: string | null;
                                channel: string;
                                citizenPhone: string | null;
                                /** Format: date-time */
                                closedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                hasLeaderInstruction: boolean;
                                id: number;
                                isConfidential: boolean;
                                isRepeat: boolean;
                                isSupervised: boolean;
                                leadUnitId: number | null;
                                leadUnitName: string | null;
                                number: string;
                                regionId: number | null;
                                regionName: string | null;
                                /** Format: date-time */
                                signDueAt: string | null;
                                slaState: string;
                                /** @enum {string} */
                                status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                                statusLabel: {
                                    en: string;
                                    zh: string;
                                };
                                title: string;
                                type: string;
                                /** Format: date-time */
                                updatedAt: string;
                                urgency: string;
                                version: number;
                            }[];
                            nextCursor: string | null;
                            total?: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 受理新工单 Take in a new order */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                    prefer?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: string | null;
                        /** @default [] */
                        attachmentIds?: number[];
                        categoryId?: number | null;
                        /** @enum {string} */
                        channel: "phone" | "web" | "sms" | "wechat" | "weibo" | "mailbox" | "people_cn" | "app" | "open311";
                        citizen?: {
                            name?: string | null;
                            phone: string;
                        } | null;
                        content: string;
                        dispatch?: {
                            /** @default [] */
                            coUnitIds?: number[];
                            leadUnitId: number;
                            note?: string | null;
                        } | null;
                        /** @default false */
                        isConfidential?: boolean;
                        /** @enum {string} */
                        language?: "zh" | "en" | "ko" | "ja";
                        lat?: number | null;
                        lng?: number | null;
                        regionId?: number | null;
                        title?: string;
                        /** @enum {string} */
                        type: "inquiry" | "help" | "complaint" | "report" | "suggestion" | "praise";
                        /**
                         * @default normal
                         * @enum {string}
                         */
                        urgency?: "normal" | "urgent";
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        } | {
                            id: number;
                            number: string;
                        };
                    };
                };
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
        /** 工单详情 Order with its full history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
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
    "/api/v1/tickets/{id}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 回访 Callback */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        isResolved?: boolean | null;
                        note?: string | null;
                        /** @enum {string} */
                        result: "satisfied" | "basically_satisfied" | "unsatisfied" | "unreachable";
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/channel-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工单通知 The order's written contacts and the notices sent about it, with delivery status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            contacts: {
                                address: string;
                                channel: string;
                                citizenId: number | null;
                                /** Format: date-time */
                                claimedAt: string | null;
                                claimedById: number | null;
                                content: string;
                                id: number;
                                meta: {
                                    against?: number;
                                    attachments?: {
                                        filename: string;
                                        id: number;
                                        mimeType: string;
                                        sizeBytes: number;
                                    }[];
                                    comments?: number;
                                    filename?: string;
                                    followUp?: {
                                        mergedFrom?: string;
                                        number: string;
                                        /** @enum {string} */
                                        via: "thread" | "number";
                                    };
                                    /** @enum {string} */
                                    importedFrom?: "file" | "pull";
                                    likes?: number;
                                    mentionedNumbers?: string[];
                                    refusedAttachments?: {
                                        filename: string;
                                        mimeType: string;
                                        reason: string;
                                    }[];
                                    rejectedReason?: string;
                                    reposts?: number;
                                    row?: number;
                                    thread?: {
                                        contactId: number;
                                        ticketId: number | null;
                                    };
                                } & {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                receivedAt: string;
                                /** Format: date-time */
                                respondBy: string;
                                /** Format: date-time */
                                respondedAt: string | null;
                                senderName: string | null;
                                sla: {
                                    remainingSeconds: number;
                                    /** @enum {string} */
                                    state: "normal" | "at_risk" | "overdue";
                                    waitedSeconds: number;
                                };
                                /** @enum {string} */
                                status: "waiting" | "claimed" | "answered" | "converted" | "attached" | "closed";
                                subject: string | null;
                                suggestedCitizen: {
                                    citizenId: number | null;
                                    phone: string;
                                } | null;
                                ticketId: number | null;
                                ticketNumber: string | null;
                            }[];
                            messages: {
                                body: string;
                                channel: string;
                                contactId: number | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                deliveredAt: string | null;
                                deliveryReports: {
                                    at: string;
                                    detail: string;
                                    status: string;
                                }[];
                                externalId: string | null;
                                id: number;
                                kind: string;
                                lastError: string | null;
                                /** Format: date-time */
                                notBefore: string | null;
                                /** Format: date-time */
                                sentAt: string | null;
                                status: string;
                                subject: string | null;
                                ticketId: number | null;
                            }[];
                        };
                    };
                };
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
    "/api/v1/tickets/{id}/classify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 分类 Classify */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        categoryId?: number;
                        regionId?: number;
                        /** @enum {string} */
                        type?: "inquiry" | "help" | "complaint" | "report" | "suggestion" | "praise";
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 办结 Close */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/co-reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 协办意见 Co-handler note */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/decide-extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 延期审批 Decide extension */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "approve" | "deny";
                        note?: string | null;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/decide-objection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 异议审核 Decide dispute */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "approve" | "deny";
                        note?: string | null;
                        unitId?: number | null;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/direct-answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 直接办结 Answer directly */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        answer: string;
                        /** @default [] */
                        knowledgeItemIds?: number[];
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 派单 Dispatch */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        coUnitIds?: number[];
                        leadUnitId: number;
                        note?: string | null;
                        offCatalogueReason?: string | null;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/invalidate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 无效件 Mark invalid */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/leader-instruction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 领导批示 Leader instruction */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 并单 Merge */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        mainTicketId: number;
                        note?: string | null;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/object": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 派单异议 Dispute dispatch */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        suggestedUnitId?: number | null;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重办 Reopen */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 答复 Reply */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        attachmentIds?: number[];
                        content: string;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/request-extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申请延期 Request extension */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        days: number;
                        reason: string;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退单 Return */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/reveal-phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 查看完整号码（留痕）Reveal the full phone number (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
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
                            phone: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核 Review reply */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "accept" | "reject";
                        note?: string | null;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 签收 Sign */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/subdispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 下派 Dispatch to sub-unit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        unitId: number;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/supervise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 督办 Supervise */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                        dueAt?: unknown;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/transfer-emergency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 转应急 Transfer to emergency line */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        line: "110" | "119" | "120" | "122";
                        note?: string | null;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/urge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 催办 Urge */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                        version?: number;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/by-number/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 按工单号查询 Order by number */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    number: string;
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
                            address: string | null;
                            assignments: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                handleDueAt: string | null;
                                id: number;
                                parentAssignmentId: number | null;
                                reason: string | null;
                                role: string;
                                /** Format: date-time */
                                signDueAt: string | null;
                                /** Format: date-time */
                                signedAt: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            attachments: {
                                filename: string;
                                id: number;
                                mimeType: string;
                                replyId: number | null;
                                sizeBytes: number;
                            }[];
                            availableActions: ("direct_answer" | "dispatch" | "classify" | "sign" | "return" | "object" | "decide_objection" | "subdispatch" | "request_extension" | "decide_extension" | "reply" | "co_reply" | "review" | "callback" | "reopen" | "close" | "merge" | "invalidate" | "transfer_emergency" | "supervise" | "urge" | "leader_instruction" | "rate")[];
                            /** Format: date-time */
                            callbackDueAt: string | null;
                            callbacks: {
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                isResolved: boolean | null;
                                note: string | null;
                                result: string;
                            }[];
                            categoryId: number | null;
                            categoryName: string | null;
                            channel: string;
                            citizen: {
                                id: number;
                                isConfidential: boolean;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            citizenPhone: string | null;
                            citizenRating: number | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            content: string;
                            /** Format: date-time */
                            createdAt: string;
                            events: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    zh: string;
                                };
                                actorName: string | null;
                                actorUnitName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                fromStatus: string | null;
                                id: number;
                                note: string | null;
                                toStatus: string | null;
                                unitName: string | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                requestedDays: number;
                                status: string;
                            }[];
                            /** Format: date-time */
                            handleDueAt: string | null;
                            hasLeaderInstruction: boolean;
                            id: number;
                            isConfidential: boolean;
                            isRepeat: boolean;
                            isSupervised: boolean;
                            knowledgeItemIds: number[];
                            language: string;
                            lat: number | null;
                            leadUnitId: number | null;
                            leadUnitName: string | null;
                            lng: number | null;
                            mergedIntoId: number | null;
                            mergedTicketIds: number[];
                            number: string;
                            objections: {
                                /** Format: date-time */
                                createdAt: string;
                                decisionNote: string | null;
                                id: number;
                                reason: string;
                                status: string;
                                suggestedUnitId: number | null;
                            }[];
                            regionId: number | null;
                            regionName: string | null;
                            reopenCount: number;
                            replies: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                reviewNote: string | null;
                                status: string;
                                unitId: number;
                                unitName: string;
                            }[];
                            resolution: string | null;
                            returnCount: number;
                            satisfaction: string | null;
                            /** Format: date-time */
                            signDueAt: string | null;
                            slaState: string;
                            /** @enum {string} */
                            status: "pending_dispatch" | "pending_sign" | "handling" | "extension_pending" | "returned" | "objected" | "pending_review" | "pending_callback" | "callback_unsatisfied" | "closed" | "merged" | "invalid" | "transferred";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            supervisions: {
                                content: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string | null;
                                id: number;
                                kind: string;
                                unitId: number | null;
                            }[];
                            title: string;
                            type: string;
                            /** Format: date-time */
                            updatedAt: string;
                            urgency: string;
                            version: number;
                        };
                    };
                };
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
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 承办单位 Units (flat list with parentId) */
        get: {
            parameters: {
                query?: {
                    includeInactive?: "0" | "1" | "true" | "false";
                    kind?: "center" | "department" | "district" | "street" | "community" | "utility" | "other";
                    parentId?: number;
                    q?: string;
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
                                code: string;
                                id: number;
                                isActive: boolean;
                                /** @enum {string} */
                                kind: "center" | "department" | "district" | "street" | "community" | "utility" | "other";
                                name: string;
                                parentId: number | null;
                                peerGroup: string;
                                phone: string | null;
                                regionId: number | null;
                            }[];
                        };
                    };
                };
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
    "/open311/v2/discovery.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 服务发现 Service discovery (json) */
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
                            changeset: string;
                            contact: string;
                            endpoints: {
                                changeset: string;
                                formats: string[];
                                specification: string;
                                /** @enum {string} */
                                type: "production" | "test";
                                url: string;
                            }[];
                            key_service: string;
                        };
                    };
                };
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
    "/open311/v2/discovery.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 服务发现 Service discovery (xml) */
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
                    content?: never;
                };
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
    "/open311/v2/requests.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 诉求列表 Service requests (json) */
        get: {
            parameters: {
                query?: {
                    api_key?: string;
                    end_date?: string;
                    jurisdiction_id?: string;
                    service_code?: string;
                    service_request_id?: string;
                    start_date?: string;
                    status?: string;
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
                            address: string | null;
                            address_id: string | null;
                            agency_responsible: string | null;
                            description: string | null;
                            expected_datetime: string | null;
                            lat: number | null;
                            long: number | null;
                            media_url: string | null;
                            requested_datetime: string;
                            service_code: string | null;
                            service_name: string | null;
                            service_notice: string | null;
                            service_request_id: string;
                            /** @enum {string} */
                            status: "open" | "closed";
                            status_notes: string | null;
                            updated_datetime: string;
                            zipcode: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** 提交诉求 POST service request, form-encoded, api_key required (json) */
        post: {
            parameters: {
                query?: {
                    api_key?: string;
                    jurisdiction_id?: string;
                };
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        account_id?: string;
                        address_id?: string;
                        address_string?: string;
                        api_key?: string;
                        description?: string;
                        device_id?: string;
                        email?: string;
                        first_name?: string;
                        jurisdiction_id?: string;
                        last_name?: string;
                        lat?: number;
                        long?: number;
                        media_url?: string;
                        phone?: string;
                        service_code?: string;
                    } & {
                        [key: string]: unknown;
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
                            account_id: string | null;
                            service_notice: string | null;
                            service_request_id: string;
                        }[];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 诉求列表 Service requests (xml) */
        get: {
            parameters: {
                query?: {
                    api_key?: string;
                    end_date?: string;
                    jurisdiction_id?: string;
                    service_code?: string;
                    service_request_id?: string;
                    start_date?: string;
                    status?: string;
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
                    content?: never;
                };
            };
        };
        put?: never;
        /** 提交诉求 POST service request, form-encoded, api_key required (xml) */
        post: {
            parameters: {
                query?: {
                    api_key?: string;
                    jurisdiction_id?: string;
                };
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        account_id?: string;
                        address_id?: string;
                        address_string?: string;
                        api_key?: string;
                        description?: string;
                        device_id?: string;
                        email?: string;
                        first_name?: string;
                        jurisdiction_id?: string;
                        last_name?: string;
                        lat?: number;
                        long?: number;
                        media_url?: string;
                        phone?: string;
                        service_code?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests/{id}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单个诉求 One service request (json) */
        get: {
            parameters: {
                query?: {
                    api_key?: string;
                    jurisdiction_id?: string;
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
                            address: string | null;
                            address_id: string | null;
                            agency_responsible: string | null;
                            description: string | null;
                            expected_datetime: string | null;
                            lat: number | null;
                            long: number | null;
                            media_url: string | null;
                            requested_datetime: string;
                            service_code: string | null;
                            service_name: string | null;
                            service_notice: string | null;
                            service_request_id: string;
                            /** @enum {string} */
                            status: "open" | "closed";
                            status_notes: string | null;
                            updated_datetime: string;
                            zipcode: string | null;
                        }[];
                    };
                };
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
    "/open311/v2/requests/{id}.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单个诉求 One service request (xml) */
        get: {
            parameters: {
                query?: {
                    api_key?: string;
                    jurisdiction_id?: string;
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
                    content?: never;
                };
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
    "/open311/v2/servicerequestupdates.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办理进展 Service request updates, FixMyStreet extension (json) */
        get: {
            parameters: {
                query?: {
                    api_key?: string;
                    end_date?: string;
                    jurisdiction_id?: string;
                    start_date?: string;
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
                            description: string | null;
                            media_url: string | null;
                            service_request_id: string;
                            /** @enum {string} */
                            status: "open" | "closed";
                            update_id: string;
                            updated_datetime: string;
                        }[];
                    };
                };
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
    "/open311/v2/servicerequestupdates.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办理进展 Service request updates, FixMyStreet extension (xml) */
        get: {
            parameters: {
                query?: {
                    api_key?: string;
                    end_date?: string;
                    jurisdiction_id?: string;
                    start_date?: string;
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
                    content?: never;
                };
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
    "/open311/v2/services.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 服务列表 Service list (json) */
        get: {
            parameters: {
                query?: {
                    api_key?: string;
                    jurisdiction_id?: string;
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
                            description: string | null;
                            group: string | null;
                            keywords: string | null;
                            metadata: boolean;
                            service_code: string;
                            service_name: string;
                            /** @enum {string} */
                            type: "realtime" | "batch" | "blackbox";
                        }[];
                    };
                };
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
    "/open311/v2/services.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 服务列表 Service list (xml) */
        get: {
            parameters: {
                query?: {
                    api_key?: string;
                    jurisdiction_id?: string;
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
                    content?: never;
                };
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
    "/open311/v2/services/{code}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 服务定义 Service definition (json) */
        get: {
            parameters: {
                query?: {
                    api_key?: string;
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    code: string;
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
                            attributes: {
                                code: string;
                                /** @enum {string} */
                                datatype: "string" | "number" | "datetime" | "text" | "singlevaluelist" | "multivaluelist";
                                datatype_description: string | null;
                                description: string;
                                order: number;
                                required: boolean;
                                values: {
                                    key: string;
                                    name: string;
                                }[];
                                variable: boolean;
                            }[];
                            service_code: string;
                        };
                    };
                };
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
    "/open311/v2/services/{code}.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 服务定义 Service definition (xml) */
        get: {
            parameters: {
                query?: {
                    api_key?: string;
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    code: string;
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
                    content?: never;
                };
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
    "/open311/v2/tokens/{token}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 凭 token 查工单号 service_request_id from a token (json) */
        get: {
            parameters: {
                query?: {
                    api_key?: string;
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    token: string;
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
                            service_request_id: string;
                            token: string;
                        }[];
                    };
                };
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
    "/open311/v2/tokens/{token}.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 凭 token 查工单号 service_request_id from a token (xml) */
        get: {
            parameters: {
                query?: {
                    api_key?: string;
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    token: string;
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
                    content?: never;
                };
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
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
