// A stand-in for a Supabase project's Auth endpoints on localhost: a JWKS with keys generated in the test,
// and /auth/v1/user answering for the users the test registers. Tokens are signed with the test's keys.
import { createServer, type Server } from 'node:http';
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
}

export async function startLocalSupabaseAuth() {
	const published: SigningKey[] = [];
	const users = new Map<string, FakeSupabaseUser>();
	let jwksRequests = 0;
	const server: Server = createServer((request, response) => {
		if (request.url === '/auth/v1/.well-known/jwks.json') {
			jwksRequests++;
			response.setHeader('content-type', 'application/json');
			response.end(JSON.stringify({ keys: published.map((key) => key.publicJwk) }));
			return;
		}
		if (request.url === '/auth/v1/user') {
			const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
			const user = users.get(String(decodeJwt(token).sub));
			if (!user) {
				response.statusCode = 401;
				response.end('{}');
				return;
			}
			response.setHeader('content-type', 'application/json');
			response.end(
				JSON.stringify({ id: user.id, email: user.email, email_confirmed_at: user.emailConfirmed ? new Date().toISOString() : null })
			);
			return;
		}
		response.statusCode = 404;
		response.end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		url,
		users,
		get jwksRequests() {
			return jwksRequests;
		},
		publish(key: SigningKey) {
			published.push(key);
		},
		async sign(key: SigningKey, claims: Record<string, unknown>, options: { expiresIn?: string; issuer?: string; audience?: string } = {}) {
			return new SignJWT({ role: 'authenticated', ...claims })
				.setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
				.setIssuedAt()
				.setIssuer(options.issuer ?? `${url}/auth/v1`)
				.setAudience(options.audience ?? 'authenticated')
				.setExpirationTime(options.expiresIn ?? '1h')
				.sign(key.privateKey);
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
