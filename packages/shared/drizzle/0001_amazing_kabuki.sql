CREATE SCHEMA "sync";
--> statement-breakpoint
CREATE TYPE "sync"."match_status" AS ENUM('scheduled', 'finished');--> statement-breakpoint
CREATE TYPE "sync"."odds_market" AS ENUM('1x2', 'ou25', 'ah');--> statement-breakpoint
CREATE TABLE "sync"."leagues" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync"."matches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sync"."matches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"league" text NOT NULL,
	"season" char(4) NOT NULL,
	"home_team_id" integer NOT NULL,
	"away_team_id" integer NOT NULL,
	"kickoff" timestamp with time zone NOT NULL,
	"has_time" boolean NOT NULL,
	"status" "sync"."match_status" NOT NULL,
	"ft_home_goals" smallint,
	"ft_away_goals" smallint,
	"ft_result" char(1),
	"ht_home_goals" smallint,
	"ht_away_goals" smallint,
	"ht_result" char(1),
	"referee" text,
	"home_shots" smallint,
	"away_shots" smallint,
	"home_shots_on_target" smallint,
	"away_shots_on_target" smallint,
	"home_fouls" smallint,
	"away_fouls" smallint,
	"home_corners" smallint,
	"away_corners" smallint,
	"home_yellow_cards" smallint,
	"away_yellow_cards" smallint,
	"home_red_cards" smallint,
	"away_red_cards" smallint,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_origin" text,
	"source_line" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matches_identity_uq" UNIQUE("league","season","home_team_id","away_team_id")
);
--> statement-breakpoint
CREATE TABLE "sync"."odds" (
	"match_id" integer NOT NULL,
	"bookmaker" text NOT NULL,
	"market" "sync"."odds_market" NOT NULL,
	"line" double precision DEFAULT 0 NOT NULL,
	"closing" boolean NOT NULL,
	"home" double precision,
	"draw" double precision,
	"away" double precision,
	"over" double precision,
	"under" double precision,
	"book_count" smallint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "odds_match_id_bookmaker_market_closing_line_pk" PRIMARY KEY("match_id","bookmaker","market","closing","line")
);
--> statement-breakpoint
CREATE TABLE "sync"."rejected_rows" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sync"."rejected_rows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"league" text,
	"season" char(4),
	"file" text NOT NULL,
	"line" integer NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync"."seasons" (
	"league" text NOT NULL,
	"season" char(4) NOT NULL,
	"last_origin" text,
	"last_file_sha256" text,
	"last_synced_at" timestamp with time zone,
	"match_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seasons_league_season_pk" PRIMARY KEY("league","season")
);
--> statement-breakpoint
CREATE TABLE "sync"."team_aliases" (
	"source" text NOT NULL,
	"name" text NOT NULL,
	"team_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_aliases_source_name_pk" PRIMARY KEY("source","name")
);
--> statement-breakpoint
CREATE TABLE "sync"."teams" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sync"."teams_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"needs_review" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sync"."matches" ADD CONSTRAINT "matches_league_leagues_code_fk" FOREIGN KEY ("league") REFERENCES "sync"."leagues"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync"."matches" ADD CONSTRAINT "matches_home_team_id_teams_id_fk" FOREIGN KEY ("home_team_id") REFERENCES "sync"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync"."matches" ADD CONSTRAINT "matches_away_team_id_teams_id_fk" FOREIGN KEY ("away_team_id") REFERENCES "sync"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync"."odds" ADD CONSTRAINT "odds_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "sync"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync"."seasons" ADD CONSTRAINT "seasons_league_leagues_code_fk" FOREIGN KEY ("league") REFERENCES "sync"."leagues"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync"."team_aliases" ADD CONSTRAINT "team_aliases_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "sync"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matches_league_season_kickoff_idx" ON "sync"."matches" USING btree ("league","season","kickoff");--> statement-breakpoint
CREATE INDEX "matches_kickoff_idx" ON "sync"."matches" USING btree ("kickoff");--> statement-breakpoint
CREATE INDEX "matches_home_team_idx" ON "sync"."matches" USING btree ("home_team_id");--> statement-breakpoint
CREATE INDEX "matches_away_team_idx" ON "sync"."matches" USING btree ("away_team_id");--> statement-breakpoint
CREATE INDEX "odds_bookmaker_market_idx" ON "sync"."odds" USING btree ("bookmaker","market","closing");--> statement-breakpoint
CREATE INDEX "rejected_rows_file_at_idx" ON "sync"."rejected_rows" USING btree ("file","at");--> statement-breakpoint
CREATE INDEX "team_aliases_team_idx" ON "sync"."team_aliases" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "teams_needs_review_idx" ON "sync"."teams" USING btree ("id") WHERE "sync"."teams"."needs_review";