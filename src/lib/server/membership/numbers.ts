// Member numbers read KIB-<join year>-<0001..>, unique, assigned on approval or import and never reused.
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db';

const pattern = /^KIB-(\d{4})-(\d{4})$/;

export function parseMemberNumber(value: string): { year: number; sequence: number } | null {
	const match = pattern.exec(value);
	if (!match || Number(match[2]) === 0) return null;
	return { year: Number(match[1]), sequence: Number(match[2]) };
}

export function formatMemberNumber(year: number, sequence: number): string {
	return `KIB-${year}-${String(sequence).padStart(4, '0')}`;
}

/** The next free number of a year. The counter row stays locked until the caller's transaction ends. */
export async function nextMemberNumber(db: Database, year: number): Promise<string> {
	const [row] = await selectRows<{ last_number: number }>(
		db,
		sql`insert into member_number_counters (year, last_number) values (${year}, 1)
			on conflict (year) do update set last_number = member_number_counters.last_number + 1
			returning last_number`
	);
	return formatMemberNumber(year, Number(row!.last_number));
}

/** An imported roster keeps its numbers; later numbers of that year continue after the highest one. */
export async function claimMemberNumber(db: Database, memberNumber: string): Promise<void> {
	const parsed = parseMemberNumber(memberNumber);
	if (!parsed) throw new Error(`not a member number: ${memberNumber}`);
	await db.execute(
		sql`insert into member_number_counters (year, last_number) values (${parsed.year}, ${parsed.sequence})
			on conflict (year) do update set last_number = greatest(member_number_counters.last_number, excluded.last_number)`
	);
}
