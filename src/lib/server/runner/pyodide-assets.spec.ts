// Python for the browser is served by the portal itself, at the version the page asks for, and nothing else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pyodideBaseUrl, pyodideVersion } from '../../runner/assets';
import { installedPyodideVersion, pyodideAsset } from './pyodide-assets';

describe('pyodide assets', () => {
	it('the page asks for the installed version', async () => {
		const installed = (JSON.parse(readFileSync('node_modules/pyodide/package.json', 'utf8')) as { version: string }).version;
		expect(pyodideVersion).toBe(installed);
		expect(await installedPyodideVersion()).toBe(installed);
		expect(pyodideBaseUrl()).toBe(`/runner/pyodide/${installed}/`);
	});

	it('serves the runtime files with their types, cached for good, and nothing else', async () => {
		const wasm = await pyodideAsset(pyodideVersion, 'pyodide.asm.wasm', null);
		expect(wasm?.headers.get('content-type')).toBe('application/wasm');
		expect(wasm?.headers.get('cache-control')).toContain('immutable');
		const bytes = new Uint8Array(await wasm!.arrayBuffer());
		expect([...bytes.slice(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]);
		for (const [version, file] of [
			['0.0.1', 'pyodide.asm.wasm'],
			[pyodideVersion, 'package.json'],
			[pyodideVersion, '..%2Fpackage.json'],
			[pyodideVersion, 'pyodide.d.ts']
		]) {
			expect(await pyodideAsset(version!, file!, null)).toBeUndefined();
		}
	});

	it('compresses the large files once, in the background, and then sends them compressed', async () => {
		const first = await pyodideAsset(pyodideVersion, 'pyodide.asm.mjs', 'gzip, br');
		expect(first?.headers.get('vary')).toBe('accept-encoding');
		await expect
			.poll(async () => (await pyodideAsset(pyodideVersion, 'pyodide.asm.mjs', 'gzip, br'))?.headers.get('content-encoding'), { timeout: 20_000 })
			.toBe('br');
		expect((await pyodideAsset(pyodideVersion, 'python_stdlib.zip', 'br'))?.headers.get('content-encoding')).toBeNull();
	});
});
