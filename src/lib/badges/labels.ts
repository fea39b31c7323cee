// What people read for a badge: its title and how to earn it, in the page's language.
import { m } from '$lib/paraglide/messages.js';
import { localized } from '$lib/exercises/labels';
import type { BadgeKind } from './catalogue';

interface Labelled {
	kind: BadgeKind;
	topic: { ja: string; en: string } | null;
}

const titles: Record<Exclude<BadgeKind, 'topic'>, () => string> = {
	first_correct: m.badges_first_correct_title,
	solved_10: m.badges_solved_10_title,
	solved_30: m.badges_solved_30_title,
	dncl_all: m.badges_dncl_all_title,
	sessions_5: m.badges_sessions_5_title,
	first_review_passed: m.badges_first_review_passed_title
};

const hows: Record<Exclude<BadgeKind, 'topic'>, () => string> = {
	first_correct: m.badges_first_correct_how,
	solved_10: m.badges_solved_10_how,
	solved_30: m.badges_solved_30_how,
	dncl_all: m.badges_dncl_all_how,
	sessions_5: m.badges_sessions_5_how,
	first_review_passed: m.badges_first_review_passed_how
};

/** The topic's title to quote inside 「」: quotes within it become 『』, as Japanese nests them. */
const quotedTopic = (badge: Labelled) =>
	localized(badge.topic ?? { ja: '', en: '' })
		.replaceAll('「', '『')
		.replaceAll('」', '』');

export function badgeTitle(badge: Labelled): string {
	return badge.kind === 'topic' ? m.badges_topic_title({ topic: quotedTopic(badge) }) : titles[badge.kind]();
}

export function badgeHow(badge: Labelled): string {
	return badge.kind === 'topic' ? m.badges_topic_how({ topic: quotedTopic(badge) }) : hows[badge.kind]();
}
