/**
 * Builds `GET player/{id}/unique-tournament/17/season/{s}/statistics/overall` bodies by summing a
 * player's simulated matches, so season totals always equal the sum of the generated lineups
 * (README §3 gives the key set). Covers the generated gameweeks only. A player who never played
 * gets no file (the directory source then answers 404, as SofaScore does).
 */
import { round } from "./prng.js";
import type { SimulatedPlayer } from "./simulate-match.js";
import type { SofaTeamIdentity } from "./sofascore-ids.js";

function stat(p: SimulatedPlayer, key: string): number {
  const v = p.statistics[key];
  return typeof v === "number" ? v : 0;
}

const pct = (part: number, whole: number) => (whole > 0 ? round((100 * part) / whole, 2) : 0);

/** Season statistics of one player from his appearances (each with minutes > 0). */
export function buildSeasonStatistics(
  appearances: readonly SimulatedPlayer[],
  team: SofaTeamIdentity,
  statisticsId: number,
) {
  const sum = (key: string) => appearances.reduce((s, p) => s + stat(p, key), 0);
  const ratings = appearances.map((p) => stat(p, "rating")).filter((r) => r > 0);
  const totalRating = round(
    ratings.reduce((s, r) => s + r, 0),
    2,
  );
  const totalPasses = sum("totalPass");
  const accuratePasses = sum("accuratePass");
  const longBalls = sum("totalLongBalls");
  const accurateLongBalls = sum("accurateLongBalls");
  const duelsWon = sum("duelWon");
  const duelsLost = sum("duelLost");
  const crosses = sum("totalCross");
  const accurateCrosses = sum("accurateCross");
  const contests = sum("totalContest");
  const wonContests = sum("wonContest");
  const shotsOn = sum("onTargetScoringAttempt");
  return {
    statistics: {
      rating: ratings.length > 0 ? round(totalRating / ratings.length, 2) : 0,
      totalRating,
      countRating: ratings.length,
      minutesPlayed: appearances.reduce((s, p) => s + p.minutes, 0),
      appearances: appearances.length,
      matchesStarted: appearances.filter((p) => p.started).length,
      goals: sum("goals"),
      assists: sum("goalAssist"),
      expectedGoals: round(sum("expectedGoals"), 4),
      expectedAssists: round(sum("expectedAssists"), 4),
      bigChancesCreated: sum("bigChanceCreated"),
      bigChancesMissed: sum("bigChanceMissed"),
      totalShots: shotsOn + sum("shotOffTarget") + sum("blockedScoringAttempt"),
      shotsOnTarget: shotsOn,
      shotsOffTarget: sum("shotOffTarget"),
      blockedShots: sum("outfielderBlock"),
      accuratePasses,
      inaccuratePasses: totalPasses - accuratePasses,
      totalPasses,
      accuratePassesPercentage: pct(accuratePasses, totalPasses),
      keyPasses: sum("keyPass"),
      accurateLongBalls,
      accurateLongBallsPercentage: pct(accurateLongBalls, longBalls),
      totalLongBalls: longBalls,
      accurateCrosses,
      accurateCrossesPercentage: pct(accurateCrosses, crosses),
      totalCross: crosses,
      successfulDribbles: wonContests,
      successfulDribblesPercentage: pct(wonContests, contests),
      totalContest: contests,
      tackles: sum("totalTackle"),
      interceptions: sum("interceptionWon"),
      clearances: sum("totalClearance"),
      totalDuelsWon: duelsWon,
      totalDuelsWonPercentage: pct(duelsWon, duelsWon + duelsLost),
      duelLost: duelsLost,
      aerialDuelsWon: sum("aerialWon"),
      aerialLost: sum("aerialLost"),
      groundDuelsWon: sum("duelWon") - sum("aerialWon"),
      dispossessed: sum("dispossessed"),
      possessionLost: sum("possessionLostCtrl"),
      touches: sum("touches"),
      offsides: sum("totalOffside"),
      yellowCards: appearances.reduce((s, p) => s + p.counts.yellow_cards, 0),
      redCards: appearances.reduce((s, p) => s + p.counts.red_cards, 0),
      fouls: sum("fouls"),
      wasFouled: sum("wasFouled"),
      ownGoals: sum("ownGoals"),
      saves: sum("saves"),
      savedShotsFromInsideTheBox: sum("savedShotsFromInsideTheBox"),
      punches: sum("punches"),
      highClaims: sum("goodHighClaim"),
      goalsPrevented: round(sum("goalsPrevented"), 4),
      penaltySave: appearances.reduce((s, p) => s + p.counts.penalties_saved, 0),
      cleanSheet: appearances.reduce((s, p) => s + p.counts.clean_sheets, 0),
      goalsConceded: appearances.reduce((s, p) => s + p.counts.goals_conceded, 0),
      id: statisticsId,
      type: "overall",
    },
    team: {
      name: team.name,
      slug: team.slug,
      shortName: team.shortName,
      nameCode: team.nameCode,
      id: team.id,
    },
  };
}
