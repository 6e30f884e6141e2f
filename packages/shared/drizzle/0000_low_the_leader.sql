CREATE SCHEMA "platform";
--> statement-breakpoint
CREATE TYPE "platform"."run_status" AS ENUM('running', 'succeeded', 'failed', 'timed_out', 'rejected', 'skipped');--> statement-breakpoint
CREATE TABLE "platform"."task_runs" (
	"run_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"task" text NOT NULL,
	"service" text NOT NULL,
	"status" "platform"."run_status" NOT NULL,
	"trigger_kind" text NOT NULL,
	"trigger" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"upstream_run_id" uuid,
	"payload" jsonb,
	"msg_id" text,
	"stream_seq" bigint,
	"instance_id" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"error" text,
	"result" jsonb,
	CONSTRAINT "task_runs_run_id_attempt_pk" PRIMARY KEY("run_id","attempt")
);
--> statement-breakpoint
CREATE INDEX "task_runs_task_started_idx" ON "platform"."task_runs" USING btree ("task","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "task_runs_status_idx" ON "platform"."task_runs" USING btree ("status") WHERE "platform"."task_runs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "task_runs_upstream_idx" ON "platform"."task_runs" USING btree ("upstream_run_id");