// `npm run admin -- create-coordinator --email ADDRESS --name NAME`
// The password comes from a prompt, or from ADMIN_PASSWORD when there is no terminal.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { loadConfig } from '../src/lib/server/config';
import { migrate, openDatabase } from '../src/lib/server/db';
import * as auth from '../src/lib/server/auth';
import { translate } from '../src/lib/server/i18n';

const usage = 'Usage: npm run admin -- create-coordinator --email ADDRESS --name NAME';

async function promptHidden(question: string): Promise<string> {
	let muted = false;
	const output = new Writable({
		write(chunk, _encoding, done) {
			if (!muted) process.stdout.write(chunk);
			done();
		}
	});
	const readline = createInterface({ input: process.stdin, output, terminal: true });
	process.stdout.write(question);
	muted = true;
	const answer = await new Promise<string>((resolve) => readline.question('', resolve));
	readline.close();
	process.stdout.write('\n');
	return answer;
}

async function readPassword(): Promise<string> {
	if (!process.stdin.isTTY) {
		const password = process.env.ADMIN_PASSWORD;
		if (!password) throw new Error('No terminal to ask for a password: set ADMIN_PASSWORD.');
		return password;
	}
	const password = await promptHidden('Password: ');
	if ((await promptHidden('Password (again): ')) !== password) throw new Error('The passwords do not match.');
	return password;
}

export async function main(argv: string[]): Promise<number> {
	const { positionals, values } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: { email: { type: 'string' }, name: { type: 'string' } }
	});
	if (positionals[0] !== 'create-coordinator' || !values.email || !values.name) {
		console.error(usage);
		return 2;
	}
	const password = await readPassword();
	const config = loadConfig();
	const connection = await openDatabase({ url: config.databaseUrl, pgliteDir: config.pgliteDir });
	try {
		await migrate(connection);
		const existing = await auth.findUserByEmail(connection.db, values.email);
		if (existing) {
			console.error(`An account with ${values.email} already exists. Grant it the coordinator role in the portal instead.`);
			return 1;
		}
		await auth.createAccount(connection.db, {
			email: values.email,
			displayName: values.name,
			password,
			roles: ['coordinator'],
			emailVerified: true
		});
		console.log(`Created coordinator ${values.email}.`);
		return 0;
	} catch (error) {
		if (error instanceof auth.AccountError) {
			console.error(translate(error.problem));
			return 1;
		}
		throw error;
	} finally {
		await connection.close();
	}
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	return 1;
});
