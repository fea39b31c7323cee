// The mail preferences form: one checkbox per notification kind, named `mail-<kind>`.

export function checkedMailKinds(form: FormData): Set<string> {
	return new Set([...form.keys()].flatMap((name) => (name.startsWith('mail-') && form.get(name) === 'on' ? [name.slice(5)] : [])));
}
