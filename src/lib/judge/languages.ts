// The languages the club's programs are written in: shared by the server's judge and the browser's runner.

export const languages = ['python', 'javascript'] as const;
export type Language = (typeof languages)[number];
