// The badges students can earn, for the server and the pages alike. The database awards them
// (supabase/migrations/20261210300000_badges.sql, whose ids these are); this says what each one is called, how it is
// earned, how far it is, and how its medal looks. A topic's badge exists for every topic of the curriculum.

export const badgeKinds = ['first_correct', 'solved_10', 'solved_30', 'topic', 'dncl_all', 'sessions_5', 'first_review_passed'] as const;
export type BadgeKind = (typeof badgeKinds)[number];

/** What a badge's progress counts towards its goal. */
export type BadgeMeasure = 'solved' | 'topic' | 'dncl' | 'sessions' | 'reviews';

export interface BadgeDefinition {
	kind: BadgeKind;
	measure: BadgeMeasure;
	/** The count that earns it; for a topic or DNCL, the number of their exercises (known only from the data). */
	goal: number | null;
	/** The medal: a short word on it and its colour (the title is always written next to it). */
	medal: { glyph: string; colour: string };
}

export const badgeDefinitions: Record<BadgeKind, BadgeDefinition> = {
	first_correct: { kind: 'first_correct', measure: 'solved', goal: 1, medal: { glyph: '初', colour: '#2f6d3a' } },
	solved_10: { kind: 'solved_10', measure: 'solved', goal: 10, medal: { glyph: '10', colour: '#1d4e89' } },
	solved_30: { kind: 'solved_30', measure: 'solved', goal: 30, medal: { glyph: '30', colour: '#6a3d8f' } },
	topic: { kind: 'topic', measure: 'topic', goal: null, medal: { glyph: '極', colour: '#8a6100' } },
	dncl_all: { kind: 'dncl_all', measure: 'dncl', goal: null, medal: { glyph: 'D', colour: '#b3261e' } },
	sessions_5: { kind: 'sessions_5', measure: 'sessions', goal: 5, medal: { glyph: '5回', colour: '#2f6db3' } },
	first_review_passed: { kind: 'first_review_passed', measure: 'reviews', goal: 1, medal: { glyph: '合', colour: '#a3405f' } }
};

/** The stored id of a badge: its kind, or `topic:<topic id>`. */
export function badgeId(kind: BadgeKind, topic?: string): string {
	return kind === 'topic' ? `topic:${topic}` : kind;
}

/** The kind and topic of a stored id; null for an id this version does not know. */
export function parseBadgeId(id: string): { kind: BadgeKind; topic: string | null } | null {
	const [kind, topic] = id.split(':', 2) as [string, string | undefined];
	if (!(badgeKinds as readonly string[]).includes(kind)) return null;
	if ((kind === 'topic') !== Boolean(topic)) return null;
	return { kind: kind as BadgeKind, topic: topic ?? null };
}

/** A badge as a student's profile shows it: earned or not, and how far along. */
export interface BadgeStatus {
	id: string;
	kind: BadgeKind;
	/** The topic's title, for a topic's badge. */
	topic: { ja: string; en: string } | null;
	current: number;
	goal: number;
	earnedAt: Date | null;
	/** Earned and not shown to the student before this page (or only just now, by the celebration). */
	isNew: boolean;
}

/** An earned badge, as the celebration and mentors show it. */
export interface EarnedBadge {
	id: string;
	kind: BadgeKind;
	topic: { ja: string; en: string } | null;
	earnedAt: Date;
}
