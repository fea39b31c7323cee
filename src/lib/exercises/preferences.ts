// The editor settings a student picks on the exercise page, kept in this browser (localStorage) for every exercise.

export const fontSizes = [14, 16, 18, 20, 24] as const;
export type EditorTheme = 'light' | 'dark';

export interface EditorPreferences {
	fontSize: number;
	theme: EditorTheme;
	/** A plain text box instead of Monaco: for phones, and for anyone who prefers it. */
	plain: boolean;
}

const key = 'itbu.editor';

function defaults(): EditorPreferences {
	// Monaco is awkward on a phone's touch keyboard; a tablet or a Chromebook gets the full editor.
	const phone = typeof matchMedia === 'function' && matchMedia('(pointer: coarse) and (max-width: 600px)').matches;
	return { fontSize: 16, theme: 'light', plain: phone };
}

export function loadPreferences(): EditorPreferences {
	const base = defaults();
	try {
		const stored = JSON.parse(localStorage.getItem(key) ?? '{}') as Partial<EditorPreferences>;
		return {
			fontSize: (fontSizes as readonly number[]).includes(Number(stored.fontSize)) ? Number(stored.fontSize) : base.fontSize,
			theme: stored.theme === 'dark' ? 'dark' : stored.theme === 'light' ? 'light' : base.theme,
			plain: typeof stored.plain === 'boolean' ? stored.plain : base.plain
		};
	} catch {
		return base;
	}
}

export function savePreferences(preferences: EditorPreferences): void {
	try {
		localStorage.setItem(key, JSON.stringify(preferences));
	} catch {
		// Private browsing may refuse storage; the settings then last for this page only.
	}
}
