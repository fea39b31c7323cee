// What people read for a channel id, in the page's language.
import { m } from '$lib/paraglide/messages.js';
import type { Channel } from './channels';

const labels: Record<Channel, () => string> = {
	teacher: m.referrals_channel_teacher,
	friend: m.referrals_channel_friend,
	family: m.referrals_channel_family,
	flyer: m.referrals_channel_flyer,
	koho_kanazawa: m.referrals_channel_koho_kanazawa,
	event: m.referrals_channel_event,
	web: m.referrals_channel_web,
	other: m.referrals_channel_other
};

export const channelLabel = (channel: Channel) => labels[channel]();
