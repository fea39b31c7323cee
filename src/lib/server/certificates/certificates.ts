// Issued certificates: issuing one freezes its facts and the holder's chosen name under an unguessable code; anyone
// with the code reads exactly those facts and whether the certificate is still valid; only its holder downloads it;
// coordinators list them and revoke one with a reason (audited).
import { and, desc, eq, isNull, isNotNull, type SQL } from 'drizzle-orm';
import { generateSecret } from '../auth';
import * as audit from '../audit';
import type { Database } from '../db';
import { isUuid } from '../ids';
import { ok, refuse, Refused, refusalOf, type Outcome } from '../outcome';
import * as rateLimit from '../ratelimit';
import { mentorRecord } from './mentors';
import { certificates, type Certificate, type CertificateFacts, type CertificateKind, type NameChoice } from './schema';
import { holderNames, studentAchievements } from './student';

export type IssueProblem = 'certificates_error_not_eligible' | 'certificates_error_no_name' | 'certificates_error_rate_limited' | 'certificates_error_busy';
export type RevokeProblem = 'certificates_error_not_found' | 'certificates_error_already_revoked';

export type CertificateStatus = 'valid' | 'revoked' | 'replaced';

/** Everything the public verification page may show: the certificate's own facts, nothing else about its holder. */
export interface VerifiedCertificate {
	code: string;
	holderName: string;
	facts: CertificateFacts;
	issuedAt: Date;
	status: CertificateStatus;
	revokedAt: Date | null;
}

const issueWindow = { limit: 20, windowMs: 60 * 60 * 1000 };
const codePattern = /^[a-z2-7]{26}$/;

/** 128 random bits in 26 lowercase base32 characters (the table's check). */
export function newCertificateCode(): string {
	return generateSecret(16);
}

export function isCertificateCode(value: string): boolean {
	return codePattern.test(value);
}

function statusOf(row: Pick<Certificate, 'revokedAt' | 'replacedBy'>): CertificateStatus {
	if (!row.revokedAt) return 'valid';
	return row.replacedBy ? 'replaced' : 'revoked';
}

export interface StudentIssue {
	kind: 'track' | 'school_year';
	subject: string;
	nameChoice: NameChoice;
}

/** A student's certificate for a completed track or a school year, in the name they chose. */
export async function issueStudentCertificate(
	db: Database,
	userId: string,
	input: StudentIssue,
	now = new Date()
): Promise<Outcome<IssueProblem, { code: string }>> {
	const achievements = await studentAchievements(db, userId, now);
	const facts =
		input.kind === 'track'
			? achievements.tracks.find((progress) => progress.track.id === input.subject)?.facts
			: achievements.schoolYears.find((year) => String(year.schoolYear) === input.subject && year.issuable)?.facts;
	if (!facts) return refuse('certificates_error_not_eligible');
	const names = await holderNames(db, userId);
	const holderName = input.nameChoice === 'nickname' ? names?.nickname : names?.fullName;
	if (!holderName) return refuse('certificates_error_no_name');
	return issue(db, userId, { kind: input.kind, subject: input.subject, holderName, nameChoice: input.nameChoice, facts }, now);
}

/** A mentor's activity certificate for a school year, with the figures up to now (or the year's end). */
export async function issueMentorCertificate(
	db: Database,
	userId: string,
	schoolYear: number,
	now = new Date()
): Promise<Outcome<IssueProblem, { code: string }>> {
	const record = await mentorRecord(db, userId, now);
	const year = record.years.find((candidate) => candidate.schoolYear === schoolYear);
	if (!year) return refuse('certificates_error_not_eligible');
	if (!record.name.trim()) return refuse('certificates_error_no_name');
	return issue(
		db,
		userId,
		{ kind: 'mentor_year', subject: String(schoolYear), holderName: record.name.trim(), nameChoice: 'full_name', facts: year.facts },
		now
	);
}

/** Writes a certificate, replacing the holder's valid one for the same achievement (a new name, newer figures). */
async function issue(
	db: Database,
	userId: string,
	certificate: { kind: CertificateKind; subject: string; holderName: string; nameChoice: NameChoice; facts: CertificateFacts },
	now: Date
): Promise<Outcome<IssueProblem, { code: string }>> {
	if (!(await rateLimit.tryConsume(db, `certificate-issue:${userId}`, issueWindow))) return refuse('certificates_error_rate_limited');
	return refusalOf(() =>
		db.transaction(async (tx) => {
			const sameAchievement = and(
				eq(certificates.userId, userId),
				eq(certificates.kind, certificate.kind),
				eq(certificates.subject, certificate.subject),
				isNull(certificates.revokedAt)
			);
			const previous = await tx.select({ id: certificates.id }).from(certificates).where(sameAchievement).for('update');
			if (previous.length) await tx.update(certificates).set({ revokedAt: now, revokedBy: userId }).where(sameAchievement);
			const code = newCertificateCode();
			const inserted = await tx
				.insert(certificates)
				.values({ code, userId, ...certificate, issuedAt: now })
				.onConflictDoNothing()
				.returning({ id: certificates.id });
			// Another request issued the same certificate at the same moment.
			if (!inserted[0]) throw new Refused('certificates_error_busy');
			for (const { id } of previous) await tx.update(certificates).set({ replacedBy: inserted[0].id }).where(eq(certificates.id, id));
			return { ...ok, code };
		})
	);
}

const verifyWindow = { limit: 60, windowMs: 60 * 1000 };

/**
 * The verification page's lookup for a visitor: limited per address (the codes cannot be guessed anyway; this keeps
 * anyone from trying), then the certificate or null.
 */
export async function verifyForVisitor(db: Database, code: string, address: string): Promise<VerifiedCertificate | null | 'rate_limited'> {
	if (!(await rateLimit.tryConsume(db, rateLimit.bucketFor('certificate-verify', address), verifyWindow))) return 'rate_limited';
	return verifyCertificate(db, code);
}

/** The public view of a certificate by its code; null for a code that does not exist or is not one. */
export async function verifyCertificate(db: Database, code: string): Promise<VerifiedCertificate | null> {
	if (!isCertificateCode(code)) return null;
	const [row] = await db
		.select({
			code: certificates.code,
			holderName: certificates.holderName,
			facts: certificates.facts,
			issuedAt: certificates.issuedAt,
			revokedAt: certificates.revokedAt,
			replacedBy: certificates.replacedBy
		})
		.from(certificates)
		.where(eq(certificates.code, code));
	if (!row) return null;
	return { code: row.code, holderName: row.holderName, facts: row.facts, issuedAt: row.issuedAt, status: statusOf(row), revokedAt: row.revokedAt };
}

/** A certificate its holder may download: their own and still valid; null otherwise (someone else's looks missing). */
export async function ownCertificate(db: Database, userId: string, code: string): Promise<VerifiedCertificate | null> {
	if (!isCertificateCode(code)) return null;
	const [row] = await db
		.select()
		.from(certificates)
		.where(and(eq(certificates.code, code), eq(certificates.userId, userId), isNull(certificates.revokedAt)));
	if (!row) return null;
	return { code: row.code, holderName: row.holderName, facts: row.facts, issuedAt: row.issuedAt, status: 'valid', revokedAt: null };
}

export interface OwnCertificate extends VerifiedCertificate {
	kind: CertificateKind;
	subject: string;
	nameChoice: NameChoice;
}

/** The holder's certificates, newest first: valid ones, and revoked ones so that they know (replaced ones are left out). */
export async function listOwnCertificates(db: Database, userId: string): Promise<OwnCertificate[]> {
	const rows = await db.select().from(certificates).where(eq(certificates.userId, userId)).orderBy(desc(certificates.issuedAt));
	return rows
		.filter((row) => statusOf(row) !== 'replaced')
		.map((row) => ({
			code: row.code,
			kind: row.kind,
			subject: row.subject,
			nameChoice: row.nameChoice,
			holderName: row.holderName,
			facts: row.facts,
			issuedAt: row.issuedAt,
			status: statusOf(row),
			revokedAt: row.revokedAt
		}));
}

export interface CertificateListing {
	id: string;
	code: string;
	kind: CertificateKind;
	holderName: string;
	facts: CertificateFacts;
	issuedAt: Date;
	status: CertificateStatus;
	revokedAt: Date | null;
	revocationReason: string | null;
}

/** For coordinators: certificates newest first, all or only valid or revoked ones (replaced ones are not shown). */
export async function listCertificates(db: Database, filter: { status?: 'valid' | 'revoked'; limit?: number } = {}): Promise<CertificateListing[]> {
	const conditions: SQL[] = [isNull(certificates.replacedBy)];
	if (filter.status === 'valid') conditions.push(isNull(certificates.revokedAt));
	if (filter.status === 'revoked') conditions.push(isNotNull(certificates.revokedAt));
	const rows = await db
		.select()
		.from(certificates)
		.where(and(...conditions))
		.orderBy(desc(certificates.issuedAt))
		.limit(filter.limit ?? 200);
	return rows.map((row) => ({
		id: row.id,
		code: row.code,
		kind: row.kind,
		holderName: row.holderName,
		facts: row.facts,
		issuedAt: row.issuedAt,
		status: statusOf(row),
		revokedAt: row.revokedAt,
		revocationReason: row.revocationReason
	}));
}

/** A coordinator revokes a certificate: its verification page says so from then on, and its holder can no longer download it. */
export async function revokeCertificate(db: Database, actor: audit.Actor, id: string, reason: string, now = new Date()): Promise<Outcome<RevokeProblem>> {
	if (!isUuid(id)) return refuse('certificates_error_not_found');
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({ kind: certificates.kind, revokedAt: certificates.revokedAt })
			.from(certificates)
			.where(eq(certificates.id, id))
			.for('update');
		if (!row) return refuse('certificates_error_not_found');
		if (row.revokedAt) return refuse('certificates_error_already_revoked');
		await tx.update(certificates).set({ revokedAt: now, revokedBy: actor.id, revocationReason: reason }).where(eq(certificates.id, id));
		await audit.record(tx, actor, 'certificate_revoked', { detail: { certificateId: id, kind: row.kind } });
		return ok;
	});
}
