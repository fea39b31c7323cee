import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password';

describe('password policy', () => {
	it('accepts 8 to 256 characters and refuses outside that', () => {
		expect(checkPasswordPolicy('kx7-Qm2p')).toBeNull();
		expect(checkPasswordPolicy('kx7-Qm2')).toBe('password_too_short');
		expect(checkPasswordPolicy('ab'.repeat(128))).toBeNull();
		expect(checkPasswordPolicy('ab'.repeat(128) + 'c')).toBe('password_too_long');
	});

	it('counts characters, not bytes: 8 kanji are enough', () => {
		expect(checkPasswordPolicy('金沢市立工業高校')).toBeNull();
	});

	it('refuses the most common passwords in any case, and the email itself', () => {
		for (const common of ['password', 'password123', 'PASSWORD1', '12345678', 'qwertyuiop', 'iloveyou']) {
			expect(checkPasswordPolicy(common), common).toBe('password_too_common');
		}
		expect(checkPasswordPolicy('taro@example.jp', { email: 'Taro@Example.jp' })).toBe('password_too_common');
	});
});

describe('password hashing', () => {
	it('uses argon2id and never truncates or case-folds', async () => {
		const long = 'あ'.repeat(200) + 'end-A';
		const hash = await hashPassword(long);
		expect(hash.startsWith('$argon2id$')).toBe(true);
		expect(await verifyPassword(hash, long)).toBe(true);
		expect(await verifyPassword(hash, 'あ'.repeat(200) + 'end-B')).toBe(false);
		expect(await verifyPassword(hash, 'あ'.repeat(200) + 'end-a')).toBe(false);
		expect(await verifyPassword(hash, 'あ'.repeat(200))).toBe(false);
	});

	it('treats a corrupt stored hash as a mismatch, not a crash', async () => {
		expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
	});
});
