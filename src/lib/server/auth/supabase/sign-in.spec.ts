import { randomUUID } from 'node:crypto';
import { SignJWT, base64url } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing';
import { createUser, uniqueEmail } from '../../testing/factories';
import { logIn } from '../login';
import { validateSessionToken } from '../session';
import { signInWithSupabase, supabaseUserFetcher, SupabaseSignInError } from './sign-in';
import { makeSigningKey, startLocalSupabaseAuth } from './testing';
import { createSupabaseTokenVerifier } from './verify';

let supabase: Awaited<ReturnType<typeof startLocalSupabaseAuth>>;
let es256: Awaited<ReturnType<typeof makeSigningKey>>;
let rs256: Awaited<ReturnType<typeof makeSigningKey>>;
const jwtSecret = 'a-legacy-shared-secret-of-at-least-32-chars';

beforeAll(async () => {
	supabase = await startLocalSupabaseAuth();
	es256 = await makeSigningKey('key-es', 'ES256');
	rs256 = await makeSigningKey('key-rs', 'RS256');
	supabase.publish(es256);
	supabase.publish(rs256);
});
afterAll(() => supabase.close());

function dependencies(options: { jwtSecret?: string } = {}) {
	return {
		verify: createSupabaseTokenVerifier({ supabaseUrl: supabase.url, jwtSecret: options.jwtSecret, jwksCooldownMs: 0 }),
		fetchUser: supabaseUserFetcher(supabase.url, 'anon-key')
	};
}

function newSupabaseUser(emailConfirmed = true) {
	const user = { id: randomUUID(), email: uniqueEmail('supa'), emailConfirmed };
	supabase.users.set(user.id, user);
	return user;
}

function unsignedToken(claims: Record<string, unknown>) {
	const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
	return `${header}.${base64url.encode(JSON.stringify(claims))}.`;
}

describeEachDatabase('Supabase sign-in', (connection) => {
	const db = () => connection().db;
	const refused = async (token: string, problem = 'invalid_token', options: { jwtSecret?: string } = {}) => {
		const attempt = signInWithSupabase(db(), token, dependencies(options));
		await expect(attempt).rejects.toBeInstanceOf(SupabaseSignInError);
		await expect(attempt).rejects.toThrow(problem);
	};

	it('gives a valid ES256 or RS256 token a portal session, creating and then reusing the linked account', async () => {
		const person = newSupabaseUser();
		const first = await signInWithSupabase(db(), await supabase.sign(es256, { sub: person.id, email: person.email }), dependencies());
		const second = await signInWithSupabase(db(), await supabase.sign(rs256, { sub: person.id, email: person.email }), dependencies());
		const a = await validateSessionToken(db(), first.token);
		const b = await validateSessionToken(db(), second.token);
		expect(a?.user).toMatchObject({ email: person.email, emailVerified: true, roles: [] });
		expect(b?.user.id).toBe(a?.user.id);
	});

	it('refuses alg none, HS256 without a configured secret, expiry, wrong issuer or audience, and tampering', async () => {
		const person = newSupabaseUser();
		const claims = { sub: person.id, email: person.email };
		const now = Math.floor(Date.now() / 1000);
		await refused(unsignedToken({ ...claims, iss: `${supabase.url}/auth/v1`, aud: 'authenticated', iat: now, exp: now + 3600 }));
		const hs256 = await new SignJWT(claims)
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuedAt()
			.setIssuer(`${supabase.url}/auth/v1`)
			.setAudience('authenticated')
			.setExpirationTime('1h')
			.sign(new TextEncoder().encode(jwtSecret));
		await refused(hs256);
		await refused(await supabase.sign(es256, claims, { expiresIn: '-5 minutes' }));
		await refused(await supabase.sign(es256, claims, { issuer: 'https://evil.example/auth/v1' }));
		await refused(await supabase.sign(es256, claims, { audience: 'anon' }));
		const valid = await supabase.sign(es256, claims);
		const [header, , signature] = valid.split('.');
		const tampered = `${header}.${base64url.encode(JSON.stringify({ ...claims, sub: randomUUID(), exp: now + 3600 }))}.${signature}`;
		await refused(tampered);
		await refused('not.a.jwt');
		await refused('');

		// The same HS256 token is fine once the project's shared secret is configured explicitly.
		const session = await signInWithSupabase(db(), hs256, dependencies({ jwtSecret }));
		expect(await validateSessionToken(db(), session.token)).not.toBeNull();
	});

	it('refreshes the key set once for an unknown key id, then rejects a key it still does not know', async () => {
		const person = newSupabaseUser();
		const deps = dependencies();
		await signInWithSupabase(db(), await supabase.sign(es256, { sub: person.id }), deps);
		const rotated = await makeSigningKey(`key-rotated-${randomUUID()}`, 'ES256');
		supabase.publish(rotated);
		const before = supabase.jwksRequests;
		await signInWithSupabase(db(), await supabase.sign(rotated, { sub: person.id }), deps);
		expect(supabase.jwksRequests).toBe(before + 1);

		const unknown = await makeSigningKey(`key-unpublished-${randomUUID()}`, 'ES256');
		await refused(await supabase.sign(unknown, { sub: person.id }));
	});

	it('never takes roles from the token', async () => {
		const person = newSupabaseUser();
		const token = await supabase.sign(es256, {
			sub: person.id,
			email: person.email,
			role: 'service_role',
			app_metadata: { roles: ['coordinator'], role: 'coordinator' },
			user_metadata: { role: 'coordinator', roles: ['coordinator'] }
		});
		const { token: session } = await signInWithSupabase(db(), token, dependencies());
		expect((await validateSessionToken(db(), session))?.user.roles).toEqual([]);
	});

	it('links to an existing portal account only through a confirmed email', async () => {
		const portal = await createUser(db(), { roles: ['mentor'] });
		const unconfirmed = { id: randomUUID(), email: portal.email, emailConfirmed: false };
		supabase.users.set(unconfirmed.id, unconfirmed);
		await refused(await supabase.sign(es256, { sub: unconfirmed.id, email: portal.email }), 'email_not_confirmed');

		const confirmed = { id: randomUUID(), email: portal.email.toUpperCase(), emailConfirmed: true };
		supabase.users.set(confirmed.id, confirmed);
		const { token } = await signInWithSupabase(db(), await supabase.sign(es256, { sub: confirmed.id }), dependencies());
		expect((await validateSessionToken(db(), token))?.user).toMatchObject({ id: portal.id, roles: ['mentor'] });
	});

	it('takes an unproven, pre-registered account away from whoever registered it', async () => {
		const squatter = await createUser(db(), { emailVerified: false });
		const squatterLogin = await logIn(db(), { email: squatter.email, password: squatter.password, ip: '10.5.0.1' });
		const owner = { id: randomUUID(), email: squatter.email, emailConfirmed: true };
		supabase.users.set(owner.id, owner);
		await signInWithSupabase(db(), await supabase.sign(es256, { sub: owner.id }), dependencies());
		if (squatterLogin.ok) expect(await validateSessionToken(db(), squatterLogin.token)).toBeNull();
		expect((await logIn(db(), { email: squatter.email, password: squatter.password, ip: '10.5.0.1' })).ok).toBe(false);
	});

	it('refuses a token whose user Supabase does not know', async () => {
		await refused(await supabase.sign(es256, { sub: randomUUID(), email: uniqueEmail() }));
	});
});
