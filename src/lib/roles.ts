export const roles = ['student', 'mentor', 'coordinator'] as const;
export type Role = (typeof roles)[number];
