ALTER TABLE "sync"."odds" DROP CONSTRAINT "odds_match_id_matches_id_fk";
--> statement-breakpoint
DROP INDEX "sync"."odds_bookmaker_market_idx";