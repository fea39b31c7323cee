import { describe, expect, it } from 'vitest';
import { auditActions, type AuditAction } from '$lib/server/audit';
import { auditActionLabel, auditSentence, auditSubjectIds, type AuditSubjects, type SentencePart } from './sentences';

const memberId = '11111111-1111-4111-8111-111111111111';
const applicationId = '22222222-2222-4222-8222-222222222222';
const mentorApplicationId = '33333333-3333-4333-8333-333333333333';
const mentorId = '44444444-4444-4444-8444-444444444444';
const sessionId = '55555555-5555-4555-8555-555555555555';
const requestId = '66666666-6666-4666-8666-666666666666';
const groupId = '88888888-8888-4888-8888-888888888888';

const subjects: AuditSubjects = {
	members: { [memberId]: { name: '犀川 花子', number: 'KIB-2026-0012' } },
	applications: { [applicationId]: { name: '犀川 花子' } },
	mentorApplications: { [mentorApplicationId]: { name: '浅野 みらい' } },
	mentors: { [mentorId]: { name: 'みらい' } },
	sessions: { [sessionId]: { title: '12月の活動日', startsAt: '2026-12-12T01:00:00Z' } },
	reviews: { [requestId]: { exercise: '1 から N までの合計', student: 'ひかり' } },
	groups: { [groupId]: { name: '初心者クラス' } }
};
const entry = (action: AuditAction, detail: Record<string, string | number | null> = {}, member: string | null = null) => ({
	action,
	actorName: '事務局 太郎',
	memberId: member,
	detail
});
const read = (parts: SentencePart[]) => parts.map((part) => part.text).join('');
const links = (parts: SentencePart[]) => parts.filter((part) => part.href).map((part) => [part.text, part.href]);

describe('the audit log as sentences', () => {
	it('says who did what to whom, naming the member with their number and linking to them', () => {
		const parts = auditSentence(entry('member_viewed', {}, memberId), subjects);
		expect(read(parts)).toBe('事務局 太郎さんが犀川 花子（会員番号 KIB-2026-0012）の詳細を見ました。');
		expect(links(parts)).toEqual([['犀川 花子（会員番号 KIB-2026-0012）', `/coordinator/members/${memberId}`]]);
	});

	it('names a guardian acting through a mailed link by the child, never as the member themself', () => {
		const guardian = (action: AuditAction, detail: Record<string, string | number | boolean | null>, member: string | null) => ({
			action,
			actorName: '保護者',
			memberId: member,
			detail
		});
		expect(read(auditSentence(guardian('own_data_exported', { byGuardian: true }, memberId), subjects))).toBe(
			'犀川 花子（会員番号 KIB-2026-0012）の保護者が、メールのリンクからお子さまのデータの写しをダウンロードしました。'
		);
		expect(read(auditSentence(guardian('deletion_requested', { byGuardian: true }, memberId), subjects))).toBe(
			'犀川 花子（会員番号 KIB-2026-0012）の保護者が、メールのリンクからお子さまの個人情報の削除を頼みました。'
		);
		expect(read(auditSentence(guardian('deletion_requested', { applicationId, erased: true }, null), subjects))).toContain(
			'の保護者が、メールのリンクから申し込みの情報を削除しました。'
		);
	});

	it('reads details instead of showing raw keys and codes', () => {
		expect(read(auditSentence(entry('roster_imported', { imported: 2, unchanged: 0, encoding: 'utf-8' }), subjects))).toBe(
			'事務局 太郎さんが名簿を取り込みました（新しく2人、変更なし0人、文字コード UTF-8）。'
		);
		expect(read(auditSentence(entry('member_status_changed', { from: 'active', to: 'paused', changedOn: '2026-12-01' }, memberId), subjects))).toBe(
			'事務局 太郎さんが犀川 花子（会員番号 KIB-2026-0012）の状態を「活動中」から「休部中」に変えました（2026-12-01付け）。'
		);
		expect(
			read(auditSentence(entry('members_exported', { count: 12, grade: 'jh2', status: 'active', search: null, school: null, joinYear: null }), subjects))
		).toBe('事務局 太郎さんが名簿をCSVで書き出しました（12人、学年 中2、状態 活動中）。');
		expect(read(auditSentence(entry('members_exported', { count: 63 }), subjects))).toContain('（63人、条件なし）');
	});

	it('links applications, mentor applications, sessions and review discussions to their pages', () => {
		expect(links(auditSentence(entry('application_approved', { applicationId, memberNumber: 'KIB-2026-0012' }, memberId), subjects))).toEqual([
			['犀川 花子', `/coordinator/applications/${applicationId}`],
			['犀川 花子（会員番号 KIB-2026-0012）', `/coordinator/members/${memberId}`]
		]);
		expect(read(auditSentence(entry('mentor_application_viewed', { applicationId: mentorApplicationId }), subjects))).toBe(
			'事務局 太郎さんが浅野 みらいのメンターの申し込みを見ました。'
		);
		expect(links(auditSentence(entry('mentor_application_viewed', { applicationId: mentorApplicationId }), subjects))).toEqual([
			['浅野 みらい', `/coordinator/mentors/applications/${mentorApplicationId}`]
		]);
		expect(links(auditSentence(entry('attendance_exported', { sessionId, count: 8 }), subjects))[0]?.[1]).toBe(`/coordinator/sessions/${sessionId}`);
		const review = auditSentence(entry('review_viewed', { requestId }), subjects);
		expect(read(review)).toBe('事務局 太郎さんがひかりさんの「1 から N までの合計」のレビューのやりとりを読みました。');
		expect(links(review)).toEqual([['1 から N までの合計', `/reviews/${requestId}`]]);
		const group = auditSentence(entry('group_viewed', { groupId }), subjects);
		expect(read(group)).toBe('事務局 太郎さんがグループ「初心者クラス」の進み具合のページを開きました。');
		expect(links(group)).toEqual([['初心者クラス', `/groups/${groupId}`]]);
	});

	it('names an anonymised member by number only, and says so when something is gone', () => {
		const anonymised = { ...subjects, members: { [memberId]: { name: null, number: 'KIB-2023-0001' } } };
		expect(read(auditSentence(entry('member_anonymised', { memberNumber: 'KIB-2023-0001' }, memberId), anonymised))).toBe(
			'事務局 太郎さんが会員番号 KIB-2023-0001 の部員（個人情報は削除済み）の個人情報を削除しました。'
		);
		const unknown = auditSentence(entry('application_viewed', { applicationId: '77777777-7777-4777-8777-777777777777' }), subjects);
		expect(read(unknown)).toBe('事務局 太郎さんが（見つかりません）の入部の申し込みを見ました。');
		expect(links(unknown)).toEqual([]);
	});

	it('keeps names as text: a name that looks like markup or a marker stays words', () => {
		const odd = { ...subjects, members: { [memberId]: { name: '<b>x</b>\u0000actor\u0000', number: '1' } } };
		expect(read(auditSentence(entry('member_note_added', {}, memberId), odd))).toBe(
			'事務局 太郎さんが<b>x</b>\u0000actor\u0000（会員番号 1）にメモを書きました。'
		);
	});

	it('has a sentence and a filter label for every kind of entry, never the raw code', () => {
		for (const action of auditActions) {
			expect(auditActionLabel(action)).not.toBe(action);
			expect(read(auditSentence(entry(action, {}, memberId), subjects))).toMatch(/^事務局 太郎さん/);
		}
		expect(auditActionLabel('review_viewed')).toBe('レビューのやりとりを閲覧');
	});

	it('collects the ids a page of entries names, by kind', () => {
		expect(
			auditSubjectIds([
				entry('member_viewed', {}, memberId),
				entry('application_viewed', { applicationId }),
				entry('mentor_approved', { applicationId: mentorApplicationId }),
				entry('mentor_reactivated', { userId: mentorId }),
				entry('attendance_exported', { sessionId }),
				entry('review_viewed', { requestId }),
				entry('group_viewed', { groupId })
			])
		).toEqual({
			members: [memberId],
			applications: [applicationId],
			mentorApplications: [mentorApplicationId],
			mentors: [mentorId],
			sessions: [sessionId],
			reviews: [requestId],
			groups: [groupId]
		});
	});
});
