import type { SessionPayload } from '../notifications';
import type { ClubSession } from './schema';

/** What a notification about a session remembers of it. */
export function sessionPayload(session: Pick<ClubSession, 'id' | 'title' | 'startsAt' | 'endsAt' | 'venue' | 'onlineUrl'>): SessionPayload {
	return {
		sessionId: session.id,
		title: session.title,
		startsAt: session.startsAt.toISOString(),
		endsAt: session.endsAt.toISOString(),
		venue: session.venue,
		online: session.onlineUrl !== null
	};
}
