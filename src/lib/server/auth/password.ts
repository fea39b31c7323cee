import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

export const passwordMinLength = 8;
export const passwordMaxLength = 256;

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane).
const argon2Options = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

/** The most common leaked passwords that our length rule would otherwise let through. */
const commonPasswords = new Set((dictionary['passwords-common'] as string[]).filter((word) => word.length >= passwordMinLength).slice(0, 20000));

export type PasswordProblem = 'password_too_short' | 'password_too_long' | 'password_too_common';

/** Passwords are kept exactly as typed: never truncated, trimmed or case-folded. */
export function checkPasswordPolicy(password: string, context: { email?: string } = {}): PasswordProblem | null {
	const length = [...password].length;
	if (length < passwordMinLength) return 'password_too_short';
	if (length > passwordMaxLength) return 'password_too_long';
	const lowered = password.toLowerCase();
	if (commonPasswords.has(lowered)) return 'password_too_common';
	if (context.email && lowered === context.email.toLowerCase()) return 'password_too_common';
	return null;
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

// Verifying against this hash when no account matches keeps the response time the same for unknown emails.
let decoyHash: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<void> {
	decoyHash ??= hashPassword('decoy password that matches nobody');
	await verifyPassword(await decoyHash, password);
}
