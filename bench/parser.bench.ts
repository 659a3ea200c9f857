// Status-parser throughput on one core over a mixed set of realistic messages (README: status updates: "fast").
// The figure is messages per CPU-second of this process (issue 12: ≥ 100,000), after a warm-up: the median of
// five rounds, so that one round disturbed by other work on a shared machine does not set it. Messages per
// wall-second are context (they fall whenever the machine is busy).
// Run alone: node --import tsx bench/parser.bench.ts

import { pathToFileURL } from "node:url";
import { parseStatusMessage } from "../src/domain/status-parser/parse.ts";
import { foldText } from "../src/domain/vietnamese.ts";
import { type BenchResult, figure, timed } from "./bench-result.ts";

const MESSAGE_COUNT = 2_000;
const WARM_UP_MS = 1_000;
const ROUNDS = 5;
const ROUND_MS = 500;
const TARGET_PER_CPU_SECOND = 100_000;

/** Deterministic PRNG (mulberry32), so every run measures the same messages. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const REFS = [
  "II.2",
  "ii.3",
  "II-6",
  "III/1",
  "2.4",
  "mục V.3",
  "NV IV.1",
  "nhiệm vụ 2 mục VII",
  "nv3",
  "số 2",
  "#1",
];
const BODIES = [
  "xong rồi ạ",
  "đã hoàn thành",
  "ht r nha",
  "đang triển khai, được {p}%",
  "dang lam {p}%",
  "đạt {p} %",
  "tiến độ {w} phần trăm",
  "chưa xong, dự kiến xong {d}",
  "sắp xong, dự kiến {d}",
  "đang chờ phê duyệt",
  "dang cho so tai chinh",
  "vướng kinh phí",
  "thiếu nhân lực nên chậm",
  "tạm dừng chờ hướng dẫn mới",
  "không vướng gì, đang làm",
  "chưa triển khai",
  "chua lam",
  "công tác tuyên truyền đang làm, kết quả tốt",
  "{p}% nhưng kẹt ở khâu thẩm định",
];
const CHATTER = [
  "dạ em cảm ơn anh ạ",
  "cho em hỏi báo cáo gửi đâu",
  "mai em gửi báo cáo ạ",
  "ok anh",
  "chào bot 😁",
];
const NUMBER_WORDS = ["hai mươi", "bốn mươi", "sáu mươi lăm", "tám mươi", "năm mươi tư"];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}

function body(rnd: () => number): string {
  const date = `${1 + Math.floor(rnd() * 28)}/${1 + Math.floor(rnd() * 12)}`;
  return pick(rnd, BODIES)
    .replace("{p}", String(1 + Math.floor(rnd() * 99)))
    .replace("{w}", pick(rnd, NUMBER_WORDS))
    .replace("{d}", date);
}

/** One to three updates, a fifth of them typed without diacritics, some plain chatter. */
function message(rnd: () => number): string {
  if (rnd() < 0.1) return pick(rnd, CHATTER);
  const count = 1 + Math.floor(rnd() * rnd() * 3);
  const parts = Array.from({ length: count }, () => `${pick(rnd, REFS)} ${body(rnd)}`);
  const text = parts.join(rnd() < 0.5 ? " ; " : "\n");
  return rnd() < 0.2 ? foldText(text) : text;
}

export function benchMessages(count = MESSAGE_COUNT, seed = 17): string[] {
  const rnd = random(seed);
  return Array.from({ length: count }, () => message(rnd));
}

function parseAll(messages: readonly string[]): number {
  let updates = 0;
  for (const text of messages) updates += parseStatusMessage(text, "2021-06-15").length;
  return updates;
}

interface Round {
  readonly parsed: number;
  readonly updates: number;
  readonly perCpuSecond: number;
  readonly perWallSecond: number;
}

/** Parses the messages over and over for about `ms` of wall time. */
async function round(messages: readonly string[], ms: number): Promise<Round> {
  const { result, wallMs, cpuMs } = await timed(async () => {
    let parsed = 0;
    let updates = 0;
    const started = performance.now();
    while (performance.now() - started < ms) {
      updates += parseAll(messages);
      parsed += messages.length;
    }
    return { parsed, updates };
  });
  return {
    ...result,
    perCpuSecond: (result.parsed / Math.max(cpuMs, 1)) * 1_000,
    perWallSecond: (result.parsed / Math.max(wallMs, 1)) * 1_000,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function benchParser(): Promise<BenchResult> {
  const messages = benchMessages();
  await round(messages, WARM_UP_MS);
  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await round(messages, ROUND_MS));
  const perCpuSecond = rounds.map((r) => r.perCpuSecond);
  const parsed = rounds.reduce((sum, r) => sum + r.parsed, 0);
  const updates = rounds.reduce((sum, r) => sum + r.updates, 0);
  const averageChars = messages.reduce((sum, text) => sum + text.length, 0) / messages.length;
  return {
    benchmark: "status-parser",
    figures: [
      figure("messages per CPU-second", Math.round(median(perCpuSecond)), "msg/s", {
        atLeast: TARGET_PER_CPU_SECOND,
      }),
      figure("CPU time per message", Number((1e6 / median(perCpuSecond)).toFixed(2)), "µs"),
      figure("messages per wall-second", Math.round(median(rounds.map((r) => r.perWallSecond))), "msg/s"),
    ],
    context: {
      rounds: `${ROUNDS} × ${ROUND_MS} ms after ${WARM_UP_MS} ms of warm-up; median`,
      cpuRateRange: `${Math.round(Math.min(...perCpuSecond))}–${Math.round(Math.max(...perCpuSecond))} msg/s`,
      messagesParsed: parsed,
      distinctMessages: messages.length,
      averageChars: Number(averageChars.toFixed(1)),
      updatesPerMessage: Number((updates / parsed).toFixed(2)),
      node: process.version,
    },
  };
}

const argv1 = process.argv[1];
if (argv1 !== undefined && import.meta.url === pathToFileURL(argv1).href) {
  console.log(JSON.stringify(await benchParser(), null, 2));
}
