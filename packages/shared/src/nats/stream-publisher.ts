import {
  createInbox,
  headers as natsHeaders,
  type Msg,
  type NatsConnection,
} from "@nats-io/nats-core";

/** Where JetStream stored a message. `duplicate`: one with its message id was already stored. */
export interface StoredAck {
  stream: string;
  seq: number;
  duplicate: boolean;
}

/** JetStream did not store the message: no stream for the subject, an API error, or no answer in time. */
export class StreamPublishError extends Error {
  override name = "StreamPublishError";
  constructor(
    message: string,
    readonly subject: string,
    /** `no_stream` (no stream listens on the subject), `api` (the stream refused it), `timeout`, `closed`. */
    readonly kind: "no_stream" | "api" | "timeout" | "closed",
  ) {
    super(message);
  }
}

interface Pending {
  subject: string;
  deadline: number;
  resolve: (ack: StoredAck) => void;
  reject: (err: StreamPublishError) => void;
}

/**
 * Publishes messages to JetStream streams and waits for each to be stored, as `js.publish` does,
 * for the publishes on every task's path (completion and failure events).
 *
 * `js.publish` is a request per message: a timer, a reply mux entry, a deferred, and an Error that
 * nats.js builds when it cancels the finished request (a stack trace on every successful publish:
 * 4 µs each in the runtime benchmark's profile). Here all publishes in flight share one wildcard
 * reply subscription (the token is a counter) and one sweeping timer that fails the overdue ones,
 * so a publish costs the message, a map entry and a promise.
 *
 * Semantics are `js.publish`'s: the promise resolves once the stream stored the message (or had
 * stored one with the same message id, `duplicate`), and rejects when no stream listens on the
 * subject, the stream refuses the message, or no acknowledgement came within `timeoutMs` (a
 * reconnect can lose one: the caller retries, and the message id makes the retry a no-op).
 */
export class StreamPublisher {
  private readonly inbox: string;
  private readonly pending = new Map<string, Pending>();
  private readonly sub;
  private readonly sweeper: NodeJS.Timeout;
  private next = 0;
  private closed = false;

  private readonly timeoutMs: number;

  constructor(
    private readonly nc: NatsConnection,
    opts: { timeoutMs?: number } = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 5_000;
    this.inbox = createInbox();
    this.sub = nc.subscribe(`${this.inbox}.*`, { callback: (_err, m) => this.onReply(m) });
    this.sweeper = setInterval(() => this.expire(), Math.min(1_000, this.timeoutMs)).unref();
  }

  /**
   * Publishes `data` on `subject` with `Nats-Msg-Id: msgId` and the given headers (values must not
   * contain CR or LF), and resolves when it is stored.
   */
  publish(
    subject: string,
    data: string | Uint8Array,
    msgId: string,
    headers: readonly (readonly [string, string])[] = [],
  ): Promise<StoredAck> {
    if (this.closed) {
      return Promise.reject(new StreamPublishError("stream publisher closed", subject, "closed"));
    }
    const h = natsHeaders();
    for (const [k, v] of headers) h.append(k, v);
    h.append("Nats-Msg-Id", msgId);
    const token = (this.next++).toString(36);
    return new Promise<StoredAck>((resolve, reject) => {
      this.pending.set(token, {
        subject,
        deadline: Date.now() + this.timeoutMs,
        resolve,
        reject,
      });
      try {
        this.nc.publish(subject, data, { reply: `${this.inbox}.${token}`, headers: h });
      } catch (err) {
        this.pending.delete(token);
        reject(err);
      }
    });
  }

  /** Fails what is still waiting and stops listening. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweeper);
    this.sub.unsubscribe();
    for (const [token, p] of this.pending) {
      this.pending.delete(token);
      p.reject(new StreamPublishError("stream publisher closed", p.subject, "closed"));
    }
  }

  /** How many publishes wait for their acknowledgement. */
  get inFlight(): number {
    return this.pending.size;
  }

  private onReply(m: Msg): void {
    const token = m.subject.slice(this.inbox.length + 1);
    const p = this.pending.get(token);
    if (!p) return; // expired already, or not ours
    this.pending.delete(token);
    if (m.data.length === 0 && m.headers?.code === 503) {
      p.reject(new StreamPublishError(`no stream listens on ${p.subject}`, p.subject, "no_stream"));
      return;
    }
    try {
      const ack = m.json<{
        stream?: string;
        seq?: number;
        duplicate?: boolean;
        error?: { code?: number; err_code?: number; description?: string };
      }>();
      if (ack.error || typeof ack.stream !== "string" || typeof ack.seq !== "number") {
        const e = ack.error;
        p.reject(
          new StreamPublishError(
            `stream refused the message on ${p.subject}: ${e?.description ?? "no acknowledgement in the reply"}${e?.err_code ? ` (err_code ${e.err_code})` : ""}`,
            p.subject,
            "api",
          ),
        );
        return;
      }
      p.resolve({ stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate === true });
    } catch (err) {
      p.reject(
        new StreamPublishError(
          `unreadable acknowledgement for ${p.subject}: ${(err as Error).message}`,
          p.subject,
          "api",
        ),
      );
    }
  }

  /** Entries are in publish order and share one timeout, so the overdue ones come first. */
  private expire(): void {
    const now = Date.now();
    for (const [token, p] of this.pending) {
      if (p.deadline > now) break;
      this.pending.delete(token);
      p.reject(
        new StreamPublishError(
          `no acknowledgement for ${p.subject} within ${this.timeoutMs} ms`,
          p.subject,
          "timeout",
        ),
      );
    }
  }
}
