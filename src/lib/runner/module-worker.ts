// Starts a module worker of this origin through a one-line blob script that imports it. Pages are cross-origin
// isolated (Cross-Origin-Embedder-Policy: require-corp, see hooks/security-headers.ts), and a worker script served as a
// plain static file, without that header itself, would be refused; a blob worker inherits the page's policies and
// may import scripts of its own origin.
export function startModuleWorker(url: string, name?: string): Worker {
	const absolute = new URL(url, location.href).href;
	const blob = new Blob([`import ${JSON.stringify(absolute)};\n`], { type: 'text/javascript' });
	const blobUrl = URL.createObjectURL(blob);
	const worker = new Worker(blobUrl, { type: 'module', name });
	// The worker has fetched its script by the time it reports anything; the blob is not needed after that.
	worker.addEventListener('message', () => URL.revokeObjectURL(blobUrl), { once: true });
	return worker;
}
