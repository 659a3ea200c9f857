// DATABASE_URL as the admin may see it: in error lines and banners a password never shows.

/** The URL with its password replaced by ***, e.g. postgres://nv:***@db.local:5432/nhacviec. */
export function maskedDatabaseUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, "$1:***@");
}
