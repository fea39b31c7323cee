// A stand-in for a Supabase project's Auth endpoints on localhost: a JWKS with keys generated in the test (which the
// test may rotate), /auth/v1/user answering for the users the test registers, and the password grant that the
// browser's supabase-js uses to sign in (with CORS, as Supabase answers browsers). Tokens are signed with the test's keys.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

interface SigningKey {
	kid: string;
	alg: 'ES256' | 'RS256';
	privateKey: CryptoKey;
	publicJwk: JWK;
}

export async function makeSigningKey(kid: string, alg: 'ES256' | 'RS256'): Promise<SigningKey> {
	const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
	return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

export interface FakeSupabaseUser {
	id: string;
	email: string;
	emailConfirmed: boolean;
	/** Set for users who sign in with a password in the browser. */
	password?: string;
}

async function readBody(request: IncomingMessage): Promise<string> {
	let body = '';
	for await (const chunk of request) body += chunk;
	return body;
}

export async function startLocalSupabaseAuth() {
	let published: SigningKey[] = [];
	const users = new Map<string, FakeSupabaseUser>();
	const jwksFetchedAt: number[] = [];
	let url = '';

	const sign = (key: SigningKey, claims: Record<string, unknown>, options: { expiresIn?: string; issuer?: string; audience?: string } = {}) =>
		new SignJWT({ role: 'authenticated', ...claims })
			.setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
			.setIssuedAt()
			.setIssuer(options.issuer ?? `${url}/auth/v1`)
			.setAudience(options.audience ?? 'authenticated')
			.setExpirationTime(options.expiresIn ?? '1h')
			.sign(key.privateKey);

	const sendJson = (response: ServerResponse, status: number, body: unknown) => {
		response.statusCode = status;
		response.setHeader('content-type', 'application/json');
		response.end(JSON.stringify(body));
	};

	const server: Server = createServer(async (request, response) => {
		response.setHeader('access-control-allow-origin', request.headers.origin ?? '*');
		response.setHeader('access-control-allow-headers', request.headers['access-control-request-headers'] ?? '*');
		response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
		if (request.method === 'OPTIONS') {
			response.statusCode = 204;
			response.end();
			return;
		}
		const path = new URL(request.url ?? '/', 'http://localhost');
		if (path.pathname === '/auth/v1/.well-known/jwks.json') {
			jwksFetchedAt.push(Date.now());
			sendJson(response, 200, { keys: published.map((key) => key.publicJwk) });
			return;
		}
		if (path.pathname === '/auth/v1/user') {
			const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
			const user = users.get(String(decodeJwt(token).sub));
			if (!user) return sendJson(response, 401, {});
			sendJson(response, 200, { id: user.id, email: user.email, email_confirmed_at: user.emailConfirmed ? new Date().toISOString() : null });
			return;
		}
		if (path.pathname === '/auth/v1/token' && path.searchParams.get('grant_type') === 'password' && request.method === 'POST') {
			const { email, password } = JSON.parse(await readBody(request)) as { email?: string; password?: string };
			const user = [...users.values()].find((candidate) => candidate.email === email && candidate.password === password);
			const key = published.at(-1);
			if (!user || !key) return sendJson(response, 400, { error: 'invalid_grant', error_description: 'Invalid login credentials' });
			const accessToken = await sign(key, { sub: user.id, email: user.email });
			sendJson(response, 200, {
				access_token: accessToken,
				token_type: 'bearer',
				expires_in: 3600,
				expires_at: Math.floor(Date.now() / 1000) + 3600,
				refresh_token: 'local-refresh-token',
				user: { id: user.id, aud: 'authenticated', role: 'authenticated', email: user.email, email_confirmed_at: new Date().toISOString() }
			});
			return;
		}
		response.statusCode = 404;
		response.end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		url,
		users,
		get jwksRequests() {
			return jwksFetchedAt.length;
		},
		/** When the key set was last downloaded (ms since the epoch), or undefined. */
		get lastJwksFetch() {
			return jwksFetchedAt.at(-1);
		},
		publish(key: SigningKey) {
			published.push(key);
		},
		/** Takes a key out of the key set, as the end of a rotation does. */
		retire(key: SigningKey) {
			published = published.filter((candidate) => candidate.kid !== key.kid);
		},
		sign,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
