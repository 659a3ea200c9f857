// The event loop's longest stall over a stretch of time (README: never frozen), seen two ways:
// perf_hooks' delay histogram (a libuv timer of its own), and a JavaScript timer that notes how late
// each of its ticks came. The histogram may see the longer stall when stalls follow one another with
// only JavaScript timers run between them (no I/O was served meanwhile); the probe sees them apart.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

export interface LoopStalls {
  /** The histogram's longest delay, in ms. */
  histogramMaxMs: number;
  /** The longest time between two ticks of a 10 ms timer, beyond its 10 ms, in ms. */
  driftMaxMs: number;
}

const TICK_MS = 10;

/**
 * Resolves once the histogram has ticked: its first tick only marks the time, so a stall that began
 * before it would be missed.
 */
export async function watchEventLoop(): Promise<{ stop(): LoopStalls }> {
  const histogram = monitorEventLoopDelay({ resolution: TICK_MS });
  histogram.enable();
  await sleep(TICK_MS * 2);
  let last = performance.now();
  let driftMax = 0;
  const noteTick = () => {
    const now = performance.now();
    driftMax = Math.max(driftMax, now - last - TICK_MS);
    last = now;
  };
  const timer = setInterval(noteTick, TICK_MS);
  return {
    stop() {
      clearInterval(timer);
      // A stall still running when the watch stops counts too.
      noteTick();
      histogram.disable();
      return {
        histogramMaxMs: Math.round(histogram.max / 1e6),
        driftMaxMs: Math.round(Math.max(0, driftMax)),
      };
    },
  };
}
