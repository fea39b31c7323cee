// Demo data for a development database: accounts, members, mentors, sessions and review discussions to try the
// portal with. import * as demo from '$lib/server/demo'
export { seedDemoData, hasDemoAccounts, demoAccountsNotice } from './seed';
