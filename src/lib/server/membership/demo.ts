// Development demo data: a made-up roster whose history matches the club's public numbers (63 members by the end
// of 2023, growing since, a few alumni and a few who left), so the dashboard tells its story on first start.
// Every name is invented.
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import { addMonths, japanDate, schoolYearOf } from '../../japan-time';
import { nextMemberNumber } from './numbers';
import { members, memberStatusChanges } from './schema';
import { schools } from './schools';
import { currentGrade, grades, type Gender, type Grade, type MemberStatus } from './vocabulary';

const familyNames = ['山本', '中村', '田中', '北村', '林', '吉田', '松本', '山田', '西村', '高橋', '小林', '中川', '竹内', '前田', '坂本', '村田'];
const givenNames = ['陽向', '湊', '結衣', '葵', '蓮', '芽依', '悠真', '紬', '大翔', '凛', '颯太', '美咲', '樹', '陽菜', '蒼', '心春'];
const nicknames = [
	'ひなた',
	'みなと',
	'ゆい',
	'あおい',
	'れん',
	'めい',
	'ゆうま',
	'つむぎ',
	'ひろと',
	'りん',
	'そうた',
	'みさき',
	'いつき',
	'ひな',
	'あお',
	'こはる'
];

/** Members who joined each month: club days started in 2021; most join in spring and after the autumn festival. */
function joinsPerMonth(month: string): number {
	const [year, monthNumber] = month.split('-').map(Number) as [number, number];
	if (year < 2021 || (year === 2021 && monthNumber < 6)) return 0;
	const season = monthNumber === 4 || monthNumber === 5 ? 4 : monthNumber === 10 || monthNumber === 11 ? 3 : 1;
	const growth = year <= 2022 ? 0 : 1;
	return Math.max(0, season + growth - (monthNumber === 8 ? 1 : 0));
}

function generator(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

export async function seedDemoRoster(db: Database, options: { studentEmail?: string; now?: Date } = {}): Promise<number> {
	const random = generator(2023);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
	const today = japanDate(options.now);
	const lastMonth = today.slice(0, 7);
	const planned: Array<{ joinedOn: string }> = [];
	for (let month = '2021-06'; month <= lastMonth; month = addMonths(month, 1)) {
		// 63 by the end of 2023, as the city's vision reports.
		const count = month <= '2023-12' ? joinsPerMonth(month) : joinsPerMonth(month) - (random() < 0.4 ? 1 : 0);
		for (let index = 0; index < count; index++) {
			const day = String(1 + Math.floor(random() * 27)).padStart(2, '0');
			const joinedOn = `${month}-${day}`;
			if (joinedOn <= today) planned.push({ joinedOn });
		}
	}
	const before2024 = planned.filter((entry) => entry.joinedOn < '2024-01-01');
	// Trim or pad 2023's last months so the total at the end of 2023 is exactly 63.
	while (before2024.length > 63) planned.splice(planned.indexOf(before2024.pop()!), 1);
	while (before2024.length < 63) {
		const extra = { joinedOn: '2023-12-10' };
		before2024.push(extra);
		planned.push(extra);
	}
	planned.sort((a, b) => a.joinedOn.localeCompare(b.joinedOn));

	const [student] = options.studentEmail ? await db.select({ id: users.id }).from(users).where(eq(users.email, options.studentEmail)) : [];
	const nearby = schools.filter((school) => school.code.startsWith('k-') || school.kind !== 'junior_high');
	for (const [index, entry] of planned.entries()) {
		const gradeAtJoin: Grade = random() < 0.03 ? 'other' : pick(grades.slice(0, 6));
		const joinYear = schoolYearOf(entry.joinedOn);
		const gender: Gender = pick(['female', 'male', 'male', 'female', 'unanswered', 'other'] as const);
		const school = random() < 0.05 ? null : pick(nearby);
		// Graduating 高3s become alumni at the end of March; a few leave or pause along the way.
		let status: MemberStatus = 'active';
		let statusChangedOn = entry.joinedOn;
		const gradeNow = currentGrade(gradeAtJoin, joinYear, schoolYearOf(today));
		if (gradeNow === 'graduated') {
			// Someone in grade index g (中1 = 0) in school year Y finishes 高3 in March of Y + 6 - g.
			status = 'alumni';
			statusChangedOn = `${joinYear + 6 - grades.indexOf(gradeAtJoin)}-03-31`;
		} else if (random() < 0.08) {
			status = 'withdrawn';
			statusChangedOn = addMonths(entry.joinedOn.slice(0, 7), 5) + '-15';
		} else if (random() < 0.06) {
			status = 'paused';
			statusChangedOn = addMonths(entry.joinedOn.slice(0, 7), 3) + '-01';
		}
		if (statusChangedOn > today || statusChangedOn < entry.joinedOn) {
			status = 'active';
			statusChangedOn = entry.joinedOn;
		}
		const linkStudent = student && index === planned.length - 3;
		const [member] = await db
			.insert(members)
			.values({
				memberNumber: await nextMemberNumber(db, Number(entry.joinedOn.slice(0, 4))),
				userId: linkStudent ? student.id : null,
				source: 'import',
				nickname: linkStudent ? 'はるか' : pick(nicknames),
				fullName: linkStudent ? '金沢 はるか' : `${pick(familyNames)} ${pick(givenNames)}`,
				schoolCode: school?.code ?? 'other',
				schoolOther: school ? null : '白山市立の中学校',
				grade: linkStudent ? 'jh2' : gradeAtJoin,
				gradeSchoolYear: joinYear,
				gender,
				guardianName: `${pick(familyNames)} 保護者`,
				guardianEmail: `guardian${index + 1}@demo.itbu.jp`,
				joinedOn: entry.joinedOn,
				status: linkStudent ? 'active' : status,
				statusChangedOn: linkStudent ? entry.joinedOn : statusChangedOn
			})
			.returning({ id: members.id, status: members.status, statusChangedOn: members.statusChangedOn });
		await db.insert(memberStatusChanges).values({ memberId: member!.id, status: 'active', changedOn: entry.joinedOn });
		if (member!.status !== 'active') {
			await db.insert(memberStatusChanges).values({ memberId: member!.id, status: member!.status, changedOn: member!.statusChangedOn });
		}
	}
	return planned.length;
}
