import { readFileSync } from 'node:fs';
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { ConnectionAuth } from './connect';

/**
 * App-only auth for the CLI and the reminder job against SharePoint Online: an Entra ID
 * app registration with a certificate (SharePoint refuses client secrets for app-only
 * REST). Kept apart from connect.ts so the tab's bundle never includes msal-node.
 */
export function certificateAuth(options: {
  siteUrl: string;
  tenantId: string;
  clientId: string;
  thumbprint: string;
  privateKeyPem: string;
}): ConnectionAuth {
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      authority: `https://login.microsoftonline.com/${options.tenantId}`,
      clientCertificate: { thumbprintSha256: options.thumbprint, privateKey: options.privateKeyPem },
    },
  });
  const scope = `${new URL(options.siteUrl).origin}/.default`;
  return {
    kind: 'token',
    async getToken() {
      const result = await app.acquireTokenByClientCredential({ scopes: [scope] });
      if (!result?.accessToken) throw new Error(`Entra ID returned no token for ${scope}. Check the app registration has SharePoint Sites.Selected or Sites.FullControl.All (application) consent.`);
      return result.accessToken;
    },
  };
}

const REQUIRED_ENV = ['PLAN_TRACKER_TENANT_ID', 'PLAN_TRACKER_CLIENT_ID', 'PLAN_TRACKER_CERT_THUMBPRINT', 'PLAN_TRACKER_CERT_KEY_PATH'] as const;

/** Certificate auth from the environment (see README, "Pointing at a real tenant"). */
export function certificateAuthFromEnv(siteUrl: string): ConnectionAuth {
  const missing = REQUIRED_ENV.filter((name) => !process.env[name]);
  if (missing.length) {
    throw new Error(`To reach ${siteUrl} set ${missing.join(', ')} (in the environment or env/.env.local.user). See README, "Pointing at a real tenant".`);
  }
  return certificateAuth({
    siteUrl,
    tenantId: process.env.PLAN_TRACKER_TENANT_ID!,
    clientId: process.env.PLAN_TRACKER_CLIENT_ID!,
    thumbprint: process.env.PLAN_TRACKER_CERT_THUMBPRINT!,
    privateKeyPem: readFileSync(process.env.PLAN_TRACKER_CERT_KEY_PATH!, 'utf8'),
  });
}
