// The SQL behind a page, and how Postgres plans it. `captureQueries` records what the domain functions issue (through
// `openDatabase({ logQuery })`); `explainQuery` asks for the plan of one recorded statement with its own parameters.
import { sql, type SQL } from 'drizzle-orm';
import { selectRows, type Database } from '../../src/lib/server/db';

export interface CapturedQuery {
	query: string;
	params: unknown[];
}

export interface QueryCapture {
	logQuery(query: string, params: unknown[]): void;
	/** Everything issued while `work` ran. */
	during(work: () => Promise<unknown>): Promise<CapturedQuery[]>;
}

export function createQueryCapture(): QueryCapture {
	let recording: CapturedQuery[] | undefined;
	return {
		logQuery(query, params) {
			recording?.push({ query, params });
		},
		async during(work) {
			const captured: CapturedQuery[] = [];
			recording = captured;
			try {
				await work();
			} finally {
				recording = undefined;
			}
			return captured;
		}
	};
}

/** The statement again as a Drizzle query, its `$n` placeholders bound to the recorded values. */
function rebind(captured: CapturedQuery): SQL {
	const parts = captured.query.split(/\$(\d+)\b/);
	const chunks: SQL[] = [];
	parts.forEach((part, index) => {
		chunks.push(index % 2 === 0 ? sql.raw(part) : sql`${captured.params[Number(part) - 1]}`);
	});
	return sql.join(chunks);
}

export interface PlanNode {
	'Node Type': string;
	'Relation Name'?: string;
	'Index Name'?: string;
	'Actual Total Time'?: number;
	Plans?: PlanNode[];
	[key: string]: unknown;
}

/** `analyze` runs the statement: only for reads. */
export async function explainQuery(db: Database, captured: CapturedQuery, options: { analyze?: boolean } = {}): Promise<PlanNode> {
	const prefix = options.analyze ? 'explain (analyze, format json) ' : 'explain (format json) ';
	const [row] = await selectRows<{ 'QUERY PLAN': unknown }>(db, sql.join([sql.raw(prefix), rebind(captured)]));
	const document = row?.['QUERY PLAN'];
	const parsed = (typeof document === 'string' ? JSON.parse(document) : document) as Array<{ Plan: PlanNode }>;
	return parsed[0]!.Plan;
}

export function planNodes(plan: PlanNode): PlanNode[] {
	return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** Sequential scans in a plan, by table. */
export function sequentialScans(plan: PlanNode): string[] {
	return planNodes(plan)
		.filter((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'])
		.map((node) => node['Relation Name']!);
}

/** One line per node, indented like psql's text plan, for messages and diagnosis. */
export function describePlan(plan: PlanNode, depth = 0): string {
	const relation = plan['Relation Name'] ? ` on ${plan['Relation Name']}` : '';
	const index = plan['Index Name'] ? ` using ${plan['Index Name']}` : '';
	const time = plan['Actual Total Time'] !== undefined ? ` (${plan['Actual Total Time']} ms)` : '';
	return [`${'  '.repeat(depth)}${plan['Node Type']}${index}${relation}${time}`, ...(plan.Plans ?? []).map((child) => describePlan(child, depth + 1))].join(
		'\n'
	);
}
