import type { TargetRow } from './store';

/** A target as the JSON API sends it (the pasted text stays on the server). */
export function targetJson(t: TargetRow) {
	return {
		id: t.id,
		name: t.name,
		roleId: t.roleId,
		active: t.active,
		fromJobDescription: t.jdText !== null,
		skills: t.skills,
		createdAt: t.createdAt.toISOString(),
		updatedAt: t.updatedAt.toISOString()
	};
}
