// HTTP load on one URL with autocannon, reporting the percentiles the targets are stated in. autocannon's own summary
// has p97.5 but no p95, so every response time is collected and the percentiles are taken here.
import autocannon from 'autocannon';
import { percentile } from './report';

export interface LoadOptions {
	connections: number;
	durationSeconds: number;
	headers?: Record<string, string>;
}

export interface LoadResult {
	requests: number;
	requestsPerSecond: number;
	p50: number;
	p95: number;
	p99: number;
	/** Responses other than 2xx, and connection errors or timeouts. */
	failures: number;
}

export async function loadUrl(url: string, options: LoadOptions): Promise<LoadResult> {
	const times: number[] = [];
	let failures = 0;
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(
			{ url, connections: options.connections, duration: options.durationSeconds, headers: options.headers, timeout: 10 },
			(error, finished) => (error ? reject(error) : resolve(finished))
		);
		instance.on('response', (_client, statusCode, _bytes, responseTime) => {
			times.push(responseTime);
			if (statusCode < 200 || statusCode >= 300) failures++;
		});
	});
	failures += result.errors + result.timeouts;
	times.sort((a, b) => a - b);
	return {
		requests: times.length,
		requestsPerSecond: times.length / options.durationSeconds,
		p50: percentile(times, 0.5),
		p95: percentile(times, 0.95),
		p99: percentile(times, 0.99),
		failures
	};
}
