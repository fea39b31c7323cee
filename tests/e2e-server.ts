// Starts the production build (`node build`) for the e2e suite on a freshly created Postgres database.
import { spawn } from 'node:child_process';
import postgres from 'postgres';
import { e2eDatabaseName, e2eDatabaseUrl, e2eOrigin, e2ePort } from './environment';

const databaseUrl = e2eDatabaseUrl();
if (!databaseUrl) throw new Error('TEST_DATABASE_URL is required for the e2e server');

const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${e2eDatabaseName} with (force)`);
await admin.unsafe(`create database ${e2eDatabaseName}`);
await admin.end();

const server = spawn(process.execPath, ['build'], {
	stdio: 'inherit',
	env: {
		...process.env,
		NODE_ENV: 'production',
		PORT: String(e2ePort),
		HOST: '127.0.0.1',
		ORIGIN: e2eOrigin,
		DATABASE_URL: databaseUrl,
		// The e2e suite reads mails the way a developer does; refused by the config whenever SMTP_URL is set.
		MAIL_VIEWER: 'on',
		SMTP_URL: '',
		CLUB_CONTACT_EMAIL: 'it-bukatsu@kanazawa.example',
		CLUB_CONTACT_PHONE: '076-000-0000'
	}
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
