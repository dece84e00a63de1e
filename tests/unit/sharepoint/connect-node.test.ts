import { certificateThumbprint } from '../../../src/sharepoint/connect-node';

describe('certificateThumbprint', () => {
  const SHA1 = '6f0a3c1e9b2d4f8a7c5e3b1d9f7a5c3e1b9d7f5a';
  const SHA256 = '9c1e5a7b3d2f4e6a8c0b1d3f5e7a9c2b4d6f8e0a1c3b5d7f9e2a4c6b8d0f1e3a';

  it('takes the SHA-1 thumbprint the Entra portal shows (40 hex digits) as MSAL\'s SHA-1 thumbprint', () => {
    expect(certificateThumbprint(SHA1)).toEqual({ thumbprint: SHA1.toUpperCase() });
  });

  it('takes a SHA-256 thumbprint (64 hex digits) as thumbprintSha256', () => {
    expect(certificateThumbprint(SHA256)).toEqual({ thumbprintSha256: SHA256.toUpperCase() });
  });

  it('drops the colons and spaces openssl and certificate viewers print', () => {
    const withColons = SHA256.toUpperCase().match(/../g)!.join(':');
    expect(certificateThumbprint(` ${withColons} `)).toEqual({ thumbprintSha256: SHA256.toUpperCase() });
    expect(certificateThumbprint(SHA1.match(/.{4}/g)!.join(' '))).toEqual({ thumbprint: SHA1.toUpperCase() });
  });

  it('refuses anything else, saying which two forms it takes', () => {
    expect(() => certificateThumbprint(SHA1.slice(0, 39))).toThrow(/\(39 characters\).*SHA-1 thumbprint the Entra portal shows \(40 hex digits\) or the SHA-256 one \(64 hex digits\)/);
    expect(() => certificateThumbprint('z'.repeat(40))).toThrow(/PLAN_TRACKER_CERT_THUMBPRINT is not a certificate thumbprint/);
  });
});
