import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { selectRows } from '../db';
import { describeEachDatabase } from '../db/testing';
import { createUser } from '../testing/factories';
import { auditEvents } from '../audit/schema';
import { exportMembers } from './export';
import { checkRoster, importRoster, type RosterCheck } from './roster';
import { members, memberStatusChanges } from './schema';
import { encodeShiftJis } from './testing';

const header = '会員番号,氏名,ニックネーム,学校,学年,性別,入部日,状態,状態の日付,保護者氏名,保護者メール';
const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => utf8(`\uFEFF${text}`);
const today = '2026-11-30';

/** The dry run of a file that can be read (a refusal fails the test). */
async function checked(...args: Parameters<typeof checkRoster>): Promise<RosterCheck> {
	const outcome = await checkRoster(...args);
	if (!outcome.ok) throw new Error(outcome.problem);
	return outcome.check;
}

function unique(prefix: string) {
	return `${prefix}${Math.random().toString(36).slice(2, 8)}`;
}

describeEachDatabase('roster import', (connection) => {
	const db = () => connection().db;
	const actor = async () => {
		const user = await createUser(db(), { roles: ['coordinator'] });
		return { id: user.id, displayName: user.displayName };
	};
	const countMembers = async () => (await selectRows<{ n: number }>(db(), sql`select count(*)::int as n from members`))[0]!.n;

	it('imports a UTF-8 file with a BOM, keeps given numbers, numbers the rest, and changes nothing the second time', async () => {
		const name = unique('犀川 太郎');
		const text = [
			header,
			`KIB-2023-0042,${name},さいがわ,金沢市立紫錦台中学校,中2,男,2023/4/15,,,犀川 母,mother@example.jp`,
			`,${unique('浅野 花')},,兼六中学校,高1,女性,2023年5月1日,休部中,2024/1/10,,`,
			`,${unique('卒業 生')},,石川県立金沢泉丘高等学校,,,2023-06-01,卒業,2024-03-31,,`,
			`,${unique('どこか 遠く')},,東京都立どこか高校,その他,回答しない,2024-02-01,退部,2024-09-01,,`
		].join('\r\n');
		const before = await countMembers();
		const check = await checked(db(), withBom(text), today);
		expect(check.encoding).toBe('utf-8');
		expect(check.headerProblems).toEqual([]);
		expect(check.counts).toEqual({ new: 4, unchanged: 0, invalid: 0 });
		expect(await countMembers()).toBe(before);

		expect(await importRoster(db(), await actor(), withBom(text), today)).toEqual({ ok: true, imported: 4, unchanged: 0 });
		const [given] = await db().select().from(members).where(eq(members.memberNumber, 'KIB-2023-0042'));
		expect(given).toMatchObject({
			fullName: name,
			nickname: 'さいがわ',
			schoolCode: 'k-shikindai',
			grade: 'jh2',
			gradeSchoolYear: 2026,
			gender: 'male',
			joinedOn: '2023-04-15',
			status: 'active'
		});
		const imported = await db().select().from(members).where(eq(members.source, 'import'));
		const numbers = imported.map((member) => member.memberNumber);
		expect(numbers).toEqual(expect.arrayContaining(['KIB-2023-0043', 'KIB-2023-0044', 'KIB-2024-0001']));
		const paused = imported.find((member) => member.memberNumber === 'KIB-2023-0043')!;
		expect(paused).toMatchObject({ schoolCode: 'k-kenroku', status: 'paused', statusChangedOn: '2024-01-10' });
		const history = await db().select().from(memberStatusChanges).where(eq(memberStatusChanges.memberId, paused.id));
		expect(history.map((change) => [change.status, change.changedOn])).toEqual([
			['active', '2023-05-01'],
			['paused', '2024-01-10']
		]);
		expect(imported.find((member) => member.memberNumber === 'KIB-2024-0001')).toMatchObject({
			schoolCode: 'other',
			schoolOther: '東京都立どこか高校',
			status: 'withdrawn'
		});

		const again = await checked(db(), withBom(text), today);
		expect(again.counts).toEqual({ new: 0, unchanged: 4, invalid: 0 });
		const count = await countMembers();
		expect(await importRoster(db(), await actor(), withBom(text), today)).toEqual({ ok: true, imported: 0, unchanged: 4 });
		expect(await countMembers()).toBe(count);
	});

	it('reads Shift_JIS as Excel in Japan saves it, and UTF-8 without a BOM', async () => {
		const name = unique('加賀 友禅');
		const text = `氏名,学校,学年,入部日\r\n${name},金沢市立野田中学校,中１,2024/4/20\r\n`;
		const sjis = await checked(db(), encodeShiftJis(text), today);
		expect(sjis).toMatchObject({ encoding: 'shift_jis', counts: { new: 1, unchanged: 0, invalid: 0 } });
		expect(sjis.rows[0]?.fullName).toBe(name);
		expect(await importRoster(db(), await actor(), encodeShiftJis(text), today)).toEqual({ ok: true, imported: 1, unchanged: 0 });
		expect((await checked(db(), utf8(text), today)).counts).toEqual({ new: 0, unchanged: 1, invalid: 0 });
	});

	it('refuses a file with bad rows, naming each row and problem, and writes nothing at all', async () => {
		const duplicated = unique('重複 さん');
		const text = [
			header,
			`,${unique('正しい 行')},,兼六中学校,中1,,2024/4/1,,,,`,
			`,,,兼六中学校,中1,,2024/4/1,,,,`,
			`,${unique('学年 ちがい')},,兼六中学校,小6,,2024/4/1,,,,`,
			`,${duplicated},,兼六中学校,中2,,2024/4/1,,,,`,
			`,${duplicated},,兼六中学校,中2,,2024/4/1,,,,`,
			`,${unique('日付 だめ')},,兼六中学校,中3,,2024/13/01,,,,`,
			`KIB-20-1,${unique('番号 だめ')},,兼六中学校,中3,,2024/4/1,卒業,,,not-an-email`
		].join('\n');
		const before = await countMembers();
		const imports = async () => (await db().select().from(auditEvents).where(eq(auditEvents.action, 'roster_imported'))).length;
		const importsBefore = await imports();
		const check = await checked(db(), utf8(text), today);
		expect(check.counts).toEqual({ new: 2, unchanged: 0, invalid: 5 });
		const problems = Object.fromEntries(
			check.rows
				.filter((row) => row.outcome === 'invalid')
				.map((row) => [row.row, row.problems.map((p) => `${p.problem}:${p.column ?? ''}${p.otherRow ?? ''}`)])
		);
		expect(problems).toEqual({
			3: ['import_error_missing:fullName'],
			4: ['import_error_grade:grade'],
			6: ['import_error_duplicate:fullName5'],
			7: ['import_error_date:joinedOn'],
			8: ['import_error_member_number:memberNumber', 'import_error_status_date_required:statusDate', 'import_error_email:guardianEmail']
		});
		const result = await importRoster(db(), await actor(), utf8(text), today);
		expect(result).toMatchObject({ ok: false, problem: 'import_result_problems', check: { counts: { invalid: 5 } } });
		expect(await countMembers()).toBe(before);
		expect(await imports()).toBe(importsBefore);
	});

	it('refuses a file in an unreadable encoding, a missing column, and a member number that belongs to someone else', async () => {
		expect(await checkRoster(db(), new Uint8Array([0xff, 0xfe, 0x0f, 0x6c, 0x80, 0xff]), today)).toEqual({ ok: false, problem: 'import_error_encoding' });
		expect(await checkRoster(db(), utf8('氏名,学校\n'), today)).toEqual({ ok: false, problem: 'import_error_empty' });
		const noJoinDate = await checked(db(), utf8(`氏名,学校,学年\n${unique('a')},兼六中学校,中1\n`), today);
		expect(noJoinDate.headerProblems).toEqual([{ problem: 'import_error_missing_column', column: 'joinedOn' }]);
		const taken = await checked(db(), utf8(`${header}\nKIB-2023-0042,${unique('別人')},,兼六中学校,中1,,2023/4/15,,,,\n`), today);
		expect(taken.rows[0]?.problems).toEqual([{ problem: 'import_error_number_taken', column: 'memberNumber' }]);
	});

	it('reads its own member export back as unchanged, formula-looking names included', async () => {
		const staff = await actor();
		const tag = unique('往復');
		const text = [header, `,=${tag} 一,,兼六中学校,中1,女性,2025/4/1,,,,`, `,${tag} 二,,泉中学校,高2,,2025/5/1,休部中,2025/9/1,保護者,p@example.jp`].join('\n');
		expect(await importRoster(db(), staff, utf8(text), today)).toEqual({ ok: true, imported: 2, unchanged: 0 });
		const { csv, count } = await exportMembers(db(), staff, { search: tag }, new Date(`${today}T03:00:00Z`));
		expect(count).toBe(2);
		expect(csv).toContain(`'=${tag} 一`);
		const check = await checked(db(), utf8(csv.replace(`'=${tag}`, `=${tag}`)), today);
		expect(check.counts).toEqual({ new: 0, unchanged: 2, invalid: 0 });
	});
});
