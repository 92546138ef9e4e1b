// Who is speaking: a platform user is found by their linked identity, or matched once by e-mail
// (Slack's users.info, Teams' UPN) and linked, so that later messages need no e-mail.
import type { Logger } from 'pino';
import type { PlatformUser } from '../conversation/incoming.ts';
import type { PeopleRepo, Person } from '../storage/index.ts';

export interface IdentityResolver {
  resolve(user: PlatformUser): Promise<Person | null>;
}

export function createIdentityResolver(deps: { people: PeopleRepo; logger: Logger }): IdentityResolver {
  return {
    async resolve(user) {
      const key = { platform: user.platform, tenantId: user.tenantId, externalId: user.userId };
      const linked = await deps.people.findByIdentity(key);
      if (linked) return linked;
      if (!user.email) return null;
      const byEmail = await deps.people.findByEmail(user.email);
      if (!byEmail) return null;
      await deps.people.linkIdentity({ ...key, personId: byEmail.id });
      deps.logger.info({ platform: user.platform, personId: byEmail.id }, 'platform user linked to a person by e-mail');
      return byEmail;
    },
  };
}
