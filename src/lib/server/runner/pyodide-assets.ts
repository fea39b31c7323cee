// Serves the npm package `pyodide` (Python for the browser's 実行) from the portal itself: the same files for
// everyone, under a versioned URL, cached by browsers for good. The large ones are compressed once per process, in
// the background (brotli quality 5: 9.6 MB of WebAssembly becomes 3.2 MB in about 1.5 s here); until that is done
// they are sent as they are. Compressing at build time instead would slow every build for a file that seldom changes.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const contentTypes: Record<string, string> = {
	'pyodide.mjs': 'text/javascript; charset=utf-8',
	'pyodide.asm.mjs': 'text/javascript; charset=utf-8',
	'pyodide.asm.wasm': 'application/wasm',
	'python_stdlib.zip': 'application/zip',
	'pyodide-lock.json': 'application/json; charset=utf-8'
};
/** A zip is compressed already. */
const compressible = new Set(['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'pyodide-lock.json']);

const packageDirectory = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
let installedVersion: Promise<string> | undefined;

type Encoding = 'br' | 'gzip';
const files = new Map<string, Promise<Buffer>>();
const compressed = new Map<string, Buffer>();
const compressing = new Set<string>();

export function installedPyodideVersion(): Promise<string> {
	installedVersion ??= readFile(join(packageDirectory, 'package.json'), 'utf8').then((text) => (JSON.parse(text) as { version: string }).version);
	return installedVersion;
}

function original(file: string): Promise<Buffer> {
	let content = files.get(file);
	if (!content) {
		content = readFile(join(packageDirectory, file));
		files.set(file, content);
	}
	return content;
}

function startCompressing(file: string, encoding: Encoding, content: Buffer) {
	const key = `${file}.${encoding}`;
	if (compressing.has(key)) return;
	compressing.add(key);
	const done =
		encoding === 'br'
			? promisify(brotliCompress)(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } })
			: promisify(gzip)(content, { level: 6 });
	void done.then((result) => compressed.set(key, result)).catch(() => compressing.delete(key));
}

function preferredEncoding(acceptEncoding: string | null): Encoding | undefined {
	const accepted = (acceptEncoding ?? '').toLowerCase();
	if (/\bbr\b/.test(accepted)) return 'br';
	if (/\bgzip\b/.test(accepted)) return 'gzip';
	return undefined;
}

/** The response for GET /runner/pyodide/{version}/{file}, or undefined (404) for anything else. */
export async function pyodideAsset(version: string, file: string, acceptEncoding: string | null): Promise<Response | undefined> {
	const contentType = contentTypes[file];
	if (!contentType || version !== (await installedPyodideVersion())) return undefined;
	const content = await original(file);
	const headers: Record<string, string> = {
		'content-type': contentType,
		'cache-control': 'public, max-age=31536000, immutable',
		'cross-origin-resource-policy': 'same-origin',
		'x-content-type-options': 'nosniff',
		vary: 'accept-encoding'
	};
	const encoding = compressible.has(file) ? preferredEncoding(acceptEncoding) : undefined;
	if (encoding) {
		const ready = compressed.get(`${file}.${encoding}`);
		if (ready) return new Response(new Uint8Array(ready), { headers: { ...headers, 'content-encoding': encoding } });
		startCompressing(file, encoding, content);
	}
	return new Response(new Uint8Array(content), { headers });
}
