// Who a person is comes from an identity source; the portal then issues its own session either way.
// `local` checks email + password here; the Supabase source (its own issue) verifies a Supabase access token.
import type { Database } from '../db';
import { findUserByEmail } from './accounts';
import { verifyDecoy, verifyPassword } from './password';

export interface PasswordIdentitySource {
	kind: 'local';
	/** The user id when email and password match an enabled account, otherwise null. */
	verifyPassword(db: Database, email: string, password: string): Promise<string | null>;
}

export const localIdentity: PasswordIdentitySource = {
	kind: 'local',
	async verifyPassword(db, email, password) {
		const user = await findUserByEmail(db, email);
		if (!user?.passwordHash) {
			await verifyDecoy(password);
			return null;
		}
		if (!(await verifyPassword(user.passwordHash, password))) return null;
		return user.disabledAt ? null : user.id;
	}
};
