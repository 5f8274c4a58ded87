/**
 * The opened records of the people currently at the terminal. A record lives only in this process's memory,
 * only as long as the person is at the screen: it is dropped on finish, and a session nobody touched for
 * the idle limit is dropped even if the renderer never said goodbye (crash, power, unplugged screen).
 */
import { randomBytes } from 'node:crypto';
import type { SealedPayload } from '../../domain/published/replica-format';

interface Session {
  record: SealedPayload;
  lastUsedMs: number;
}

export interface ResidentSessions {
  open(record: SealedPayload): string;
  /** The record if the session is alive; touching it keeps it alive. */
  use(sessionId: string): SealedPayload | undefined;
  end(sessionId: string): boolean;
  size(): number;
}

export function createResidentSessions(maxIdleMs: number, nowMs: () => number = Date.now): ResidentSessions {
  const sessions = new Map<string, Session>();

  function dropExpired(): void {
    const now = nowMs();
    for (const [id, session] of sessions) {
      if (now - session.lastUsedMs > maxIdleMs) sessions.delete(id);
    }
  }

  return {
    open(record) {
      dropExpired();
      const id = randomBytes(16).toString('hex');
      sessions.set(id, { record, lastUsedMs: nowMs() });
      return id;
    },
    use(sessionId) {
      dropExpired();
      const session = sessions.get(sessionId);
      if (!session) return undefined;
      session.lastUsedMs = nowMs();
      return session.record;
    },
    end(sessionId) {
      dropExpired();
      return sessions.delete(sessionId);
    },
    size() {
      dropExpired();
      return sessions.size;
    },
  };
}
