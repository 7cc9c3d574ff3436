// A relying party built on openid-client (a certified library nobody here
// wrote) signs a user in against Atrium: discovery, authorization code
// with PKCE and a nonce, the ID token checks, userinfo, and a refresh.
// The sign-in page is driven like a browser: redirects by hand, the
// cookie kept, the form fields posted back. It prints one JSON line with
// what it saw and exits non-zero on any failure.
import * as client from 'openid-client';

const env = (k) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} is not set`);
  return v;
};
const issuer = new URL(env('RP_ISSUER'));
const redirectUri = env('RP_REDIRECT_URI');

const config = await client.discovery(issuer, env('RP_CLIENT_ID'), env('RP_CLIENT_SECRET'), undefined, {
  execute: [client.allowInsecureRequests], // the test server runs on http loopback
});

const codeVerifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const nonce = client.randomNonce();
const authUrl = client.buildAuthorizationUrl(config, {
  redirect_uri: redirectUri,
  scope: 'openid profile email offline_access',
  code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
  code_challenge_method: 'S256',
  state,
  nonce,
});

// The browser: follow redirects until the app's redirect URI, keeping the
// session cookie, and fill in the sign-in form once.
let cookie = '';
async function go(url, init = {}) {
  const headers = { ...(init.headers || {}), ...(cookie ? { cookie } : {}) };
  const res = await fetch(url, { ...init, headers, redirect: 'manual' });
  const set = res.headers.getSetCookie().map((c) => c.split(';')[0]).filter((c) => !c.endsWith('='));
  if (set.length) cookie = set.join('; ');
  return res;
}
let res = await go(authUrl);
let callback;
for (let hops = 0; hops < 10 && !callback; hops++) {
  const location = res.headers.get('location');
  if (location) {
    const next = new URL(location, res.url || authUrl);
    if (next.href.startsWith(redirectUri)) {
      callback = next;
      break;
    }
    res = await go(next);
    continue;
  }
  const html = await res.text();
  const request = html.match(/name="request" value="([^"]+)"/);
  if (!request || !html.includes('name="password"')) {
    throw new Error(`unexpected page ${res.status}: ${html.slice(0, 300)}`);
  }
  const action = new URL(html.match(/action="([^"]+)"/)[1], issuer);
  res = await go(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: request[1], step: 'password', username: env('RP_USERNAME'), password: env('RP_PASSWORD') }),
  });
}
if (!callback) throw new Error('the browser never reached the redirect URI');

const tokens = await client.authorizationCodeGrant(config, callback, {
  pkceCodeVerifier: codeVerifier,
  expectedState: state,
  expectedNonce: nonce,
  idTokenExpected: true,
});
const claims = tokens.claims();
const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
let reuse = 'accepted';
try {
  await client.refreshTokenGrant(config, tokens.refresh_token);
} catch (e) {
  reuse = e.error || String(e);
}
console.log(JSON.stringify({
  sub: claims.sub,
  tid: claims.tid,
  preferred_username: claims.preferred_username,
  userinfo_email: userinfo.email,
  access_token: tokens.access_token,
  refreshed: Boolean(refreshed.access_token && refreshed.refresh_token && refreshed.refresh_token !== tokens.refresh_token),
  reuse,
}));
