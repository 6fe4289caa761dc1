import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Role } from "../../shared/auth.ts";
import type { Actor, Principal } from "../access/principal.ts";
import { auditedTransaction } from "../audit/audited-transaction.ts";
import type { Db } from "../db/client.ts";
import { organisations, users } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import { createSession, type SessionTimeouts } from "./sessions.ts";
import {
  readThrottle,
  recordMissingSecondFactor,
  reserveAttempt,
  retryAfterSeconds,
  settleSuccess,
  type ThrottleLimits,
  throttleKeys,
} from "./throttle.ts";
import { verifyTotp } from "./totp.ts";

export interface LoginDeps {
  db: Db;
  timeouts: SessionTimeouts;
  limits: ThrottleLimits;
}

export interface LoginInput {
  username: string;
  password: string;
  totp?: string | undefined;
}

export interface LoginResult {
  principal: Principal;
  token: string;
  expiresAt: Date;
}

const wrongCode = () =>
  new AppError("UNAUTHENTICATED", "The code from the authenticator app is not correct.", {
    type: "totp-invalid",
  });

const invalidCredentials = () =>
  new AppError("UNAUTHENTICATED", "The username or password is not correct.", {
    type: "invalid-credentials",
  });

/**
 * Password and second factor, throttled per account and per address. The attempt is counted in
 * the database before the password is checked, so parallel attempts get no more password checks
 * than the limit; a success gives it back. An unknown user and a wrong password get the same
 * answer in about the same time. Failures are committed (throttle and audit) before the error is
 * thrown.
 */
export async function login(
  deps: LoginDeps,
  input: LoginInput,
  remoteAddress: string,
  requestId: string,
): Promise<LoginResult> {
  const { db, limits } = deps;
  const now = new Date();
  const keys = throttleKeys(input.username, remoteAddress);
  const actor = (user?: { id: string; roles: string[]; organisationId: string }): Actor => ({
    userId: user?.id ?? null,
    role: (user?.roles[0] as Role | undefined) ?? null,
    organisationId: user?.organisationId ?? null,
    remoteAddress,
    requestId,
  });

  const [found] = await db
    .select()
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(sql`lower(${users.username}) = ${input.username.trim().toLowerCase()} and ${users.active}`);
  const user = found?.users;

  if (!(await reserveAttempt(db, keys, limits, now))) {
    const throttle = await readThrottle(db, [keys.account, keys.address]);
    // At least a second: the key was at its limit a moment ago, even if a success just freed it.
    const wait = Math.max(
      1,
      retryAfterSeconds(throttle.get(keys.account), now),
      retryAfterSeconds(throttle.get(keys.address), now),
    );
    await auditedTransaction(db, actor(user), async ({ audit }) => {
      audit({ action: "auth.login", subjectType: "session", outcome: "denied", ground: "throttled" });
    });
    throw new AppError("TOO_MANY_REQUESTS", "Too many failed attempts. Try again later.", {
      type: "too-many-attempts",
      headers: { "Retry-After": String(wait) },
    });
  }

  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);

  // The attempt is already counted; a failure only leaves it so, and is audited.
  const fail = async (reason: string, error: AppError, missingSecondFactor = false): Promise<never> => {
    await auditedTransaction(db, actor(user), async ({ tx, audit }) => {
      if (missingSecondFactor) {
        await recordMissingSecondFactor(tx, keys, limits.blockMinutes, now);
      }
      audit({ action: "auth.login", subjectType: "session", outcome: "failure", ground: reason });
    });
    throw error;
  };

  if (!user || !passwordOk) {
    return fail(user ? "wrong password" : "unknown account", invalidCredentials());
  }
  let totpStep: number | null = null;
  if (user.totpSecret) {
    if (!input.totp) {
      // A right password without its code is a failure until the code comes: otherwise the
      // answer "enter your code" would confirm guessed passwords without limit.
      return fail(
        "second factor missing",
        new AppError("UNAUTHENTICATED", "Enter the code from your authenticator app.", {
          type: "totp-required",
        }),
        true,
      );
    }
    totpStep = await verifyTotp(user.totpSecret, input.totp, user.totpLastStep);
    if (totpStep === null) {
      return fail("wrong second factor", wrongCode());
    }
  }

  return auditedTransaction(db, actor(user), async ({ tx, audit }) => {
    if (totpStep !== null) {
      // Conditional, so that of two logins racing with the same code only one gets through.
      const claimed = await tx
        .update(users)
        .set({ totpLastStep: totpStep })
        .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, totpStep))))
        .returning({ id: users.id });
      if (claimed.length === 0) {
        throw wrongCode();
      }
    }
    await settleSuccess(tx, keys, limits, now);
    const session = await createSession(tx, user.id, deps.timeouts, now);
    audit({
      action: "auth.login",
      subjectType: "session",
      ground: user.totpSecret ? "password and TOTP" : "password",
    });
    return {
      token: session.token,
      expiresAt: session.expiresAt,
      principal: {
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        roles: user.roles as Role[],
        organisationId: user.organisationId,
        organisationKind: found.organisations.kind,
        regionId: found.organisations.regionId,
        sessionId: session.sessionId,
        csrfToken: session.csrfToken,
      },
    };
  });
}
