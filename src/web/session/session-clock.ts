import { type SessionTiming, sessionTouchSlackSeconds } from "../../shared/auth";

/** What the web app knows of when the session ends, in this browser's clock. */
export interface SessionClock {
  idleTimeoutMs: number;
  /** The absolute end, however much the session is used. */
  endsAtLatest: number;
}

/** The clock from the server's timing, received at `receivedAt` (relative, so clock skew does not matter). */
export function sessionClockOf(timing: SessionTiming, receivedAt: number): SessionClock {
  return {
    idleTimeoutMs: timing.idleTimeoutSeconds * 1000,
    endsAtLatest: receivedAt + timing.expiresInSeconds * 1000,
  };
}

export type SessionPhase =
  | { phase: "active"; warnAt: number; endsAt: number }
  | { phase: "warning"; endsAt: number; extendable: boolean }
  | { phase: "ended" };

/**
 * Where the session stands at `now`, after the last request at `lastActivity`. The server may
 * record a use up to its slack late, so the idle end is counted from the request less that slack.
 * The warning comes a minute before the end (earlier than half the idle time only for very short
 * timeouts). Staying logged in helps only when the idle end comes before the absolute one.
 */
export function sessionPhaseAt(clock: SessionClock, lastActivity: number, now: number): SessionPhase {
  const slackMs = sessionTouchSlackSeconds(clock.idleTimeoutMs / 1000) * 1000;
  const guaranteedIdleMs = clock.idleTimeoutMs - slackMs;
  const idleEnd = lastActivity + guaranteedIdleMs;
  const endsAt = Math.min(idleEnd, clock.endsAtLatest);
  const warnAt = endsAt - Math.min(60_000, guaranteedIdleMs / 2);
  if (now >= endsAt) {
    return { phase: "ended" };
  }
  if (now >= warnAt) {
    return { phase: "warning", endsAt, extendable: idleEnd < clock.endsAtLatest };
  }
  return { phase: "active", warnAt, endsAt };
}
