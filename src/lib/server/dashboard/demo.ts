// Development demo data for the funnel page: the last 14 months of ref codes and their visits, a trial session a month
// with its bookings and who came, and applications at every stage. The roster's members (membership/demo.ts) who joined
// in those months become the approved applicants, so the cumulative count stays the roster's; their activity after
// joining (a club day a month, and submit days) makes the cohorts' retention. Runs after the roster. Every name is
// invented; the accounts have no password.
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db';
import { addMonths, japanDate, japanDateTime, monthOf, monthsBetween } from '../../japan-time';
import type { ApplicationStatus } from '../membership/vocabulary';
import type { Channel } from '../../referrals/channels';

const demoCodes: Array<{ code: string; name: string; channel: Channel; visitsPerMonth: number }> = [
	{ code: 'chirashi-2026', name: '市内中学校配布チラシ（2026年度）', channel: 'flyer', visitsPerMonth: 40 },
	{ code: 'koho-kanazawa', name: '広報かなざわ 体験会のお知らせ', channel: 'koho_kanazawa', visitsPerMonth: 25 },
	{ code: 'it-matsuri', name: '金沢ITまつり ブース', channel: 'event', visitsPerMonth: 12 },
	{ code: 'gakko-homon', name: '学校訪問（先生から紹介）', channel: 'teacher', visitsPerMonth: 8 }
];
interface Origin {
	channel: Channel | null;
	codeId: string | null;
	bookingId: string | null;
}

const directChannels: Channel[] = ['friend', 'family', 'teacher', 'web', 'friend', 'other'];
const schoolCodes = ['k-kenroku', 'k-izumi', 'k-kosho', 'k-takaoka', 'pref-izumigaoka', 'k-noda', 'k-shikindai'];
const nicknames = ['そら', 'ゆうと', 'あかり', 'はると', 'ひまり', 'けんた', 'さくら', 'りく', 'ことね', 'たくみ', 'みお', 'しょう'];

function generator(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

/** The second Saturday of a month ('YYYY-MM-DD'). */
function secondSaturday(month: string): string {
	const first = new Date(`${month}-01T00:00:00Z`).getUTCDay();
	return `${month}-${String(1 + ((6 - first + 7) % 7) + 7).padStart(2, '0')}`;
}

/** A Japan date and time as an ISO instant (both drivers take it as a parameter). */
const at = (date: string, time: string) => japanDateTime(date, time).toISOString();
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoFunnel(db: Database, options: { now?: Date } = {}): Promise<void> {
	const now = options.now ?? new Date();
	const today = japanDate(now);
	const currentMonth = monthOf(today);
	const random = generator(2026);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

	// The trials' own demo may have made some of these codes already: reuse them.
	const codes: Array<{ id: string; channel: Channel; visitsPerMonth: number }> = [];
	for (const code of demoCodes) {
		await db.execute(
			sql`insert into referral_codes (code, name, channel, created_at) values (${code.code}, ${code.name}, ${code.channel}, ${at(`${addMonths(currentMonth, -14)}-01`, '09:00')})
				on conflict (code) do nothing`
		);
		const [row] = await selectRows<{ id: string }>(db, sql`select id from referral_codes where code = ${code.code}`);
		codes.push({ id: row!.id, channel: code.channel, visitsPerMonth: code.visitsPerMonth });
	}

	const members: Array<{ userId: string; joinedOn: string; stickiness: number }> = [];
	const trialApplicants: Array<Origin & { after: string }> = [];
	let person = 0;
	for (let month = addMonths(currentMonth, -13); month <= currentMonth; month = addMonths(month, 1)) {
		const spring = month.endsWith('-04') || month.endsWith('-05') ? 2 : 1;
		for (const code of codes) {
			for (const day of ['03', '12', '21']) {
				const date = `${month}-${day}`;
				if (date > today) continue;
				await db.execute(
					sql`insert into referral_visits (code_id, day, visits) values (${code.id}, ${date}::date, ${Math.round((code.visitsPerMonth * spring * (0.5 + random())) / 3)})
						on conflict (code_id, day) do nothing`
				);
			}
		}

		const trialDay = secondSaturday(month);
		const held = trialDay < today;
		const [trial] = await selectRows<{ id: string }>(
			db,
			sql`insert into club_sessions (title, starts_at, ends_at, venue, capacity, kind, what_to_bring)
				values ('体験会（はじめてのプログラミング）', ${at(trialDay, '13:00')}, ${at(trialDay, '15:00')}, '金沢未来のまち創造館', 20, 'trial',
					'ノートパソコン（なければ貸し出します）')
				returning id`
		);
		const bookings = 2 + spring * 2 + Math.floor(random() * 3);
		for (let index = 0; index < bookings; index++) {
			const bookedOn = addDays(trialDay, -1 - Math.floor(random() * 10));
			if (bookedOn > today) continue;
			const code = random() < 0.6 ? pick(codes) : null;
			const channel: Channel | null = code ? (random() < 0.5 ? null : code.channel) : pick(directChannels);
			const school = pick(schoolCodes);
			const cancelled = random() < 0.1;
			const attended = held && !cancelled && random() < 0.72;
			const [booking] = await selectRows<{ id: string }>(
				db,
				sql`insert into trial_bookings (session_id, status, nickname, grade, school_code, guardian_email, channel, ref_code_id, token_hash,
						queued_at, created_at, cancelled_at, attended_at)
					values (${trial!.id}, ${cancelled ? 'cancelled' : 'booked'}, ${pick(nicknames)}, ${pick(['jh1', 'jh2', 'jh3', 'hs1'])}, ${school},
						${`trial-guardian-${++person}@demo.itbu.jp`}, ${channel}, ${code?.id ?? null}, decode(md5(${`demo-booking-${person}`}), 'hex'),
						${at(bookedOn, '20:00')}, ${at(bookedOn, '20:00')}, ${cancelled ? at(addDays(bookedOn, 2), '08:00') : null},
						${attended ? at(trialDay, '13:05') : null})
					returning id`
			);
			if (attended && random() < 0.75) trialApplicants.push({ after: trialDay, channel, codeId: code?.id ?? null, bookingId: booking!.id });
		}

		// The roster's members who joined this month came through an application (the trials' applicants first): the
		// cumulative count stays the roster's.
		const joined = await selectRows<{ id: string; joined_on: string; school_code: string | null; nickname: string | null; status: string }>(
			db,
			sql`select id, to_char(joined_on, 'YYYY-MM-DD') as joined_on, school_code, nickname, status from members
				where source = 'import' and user_id is null and to_char(joined_on, 'YYYY-MM') = ${month} order by joined_on`
		);
		const applicants: Array<{ sentOn: string; status: ApplicationStatus; origin: Origin; member?: (typeof joined)[number] }> = joined.map((member) => {
			const sentOn = addDays(member.joined_on, -9);
			const fromTrial = trialApplicants.findIndex((candidate) => candidate.after < sentOn);
			const origin = fromTrial >= 0 ? trialApplicants.splice(fromTrial, 1)[0]! : { channel: pick(directChannels), codeId: null, bookingId: null };
			return { sentOn, status: 'approved', origin, member };
		});
		// And those who did not become members (yet): declined by the guardian, rejected, withdrawn, or still open.
		for (let index = Math.max(1, Math.round(joined.length / 3)); index > 0; index--) {
			const sentOn = `${month}-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}`;
			const recent = monthsBetween(month, currentMonth) < 1;
			const status: ApplicationStatus = recent
				? pick(['awaiting_consent', 'awaiting_review'] as const)
				: pick(['consent_declined', 'rejected', 'cancelled'] as const);
			const fromTrial = trialApplicants.findIndex((candidate) => candidate.after < sentOn);
			const origin = fromTrial >= 0 ? trialApplicants.splice(fromTrial, 1)[0]! : { channel: pick(directChannels), codeId: null, bookingId: null };
			applicants.push({ sentOn, status, origin });
		}

		for (const applicant of applicants) {
			if (applicant.sentOn > today) continue;
			const consentOn = addDays(applicant.sentOn, 2);
			const consented =
				applicant.status !== 'awaiting_consent' && applicant.status !== 'consent_declined' ? consentOn <= today : applicant.status === 'consent_declined';
			const nickname = applicant.member?.nickname ?? pick(nicknames);
			const school = applicant.member ? applicant.member.school_code : pick(schoolCodes);
			const [user] = await selectRows<{ id: string }>(
				db,
				sql`insert into users (email, email_verified_at, display_name, created_at)
					values (${`funnel-demo-${++person}@demo.itbu.jp`}, ${at(applicant.sentOn, '18:00')}, ${nickname}, ${at(applicant.sentOn, '18:00')})
					returning id`
			);
			const [application] = await selectRows<{ id: string }>(
				db,
				sql`insert into member_applications (user_id, status, nickname, full_name, school_code, grade, gender, guardian_name, guardian_email,
						statement_version, created_at, consent_decided_at, reviewed_at, rejection_reason, channel, ref_code_id, trial_booking_id)
					values (${user!.id}, ${applicant.status}, ${nickname}, ${`デモ ${nickname}`}, ${school}, 'jh1', 'unanswered', 'デモ 保護者',
						${`funnel-guardian-${person}@demo.itbu.jp`}, '2026-11', ${at(applicant.sentOn, '18:00')}, ${consented ? at(consentOn, '19:00') : null},
						${applicant.status === 'approved' || applicant.status === 'rejected' ? at(addDays(applicant.sentOn, 9), '10:00') : null},
						${applicant.status === 'rejected' ? '保護者の方と連絡が取れなかったため' : null},
						${applicant.origin.channel}, ${applicant.origin.codeId}, ${applicant.origin.bookingId})
					returning id`
			);
			if (!applicant.member) continue;
			await db.execute(sql`insert into user_roles (user_id, role, granted_at) values (${user!.id}, 'student', ${at(applicant.member.joined_on, '10:00')})`);
			await db.execute(
				sql`update members set source = 'application', user_id = ${user!.id}, application_id = ${application!.id} where id = ${applicant.member.id}`
			);
			const staying = applicant.member.status === 'active' || applicant.member.status === 'paused';
			members.push({ userId: user!.id, joinedOn: applicant.member.joined_on, stickiness: staying ? 0.6 + random() * 0.35 : 0.3 });
		}
	}

	// A club day a month (the fourth Saturday) that active members came to, and submit days in between.
	for (let month = addMonths(currentMonth, -13); month <= currentMonth; month = addMonths(month, 1)) {
		const clubDay = addDays(secondSaturday(month), 14);
		if (clubDay >= today) continue;
		const [session] = await selectRows<{ id: string }>(
			db,
			sql`insert into club_sessions (title, starts_at, ends_at, venue, capacity)
				values ('金沢IT部活 活動日', ${at(clubDay, '13:00')}, ${at(clubDay, '16:00')}, '金沢未来のまち創造館', 40)
				returning id`
		);
		for (const member of members) {
			const since = monthsBetween(monthOf(member.joinedOn), month);
			if (since < 1) continue;
			if (random() > member.stickiness ** (1 + since / 3)) continue;
			if (random() < 0.7) {
				await db.execute(sql`insert into session_participants (session_id, user_id, role, status, queued_at, confirmed_at, checked_in_at)
					values (${session!.id}, ${member.userId}, 'student', 'confirmed', ${at(addDays(clubDay, -7), '20:00')},
						${at(addDays(clubDay, -7), '20:00')}, ${at(clubDay, '13:02')})`);
			} else {
				await db.execute(
					sql`insert into submit_days (user_id, day, submits) values (${member.userId}, ${addDays(clubDay, -3)}::date, ${1 + Math.floor(random() * 4)})`
				);
			}
		}
	}
}
