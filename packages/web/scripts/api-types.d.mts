// The types of api-types.mjs, for the server's drift test (TypeScript reads no JavaScript there).
export declare const GENERATED_HEADER: string;
export declare const SCHEMA_FILE: string;
export declare function apiTypes(document: Record<string, unknown>): Promise<string>;
