// A loopback port nobody listens on: other servers on a shared machine (another checkout's e2e run) may hold any fixed
// one, and a health check answered by someone else's server would send the benchmark to the wrong database.
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}
