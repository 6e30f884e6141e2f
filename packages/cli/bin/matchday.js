#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader: Matchday runs from source on Node 20 (no build step).
import { register } from "tsx/esm/api";

register();
await import("../src/bin.ts");
