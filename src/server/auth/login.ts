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
  accountKey,
  addressKey,
  afterFailure,
  clearThrottle,
  readThrottle,
  retryAfterSeconds,
  type ThrottleLimits,
  writeThrottle,
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
 * Password and second factor, throttled per account and per address. An unknown user and a
 * wrong password get the same answer in about the same time. Failures are committed (throttle
 * and audit) before the error is thrown.
 */
export async function login(
  deps: LoginDeps,
  input: LoginInput,
  remoteAddress: string,
  requestId: string,
): Promise<LoginResult> {
  const { db, limits } = deps;
  const now = new Date();
  const keys = { account: accountKey(input.username), address: addressKey(remoteAddress) };
  const actor = (user?: { id: string; roles: string[]; organisationId: string }): Actor => ({
    userId: user?.id ?? null,
    role: (user?.roles[0] as Role | undefined) ?? null,
    organisationId: user?.organisationId ?? null,
    remoteAddress,
    requestId,
  });

  const throttle = await readThrottle(db, [keys.account, keys.address]);
  const wait = Math.max(
    retryAfterSeconds(throttle.get(keys.account), now),
    retryAfterSeconds(throttle.get(keys.address), now),
  );

  const [found] = await db
    .select()
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(sql`lower(${users.username}) = ${input.username.trim().toLowerCase()} and ${users.active}`);
  const user = found?.users;

  if (wait > 0) {
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

  const fail = async (reason: string, error: AppError): Promise<never> => {
    await auditedTransaction(db, actor(user), async ({ tx, audit }) => {
      await writeThrottle(
        tx,
        keys.account,
        afterFailure(throttle.get(keys.account), now, limits.maxFailuresPerAccount, limits.blockMinutes),
      );
      await writeThrottle(
        tx,
        keys.address,
        afterFailure(throttle.get(keys.address), now, limits.maxFailuresPerAddress, limits.blockMinutes),
      );
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
      throw new AppError("UNAUTHENTICATED", "Enter the code from your authenticator app.", {
        type: "totp-required",
      });
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
    await clearThrottle(tx, keys.account);
    const session = await createSession(tx, user.id, deps.timeouts, now);
    audit({
      action: "auth.login",
      subjectType: "session",
      ground: user.totpSecret ? "password and TOTP" : "password",
    });
    return {
      token: session.token,
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
