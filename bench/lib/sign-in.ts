/** Signing in to a benchmark's server over HTTP, as a browser does: the session cookie and its CSRF token. */
export async function signIn(
  base: string,
  username: string,
  password: string,
): Promise<{ cookie: string; csrf: string }> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in: ${login.status}`);
  const { csrf_token: csrf } = (await login.json()) as { csrf_token: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf };
}
