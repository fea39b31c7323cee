// How people heard of the club: the channels an application or a trial booking names, and each ref code belongs to.
// Shared by the server, the forms and the pages; the migrations' check constraints hold the same ids.

export const channels = ['teacher', 'friend', 'family', 'flyer', 'koho_kanazawa', 'event', 'web', 'other'] as const;
export type Channel = (typeof channels)[number];

export const isChannel = (value: unknown): value is Channel => typeof value === 'string' && (channels as readonly string[]).includes(value);
