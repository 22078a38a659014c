/**
 * The brand colours, shared by the manifest (vite.config.ts) and the icons (icons/make-icons.ts).
 * index.html repeats THEME_COLOR in <meta name="theme-color"> (HTML can't import): keep it in step.
 */
export const THEME_COLOR = "#4338ca";
export const BACKGROUND_COLOR = "#f5f6fa";
