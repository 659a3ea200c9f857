/**
 * The project's root folder, for data files read at run time (locales/, the built-in plan, package.json).
 * This module runs as src/project-root.ts from the sources, or bundled into a file of dist/src/ once built
 * (`npm run build`), one folder deeper; data files are never copied into dist/.
 */
export const projectRoot = new URL(import.meta.url.endsWith(".ts") ? "../" : "../../", import.meta.url);
