import type { Role } from "../../shared/auth.ts";

/** The logged-in user behind a request. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  organisationId: string;
  /** The organisation's kind (centre, local-team, …) and region: the policy's inputs. */
  organisationKind: string;
  regionId: string;
  sessionId: string;
  csrfToken: string;
}

/** Who acts, as the audit log records it. */
export interface Actor {
  userId: string | null;
  role: Role | null;
  organisationId: string | null;
  remoteAddress: string | null;
  requestId: string | null;
}
