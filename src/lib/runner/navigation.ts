// Which client-side navigations must become full page loads: into a page that runs programs in the browser, from a
// document that was not loaded for such a page (its Content-Security-Policy does not allow WebAssembly).
const runnerRoutes = new Set(['/(app)/exercises/[slug]']);

export function documentNeededBy(targetRoute: string | null | undefined, documentRoute: string | null | undefined): boolean {
	return runnerRoutes.has(targetRoute ?? '') && !runnerRoutes.has(documentRoute ?? '');
}

export const routesRunningPrograms: ReadonlySet<string> = runnerRoutes;
