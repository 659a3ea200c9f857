// The CLI's command actions. Each imports its module (and so its dependencies: kysely, exceljs,
// grammY, kysely…) only when its command runs, so `nhacviec --help` loads commander alone.

type Action = (...args: never[]) => Promise<void>;

/** The export `name` of the module `load` imports, imported at the first call. */
function lazy<M extends Record<K, Action>, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  return (async (...args: never[]) => (await load())[name](...args)) as M[K];
}

export const startCommand = lazy(() => import("./start-command.ts"), "startCommand");
export const migrateCommand = lazy(() => import("./admin-commands.ts"), "migrateCommand");
export const backupCommand = lazy(() => import("./admin-commands.ts"), "backupCommand");
export const importCommand = lazy(() => import("./import-command.ts"), "importCommand");
export const listAgenciesCommand = lazy(() => import("./agencies-command.ts"), "listAgenciesCommand");
export const addAgencyCommand = lazy(() => import("./agencies-command.ts"), "addAgencyCommand");
export const renameAgencyCommand = lazy(() => import("./agencies-command.ts"), "renameAgencyCommand");
export const mergeAgenciesCommand = lazy(() => import("./agencies-command.ts"), "mergeAgenciesCommand");
export const dissolveAgencyCommand = lazy(() => import("./agencies-command.ts"), "dissolveAgencyCommand");
export const importAgenciesCommand = lazy(() => import("./agencies-command.ts"), "importAgenciesCommand");
export const listPlansCommand = lazy(() => import("./plans-command.ts"), "listPlansCommand");
export const closePlanCommand = lazy(() => import("./plans-command.ts"), "closePlanCommand");
export const inviteCommand = lazy(() => import("./invite-command.ts"), "inviteCommand");
export const behindCommand = lazy(() => import("./behind-command.ts"), "behindCommand");
export const parseCommand = lazy(() => import("./parse-command.ts"), "parseCommand");
export const reportCommand = lazy(() => import("./report-command.ts"), "reportCommand");
export const tickCommand = lazy(() => import("./tick-command.ts"), "tickCommand");
export const indicatorsCommand = lazy(() => import("./indicators-command.ts"), "indicatorsCommand");
export const indicatorsImportCommand = lazy(
  () => import("./indicators-command.ts"),
  "indicatorsImportCommand",
);
export const calendarCommand = lazy(() => import("./calendar-command.ts"), "calendarCommand");
