/** Code tables of the card text (docs/PROTOCOLS.md §1). */

/** GB/T 2261.1 sex codes. */
export type Gender = 'male' | 'female' | 'unknown' | 'unspecified';
const GENDERS: Record<string, Gender> = { '0': 'unknown', '1': 'male', '2': 'female', '9': 'unspecified' };
export const GENDER_TEXT: Record<Gender, string> = { male: '男', female: '女', unknown: '未知', unspecified: '未说明' };

export function genderFromCode(code: string): Gender | undefined {
  return GENDERS[code];
}
export function genderCode(gender: Gender): string {
  return Object.entries(GENDERS).find(([, g]) => g === gender)![0];
}

/** GB/T 3304 nation codes as printed on the resident card. */
export const NATIONS: Readonly<Record<string, string>> = Object.fromEntries(
  (
    '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 ' +
    '达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 ' +
    '赫哲 门巴 珞巴 基诺'
  )
    .split(' ')
    .map((name, i) => [String(i + 1).padStart(2, '0'), name] as const)
    .concat([
      ['97', '其他'],
      ['98', '外国血统中国籍人士'],
    ]),
);

export function nationName(code: string): string | undefined {
  return NATIONS[code];
}
