import type { Faker } from "@faker-js/faker";
import { faker as englishFaker } from "@faker-js/faker/locale/en";
import { flat } from "../internal/flat.js";
import { hex32, uuid4 } from "../internal/hex.js";
import { Prng } from "../internal/prng.js";
import { STREAM } from "../internal/streams.js";
import type { Actor, ActorKind, ActorNetwork } from "./actor.js";
import { drawKeyPolicy, type KeyPolicy } from "./key-policy.js";
import { REGIONS } from "./regions.js";
import type { Tenant, TenantRegion } from "./tenant.js";
import { botNetwork, buildTenantNetwork, personNetwork, workerNetwork } from "./tenant-network.js";

const BOT_JOBS = ["train", "deploy", "etl", "eval", "nightly", "labeling", "release", "mlops"];
const IDPS = ["corp-sso", "okta-idp", "azure-ad", "keycloak"];
const AGENCY_NAMES = ["modelarts_ops_agency", "ml_platform_admin", "data_team_delegate"];

/**
 * Faker's class, taken from the English instance: the package's main entry loads every locale
 * (~300 ms at each start of a process or worker), the English entry ~50 ms. Its definitions
 * are English over the base locale, as `new Faker({ locale: [en, base] })` would have.
 */
const FakerClass = englishFaker.constructor as typeof Faker;

/** Options of {@link buildTenant}. */
export interface BuildTenantOptions {
  readonly seed: number;
  readonly index: number;
  /** IAM users: people, bots and federated users together. */
  readonly users: number;
}

/**
 * Builds one tenant: faker (seeded from the tenant's own stream) fills names once, a second
 * stream its networks (offices, VPN, homes, CI runners) and clients; nothing here runs per trace.
 */
export function buildTenant(options: BuildTenantOptions): Tenant {
  const { seed, index, users } = options;
  const rng = Prng.derive(seed, STREAM.tenant, index);
  const faker = new FakerClass({ locale: englishFaker.rawDefinitions, seed: rng.u32() });
  const taken = new Set<string>();
  const unique = (raw: string): string => {
    let name = raw;
    for (let n = 2; taken.has(name); n++) name = `${raw}${n}`;
    taken.add(name);
    return flat(name);
  };

  const domainId = hex32(rng);
  const domainName = unique(slug(faker.company.name()).slice(0, 24).replace(/-+$/, ""));
  const home = index === 0 ? REGIONS[0] : rng.pick(REGIONS);
  const infos = [home];
  if (rng.chance(0.3)) {
    const second = rng.pick(REGIONS);
    if (second !== home) infos.push(second);
  }
  const regions: TenantRegion[] = infos.map((info) => {
    const projectId = hex32(rng);
    return {
      info,
      projectId,
      scope: { projectId, domainId, regionInfo: info, urlPrefix: `/?region=${info.name}#/` },
    };
  });
  const enterpriseProjects = ["0"];
  for (let i = rng.int(3); i > 0; i--) enterpriseProjects.push(uuid4(rng));

  const netRng = Prng.derive(seed, STREAM.network, index);
  const network = buildTenantNetwork(netRng, home.country, users);
  const accessKey = (): KeyPolicy => drawKeyPolicy(rng);
  const iamUser = (
    kind: ActorKind,
    name: string,
    net: ActorNetwork,
    keys: KeyPolicy | null,
  ): Actor => {
    const id = hex32(rng);
    return {
      kind,
      id,
      name,
      principalUrn: `iam::${domainId}:user:${name}`,
      principalId: id,
      mfa: kind === "console" && rng.chance(0.6),
      net,
      keyPolicy: keys,
    };
  };
  const personName = (): string =>
    unique(`${slug(faker.person.firstName())}.${slug(faker.person.lastName())}`);

  const botCount = Math.max(1, Math.round(users * 0.2));
  const federatedCount = users >= 4 ? Math.max(1, Math.round(users * 0.15)) : 0;
  const peopleCount = Math.max(1, users - botCount - federatedCount);
  const people = Array.from({ length: peopleCount }, () =>
    iamUser(
      "console",
      personName(),
      personNetwork(netRng, network),
      rng.chance(0.3) ? accessKey() : null,
    ),
  );
  const bots = Array.from({ length: botCount }, () =>
    iamUser(
      "bot",
      unique(`ci-${rng.pick(BOT_JOBS)}-bot`),
      botNetwork(netRng, network),
      accessKey(),
    ),
  );
  const idp = rng.pick(IDPS);
  const federated = Array.from({ length: federatedCount }, (): Actor => {
    const session = unique(`${personName()}@${domainName}.example`);
    return {
      kind: "federated",
      id: hex32(rng),
      name: session,
      principalUrn: `sts::${domainId}:external-user:${idp}/${session}`,
      principalId: `${idp}:${session}`,
      mfa: true,
      net: personNetwork(netRng, network),
      keyPolicy: null,
    };
  });
  const agencyName = rng.pick(AGENCY_NAMES);
  const agencyId = hex32(rng);
  const origin = people[0] as Actor;
  const agencySession = origin.name;
  const agencies: Actor[] = [
    {
      kind: "agency",
      id: agencyId,
      name: `${agencyName}/${agencySession}`,
      principalUrn: `sts::${domainId}:assumed-agency:${agencyName}/${agencySession}`,
      principalId: `${agencyId}:${agencySession}`,
      mfa: false,
      // The person who assumed the agency, calling through tools of their own.
      net: {
        ...origin.net,
        apiAgent: personNetwork(netRng, network, { caller: "agency" }).apiAgent,
      },
      keyPolicy: null,
      origin,
    },
  ];
  const rootId = hex32(rng);
  const root: Actor = {
    kind: "root",
    id: rootId,
    name: domainName,
    // Huawei's root-user examples show the IAM user form with principal_is_root_user "true";
    // the root user is named after the account (IAM's "account root user").
    principalUrn: `iam::${domainId}:user:${domainName}`,
    principalId: rootId,
    mfa: true,
    net: personNetwork(netRng, network, { remote: false }),
    keyPolicy: null,
  };
  const workers = Array.from({ length: 4 + rng.int(7) }, (): Actor => {
    const id = hex32(rng);
    return {
      kind: "worker",
      id,
      name: unique(slug(faker.internet.email()).replace(/-at-/, "@")),
      principalUrn: "",
      principalId: id,
      mfa: false,
      net: workerNetwork(netRng, network),
      keyPolicy: null,
    };
  });

  return {
    index,
    domainId,
    domainName,
    utcOffsetMinutes: home.utcOffsetMinutes,
    regions,
    network,
    enterpriseProjects,
    people,
    bots,
    federated,
    agencies,
    root,
    workers,
    systemTrackerId: uuid4(rng),
    domainJson: flat(`{"id":"${domainId}","name":"${domainName}"}`),
  };
}

/** Lowercase, JSON-safe name: letters, digits, `.`, `_`, `-`, `@` only. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/@/g, "-at-")
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
}
