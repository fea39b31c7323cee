// Content: the schools offered on the application form, in and around Kanazawa. Codes are stored with each member
// and never change; names may be corrected here. Anyone whose school is missing picks "other" and types it.
// Note: assumes the club office reviews this list each spring (mergers and renames happen).

export interface School {
	code: string;
	name: string;
	kind: 'junior_high' | 'high' | 'kosen';
}

const juniorHigh = (code: string, name: string): School => ({ code, name, kind: 'junior_high' });
const high = (code: string, name: string): School => ({ code, name, kind: 'high' });
const kosen = (code: string, name: string): School => ({ code, name, kind: 'kosen' });

export const otherSchoolCode = 'other';

export const schools: readonly School[] = [
	juniorHigh('k-shikindai', '金沢市立紫錦台中学校'),
	juniorHigh('k-kenroku', '金沢市立兼六中学校'),
	juniorHigh('k-kosho', '金沢市立小将町中学校'),
	juniorHigh('k-takaoka', '金沢市立高岡中学校'),
	juniorHigh('k-izumi', '金沢市立泉中学校'),
	juniorHigh('k-noda', '金沢市立野田中学校'),
	juniorHigh('k-nagata', '金沢市立長田中学校'),
	juniorHigh('k-minato', '金沢市立港中学校'),
	juniorHigh('k-daitoku', '金沢市立大徳中学校'),
	juniorHigh('k-seisen', '金沢市立清泉中学校'),
	juniorHigh('k-nukata', '金沢市立額中学校'),
	juniorHigh('k-takaodai', '金沢市立高尾台中学校'),
	juniorHigh('k-seinanbu', '金沢市立西南部中学校'),
	juniorHigh('k-saisei', '金沢市立犀生中学校'),
	juniorHigh('k-midori', '金沢市立緑中学校'),
	juniorHigh('k-meiwa', '金沢市立鳴和中学校'),
	juniorHigh('k-hokumei', '金沢市立北鳴中学校'),
	juniorHigh('k-asanogawa', '金沢市立浅野川中学校'),
	juniorHigh('k-morimoto', '金沢市立森本中学校'),
	juniorHigh('k-iozen', '金沢市立医王山中学校'),
	juniorHigh('k-shibahara', '金沢市立芝原中学校'),
	juniorHigh('kanazawa-univ-jh', '金沢大学附属中学校'),
	juniorHigh('pref-kinjogaoka-jh', '石川県立金沢錦丘中学校'),
	juniorHigh('seiryo-jh', '星稜中学校'),
	juniorHigh('hokuriku-gakuin-jh', '北陸学院中学校'),
	high('kanazawa-univ-hs', '金沢大学附属高等学校'),
	high('pref-izumigaoka', '石川県立金沢泉丘高等学校'),
	high('pref-nisui', '石川県立金沢二水高等学校'),
	high('pref-sakuragaoka', '石川県立金沢桜丘高等学校'),
	high('pref-kinjogaoka', '石川県立金沢錦丘高等学校'),
	high('pref-kanazawa-nishi', '石川県立金沢西高等学校'),
	high('pref-hokuryo', '石川県立金沢北陵高等学校'),
	high('pref-kanazawa-shogyo', '石川県立金沢商業高等学校'),
	high('pref-fushimi', '石川県立金沢伏見高等学校'),
	high('pref-tatsumigaoka', '石川県立金沢辰巳丘高等学校'),
	high('pref-kanazawa-chuo', '石川県立金沢中央高等学校'),
	high('pref-kogyo', '石川県立工業高等学校'),
	high('k-kogyo', '金沢市立工業高等学校'),
	high('kanazawa-hs', '金沢高等学校'),
	high('seiryo-hs', '星稜高等学校'),
	high('yugakukan', '遊学館高等学校'),
	high('hokuriku-gakuin-hs', '北陸学院高等学校'),
	high('kanazawa-gakuin-hs', '金沢学院大学附属高等学校'),
	high('kanazawa-ryukoku', '金沢龍谷高等学校'),
	high('pref-nonoichi-meirin', '石川県立野々市明倫高等学校'),
	high('pref-matto', '石川県立松任高等学校'),
	high('pref-tsurugi', '石川県立鶴来高等学校'),
	high('pref-tsubata', '石川県立津幡高等学校'),
	high('pref-uchinada', '石川県立内灘高等学校'),
	kosen('kosen-ishikawa', '石川工業高等専門学校'),
	kosen('kosen-international', '国際高等専門学校')
];

const byCode = new Map(schools.map((school) => [school.code, school]));
const byName = new Map(schools.map((school) => [school.name, school]));

export function isSchoolCode(code: string): boolean {
	return code === otherSchoolCode || byCode.has(code);
}

/** The school's name, or what the person typed for "other"; null once anonymised. */
export function schoolName(code: string | null, other: string | null): string | null {
	if (code === null) return null;
	if (code === otherSchoolCode) return other;
	return byCode.get(code)?.name ?? code;
}

/**
 * A roster cell to a school: an exact name (full-width and spacing normalised), the same name without the
 * 「金沢市立」/「石川県立」 prefix, or a code; anything else is kept as "other" with the cell's text.
 */
export function schoolFromText(text: string): { code: string; other: string | null } {
	const normalised = text.normalize('NFKC').replace(/\s+/g, '');
	const known = byCode.get(normalised) ?? byName.get(normalised) ?? schools.find((school) => stripPrefix(school.name) === stripPrefix(normalised));
	return known ? { code: known.code, other: null } : { code: otherSchoolCode, other: normalised };
}

function stripPrefix(name: string): string {
	return name.replace(/^(金沢市立|石川県立|国立)/, '');
}
