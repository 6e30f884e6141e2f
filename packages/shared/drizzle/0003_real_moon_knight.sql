CREATE SCHEMA "etl";
--> statement-breakpoint
CREATE TYPE "etl"."heatmap_status" AS ENUM('collected', 'unavailable');--> statement-breakpoint
CREATE TABLE "etl"."event_lineups" (
	"season" text NOT NULL,
	"sofa_event_id" integer NOT NULL,
	"fpl_fixture_id" integer NOT NULL,
	"gameweek" smallint NOT NULL,
	"confirmed" boolean NOT NULL,
	"event_status" text NOT NULL,
	"has_player_heatmaps" boolean NOT NULL,
	"home_formation" text,
	"away_formation" text,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_lineups_season_sofa_event_id_pk" PRIMARY KEY("season","sofa_event_id")
);
--> statement-breakpoint
CREATE TABLE "etl"."fixture_mappings" (
	"season" text NOT NULL,
	"fpl_fixture_id" integer NOT NULL,
	"sofa_event_id" integer NOT NULL,
	"sofa_season_id" integer NOT NULL,
	"gameweek" smallint NOT NULL,
	"kickoff" timestamp with time zone NOT NULL,
	"kickoff_delta_ms" integer NOT NULL,
	"fpl_home_team_id" integer NOT NULL,
	"fpl_away_team_id" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fixture_mappings_season_fpl_fixture_id_pk" PRIMARY KEY("season","fpl_fixture_id"),
	CONSTRAINT "fixture_mappings_event_uq" UNIQUE("season","sofa_event_id")
);
--> statement-breakpoint
CREATE TABLE "etl"."heatmaps" (
	"season" text NOT NULL,
	"sofa_event_id" integer NOT NULL,
	"sofa_player_id" integer NOT NULL,
	"fpl_element_id" integer,
	"gameweek" smallint NOT NULL,
	"status" "etl"."heatmap_status" NOT NULL,
	"unavailable_reason" text,
	"points" jsonb,
	"grid" jsonb,
	"point_count" integer DEFAULT 0 NOT NULL,
	"qualify_reasons" text[] NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "heatmaps_season_sofa_event_id_sofa_player_id_pk" PRIMARY KEY("season","sofa_event_id","sofa_player_id")
);
--> statement-breakpoint
CREATE TABLE "etl"."lineup_players" (
	"season" text NOT NULL,
	"sofa_event_id" integer NOT NULL,
	"sofa_player_id" integer NOT NULL,
	"fpl_element_id" integer,
	"player_name" text NOT NULL,
	"side" text NOT NULL,
	"sofa_team_id" integer NOT NULL,
	"position" text,
	"substitute" boolean NOT NULL,
	"minutes" smallint NOT NULL,
	"rating" double precision,
	"goals" smallint NOT NULL,
	"assists" smallint NOT NULL,
	"statistics" jsonb NOT NULL,
	CONSTRAINT "lineup_players_season_sofa_event_id_sofa_player_id_pk" PRIMARY KEY("season","sofa_event_id","sofa_player_id")
);
--> statement-breakpoint
CREATE TABLE "etl"."player_attributes" (
	"season" text NOT NULL,
	"fpl_element_id" integer NOT NULL,
	"sofa_player_id" integer NOT NULL,
	"source" text NOT NULL,
	"is_average" boolean NOT NULL,
	"attacking" double precision,
	"technical" double precision,
	"tactical" double precision,
	"defending" double precision,
	"creativity" double precision,
	"sofa_position" text,
	"year_shift" smallint,
	"history" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "player_attributes_season_fpl_element_id_pk" PRIMARY KEY("season","fpl_element_id")
);
--> statement-breakpoint
CREATE TABLE "etl"."player_radars" (
	"season" text NOT NULL,
	"fpl_element_id" integer NOT NULL,
	"position" text NOT NULL,
	"minutes" integer NOT NULL,
	"min_minutes" integer NOT NULL,
	"status" text NOT NULL,
	"attacking" double precision,
	"technical" double precision,
	"tactical" double precision,
	"defending" double precision,
	"creativity" double precision,
	"metrics" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "player_radars_season_fpl_element_id_pk" PRIMARY KEY("season","fpl_element_id")
);
--> statement-breakpoint
CREATE TABLE "etl"."player_season_heatmaps" (
	"season" text NOT NULL,
	"sofa_player_id" integer NOT NULL,
	"fpl_element_id" integer,
	"matches" integer NOT NULL,
	"point_count" integer NOT NULL,
	"grid" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "player_season_heatmaps_season_sofa_player_id_pk" PRIMARY KEY("season","sofa_player_id")
);
--> statement-breakpoint
CREATE TABLE "etl"."player_season_stats" (
	"season" text NOT NULL,
	"fpl_element_id" integer NOT NULL,
	"sofa_player_id" integer,
	"web_name" text NOT NULL,
	"fpl_team_id" integer NOT NULL,
	"position" text NOT NULL,
	"status" text NOT NULL,
	"no_data_reason" text,
	"appearances" integer NOT NULL,
	"minutes" integer NOT NULL,
	"goals" integer NOT NULL,
	"assists" integer NOT NULL,
	"fpl_points" integer NOT NULL,
	"goals_per90" double precision,
	"assists_per90" double precision,
	"fpl_points_per90" double precision,
	"has_sofa_stats" boolean NOT NULL,
	"sofa_rating" double precision,
	"sofa_total_rating" double precision,
	"sofa_count_rating" integer,
	"sofa_minutes_played" integer,
	"sofa_appearances" integer,
	"sofa_matches_started" integer,
	"sofa_goals" integer,
	"sofa_assists" integer,
	"sofa_expected_goals" double precision,
	"sofa_expected_assists" double precision,
	"sofa_big_chances_created" integer,
	"sofa_big_chances_missed" integer,
	"sofa_total_shots" integer,
	"sofa_shots_on_target" integer,
	"sofa_accurate_passes" integer,
	"sofa_total_passes" integer,
	"sofa_accurate_passes_percentage" double precision,
	"sofa_key_passes" integer,
	"sofa_accurate_long_balls" integer,
	"sofa_accurate_long_balls_percentage" double precision,
	"sofa_accurate_crosses" integer,
	"sofa_successful_dribbles" integer,
	"sofa_touches" integer,
	"sofa_possession_lost" integer,
	"sofa_dispossessed" integer,
	"sofa_tackles" integer,
	"sofa_interceptions" integer,
	"sofa_clearances" integer,
	"sofa_total_duels_won" integer,
	"sofa_total_duels_won_percentage" double precision,
	"sofa_aerial_duels_won" integer,
	"sofa_ground_duels_won" integer,
	"sofa_yellow_cards" integer,
	"sofa_red_cards" integer,
	"sofa_fouls" integer,
	"sofa_was_fouled" integer,
	"sofa_saves" integer,
	"sofa_goals_prevented" double precision,
	"sofa_clean_sheets" integer,
	"sofa_goals_conceded" integer,
	"sofa_per90" jsonb,
	"sofa_unmapped_keys" text[],
	"sofa_raw" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "player_season_stats_season_fpl_element_id_pk" PRIMARY KEY("season","fpl_element_id")
);
--> statement-breakpoint
CREATE INDEX "event_lineups_gameweek_idx" ON "etl"."event_lineups" USING btree ("season","gameweek");--> statement-breakpoint
CREATE INDEX "fixture_mappings_gameweek_idx" ON "etl"."fixture_mappings" USING btree ("season","gameweek");--> statement-breakpoint
CREATE INDEX "heatmaps_player_idx" ON "etl"."heatmaps" USING btree ("season","sofa_player_id");--> statement-breakpoint
CREATE INDEX "lineup_players_element_idx" ON "etl"."lineup_players" USING btree ("season","fpl_element_id");