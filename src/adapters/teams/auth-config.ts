// The Agents SDK's authentication settings from Osaava's configuration (the SDK's own standard
// variables: clientId, clientSecret, tenantId). Single-tenant is the default Azure now allows.
import type { AuthConfiguration } from '@microsoft/agents-hosting';
import { BOT_FRAMEWORK_ISSUER, BOT_FRAMEWORK_ISSUER_GOV } from './request-guard.ts';

export interface TeamsAuth {
  /** The Azure Bot's app (client) id. */
  clientId: string;
  /** The app registration's secret; without one the SDK uses the (user-assigned) managed identity. */
  clientSecret?: string;
  /** The school's Entra tenant: the bot is single-tenant. */
  tenantId?: string;
  /**
   * The Entra authority, `https://login.microsoftonline.com` unless set. Only national clouds and the
   * tests (a local token issuer) change it; incoming tokens' signing keys are read from here too.
   */
  authorityEndpoint?: string;
  /**
   * Accepted token issuers: the Bot Framework's (`https://api.botframework.com`, or `.us` with a US
   * Government authority) unless set. Never the school's own tenant: any app in the tenant could get
   * a token for the bot from it.
   */
  issuers?: string[];
}

/** Who may call /api/messages: Azure Bot Service only, unless configured otherwise (national clouds, tests). */
export function acceptedIssuers(auth: TeamsAuth): string[] {
  if (auth.issuers && auth.issuers.length > 0) return auth.issuers;
  return [/login\.microsoftonline\.us/i.test(auth.authorityEndpoint ?? '') ? BOT_FRAMEWORK_ISSUER_GOV : BOT_FRAMEWORK_ISSUER];
}

export function toAuthConfiguration(auth: TeamsAuth | undefined): AuthConfiguration {
  if (!auth) {
    // Explicitly empty, so credentials lying in the environment cannot switch the test mode to real auth.
    return { clientId: undefined, clientSecret: undefined, tenantId: undefined };
  }
  return {
    clientId: auth.clientId,
    clientSecret: auth.clientSecret,
    tenantId: auth.tenantId,
    ...(auth.authorityEndpoint ? { authorityEndpoint: auth.authorityEndpoint } : {}),
    // The SDK's default list adds the school's own tenant; ours is the Bot Framework only (the router
    // checks `iss` again, as the SDK also always accepts Microsoft's first-party tenants).
    issuers: acceptedIssuers(auth),
    validateIssuer: true,
  };
}
