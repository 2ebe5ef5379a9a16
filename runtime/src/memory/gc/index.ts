export * from "./collector";
