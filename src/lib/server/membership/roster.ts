// Importing the club's existing roster from CSV. A dry run checks every row and writes nothing; the import
// re-checks and writes all rows in one transaction or none. Rows already imported (same person, same join date,
// or same member number) are left alone, so importing the same file twice changes nothing.
import type { MessageKey } from '../i18n';
import { createHash } from 'node:crypto';
import { inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../db';
import * as audit from '../audit';
import { decodeCsv, parseCsv, type CsvEncoding } from '../csv';
import { isValidIsoDate, japanDate, schoolYearOf } from '../../japan-time';
import { claimMemberNumber, nextMemberNumber, parseMemberNumber } from './numbers';
import { members, memberStatusChanges } from './schema';
import { schoolFromText } from './schools';
import { currentStatuses, type Gender, type Grade, type MemberStatus } from './vocabulary';
import { refuse, type Outcome, type Refusal } from '../outcome';

// Note: stays under adapter-node's default BODY_SIZE_LIMIT (512 KB), which the upload has to pass first.
export const maxRosterBytes = 400 * 1024;
export const maxRosterRows = 5000;

/** The columns of the roster file; the first row names them in Japanese (or with these keys). */
export const rosterColumns = {
	memberNumber: { header: '部員番号', required: false },
	fullName: { header: '氏名', required: true },
	nickname: { header: 'ニックネーム', required: false },
	school: { header: '学校', required: true },
	grade: { header: '学年', required: false },
	gender: { header: '性別', required: false },
	joinedOn: { header: '入部日', required: true },
	status: { header: '状態', required: false },
	statusDate: { header: '状態の日付', required: false },
	guardianName: { header: '保護者氏名', required: false },
	guardianEmail: { header: '保護者メール', required: false }
} as const;
export type RosterColumn = keyof typeof rosterColumns;

export type RosterFileProblem = 'import_error_encoding' | 'import_error_empty' | 'import_error_too_large' | 'import_error_too_many_rows';

export interface RowProblem {
	/** The key of the message describing it (import_error_*). */
	problem: MessageKey;
	column?: RosterColumn;
	/** The other row, for duplicates. */
	otherRow?: number;
}

export interface RosterRow {
	/** The line of the file, counting the header as 1, as Excel numbers rows. */
	row: number;
	outcome: 'new' | 'unchanged' | 'invalid';
	fullName: string;
	memberNumber: string | null;
	problems: RowProblem[];
}

export interface RosterCheck {
	encoding: CsvEncoding;
	/** Problems with the header row itself (missing or unknown columns). */
	headerProblems: RowProblem[];
	rows: RosterRow[];
	counts: { new: number; unchanged: number; invalid: number };
	/** The decoded text, so that the confirmation step sends back exactly what was checked. */
	text: string;
}

interface ValidRow {
	row: number;
	fingerprint: string;
	memberNumber: string | null;
	fullName: string;
	nickname: string | null;
	schoolCode: string;
	schoolOther: string | null;
	grade: Grade | null;
	gender: Gender;
	joinedOn: string;
	status: MemberStatus;
	statusDate: string;
	guardianName: string | null;
	guardianEmail: string | null;
}

// Older rosters say 会員番号 for the member number.
const headerAliases: Record<string, RosterColumn> = Object.fromEntries([
	...Object.entries(rosterColumns).flatMap(([key, column]) => [
		[normaliseCell(column.header), key as RosterColumn],
		[key.toLowerCase(), key as RosterColumn]
	]),
	['会員番号', 'memberNumber']
]);

function normaliseCell(value: string): string {
	return value.normalize('NFKC').trim();
}

function compact(value: string): string {
	return normaliseCell(value).replace(/\s+/g, '');
}

const gradeWords: Record<string, Grade> = {
	中1: 'jh1',
	中2: 'jh2',
	中3: 'jh3',
	高1: 'hs1',
	高2: 'hs2',
	高3: 'hs3',
	中学1年: 'jh1',
	中学2年: 'jh2',
	中学3年: 'jh3',
	高校1年: 'hs1',
	高校2年: 'hs2',
	高校3年: 'hs3',
	中学校1年: 'jh1',
	中学校2年: 'jh2',
	中学校3年: 'jh3',
	高等学校1年: 'hs1',
	高等学校2年: 'hs2',
	高等学校3年: 'hs3',
	その他: 'other',
	jh1: 'jh1',
	jh2: 'jh2',
	jh3: 'jh3',
	hs1: 'hs1',
	hs2: 'hs2',
	hs3: 'hs3',
	other: 'other'
};

const genderWords: Record<string, Gender> = {
	'': 'unanswered',
	女: 'female',
	女性: 'female',
	男: 'male',
	男性: 'male',
	その他: 'other',
	回答しない: 'unanswered',
	無回答: 'unanswered',
	female: 'female',
	male: 'male',
	other: 'other',
	unanswered: 'unanswered'
};

const statusWords: Record<string, MemberStatus> = {
	'': 'active',
	活動中: 'active',
	在籍: 'active',
	休部中: 'paused',
	休部: 'paused',
	卒業: 'alumni',
	卒業生: 'alumni',
	OB: 'alumni',
	OG: 'alumni',
	退部: 'withdrawn',
	active: 'active',
	paused: 'paused',
	alumni: 'alumni',
	withdrawn: 'withdrawn'
};

/** 2023-04-15, 2023/4/15 (as Excel writes it) or 2023年4月15日. */
function parseDate(text: string): string | null {
	const match = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/.exec(compact(text));
	if (!match) return null;
	const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
	return isValidIsoDate(iso) ? iso : null;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Same person, same join date: how a row without a member number is recognised when imported again. */
export function rosterFingerprint(fullName: string, joinedOn: string): string {
	return createHash('sha256')
		.update(`${compact(fullName)}|${joinedOn}`)
		.digest('hex');
}

function validateRow(cells: Partial<Record<RosterColumn, string>>, row: number, today: string): { valid?: ValidRow; problems: RowProblem[] } {
	const problems: RowProblem[] = [];
	const cell = (column: RosterColumn) => normaliseCell(cells[column] ?? '');
	for (const [column, definition] of Object.entries(rosterColumns)) {
		if (definition.required && !cell(column as RosterColumn)) problems.push({ problem: 'import_error_missing', column: column as RosterColumn });
	}
	const tooLong = (column: RosterColumn, max: number) => {
		if (cell(column).length > max) problems.push({ problem: 'import_error_too_long', column });
	};
	tooLong('fullName', 100);
	tooLong('nickname', 40);
	tooLong('school', 100);
	tooLong('guardianName', 100);

	const memberNumber = cell('memberNumber').toUpperCase() || null;
	if (memberNumber && !parseMemberNumber(memberNumber)) problems.push({ problem: 'import_error_member_number', column: 'memberNumber' });

	const joinedOn = cell('joinedOn') ? parseDate(cell('joinedOn')) : null;
	if (cell('joinedOn') && !joinedOn) problems.push({ problem: 'import_error_date', column: 'joinedOn' });
	if (joinedOn && joinedOn > today) problems.push({ problem: 'import_error_date_future', column: 'joinedOn' });

	const status = statusWords[compact(cell('status'))];
	if (!status) problems.push({ problem: 'import_error_status', column: 'status' });

	const gradeText = compact(cell('grade'));
	const grade = gradeText ? gradeWords[gradeText] : null;
	if (grade === undefined) problems.push({ problem: 'import_error_grade', column: 'grade' });
	else if (grade === null && status && currentStatuses.includes(status)) problems.push({ problem: 'import_error_missing', column: 'grade' });

	const gender = genderWords[compact(cell('gender'))];
	if (!gender) problems.push({ problem: 'import_error_gender', column: 'gender' });

	let statusDate = joinedOn;
	if (status && status !== 'active') {
		statusDate = cell('statusDate') ? parseDate(cell('statusDate')) : null;
		if (!cell('statusDate')) problems.push({ problem: 'import_error_status_date_required', column: 'statusDate' });
		else if (!statusDate) problems.push({ problem: 'import_error_date', column: 'statusDate' });
		else if ((joinedOn && statusDate < joinedOn) || statusDate > today) problems.push({ problem: 'import_error_status_date_order', column: 'statusDate' });
	}

	const guardianEmail = cell('guardianEmail') || null;
	if (guardianEmail && (!emailPattern.test(guardianEmail) || guardianEmail.length > 254)) {
		problems.push({ problem: 'import_error_email', column: 'guardianEmail' });
	}

	if (problems.length || !joinedOn || !status || grade === undefined || !gender || !statusDate) return { problems };
	const school = schoolFromText(cell('school'));
	return {
		problems,
		valid: {
			row,
			fingerprint: rosterFingerprint(cell('fullName'), joinedOn),
			memberNumber,
			fullName: cell('fullName'),
			nickname: cell('nickname') || null,
			schoolCode: school.code,
			schoolOther: school.other,
			grade,
			gender,
			joinedOn,
			status,
			statusDate,
			guardianName: cell('guardianName') || null,
			guardianEmail
		}
	};
}

interface Checked {
	check: RosterCheck;
	newRows: ValidRow[];
}

async function checkText(db: Database, text: string, encoding: CsvEncoding, today: string): Promise<Checked | RosterFileProblem> {
	// Blank lines are skipped; every row keeps its line number in the file.
	const numbered = parseCsv(text)
		.map((cells, index) => ({ cells, row: index + 1 }))
		.filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
	if (numbered.length < 2) return 'import_error_empty';
	if (numbered.length - 1 > maxRosterRows) return 'import_error_too_many_rows';
	const [header, ...body] = numbered;
	const columns = header!.cells.map((name) => headerAliases[normaliseCell(name)] ?? headerAliases[normaliseCell(name).toLowerCase()]);
	const headerProblems: RowProblem[] = [];
	header!.cells.forEach((name, index) => {
		if (!columns[index] && name.trim()) headerProblems.push({ problem: 'import_error_unknown_column' });
	});
	for (const [key, definition] of Object.entries(rosterColumns)) {
		if (definition.required && !columns.includes(key as RosterColumn))
			headerProblems.push({ problem: 'import_error_missing_column', column: key as RosterColumn });
	}

	const validated = body.map(({ cells, row }) => {
		const record: Partial<Record<RosterColumn, string>> = {};
		cells.forEach((value, index) => {
			const column = columns[index];
			if (column) record[column] = value;
		});
		const result = validateRow(record, row, today);
		if (cells.length > header!.cells.length) result.problems.push({ problem: 'import_error_extra_cells' });
		return { row, fullName: normaliseCell(record.fullName ?? ''), ...result };
	});

	// Duplicates inside the file: the same person and join date, or the same member number, twice.
	const firstByKey = new Map<string, number>();
	for (const entry of validated) {
		if (!entry.valid) continue;
		for (const key of [`f:${entry.valid.fingerprint}`, entry.valid.memberNumber ? `n:${entry.valid.memberNumber}` : null]) {
			if (!key) continue;
			const first = firstByKey.get(key);
			if (first === undefined) firstByKey.set(key, entry.row);
			else if (!entry.problems.some((problem) => problem.problem === 'import_error_duplicate')) {
				entry.problems.push({ problem: 'import_error_duplicate', otherRow: first, column: key.startsWith('n:') ? 'memberNumber' : 'fullName' });
			}
		}
	}

	// Already in the database: unchanged when it is the same person; a conflict when a number belongs to someone else.
	const valid = validated.flatMap((entry) => (entry.valid && entry.problems.length === 0 ? [entry.valid] : []));
	const fingerprints = valid.map((entry) => entry.fingerprint);
	const numbers = valid.flatMap((entry) => (entry.memberNumber ? [entry.memberNumber] : []));
	const existing = valid.length
		? await db
				.select({ memberNumber: members.memberNumber, fingerprint: members.importFingerprint })
				.from(members)
				.where(
					or(
						fingerprints.length ? inArray(members.importFingerprint, fingerprints) : undefined,
						numbers.length ? inArray(members.memberNumber, numbers) : undefined
					)
				)
		: [];
	const existingFingerprints = new Set(existing.map((row) => row.fingerprint));
	const fingerprintByNumber = new Map(existing.map((row) => [row.memberNumber, row.fingerprint]));

	const rows: RosterRow[] = [];
	const newRows: ValidRow[] = [];
	for (const entry of validated) {
		const candidate = entry.problems.length === 0 ? entry.valid : undefined;
		let outcome: RosterRow['outcome'] = candidate ? 'new' : 'invalid';
		if (candidate) {
			const numberOwner = candidate.memberNumber ? fingerprintByNumber.get(candidate.memberNumber) : undefined;
			if (candidate.memberNumber && fingerprintByNumber.has(candidate.memberNumber) && numberOwner !== candidate.fingerprint) {
				entry.problems.push({ problem: 'import_error_number_taken', column: 'memberNumber' });
				outcome = 'invalid';
			} else if (existingFingerprints.has(candidate.fingerprint) || numberOwner === candidate.fingerprint) {
				outcome = 'unchanged';
			} else newRows.push(candidate);
		}
		rows.push({ row: entry.row, outcome, fullName: entry.fullName, memberNumber: entry.valid?.memberNumber ?? null, problems: entry.problems });
	}
	const counts = { new: 0, unchanged: 0, invalid: 0 };
	for (const row of rows) counts[row.outcome]++;
	return { check: { encoding, headerProblems, rows, counts, text }, newRows };
}

function decode(bytes: Uint8Array): { text: string; encoding: CsvEncoding } | RosterFileProblem {
	if (bytes.byteLength > maxRosterBytes) return 'import_error_too_large';
	if (bytes.byteLength === 0) return 'import_error_empty';
	return decodeCsv(bytes) ?? 'import_error_encoding';
}

/** The dry run: what importing this file would do, row by row. Writes nothing. */
export async function checkRoster(db: Database, bytes: Uint8Array, today = japanDate()): Promise<Outcome<RosterFileProblem, { check: RosterCheck }>> {
	const decoded = decode(bytes);
	if (typeof decoded === 'string') return refuse(decoded);
	const checked = await checkText(db, decoded.text, decoded.encoding, today);
	return typeof checked === 'string' ? refuse(checked) : { ok: true, check: checked.check };
}

export function isImportable(check: RosterCheck): boolean {
	return check.headerProblems.length === 0 && check.counts.invalid === 0;
}

/**
 * Imports all new rows of a file that passes the dry run, in one transaction; with any problem, nothing is
 * written and the check is returned instead.
 */
export async function importRoster(
	db: Database,
	actor: audit.Actor,
	bytes: Uint8Array,
	today = japanDate()
): Promise<Outcome<RosterFileProblem, { imported: number; unchanged: number }> | (Refusal<'import_result_problems'> & { check: RosterCheck })> {
	const decoded = decode(bytes);
	if (typeof decoded === 'string') return refuse(decoded);
	return db.transaction(async (tx) => {
		// One import at a time, so two coordinators importing the same file cannot both add its rows.
		await tx.execute(sql`select pg_advisory_xact_lock(7316400212)`);
		const checked = await checkText(tx, decoded.text, decoded.encoding, today);
		if (typeof checked === 'string') return refuse(checked);
		if (!isImportable(checked.check)) return { ...refuse('import_result_problems'), check: checked.check };
		for (const row of checked.newRows) if (row.memberNumber) await claimMemberNumber(tx, row.memberNumber);
		const ordered = [...checked.newRows].sort((a, b) => a.joinedOn.localeCompare(b.joinedOn) || a.row - b.row);
		const gradeYear = schoolYearOf(today);
		for (const row of ordered) {
			const memberNumber = row.memberNumber ?? (await nextMemberNumber(tx, Number(row.joinedOn.slice(0, 4))));
			const [member] = await tx
				.insert(members)
				.values({
					memberNumber,
					source: 'import',
					nickname: row.nickname,
					fullName: row.fullName,
					schoolCode: row.schoolCode,
					schoolOther: row.schoolOther,
					grade: row.grade,
					gradeSchoolYear: row.grade ? gradeYear : null,
					gender: row.gender,
					guardianName: row.guardianName,
					guardianEmail: row.guardianEmail,
					joinedOn: row.joinedOn,
					status: row.status,
					statusChangedOn: row.statusDate,
					importFingerprint: row.fingerprint
				})
				.returning({ id: members.id });
			const history: Array<typeof memberStatusChanges.$inferInsert> = [
				{ memberId: member!.id, status: 'active', changedOn: row.joinedOn, changedBy: actor.id }
			];
			if (row.status !== 'active') history.push({ memberId: member!.id, status: row.status, changedOn: row.statusDate, changedBy: actor.id });
			await tx.insert(memberStatusChanges).values(history);
		}
		await audit.record(tx, actor, 'roster_imported', {
			detail: { imported: ordered.length, unchanged: checked.check.counts.unchanged, encoding: decoded.encoding }
		});
		return { ok: true, imported: ordered.length, unchanged: checked.check.counts.unchanged };
	});
}
