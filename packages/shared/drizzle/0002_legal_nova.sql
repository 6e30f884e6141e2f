CREATE SCHEMA "ml";
--> statement-breakpoint
CREATE SCHEMA "predictions";
--> statement-breakpoint
CREATE SCHEMA "analytics";
--> statement-breakpoint
CREATE TYPE "analytics"."metrics_window" AS ENUM('last_30_days', 'season', 'all_time');--> statement-breakpoint
CREATE TABLE "ml"."model_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ml"."model_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"league" text NOT NULL,
	"cutoff" timestamp with time zone NOT NULL,
	"train_from" timestamp with time zone NOT NULL,
	"train_matches" integer NOT NULL,
	"settings" jsonb NOT NULL,
	"params" jsonb NOT NULL,
	"team_names" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"log_lik" double precision NOT NULL,
	"converged" boolean NOT NULL,
	"iterations" integer NOT NULL,
	"gradient_norm" double precision NOT NULL,
	"fit_ms" double precision NOT NULL,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "predictions"."predictions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "predictions"."predictions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_version_id" integer NOT NULL,
	"match_id" integer NOT NULL,
	"league" text NOT NULL,
	"season" char(4) NOT NULL,
	"kickoff" timestamp with time zone NOT NULL,
	"made_at" timestamp with time zone NOT NULL,
	"p_home" double precision NOT NULL,
	"p_draw" double precision NOT NULL,
	"p_away" double precision NOT NULL,
	"xg_home" double precision NOT NULL,
	"xg_away" double precision NOT NULL,
	"likely_home_goals" smallint NOT NULL,
	"likely_away_goals" smallint NOT NULL,
	"likely_score_probability" double precision NOT NULL,
	"over25" double precision NOT NULL,
	"under25" double precision NOT NULL,
	"btts_yes" double precision NOT NULL,
	"btts_no" double precision NOT NULL,
	"odds_at_prediction" jsonb,
	CONSTRAINT "predictions_model_match_uq" UNIQUE("model_version_id","match_id")
);
--> statement-breakpoint
CREATE TABLE "predictions"."validations" (
	"match_id" integer PRIMARY KEY NOT NULL,
	"prediction_id" integer NOT NULL,
	"home_goals" smallint NOT NULL,
	"away_goals" smallint NOT NULL,
	"outcome" text NOT NULL,
	"hit" boolean NOT NULL,
	"rps" double precision NOT NULL,
	"log_loss" double precision NOT NULL,
	"brier" double precision NOT NULL,
	"validated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics"."backtests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "analytics"."backtests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"league" text NOT NULL,
	"from_season" text NOT NULL,
	"to_season" text NOT NULL,
	"refit" text NOT NULL,
	"margin_method" text NOT NULL,
	"source" text NOT NULL,
	"settings" jsonb NOT NULL,
	"n" integer NOT NULL,
	"pooled" jsonb NOT NULL,
	"seasons" jsonb NOT NULL,
	"fits" integer NOT NULL,
	"duration_ms" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics"."model_metrics" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "analytics"."model_metrics_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"league" text NOT NULL,
	"model_version_id" integer NOT NULL,
	"window" "analytics"."metrics_window" NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"n" integer NOT NULL,
	"accuracy" double precision,
	"rps" double precision,
	"log_loss" double precision,
	"brier" double precision,
	"ece" double precision,
	"market_n" integer NOT NULL,
	"market_rps" double precision,
	"rps_gap" double precision,
	"rps_gap_se" double precision,
	"details" jsonb NOT NULL,
	CONSTRAINT "model_metrics_report_uq" UNIQUE("league","model_version_id","window","computed_at")
);
--> statement-breakpoint
ALTER TABLE "predictions"."validations" ADD CONSTRAINT "validations_prediction_id_predictions_id_fk" FOREIGN KEY ("prediction_id") REFERENCES "predictions"."predictions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "model_versions_league_id_idx" ON "ml"."model_versions" USING btree ("league","id");--> statement-breakpoint
CREATE INDEX "predictions_match_made_idx" ON "predictions"."predictions" USING btree ("match_id","made_at");--> statement-breakpoint
CREATE INDEX "validations_prediction_idx" ON "predictions"."validations" USING btree ("prediction_id");--> statement-breakpoint
CREATE INDEX "model_metrics_league_computed_idx" ON "analytics"."model_metrics" USING btree ("league","computed_at");