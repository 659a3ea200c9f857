/** Callback data "k:<page>": another page of the task choice the person was asked. */
export const TASK_CHOICE_PAGE_PREFIX = "k";

export function encodeChoicePage(page: number): string {
  return `${TASK_CHOICE_PAGE_PREFIX}:${page}`;
}

/** Null for data this codec did not make: the caller says the button is out of date. */
export function decodeChoicePage(data: string): number | null {
  const match = /^k:(\d{1,3})$/.exec(data);
  const page = match ? Number(match[1]) : 0;
  return page > 0 ? page : null;
}
