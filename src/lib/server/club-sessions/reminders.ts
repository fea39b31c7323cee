// The day-before reminder of a club session, for every confirmed student and mentor. Idempotent: a participant's
// `reminded_at` is set in the same transaction that writes the notification, and rows are claimed with
// SKIP LOCKED, so any number of web servers may run the job at once and each person is reminded once.
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db';
import { sessionPayload } from './payload';
import { notify } from '../notifications';
import { startRepeatingJob, type RepeatingJob } from '../repeating-job';

/** Reminders go out from this hour (Japan time) on the day before a session: after school, before the evening. */
export const reminderHourJapan = 17;

/** When the reminder of a session starting at `starts_at` is due. */
const dueAt = sql.raw(`((((s.starts_at at time zone 'Asia/Tokyo')::date - 1) + make_time(${reminderHourJapan}, 0, 0)) at time zone 'Asia/Tokyo')`);

interface DueReminder {
	user_id: string;
	session_id: string;
	title: string;
	starts_at: string | Date;
	ends_at: string | Date;
	venue: string | null;
	online_url: string | null;
}

/**
 * Sends the reminders due at `now`: sessions not cancelled and not yet started, whose day-before hour has come.
 * Someone who answered only after that hour is not reminded (they have just seen the session). Returns how many.
 */
export async function sendSessionReminders(db: Database, now: Date, context: { origin: string; batchSize?: number }): Promise<number> {
	return db.transaction(async (tx) => {
		const due = await selectRows<DueReminder>(
			tx,
			sql`with due as (
					select p.id from session_participants p
					join club_sessions s on s.id = p.session_id
					where p.status = 'confirmed' and p.reminded_at is null and s.cancelled_at is null
						and s.starts_at > ${now.toISOString()}::timestamptz
						and ${dueAt} <= ${now.toISOString()}::timestamptz
						and p.confirmed_at <= ${dueAt}
					order by s.starts_at, p.id
					limit ${context.batchSize ?? 200}
					for update of p skip locked
				)
				update session_participants p set reminded_at = ${now.toISOString()}::timestamptz
				from due, club_sessions s
				where p.id = due.id and s.id = p.session_id
				returning p.user_id, p.session_id, s.title, s.starts_at, s.ends_at, s.venue, s.online_url`
		);
		for (const row of due) {
			const payload = sessionPayload({
				id: row.session_id,
				title: row.title,
				startsAt: new Date(row.starts_at),
				endsAt: new Date(row.ends_at),
				venue: row.venue,
				onlineUrl: row.online_url
			});
			await notify(tx, row.user_id, 'session_reminder', payload, { origin: context.origin, now });
		}
		return due.length;
	});
}

/** Runs the reminder job every `intervalMs` inside this process until stopped. */
export function startReminderJob(db: Database, options: { origin: string; intervalMs?: number; onError?: (error: unknown) => void }): RepeatingJob {
	return startRepeatingJob(() => sendSessionReminders(db, new Date(), { origin: options.origin }), {
		intervalMs: options.intervalMs ?? 60_000,
		onError: options.onError
	});
}
