import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

/** What the machine and this process spent while a measurement ran. */
export interface ResourceUsage {
  /** CPU time of this Node process (user + system), ms. */
  processCpuMs: number;
  /** Share of all cores' time the whole host was busy (NATS, PostgreSQL, this process, others), %. NaN off Linux. */
  hostBusyPct: number;
  /** p99 of this process's event-loop delay, ms: how long a ready callback waited for the thread. */
  loopDelayP99Ms: number;
}

/** Idle and total jiffies over all cores from /proc/stat; undefined where there is none. */
function hostJiffies(): { idle: number; total: number } | undefined {
  try {
    const first = readFileSync("/proc/stat", "utf8").split("\n", 1)[0] ?? "";
    const fields = first.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: idle time is idle + iowait.
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { idle, total: fields.slice(0, 8).reduce((s, v) => s + v, 0) };
  } catch {
    return undefined;
  }
}

/**
 * Starts measuring CPU (this process and the host) and event-loop delay; `stop()` returns the
 * usage since the start. Benchmarks print it so a figure can be read against a saturated or an
 * idle machine.
 */
export function startResourceMeter(): { stop(): ResourceUsage } {
  const cpu0 = process.cpuUsage();
  const host0 = hostJiffies();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  return {
    stop() {
      loop.disable();
      const cpu = process.cpuUsage(cpu0);
      const host1 = hostJiffies();
      const busy =
        host0 && host1 && host1.total > host0.total
          ? 100 * (1 - (host1.idle - host0.idle) / (host1.total - host0.total))
          : Number.NaN;
      return {
        processCpuMs: (cpu.user + cpu.system) / 1_000,
        hostBusyPct: busy,
        loopDelayP99Ms: loop.percentile(99) / 1e6,
      };
    },
  };
}
