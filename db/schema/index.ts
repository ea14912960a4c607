export * from "./auth";
export * from "./organizations";
export * from "./plans";
export * from "./work";
export * from "./activity";
export * from "./api";
export * from "./webhooks";
export * from "./domains";
