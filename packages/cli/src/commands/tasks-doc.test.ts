import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@matchday/shared";
import { renderTasksDoc } from "./tasks-doc.js";

describe("tasks-doc", () => {
  it("tasks-doc - docs/tasks.md is what the catalog generates (run pnpm tasks:docs when this fails)", () => {
    expect(readFileSync(path.join(repoRoot, "docs/tasks.md"), "utf8")).toBe(renderTasksDoc());
  });
});
