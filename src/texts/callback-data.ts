// Typed codec for Telegram callback data (at most 64 bytes): "u:<action>:<assignmentId>[:<value>]".

/** The router sends presses whose data starts with this prefix to the task buttons. */
export const TASK_BUTTON_PREFIX = "u";

export type ButtonAction = "done" | "doing" | "blocked" | "percent" | "pick";

export interface ButtonPress {
  action: ButtonAction;
  assignmentId: number;
  /** The percentage for "percent". "pick" chooses the task for an update the bot asked about. */
  value?: number;
}

const ACTION_CODES: Record<ButtonAction, string> = {
  done: "d",
  doing: "i",
  blocked: "b",
  percent: "p",
  pick: "k",
};
const ACTIONS_BY_CODE = new Map(
  Object.entries(ACTION_CODES).map(([action, code]) => [code, action as ButtonAction]),
);

export function encodeButton(press: ButtonPress): string {
  // A template, not an array joined: a round of reminders encodes some 90,000 of these.
  const data = `${TASK_BUTTON_PREFIX}:${ACTION_CODES[press.action]}:${press.assignmentId}`;
  return press.value === undefined ? data : `${data}:${press.value}`;
}

/** Null for data this bot did not make (or an old format): the caller says the button expired. */
export function decodeButton(data: string): ButtonPress | null {
  const match = /^u:([a-z]):(\d{1,12})(?::(\d{1,3}))?$/.exec(data);
  const action = match ? ACTIONS_BY_CODE.get(match[1] ?? "") : undefined;
  if (!match || !action) return null;
  const press: ButtonPress = { action, assignmentId: Number(match[2]) };
  if (match[3] !== undefined) {
    const value = Number(match[3]);
    if (action !== "percent" || value > 100) return null;
    press.value = value;
  }
  return press;
}
