// Exit 0 when a JetStream-enabled NATS answers at the given URL, 1 otherwise (used by .ci/run;
// it lives in packages/shared so that its @nats-io imports resolve).
import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";

const url = process.argv[2] ?? "nats://127.0.0.1:4222";
try {
  const nc = await connect({ servers: url, timeout: 2000 });
  try {
    await (await jetstreamManager(nc, { timeout: 2000 })).getAccountInfo();
    process.exit(0);
  } finally {
    await nc.close();
  }
} catch {
  process.exit(1);
}
