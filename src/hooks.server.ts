import { env } from '$env/dynamic/private';
import type { ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { loadConfig } from '$lib/server/config';
import * as hooks from '$lib/server/hooks';
import { startRuntime, stopRuntime } from '$lib/server/runtime';

export const init: ServerInit = async () => {
	await startRuntime(loadConfig({ ...process.env, ...env }, { webServer: true }));
	process.once('sveltekit:shutdown', () => void stopRuntime());
};

export const handle = sequence(
	hooks.serverTiming,
	hooks.securityHeaders,
	hooks.crossSiteForms,
	hooks.serviceUnavailable,
	hooks.database,
	hooks.locale,
	hooks.rejectUnstorableText,
	hooks.authentication,
	hooks.referralVisits,
	hooks.visitorPages
);

export const handleError = hooks.reportError;
