// Domain boundaries, read from the import statements of the source: the domains of src/lib/server/ (and its
// top-level modules) call each other without a cycle, and code outside a domain enters it through its index.ts
// (or reads its tables through schema.ts). Each table has one owner, which alone writes it: the domain whose schema.ts
// declares it, or, for a table on the floor below (db/schema.ts) because several domains read it, the one domain
// named for it below. Tests and their factories (testing.ts), and the demo data (demo.ts), may reach inside; they are
// not part of the graph either.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const server = join(root, 'src/lib/server');
const sourceExtensions = ['.ts', '.svelte', '.js'];

function walk(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		if (name === 'paraglide' || name === 'content') return [];
		return statSync(path).isDirectory() ? walk(path) : sourceExtensions.some((extension) => name.endsWith(extension)) ? [path] : [];
	});
}

const isTest = (file: string) => /\.spec\.ts$/.test(file) || /\/testing(\.ts|\/)/.test(relative(root, file));

/** The module an import names, as a path under src/ without extension (folders as `folder/index`), or null for packages. */
function resolveImport(specifier: string, from: string): string | null {
	let path: string;
	if (specifier.startsWith('$lib/')) path = join(root, 'src/lib', specifier.slice('$lib/'.length));
	else if (specifier.startsWith('.')) path = resolve(dirname(from), specifier);
	else return null;
	path = path.replace(/\.(js|ts)$/, '');
	try {
		if (statSync(path).isDirectory()) return join(path, 'index');
	} catch {
		// not a folder: a module
	}
	return path;
}

interface Import {
	file: string;
	target: string;
}

function importsOf(file: string): Import[] {
	const text = readFileSync(file, 'utf8');
	const specifiers = [...text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
	return specifiers.flatMap((match) => {
		const target = resolveImport((match[1] ?? match[2])!, file);
		return target ? [{ file, target }] : [];
	});
}

/** 'membership' for src/lib/server/membership/members.ts, 'forms' for src/lib/server/forms.ts; null outside. */
function unitOf(path: string): string | null {
	const inside = relative(server, path);
	if (inside.startsWith('..')) return null;
	return inside.split('/')[0]!.replace(/\.(spec\.)?(ts|js)$/, '');
}

const isDomainFolder = (unit: string) => {
	try {
		return statSync(join(server, unit)).isDirectory();
	} catch {
		return false;
	}
};

const files = walk(join(root, 'src'));
const imports = files.flatMap(importsOf);

/** Strongly connected groups of more than one unit in the import graph of the non-test server code (Tarjan). */
function cycles(edges: Map<string, Set<string>>): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const found: string[][] = [];
	const visit = (node: string) => {
		index.set(node, index.size);
		low.set(node, index.get(node)!);
		stack.push(node);
		for (const next of edges.get(node) ?? []) {
			if (!index.has(next)) {
				visit(next);
				low.set(node, Math.min(low.get(node)!, low.get(next)!));
			} else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
		}
		if (low.get(node) === index.get(node)) {
			const group: string[] = [];
			for (let member = stack.pop(); member !== undefined; member = member === node ? undefined : stack.pop()) group.push(member);
			if (group.length > 1) found.push(group.sort());
		}
	};
	for (const node of edges.keys()) if (!index.has(node)) visit(node);
	return found;
}

function unitGraph(): Map<string, Set<string>> {
	const edges = new Map<string, Set<string>>();
	for (const { file, target } of imports) {
		const from = unitOf(file);
		const to = unitOf(target);
		if (!from || !to || from === to || isTest(file)) continue;
		if (!edges.has(from)) edges.set(from, new Set());
		edges.get(from)!.add(to);
	}
	return edges;
}

/**
 * Entry points of a domain that other code may import: the domain itself (a folder's index.ts), its tables
 * (schema.ts), its stored vocabularies (vocabulary.ts, shared with the forms of src/lib/validation), and its demo
 * data for the demo seeder (demo.ts, from src/lib/server/demo/ only).
 */
function isEntryPoint(target: string, from: string): boolean {
	const name = relative(server, target).split('/').slice(1).join('/');
	if (name === 'index' || name.endsWith('/index') || name === 'schema' || name === 'vocabulary') return true;
	return name === 'demo' && unitOf(from) === 'demo';
}

/** Table variable → the domain whose schema.ts declares it (db/schema.ts holds the shared ones: accounts, mail, limits). */
function tableOwners(): Map<string, string[]> {
	const owners = new Map<string, string[]>();
	for (const file of files.filter((path) => /src\/lib\/server\/[^/]+\/schema\.ts$/.test(path))) {
		for (const match of readFileSync(file, 'utf8').matchAll(/export const (\w+) = pgTable\(/g)) {
			owners.set(match[1]!, [...(owners.get(match[1]!) ?? []), unitOf(file)!]);
		}
	}
	return owners;
}

/**
 * Tables on the db floor that one domain alone writes, the others reading them; the rest of the floor's tables
 * (accounts, sessions, mail, limits) belong to the small modules around the database.
 */
const floorTableWriters: Record<string, string> = { exercises: 'exercises', exerciseCases: 'exercises' };

/** Writes (Drizzle's insert, update, delete) to a table by code outside its owner. */
function foreignWrites(): string[] {
	const owners = tableOwners();
	for (const [table, writer] of Object.entries(floorTableWriters)) {
		if (owners.get(table)?.[0] === 'db') owners.set(table, [writer]);
	}
	return files
		.filter((file) => unitOf(file) !== null && !isTest(file) && !/\/demo\.ts$/.test(file))
		.flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/\.(insert|update|delete)\((\w+)\)/g)]
				.filter(([, , table]) => {
					const owner = owners.get(table!)?.[0];
					return owner !== undefined && owner !== 'db' && owner !== unitOf(file);
				})
				.map(([, write, table]) => `${relative(root, file)} ${write}s ${table} (owned by ${owners.get(table!)![0]})`)
		);
}

function reachesInside(): string[] {
	return imports
		.filter(({ file, target }) => {
			const to = unitOf(target);
			return to !== null && isDomainFolder(to) && unitOf(file) !== to && !isTest(file) && !isEntryPoint(target, file);
		})
		.map(({ file, target }) => `${relative(root, file)} → ${relative(root, target)}`);
}

describe('domain boundaries', () => {
	it('reads the imports of the source (the checks below see something)', () => {
		expect(files.length).toBeGreaterThan(300);
		expect(unitGraph().get('reviews')).toContain('notifications');
	});

	it('finds a cycle when there is one', () => {
		const graph = new Map([
			['a', new Set(['b'])],
			['b', new Set(['c'])],
			['c', new Set(['a'])],
			['d', new Set(['a'])]
		]);
		expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
	});

	it('has no cycle between the domains of src/lib/server (move what both need down, or let the caller orchestrate)', () => {
		expect(cycles(unitGraph())).toEqual([]);
	});

	it('declares every table once, and only the declaring domain writes it', () => {
		const owners = tableOwners();
		expect(owners.get('exercises')).toEqual(['db']);
		expect([...owners].filter(([, declaredBy]) => declaredBy.length > 1)).toEqual([]);
		expect(foreignWrites()).toEqual([]);
	});

	it('enters another domain through its index.ts (or reads its tables through schema.ts)', () => {
		expect(reachesInside()).toEqual([]);
	});

	it('sees a route that reaches inside a domain', () => {
		const route = join(root, 'src/routes/example/+page.server.ts');
		expect(isEntryPoint(resolveImport('$lib/server/judge/view', route)!, route)).toBe(false);
		expect(isEntryPoint(resolveImport('$lib/server/judge', route)!, route)).toBe(true);
		expect(isEntryPoint(resolveImport('$lib/server/membership/demo', route)!, route)).toBe(false);
	});
});
