// Certificates, in Japanese: a student issues the certificate of last school year in their real name, downloads the
// PDF (its text read back), and the verification link opens without login and shows only the certificate; nobody
// else can download it; a coordinator revokes it and the link says so. A mentor sees their record and issues their
// activity certificate; the coordinator downloads a partner organisation's report.
import { eq } from 'drizzle-orm';
import { test, expect } from './fixtures';
import { newPage } from './support/pages';

test.beforeEach(async ({ demoExercises }) => demoExercises);

/** Noon in Japan on a day of last school year (April to March), whatever today is. */
async function lastSchoolYearDay(): Promise<{ year: number; at: Date }> {
	const { japanDate, schoolYearOf } = await import('../src/lib/japan-time');
	const year = schoolYearOf(japanDate()) - 1;
	return { year, at: new Date(`${year}-10-10T12:00:00+09:00`) };
}

test('a student issues a school-year certificate, downloads it, and its link shows it to anyone without login', async ({
	browser,
	database,
	makeUser,
	logIn,
	expectAccessible
}) => {
	const { recordSubmission } = await import('../src/lib/server/exercises/testing');
	const { insertMember } = await import('../src/lib/server/membership/testing');
	const { members } = await import('../src/lib/server/membership/schema');
	const { exercises } = await import('../src/lib/server/db/schema');
	const { pdfText } = await import('../src/lib/server/documents/testing');

	const student = await makeUser({ roles: ['student'] });
	const fullName = `金沢 ${Date.now().toString(36)}`;
	const member = await insertMember(database.db, { userId: student.id, fullName, joinedOn: '2024-04-01', grade: 'jh2' });
	await database.db.update(members).set({ nickname: 'かなた' }).where(eq(members.id, member.id));
	const [exercise] = await database.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, 'hello-name'));
	const { year, at } = await lastSchoolYearDay();
	await recordSubmission(database.db, { userId: student.id, exerciseId: exercise!.id, verdict: 'AC', createdAt: at });

	const page = await newPage(browser);
	await logIn(page, student);
	await page.goto('/student');
	await page.getByRole('link', { name: 'コースや年度の修了証を発行する' }).click();
	await expect(page.getByRole('heading', { name: '修了証', level: 1 })).toBeVisible();
	const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${year}年度` }) });
	await expect(card).toContainText('演習1問を解き');
	await expectAccessible(page);

	await card.getByLabel(`本名（${fullName}）`).check();
	await card.getByRole('button', { name: '修了証を発行する' }).click();
	await expect(page.getByText('修了証を発行しました。')).toBeVisible();
	const download = page.getByRole('link', { name: /のPDFをダウンロード$/ });
	const pdfPath = await download.getAttribute('href');
	const verifyPath = await page.getByRole('link', { name: /の確認ページ$/ }).getAttribute('href');
	expect(verifyPath).toMatch(/^\/certificates\/[a-z2-7]{26}$/);
	expect(pdfPath).toBe(`${verifyPath}/pdf`);
	await expectAccessible(page);

	const response = await page.request.get(pdfPath!);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/pdf');
	const { compact, text } = await pdfText(new Uint8Array(await response.body()));
	for (const expected of ['修了証', `${fullName.replace(/\s/g, '')}さん`, '金沢IT部活', '金沢市', `${year}年度`, '解いた演習1問'])
		expect(compact).toContain(expected);
	expect(text).toContain(verifyPath!);

	// Anyone with the link, without logging in, sees the certificate and nothing else about the student.
	const visitor = await newPage(browser);
	const verification = await visitor.goto(verifyPath!);
	expect(verification?.headers()['x-robots-tag']).toContain('noindex');
	await expect(visitor.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
	await expect(visitor.getByText('この証明書は有効です。')).toBeVisible();
	await expect(visitor.locator('dl')).toContainText(fullName);
	await expect(visitor.locator('dl')).toContainText(`${year}年度: 演習1問を解き`);
	await expect(visitor.locator('main')).not.toContainText(student.email);
	await expect(visitor.locator('main')).not.toContainText('かなた');
	await expectAccessible(visitor);
	expect((await visitor.request.get(pdfPath!, { maxRedirects: 0 })).status()).not.toBe(200);

	// Another student cannot download it, even with the link.
	const other = await makeUser({ roles: ['student'] });
	const otherPage = await newPage(browser);
	await logIn(otherPage, other);
	expect((await otherPage.request.get(pdfPath!)).status()).toBe(404);

	// A coordinator revokes it; the link then says so.
	const coordinator = await makeUser({ roles: ['coordinator'] });
	const office = await newPage(browser);
	await logIn(office, coordinator);
	await office.goto('/coordinator/certificates?status=valid');
	await expectAccessible(office);
	const entry = office.getByRole('listitem').filter({ hasText: fullName });
	await entry.locator('summary').click();
	await entry.getByLabel('取り消す理由').fill('テストのため取り消します');
	await entry.getByRole('button', { name: `${fullName}さんの証明書を取り消す` }).click();
	await expect(office.getByText('証明書を取り消しました。')).toBeVisible();
	await visitor.reload();
	await expect(visitor.getByText(/この証明書は.*に取り消されました。/)).toBeVisible();
	expect((await page.request.get(pdfPath!)).status()).toBe(404);
});

test('a mentor sees their record and issues an activity certificate; the coordinator downloads the partner’s report', async ({
	browser,
	database,
	makeUser,
	logIn,
	expectAccessible
}) => {
	const { createPartner } = await import('../src/lib/server/mentoring/testing');
	const { mentors } = await import('../src/lib/server/mentoring/schema');
	const { attendedSession } = await import('../src/lib/server/certificates/testing');
	const { partnerOrganisations } = await import('../src/lib/server/mentoring/schema');
	const { parseCsv } = await import('../src/lib/server/csv');
	const { pdfText } = await import('../src/lib/server/documents/testing');

	const organisationId = await createPartner(database.db);
	const mentor = await makeUser({ roles: ['mentor'] });
	await database.db.insert(mentors).values({ userId: mentor.id, organisationId, affiliation: 'university_student' });
	const { year, at } = await lastSchoolYearDay();
	await attendedSession(database.db, at, 3, [{ userId: mentor.id, role: 'mentor' }]);

	const page = await newPage(browser);
	await logIn(page, mentor);
	await page.goto('/mentor');
	await page.getByRole('link', { name: '活動の記録と活動証明書' }).click();
	const section = page.getByRole('region', { name: `${year}年度` });
	await expect(section).toContainText('活動日1回・計3時間・コードレビュー0件');
	await expectAccessible(page);
	await section.getByRole('button', { name: '活動証明書を発行する' }).click();
	await expect(page.getByText('活動証明書を発行しました。')).toBeVisible();
	const pdfPath = await section.getByRole('link', { name: /のPDFをダウンロード$/ }).getAttribute('href');
	const { compact } = await pdfText(new Uint8Array(await (await page.request.get(pdfPath!)).body()));
	for (const expected of ['活動証明書', `${mentor.displayName.replace(/\s/g, '')}様`, '活動日への参加1回（計3時間）', '金沢市'])
		expect(compact).toContain(expected);

	const coordinator = await makeUser({ roles: ['coordinator'] });
	const office = await newPage(browser);
	await logIn(office, coordinator);
	const [organisation] = await database.db
		.select({ name: partnerOrganisations.name })
		.from(partnerOrganisations)
		.where(eq(partnerOrganisations.id, organisationId));
	await office.goto('/coordinator/organisations');
	await office.getByRole('link', { name: `${organisation!.name}のメンター活動報告` }).click();
	await office.getByLabel('年度').selectOption(String(year));
	await office.getByRole('button', { name: '表示する' }).click();
	await expect(office.getByRole('table')).toContainText(mentor.displayName);
	await expectAccessible(office);
	const csvHref = await office.getByRole('link', { name: 'CSVをダウンロード' }).getAttribute('href');
	const csv = await office.request.get(new URL(csvHref!, office.url()).toString());
	expect(parseCsv(await csv.text())).toContainEqual([mentor.displayName, '1', '3', '0']);
	const pdfHref = await office.getByRole('link', { name: 'PDFをダウンロード' }).getAttribute('href');
	const report = await pdfText(new Uint8Array(await (await office.request.get(new URL(pdfHref!, office.url()).toString())).body()));
	expect(report.compact).toContain(mentor.displayName.replace(/\s/g, ''));

	// A mentor forging the coordinator's download gets nothing.
	expect((await page.request.get(new URL(csvHref!, office.url()).toString(), { maxRedirects: 0 })).status()).toBe(403);
});
