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

export interface ServerTimingSample {
	/** Means over the sampled responses, from their Server-Timing header. */
	totalMs: number;
	databaseMs: number;
	renderMs: number;
	queries: number;
}

/** Requests `url` `count` times one after another and averages what its Server-Timing header says. */
export async function sampleServerTiming(url: string, headers: Record<string, string>, count: number): Promise<ServerTimingSample | undefined> {
	const samples: ServerTimingSample[] = [];
	for (let index = 0; index < count; index++) {
		const response = await fetch(url, { headers, redirect: 'manual' });
		await response.arrayBuffer();
		const metrics = parseServerTiming(response.headers.get('server-timing') ?? '');
		if (metrics.total === undefined) return undefined;
		samples.push({
			totalMs: metrics.total.duration,
			databaseMs: metrics.db?.duration ?? 0,
			renderMs: metrics.render?.duration ?? 0,
			queries: Number(/\d+/.exec(metrics.db?.description ?? '')?.[0] ?? 0)
		});
	}
	const mean = (pick: (sample: ServerTimingSample) => number) => samples.reduce((sum, sample) => sum + pick(sample), 0) / samples.length;
	return { totalMs: mean((s) => s.totalMs), databaseMs: mean((s) => s.databaseMs), renderMs: mean((s) => s.renderMs), queries: mean((s) => s.queries) };
}

/** `db;dur=1.2;desc="3 queries", render;dur=4.5` → { db: { duration: 1.2, description: '3 queries' }, … }. */
export function parseServerTiming(header: string): Record<string, { duration: number; description?: string }> {
	const metrics: Record<string, { duration: number; description?: string }> = {};
	for (const entry of header.split(',')) {
		const [name, ...parameters] = entry.split(';').map((part) => part.trim());
		if (!name) continue;
		const metric: { duration: number; description?: string } = { duration: 0 };
		for (const parameter of parameters) {
			const [key, value = ''] = parameter.split('=');
			if (key === 'dur') metric.duration = Number(value);
			if (key === 'desc') metric.description = value.replace(/^"|"$/g, '');
		}
		metrics[name] = metric;
	}
	return metrics;
}
