// Requests the parent sends the child outside a batch (a search, a page to render) and the
// answers it waits for, matched by requestId. A child that dies or never answers must not leave
// a caller waiting forever: every request has a deadline, and a death rejects them all.
import { randomUUID } from 'node:crypto';

interface Pending<T> {
  resolve(value: T): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class PendingRequests<T> {
  private readonly pending = new Map<string, Pending<T>>();

  /** Registers a request and returns its id and the promise of its answer. */
  open(timeoutMs: number, what: string): { requestId: string; answer: Promise<T> } {
    const requestId = randomUUID();
    const answer = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new Error(`The ${what} did not answer within ${Math.round(timeoutMs / 1000)} s.`));
      }, timeoutMs);
      this.pending.set(requestId, { resolve, reject, timer });
    });
    return { requestId, answer };
  }

  /** Settles a request; an unknown (late, timed-out) id is ignored. */
  settle(requestId: string, outcome: { value: T } | { error: string }): void {
    const entry = this.pending.get(requestId);
    if (!entry) return;
    this.pending.delete(requestId);
    clearTimeout(entry.timer);
    if ('value' in outcome) entry.resolve(outcome.value);
    else entry.reject(new Error(outcome.error));
  }

  /** Rejects every open request (the child died or the runner was disposed). */
  rejectAll(message: string): void {
    for (const [id, entry] of this.pending) {
      clearTimeout(entry.timer);
      entry.reject(new Error(message));
      this.pending.delete(id);
    }
  }

  get size(): number {
    return this.pending.size;
  }
}
