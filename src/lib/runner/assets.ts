// Where the browser finds Python: the portal serves the npm package `pyodide` itself (never a third-party site), under
// a versioned path so that browsers may cache it for good (src/routes/runner/pyodide/[version]/[file]/+server.ts).

/** The installed `pyodide` package's version; a test keeps it equal to package.json's. */
export const pyodideVersion = '314.0.8';

export function pyodideBaseUrl(): string {
	return `/runner/pyodide/${pyodideVersion}/`;
}
