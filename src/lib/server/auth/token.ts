import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 24 base32 characters = 120 bits from the CSPRNG. */
export function generateSecret(bytes = 15): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export function secretMatches(secret: string, expectedHash: Uint8Array): boolean {
	return constantTimeEqual(hashSecret(secret), expectedHash);
}

export const secretPattern = /^[a-z2-7]{24}$/;
