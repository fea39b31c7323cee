// Who may write exercises: every coordinator, and the mentors a coordinator has made authors (exercise_authors).
// The flag only counts together with the mentor role, so revoking that role also ends authoring.
import { error } from '@sveltejs/kit';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { userRoles, users } from '../db/schema';
import { requireUser } from '../auth';
import type { SessionUser, Session } from '../auth';
import { exerciseAuthors } from './schema';
import { ok, refuse, type Outcome } from '../outcome';

export async function isAuthor(db: Database, user: Pick<SessionUser, 'id' | 'roles'>): Promise<boolean> {
	if (user.roles.includes('coordinator')) return true;
	if (!user.roles.includes('mentor')) return false;
	const [row] = await db.select({ userId: exerciseAuthors.userId }).from(exerciseAuthors).where(eq(exerciseAuthors.userId, user.id));
	return row !== undefined;
}

/** Like auth.requireRole, for the author capability: call it in every authoring load, action and endpoint. */
export async function requireAuthor(
	locals: { user: SessionUser | null; session: Session | null; db: Database },
	url?: URL
): Promise<{ user: SessionUser; session: Session }> {
	const auth = requireUser(locals, url);
	if (!(await isAuthor(locals.db, auth.user))) error(403, 'forbidden');
	return auth;
}

/** Every mentor, with whether they are an author: the list a coordinator manages. */
export async function listMentorAuthors(db: Database) {
	return db
		.select({
			id: users.id,
			displayName: users.displayName,
			email: users.email,
			author: sql<boolean>`${exerciseAuthors.userId} is not null`
		})
		.from(users)
		.innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'mentor')))
		.leftJoin(exerciseAuthors, eq(exerciseAuthors.userId, users.id))
		.where(sql`${users.disabledAt} is null`)
		.orderBy(asc(users.displayName));
}

export type AuthorChangeProblem = 'author_error_not_mentor';

export async function setAuthor(db: Database, grantedBy: string, userId: string, author: boolean): Promise<Outcome<AuthorChangeProblem>> {
	if (!author) {
		await db.delete(exerciseAuthors).where(eq(exerciseAuthors.userId, userId));
		return ok;
	}
	const [mentor] = await db
		.select({ userId: userRoles.userId })
		.from(userRoles)
		.where(and(eq(userRoles.userId, userId), eq(userRoles.role, 'mentor')));
	if (!mentor) return refuse('author_error_not_mentor');
	await db.insert(exerciseAuthors).values({ userId, grantedBy }).onConflictDoNothing();
	return ok;
}
