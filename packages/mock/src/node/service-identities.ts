import { type TenantIdentity, tenantIdentities } from "@ctsim/generator";

/** Options of {@link serviceIdentities}: the serve flags that shape the identities. */
export interface ServiceIdentitiesOptions {
  readonly seed: number;
  readonly tenants: number;
  /** The clock at start: fresh credentials are issued then. */
  readonly now: number;
  /** Replaces the first tenant's first project id (`--project-id`). Default: the generator's. */
  readonly projectId?: string;
  /** With `sk`: a second access key of the first tenant's first key holder (`--ak/--sk`). */
  readonly ak?: string;
  readonly sk?: string;
  /** A token of the first tenant's first user, scoped to its first project (`--token`). */
  readonly token?: string;
}

/**
 * The identities `ctsim serve` serves: the generator's (`tenantIdentities`), with the first
 * tenant's first project renamed by `projectId`, and the `ak`/`sk` and `token` given listed
 * first among its credentials (IAM lets a user hold two access keys). A given token is valid
 * for 24 hours from `now`, as the generated ones are.
 *
 * @example serviceIdentities({ seed: 1, tenants: 1, now: Date.now(), ak: "AK", sk: "SK" })
 */
export function serviceIdentities(options: ServiceIdentitiesOptions): TenantIdentity[] {
  const { now, projectId, ak, sk, token } = options;
  const identities = tenantIdentities({ seed: options.seed, tenants: options.tenants, now });
  const [first, ...rest] = identities as [TenantIdentity, ...TenantIdentity[]];
  const original = first.projects[0]?.projectId;
  const renamed = (id: string): string =>
    id === original && projectId !== undefined ? projectId : id;
  const holder = first.permanent[0];
  const user = first.tokens[0];
  const home = renamed(original ?? "");
  const tenant: TenantIdentity = {
    ...first,
    projects: first.projects.map((project) => ({
      ...project,
      projectId: renamed(project.projectId),
    })),
    permanent: [
      ...(ak === undefined || sk === undefined || holder === undefined
        ? []
        : [{ userId: holder.userId, userName: holder.userName, ak, sk }]),
      ...first.permanent,
    ],
    tokens: [
      ...(token === undefined || user === undefined
        ? []
        : [
            {
              projectId: home,
              userId: user.userId,
              userName: user.userName,
              token,
              issuedAt: now,
              expiresAt: now + DAY,
            },
          ]),
      ...first.tokens.map((entry) => ({ ...entry, projectId: renamed(entry.projectId) })),
    ],
  };
  return [tenant, ...rest];
}

const DAY = 86_400_000;
