// Verifies a Supabase Auth access token: signature against the project's JWKS (or the legacy shared secret),
// an algorithm allowlist, issuer, audience and time claims. Nothing else in the token is trusted for authorization.
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';

export interface SupabaseClaims {
	sub: string;
	email: string | undefined;
}

export class SupabaseTokenError extends Error {}

export interface VerifierOptions {
	supabaseUrl: string;
	/** Only when set are HS256 tokens accepted (Supabase's legacy shared secret). */
	jwtSecret?: string;
	clockToleranceSeconds?: number;
	/**
	 * Minimum time between two JWKS downloads caused by unknown key ids: short enough that a rotated key is taken up
	 * within seconds, long enough that tokens with made-up key ids cannot make the server hammer Supabase.
	 */
	jwksCooldownMs?: number;
}

const asymmetric = ['ES256', 'RS256'] as const;

export function createSupabaseTokenVerifier(options: VerifierOptions) {
	const issuer = `${options.supabaseUrl}/auth/v1`;
	// jose caches the key set and, for a key id it does not know, downloads it again once (after the cooldown) before rejecting.
	const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`), {
		cooldownDuration: options.jwksCooldownMs ?? 5_000,
		cacheMaxAge: 10 * 60 * 1000,
		timeoutDuration: 5000
	});
	const secret = options.jwtSecret ? new TextEncoder().encode(options.jwtSecret) : undefined;
	const verifyOptions = {
		issuer,
		audience: 'authenticated',
		clockTolerance: options.clockToleranceSeconds ?? 30,
		requiredClaims: ['sub', 'exp', 'iat']
	};

	return async function verify(token: string): Promise<SupabaseClaims> {
		let algorithm: string | undefined;
		try {
			algorithm = decodeProtectedHeader(token).alg;
		} catch {
			throw new SupabaseTokenError('malformed token');
		}
		let payload: JWTPayload;
		try {
			if (algorithm === 'HS256' && secret) {
				({ payload } = await jwtVerify(token, secret, { ...verifyOptions, algorithms: ['HS256'] }));
			} else if ((asymmetric as readonly (string | undefined)[]).includes(algorithm)) {
				({ payload } = await jwtVerify(token, jwks, { ...verifyOptions, algorithms: [...asymmetric] }));
			} else {
				throw new SupabaseTokenError(`algorithm not allowed: ${algorithm}`);
			}
		} catch (error) {
			if (error instanceof SupabaseTokenError) throw error;
			if (error instanceof errors.JOSEError) throw new SupabaseTokenError(error.code);
			throw error;
		}
		if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new SupabaseTokenError('no subject');
		return { sub: payload.sub, email: typeof payload.email === 'string' ? payload.email : undefined };
	};
}

export type SupabaseTokenVerifier = ReturnType<typeof createSupabaseTokenVerifier>;
