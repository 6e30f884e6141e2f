import { performance } from "node:perf_hooks";

import { describe, expect, it } from "vitest";

import type { BacktestSummary, MatchRecord } from "../src/index.js";
import {
  DEFAULT_MODEL_SETTINGS,
  fitDixonColes,
  isPlayed,
  outcomeOf,
  summariseBacktest,
  valueBetReturns,
  walkForward,
} from "../src/index.js";
import { LEAGUES, loadLeague } from "./load-football-data.js";

const FROM = new Date(Date.UTC(2014, 6, 1)); // 2014/15
const TO = new Date(Date.UTC(2024, 6, 1)); // end of 2023/24

function fmt(s: BacktestSummary): string {
  const row = (label: string, r: BacktestSummary["pooled"]) =>
    `${label.padEnd(8)} n=${String(r.n).padStart(4)} rps=${r.rps.toFixed(4)} market=${r.marketRps.toFixed(4)} ` +
    `gap=${r.gap >= 0 ? "+" : ""}${r.gap.toFixed(4)}±${r.gapSe.toFixed(4)} logLoss=${r.logLoss.toFixed(4)} ` +
    `(mkt ${r.marketLogLoss.toFixed(4)}) brier=${r.brier.toFixed(4)} acc=${r.accuracy.toFixed(3)} ` +
    `(mkt ${r.marketAccuracy.toFixed(3)}) ece=${r.ece.toFixed(4)} (mkt ${r.marketEce.toFixed(4)})`;
  return [...s.seasons.map((r) => row(r.season, r)), row("pooled", s.pooled)].join("\n");
}

/**
 * Runs the weekly walk-forward and times it twice: wall clock, and this process's CPU time (the
 * work is single-threaded, so CPU time is what a quiet 2-core machine would take, whatever else the
 * shared machine runs meanwhile).
 */
function backtest(matches: MatchRecord[]) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const wf = walkForward(matches, { from: FROM, to: TO, refit: "weekly" });
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - started;
  const cpuMs = (used.user + used.system) / 1000;
  return { wf, ms, cpuMs, summary: summariseBacktest(wf.predictions, matches) };
}

describe("Dixon–Coles on the recorded football-data seasons", () => {
  const e0 = loadLeague("E0");

  it("fit - one three-season league fit converges on every repeat (its time: pnpm bench model)", () => {
    const cutoff = new Date(Date.UTC(2017, 7, 1));
    fitDixonColes(e0, { cutoff }); // warm the JIT as a running service would be
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = process.cpuUsage();
      const fit = fitDixonColes(e0, { cutoff });
      const used = process.cpuUsage(before);
      expect(fit.converged).toBe(true);
      expect(fit.training.matches).toBe(1140);
      wall.push(fit.fitMs);
      cpu.push((used.user + used.system) / 1000);
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[2]!;
    console.log(
      `one E0 fit (3 seasons, 1140 matches): median wall ${median(wall).toFixed(1)} ms, CPU ${median(cpu).toFixed(1)} ms of 5`,
    );
  });

  it("fit - home advantage and ρ of each league's 2014/15 season are plausible", () => {
    for (const league of LEAGUES) {
      const matches = loadLeague(league, ["1415"]);
      const fit = fitDixonColes(matches, {
        cutoff: new Date(Date.UTC(2015, 6, 1)),
        windowDays: 365,
        xi: 0,
        shotsWeight: 0,
      });
      console.log(
        `${league} 2014/15: home advantage ${fit.params.homeAdvantage.toFixed(3)}, rho ${fit.params.rho.toFixed(3)}`,
      );
      expect(fit.converged).toBe(true);
      // Published estimates: home advantage 0.15–0.40 on the log scale, ρ between about −0.2 and 0.05.
      expect(fit.params.homeAdvantage).toBeGreaterThan(0.1);
      expect(fit.params.homeAdvantage).toBeLessThan(0.45);
      expect(fit.params.rho).toBeGreaterThan(-0.25);
      expect(fit.params.rho).toBeLessThan(0.08);
    }
  });

  it(
    "backtest - E0 2014/15–2023/24, weekly refits: RPS ≤ 0.2000, gap to Pinnacle closing ≤ +0.0065",
    { timeout: 180_000 },
    () => {
      const { wf, ms, cpuMs, summary } = backtest(e0);
      console.log(
        `E0 backtest: ${wf.fits.length} weekly fits, ${wf.predictions.length} predictions, wall ${(ms / 1000).toFixed(1)} s, CPU ${(cpuMs / 1000).toFixed(1)} s; settings ${JSON.stringify(DEFAULT_MODEL_SETTINGS)}`,
      );
      console.log(fmt(summary));
      console.log(`E0 JSON pooled ${JSON.stringify(summary.pooled)}`);
      expect(wf.skipped).toEqual([]);
      expect(wf.fits.every((f) => f.converged)).toBe(true);
      expect(summary.seasons).toHaveLength(10);
      expect(summary.pooled.n).toBe(3800);
      expect(summary.pooled.rps).toBeLessThanOrEqual(0.2);
      expect(summary.pooled.gap).toBeLessThanOrEqual(0.0065);

      // Flat-stake value strategy on the pre-match odds (quoted before the prediction), 5 % threshold.
      const byId = new Map(e0.map((m) => [m.id, m]));
      const candidates = wf.predictions.flatMap((p) => {
        const m = byId.get(p.matchId)!;
        return isPlayed(m)
          ? [
              {
                probs: p.prediction.probs,
                outcome: outcomeOf(m.homeGoals, m.awayGoals),
                madeAt: p.madeAt,
                quote: m.preMatchOdds,
              },
            ]
          : [];
      });
      for (const threshold of [0, 0.05, 0.1]) {
        const v = valueBetReturns(candidates, threshold);
        console.log(
          `E0 value bets (threshold ${threshold}): ${v.staked} bets, profit ${v.profit.toFixed(1)}, ROI ${(100 * v.roi).toFixed(1)}% ± ${(100 * v.roiSe).toFixed(1)}%, skipped ${v.skipped}`,
        );
        expect(v.staked).toBeGreaterThan(0);
      }
    },
  );

  it.each(["SP1", "I1", "D1", "F1"])(
    "backtest - %s stays within +0.0075 of Pinnacle closing",
    (league) => {
      const { wf, ms, cpuMs, summary } = backtest(loadLeague(league));
      console.log(
        `${league} backtest: ${wf.predictions.length} predictions, wall ${(ms / 1000).toFixed(1)} s, CPU ${(cpuMs / 1000).toFixed(1)} s`,
      );
      console.log(fmt(summary));
      expect(wf.fits.every((f) => f.converged)).toBe(true);
      expect(summary.pooled.gap).toBeLessThanOrEqual(0.0075);
    },
    // Wall-clock allowance for a shared, loaded machine; each takes about 4 s of CPU.
    180_000,
  );

  it("backtest - no leakage: rewriting every result from a date on leaves earlier predictions unchanged", () => {
    const at = new Date(Date.UTC(2019, 1, 11)); // a Monday in the middle of 2018/19
    const options = { from: new Date(Date.UTC(2018, 6, 1)), to: new Date(Date.UTC(2019, 6, 1)) };
    const base = walkForward(e0, options);
    const rewritten = e0.map((m) =>
      m.date.getTime() >= at.getTime() && isPlayed(m)
        ? { ...m, homeGoals: m.awayGoals, awayGoals: m.homeGoals, homeShotsOnTarget: 0 }
        : m,
    );
    const changed = new Map(walkForward(rewritten, options).predictions.map((p) => [p.matchId, p]));
    let same = 0;
    let differ = 0;
    for (const p of base.predictions) {
      const q = changed.get(p.matchId)!;
      if (p.modelCutoff.getTime() <= at.getTime()) {
        expect(q.prediction).toEqual(p.prediction);
        same++;
      } else if (q.prediction.probs.home !== p.prediction.probs.home) differ++;
    }
    expect(same).toBeGreaterThan(200);
    expect(differ).toBeGreaterThan(50);
    // and the prediction for a match never used that match: its cutoff is not after kick-off.
    for (const p of base.predictions)
      expect(p.modelCutoff.getTime()).toBeLessThanOrEqual(p.date.getTime());
  });
});
