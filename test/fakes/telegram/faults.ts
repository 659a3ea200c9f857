// Faults injected by tests: the next calls of a method, or the calls into one chat, fail on purpose.
import { ApiError, tooManyRequests } from "./api-error.ts";
import type { Fault } from "./types.ts";

interface MethodFault {
  fault: Fault;
  remaining: number;
}

interface ChatFault {
  fault: Fault;
  remaining: number | "always";
  methods: ReadonlySet<string> | undefined;
}

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** The Bot API error a fault answers with (the other kinds are not JSON answers). */
export function faultError(fault: Exclude<Fault, { kind: "drop" } | { kind: "html" }>): ApiError {
  switch (fault.kind) {
    case "http":
      return new ApiError(
        fault.status,
        fault.description ?? DESCRIPTIONS[fault.status] ?? `Error ${fault.status}`,
      );
    case "retryAfter":
      return tooManyRequests(fault.seconds);
    case "blocked":
      return new ApiError(403, "Forbidden: bot was blocked by the user");
  }
}

export class Faults {
  private byMethod = new Map<string, MethodFault[]>();
  private byChat = new Map<number, ChatFault[]>();

  /** The next `count` calls of `method` ("*" = any method) get `fault`. */
  failNext(method: string, fault: Fault, count: number): void {
    const key = method === "*" ? "*" : method.toLowerCase();
    const list = this.byMethod.get(key) ?? [];
    list.push({ fault, remaining: count });
    this.byMethod.set(key, list);
  }

  failChat(chatId: number, fault: Fault, count: number | "always", methods?: readonly string[]): void {
    const list = this.byChat.get(chatId) ?? [];
    list.push({
      fault,
      remaining: count,
      methods: methods ? new Set(methods.map((m) => m.toLowerCase())) : undefined,
    });
    this.byChat.set(chatId, list);
  }

  clear(chatId?: number): void {
    if (chatId === undefined) {
      this.byMethod = new Map();
      this.byChat = new Map();
    } else {
      this.byChat.delete(chatId);
    }
  }

  /** The fault this call gets, if any (a method's faults first, then its chat's), counting it down. */
  take(method: string, chatId: number | undefined): Fault | undefined {
    const lower = method.toLowerCase();
    for (const key of [lower, "*"]) {
      const list = this.byMethod.get(key);
      const entry = list?.[0];
      if (list !== undefined && entry !== undefined) {
        entry.remaining--;
        if (entry.remaining <= 0) list.shift();
        return entry.fault;
      }
    }
    if (chatId === undefined) return undefined;
    const list = this.byChat.get(chatId);
    if (list === undefined) return undefined;
    const index = list.findIndex((f) => f.methods === undefined || f.methods.has(lower));
    const entry = list[index];
    if (entry === undefined) return undefined;
    if (entry.remaining !== "always") {
      entry.remaining--;
      if (entry.remaining <= 0) list.splice(index, 1);
    }
    return entry.fault;
  }
}
