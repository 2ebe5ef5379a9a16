// The runtime's public API as the server sees it. Everything comes from runtime/src/index.ts;
// the rest of server/ imports from here, so a change in the runtime's surface is absorbed in
// one place.

export * from '../../../runtime/src/index';
