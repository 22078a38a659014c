// Resolved from client/node_modules (where vite and vite-plugin-pwa are installed), so the app's
// types hold whichever tsconfig checks these files.
/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />
