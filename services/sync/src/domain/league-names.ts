/**
 * Display names of football-data.co.uk division codes, stored with each league the first time it is
 * synced (`sync.leagues.name`). A code not listed here is stored without a name, never refused:
 * football-data adds divisions from time to time.
 */
export const LEAGUE_NAMES: Readonly<Record<string, string>> = {
  E0: "Premier League",
  E1: "Championship",
  E2: "League One",
  E3: "League Two",
  EC: "National League",
  SC0: "Scottish Premiership",
  SC1: "Scottish Championship",
  SC2: "Scottish League One",
  SC3: "Scottish League Two",
  D1: "Bundesliga",
  D2: "2. Bundesliga",
  SP1: "La Liga",
  SP2: "Segunda División",
  I1: "Serie A",
  I2: "Serie B",
  F1: "Ligue 1",
  F2: "Ligue 2",
  N1: "Eredivisie",
  B1: "Jupiler League",
  P1: "Primeira Liga",
  T1: "Süper Lig",
  G1: "Super League Greece",
};
