import { sql } from 'drizzle-orm';
import { afterEach, expect, it, vi } from 'vitest';
import { createAccount } from './auth/accounts';
import { describeEachDatabase } from './db/testing';
import { describeError, log } from './log';
import { uniqueEmail } from './testing/factories';

afterEach(() => vi.restoreAllMocks());

/** What log.error wrote, as the JSON line a collector would receive. */
function captureErrorLine(write: () => void): string {
	const lines: string[] = [];
	vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
	write();
	expect(lines).toHaveLength(1);
	return lines[0]!;
}

async function failure(attempt: Promise<unknown>): Promise<unknown> {
	return attempt.then(
		() => expect.unreachable('the query should have failed'),
		(error: unknown) => error
	);
}

describeEachDatabase('the error log', (connection) => {
	const db = () => connection().db;

	it('describes a refused insert by its code, never by the new account’s email, name or password hash', async () => {
		const email = `nul\u0000${uniqueEmail()}`;
		const error = await failure(createAccount(db(), { email, password: 'a long enough secret', displayName: 'ひみつの名前' }));
		const line = captureErrorLine(() => log.error('request failed', { id: 'abc123', error }));
		expect(JSON.parse(line).error).toMatchObject({ code: '22021' });
		for (const secret of [email.slice(5), 'ひみつの名前', '$argon2id', 'params: ']) expect(line).not.toContain(secret);

		// Also when a caller hands over the error as text.
		const asText = captureErrorLine(() => log.error('judging failed', { error: String(error) }));
		expect(asText).toContain('params: [withheld]');
		for (const secret of [email.slice(5), 'ひみつの名前', '$argon2id']) expect(asText).not.toContain(secret);
	});

	it('names the constraint of a duplicate without the duplicated value', async () => {
		const email = uniqueEmail('taken');
		await createAccount(db(), { email, password: 'a long enough secret', displayName: 'いちばん' });
		const error = await failure(db().execute(sql`insert into users (email, display_name) values (${email.toUpperCase()}, 'にばん')`));
		const description = describeError(error);
		expect(description).toMatchObject({ code: '23505', constraint: 'users_email_key', table: 'users' });
		expect(description.class).toMatch(/^DrizzleQueryError < (DatabaseError|PostgresError)$/);
		expect(JSON.stringify(description)).not.toContain(email.toUpperCase());
		expect(JSON.stringify(description)).not.toMatch(/にばん/);
	});
});

it('keeps the message and stack of errors that are not about the database', () => {
	const description = describeError(new TypeError('runtime not started'));
	expect(description).toMatchObject({ class: 'TypeError', message: 'runtime not started' });
	expect(description.stack?.[0]).toMatch(/^at /);
});
