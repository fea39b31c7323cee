// A TLS-terminating proxy in front of a web server, as Caddy or nginx is in production, with a self-signed
// certificate made at test time by openssl (no network). Browsers in the tests accept it with ignoreHTTPSErrors.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function selfSignedCertificate(): { key: string; cert: string } {
	const directory = mkdtempSync(join(tmpdir(), 'itbu-tls-'));
	try {
		const [key, cert] = [join(directory, 'key.pem'), join(directory, 'cert.pem')];
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'ec',
				'-pkeyopt',
				'ec_paramgen_curve:prime256v1',
				'-nodes',
				'-days',
				'1',
				'-subj',
				'/CN=localhost',
				'-addext',
				'subjectAltName=DNS:localhost,IP:127.0.0.1',
				'-keyout',
				key,
				'-out',
				cert
			],
			{ stdio: 'pipe' }
		);
		return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
	} finally {
		rmSync(directory, { recursive: true, force: true });
	}
}

/** Listens on a free port of 127.0.0.1 and forwards every request to http://127.0.0.1:`targetPort`. */
export async function startTlsProxy(targetPort: number) {
	const server = createServer(selfSignedCertificate(), (incoming, outgoing) => {
		const forwarded = httpRequest({ host: '127.0.0.1', port: targetPort, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
			outgoing.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
			answer.pipe(outgoing);
		});
		forwarded.on('error', () => outgoing.destroy());
		incoming.pipe(forwarded);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		port,
		origin: `https://localhost:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
