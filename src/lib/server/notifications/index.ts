export { notify, type NotifyContext } from './notify';
export {
	notificationKinds,
	notificationKindIds,
	isNotificationKind,
	kindsFor,
	renderNotification,
	type NotificationKind,
	type NotificationPayloads,
	type RenderedNotification,
	type ReviewPayload,
	type SessionPayload
} from './kinds';
export { mailPreferences, setMailPreferences, type MailPreference } from './preferences';
export { listNotifications, countUnread, openNotification, markAllRead, type InboxEntry } from './inbox';
