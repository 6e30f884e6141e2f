import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { updateLineups } from "@matchday/shared";
import {
  CLI_ENTRY,
  connectTestNats,
  createTestDatabase,
  startProcess,
  waitFor,
  type ServiceProcess,
} from "@matchday/shared/testing";
import { ticksInStream } from "./support.js";

const procs: ServiceProcess[] = [];
afterAll(() => {
  for (const p of procs) p.kill("SIGKILL");
});

describe("scheduler replicas", () => {
  it("scheduler - three replicas on a one-second schedule for 20 s publish 20 ticks, none twice, none missing, with one killed and restarted in the middle", async () => {
    const n = await connectTestNats();
    const tdb = await createTestDatabase();
    try {
      const dir = mkdtempSync(path.join(tmpdir(), "matchday-sched-"));
      const file = path.join(dir, "schedules.json");
      // update_lineups has no consumer here (no etl service): its ticks stay in the stream to be counted.
      writeFileSync(
        file,
        JSON.stringify([
          {
            id: "every_second",
            task: "update_lineups",
            cron: "* * * * * *",
            timezone: "UTC",
            misfire: "skip",
          },
        ]),
      );
      const env = {
        NATS_URL: n.url,
        DATABASE_URL: tdb.url,
        MATCHDAY_NAMESPACE: n.topology.namespace,
        MATCHDAY_SCHEDULES: file,
      };
      const start = () => {
        const p = startProcess(CLI_ENTRY, env, ["up", "scheduler"]);
        procs.push(p);
        return p;
      };
      const replicas = [start(), start(), start()];
      await Promise.all(replicas.map((r) => r.waitForLog(/scheduler started/, 60_000)));
      const t0 = Math.ceil(Date.now() / 1000) * 1000 + 1000;
      const t1 = t0 + 20_000;
      await waitFor(() => Date.now() > t0 + 6_000, { timeoutMs: 30_000 });
      replicas[1]!.kill("SIGKILL");
      await replicas[1]!.exited;
      const again = start();
      await again.waitForLog(/scheduler started/, 60_000);
      await waitFor(() => Date.now() > t1 + 3_000, { timeoutMs: 60_000 });
      const ticks = await ticksInStream(
        n.jsm,
        n.topology.streams.tasks,
        n.topology.taskSubject(updateLineups),
      );
      const inWindow = ticks.filter((t) => Date.parse(t.slot) > t0 && Date.parse(t.slot) <= t1);
      const expected = Array.from({ length: 20 }, (_, i) =>
        new Date(t0 + (i + 1) * 1000).toISOString().replace(".000Z", "Z"),
      );
      expect(inWindow.map((t) => t.slot)).toEqual(expected);
      expect(new Set(ticks.map((t) => t.msgId)).size).toBe(ticks.length);
      expect(
        inWindow.every(
          (t) => t.msgId === `update_lineups@${t.slot}` && t.schedule === "every_second",
        ),
      ).toBe(true);
      // Every replica really published (JetStream dropped the copies).
      for (const r of [replicas[0]!, replicas[2]!, again]) {
        expect(
          r.logs.some((l) => l.includes('"msg":"tick"') && l.includes('"duplicate":true')),
        ).toBe(true);
      }
    } finally {
      await n.cleanup();
      await tdb.cleanup();
    }
  });
});
