// Hyper-parameter search on the 2010/11–2013/14 seasons ONLY (never the evaluation seasons):
// walk-forward with weekly refits over 2012/13 and 2013/14 for the five leagues, scoring the
// pooled mean RPS of the model (the market plays no part in the choice).
// Run: npx tsx packages/model/test/tune-settings.ts [xi,...] [ridge,...] [shotsWeight,...] [windowDays,...]
import { isPlayed, outcomeOf, rps, walkForward } from "../src/index.js";
import { LEAGUES, loadLeague } from "./load-football-data.js";

const list = (arg: string | undefined, fallback: number[]) =>
  arg ? arg.split(",").map(Number) : fallback;
const xis = list(process.argv[2], [0.001, 0.0015, 0.0019, 0.0025, 0.0035]);
const ridges = list(process.argv[3], [0.3, 1, 3, 10]);
const shots = list(process.argv[4], [0, 0.25, 0.5]);
const windows = list(process.argv[5], [1095]);

const data = LEAGUES.map((league) => loadLeague(league, ["1011", "1112", "1213", "1314"]));
const from = new Date(Date.UTC(2012, 6, 1));
const to = new Date(Date.UTC(2014, 6, 1));

for (const windowDays of windows) {
  for (const xi of xis) {
    for (const ridge of ridges) {
      for (const shotsWeight of shots) {
        let sum = 0;
        let n = 0;
        const perLeague: string[] = [];
        data.forEach((matches, i) => {
          const byId = new Map(matches.map((m) => [m.id, m]));
          const wf = walkForward(matches, { from, to, xi, ridge, shotsWeight, windowDays });
          let s = 0;
          let k = 0;
          for (const p of wf.predictions) {
            const m = byId.get(p.matchId);
            if (!m || !isPlayed(m)) continue;
            s += rps(p.prediction.probs, outcomeOf(m.homeGoals, m.awayGoals));
            k++;
          }
          sum += s;
          n += k;
          perLeague.push(`${LEAGUES[i]}=${(s / k).toFixed(4)}`);
        });
        process.stdout.write(
          `window=${windowDays} xi=${xi} ridge=${ridge} shots=${shotsWeight} rps=${(sum / n).toFixed(5)} n=${n} ${perLeague.join(" ")}\n`,
        );
      }
    }
  }
}
