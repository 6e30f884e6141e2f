import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscardPolicy, RetentionPolicy, StorageType } from "@nats-io/jetstream";
import { StreamPublisher, StreamPublishError } from "@matchday/shared";
import { connectTestNats, type TestNats } from "@matchday/shared/testing";

let n: TestNats;
let stream: string;
let sp: string;

beforeAll(async () => {
  n = await connectTestNats();
  sp = `${n.topology.namespace}.sp`;
  stream = `${n.topology.namespace.toUpperCase()}_SP`;
  await n.jsm.streams.add({
    name: stream,
    subjects: [`${sp}.stored.>`],
    storage: StorageType.Memory,
    retention: RetentionPolicy.Limits,
    duplicate_window: 60_000_000_000,
  });
  // One message at most, new ones refused: the stream answers with an API error.
  await n.jsm.streams.add({
    name: `${stream}_FULL`,
    subjects: [`${sp}.full`],
    storage: StorageType.Memory,
    max_msgs: 1,
    discard: DiscardPolicy.New,
  });
});

afterAll(async () => {
  for (const s of [stream, `${stream}_FULL`]) await n.jsm.streams.delete(s).catch(() => {});
  await n.cleanup();
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => "stored",
    (err: unknown) =>
      err instanceof StreamPublishError ? { kind: err.kind, message: err.message } : err,
  );

describe("stream publisher", () => {
  it("stream publisher - stores each message once with its headers; a repeated message id is a duplicate", async () => {
    const pub = new StreamPublisher(n.nc);
    const subject = `${sp}.stored.a`;
    const acks = await Promise.all(
      [1, 2, 3].map((i) =>
        pub.publish(subject, JSON.stringify({ i }), `run-${i}:completed`, [
          ["Matchday-Run-Id", `run-${i}`],
        ]),
      ),
    );
    const again = await pub.publish(subject, JSON.stringify({ i: 1 }), "run-1:completed");
    expect(acks.map((a) => [a.stream, a.duplicate])).toEqual([
      [stream, false],
      [stream, false],
      [stream, false],
    ]);
    expect(new Set(acks.map((a) => a.seq)).size).toBe(3);
    expect(again).toEqual({ stream, seq: acks[0]!.seq, duplicate: true });
    const info = await n.jsm.streams.info(stream);
    expect(info.state.messages).toBe(3);
    const stored = await n.jsm.streams.getMessage(stream, { seq: acks[1]!.seq });
    expect(stored?.json()).toEqual({ i: 2 });
    expect(stored?.header.get("Matchday-Run-Id")).toBe("run-2");
    expect(stored?.header.get("Nats-Msg-Id")).toBe("run-2:completed");
    expect(pub.inFlight).toBe(0);
    pub.close();
  });

  it("stream publisher - no stream on the subject, a refusal and a silent subscriber each fail the publish", async () => {
    const pub = new StreamPublisher(n.nc, { timeoutMs: 300 });
    // A core subscriber that never answers: no 503, no acknowledgement.
    const silent = n.nc.subscribe(`${sp}.silent`, { callback: () => {} });
    await n.nc.flush();
    await pub.publish(`${sp}.full`, "first", "full-1");
    const [noStream, refused, timedOut] = await Promise.all([
      failure(pub.publish(`${sp}.nowhere`, "x", "m1")),
      failure(pub.publish(`${sp}.full`, "second", "full-2")),
      failure(pub.publish(`${sp}.silent`, "x", "m3")),
    ]);
    silent.unsubscribe();
    expect(noStream).toEqual({ kind: "no_stream", message: `no stream listens on ${sp}.nowhere` });
    expect(refused).toMatchObject({ kind: "api" });
    expect((refused as { message: string }).message).toMatch(
      /^stream refused the message on .*\.full: maximum messages exceeded/,
    );
    expect(timedOut).toEqual({
      kind: "timeout",
      message: `no acknowledgement for ${sp}.silent within 300 ms`,
    });
    expect(pub.inFlight).toBe(0);
    pub.close();
  });

  it("stream publisher - closing fails what is still waiting, and later publishes", async () => {
    const pub = new StreamPublisher(n.nc, { timeoutMs: 10_000 });
    const silent = n.nc.subscribe(`${sp}.silent2`, { callback: () => {} });
    await n.nc.flush();
    const waiting = failure(pub.publish(`${sp}.silent2`, "x", "m4"));
    await n.nc.flush();
    expect(pub.inFlight).toBe(1);
    pub.close();
    expect(await waiting).toEqual({ kind: "closed", message: "stream publisher closed" });
    expect(await failure(pub.publish(`${sp}.stored.b`, "x", "m5"))).toEqual({
      kind: "closed",
      message: "stream publisher closed",
    });
    silent.unsubscribe();
  });
});
