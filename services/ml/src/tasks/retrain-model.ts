import { fitDixonColes, type ModelSettings } from "@matchday/model";
import {
  listLeaguesWithMatches,
  readMatches,
  skip,
  type Db,
  type PayloadOf,
  type ResultInputOf,
  type retrainModel,
  type Skip,
  type TaskContext,
} from "@matchday/shared";
import { sameSettings, trainingInput, windowStart } from "../domain/training-input.js";
import { insertModelVersion, latestModelVersion } from "../repo/model-versions.js";

type Result = ResultInputOf<typeof retrainModel>;
type LeagueOutcome = Result["versions"][number];

export type RetrainDeps = { db: Db; settings: ModelSettings };

/**
 * `retrain_model`: fits each league's time-weighted Dixon–Coles model on the finished matches of
 * the `windowDays` before now (the service clock) and stores it as the league's newest version. A
 * league whose training rows and settings equal those of its newest version is skipped (no duplicate
 * version); when every league is skipped the run is a skip. Without `leagues`: every league that
 * has matches.
 */
export async function handleRetrainModel(
  payload: PayloadOf<typeof retrainModel>,
  ctx: TaskContext,
  deps: RetrainDeps,
): Promise<Result | Skip> {
  const cutoff = ctx.now();
  const leagues = payload.leagues ?? (await listLeaguesWithMatches(deps.db));
  if (leagues.length === 0) return skip("no league has matches yet");
  const versions: LeagueOutcome[] = [];
  for (const league of leagues) {
    ctx.signal.throwIfAborted();
    versions.push(await retrainLeague(league, cutoff, ctx, deps));
    ctx.heartbeat();
  }
  if (versions.every((v) => v.skipped)) {
    return skip(versions.map((v) => `${v.league}: ${v.reason}`).join("; "));
  }
  return { versions };
}

async function retrainLeague(
  league: string,
  cutoff: Date,
  ctx: TaskContext,
  { db, settings }: RetrainDeps,
): Promise<LeagueOutcome> {
  const matches = await readMatches(db, {
    leagues: [league],
    status: "finished",
    from: windowStart(cutoff, settings.windowDays),
    before: cutoff,
  });
  const input = trainingInput(matches, cutoff, settings);
  if (input.rows.length === 0) {
    return {
      league,
      modelVersionId: null,
      skipped: true,
      reason: "no finished match in the training window",
    };
  }
  const latest = await latestModelVersion(db, league);
  if (
    latest &&
    latest.fingerprint === input.fingerprint &&
    sameSettings(latest.settings, settings)
  ) {
    return {
      league,
      modelVersionId: String(latest.id),
      skipped: true,
      reason: `training data unchanged since version ${latest.id}`,
    };
  }
  const fit = fitDixonColes(input.rows, { cutoff, ...settings });
  const teamNames: Record<string, string> = {};
  for (const m of matches) {
    teamNames[m.home] = m.homeName;
    teamNames[m.away] = m.awayName;
  }
  const id = await insertModelVersion(db, {
    league,
    cutoff,
    trainFrom: fit.training.from,
    trainMatches: fit.training.matches,
    settings,
    params: fit.params,
    teamNames,
    logLik: fit.logLik,
    converged: fit.converged,
    iterations: fit.iterations,
    gradientNorm: fit.gradientNorm,
    fitMs: fit.fitMs,
    fingerprint: fit.fingerprint,
    createdAt: ctx.now(),
  });
  ctx.logger.info(
    {
      league,
      modelVersionId: id,
      matches: fit.training.matches,
      converged: fit.converged,
      fitMs: Math.round(fit.fitMs),
    },
    "model version stored",
  );
  return { league, modelVersionId: String(id), skipped: false };
}
