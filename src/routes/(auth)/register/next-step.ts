/** After signing up, a future student or mentor goes on to their application; everyone else to their settings. */
export function nextStep(intent: unknown): string {
	if (intent === 'student') return '/join?registered';
	if (intent === 'mentor') return '/mentors/apply?registered';
	return '/settings?registered';
}
