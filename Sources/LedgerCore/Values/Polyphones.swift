/// Other readings of common polyphonic characters (多音字) in company, product and place names, beyond the one
/// ICU's `Any-Latin` transform gives (`重` → zhong, but 重庆 is chongqing; `长` → zhang, but 长沙 is
/// changsha).
/// Search keys index every reading, so both what ICU says and what people type are found.
/// Source: the common readings listed in 《现代汉语词典》 for these characters.
public enum Polyphones {
    public static let readings: [Character: [String]] = [
        "重": ["zhong", "chong"], "长": ["chang", "zhang"], "行": ["xing", "hang"], "乐": ["le", "yue"],
        "厦": ["xia", "sha"], "藏": ["zang", "cang"], "朝": ["chao", "zhao"], "调": ["tiao", "diao"],
        "曾": ["zeng", "ceng"], "单": ["dan", "shan"], "解": ["jie", "xie"], "区": ["qu", "ou"],
        "查": ["cha", "zha"], "会": ["hui", "kuai"], "传": ["chuan", "zhuan"], "还": ["hai", "huan"],
        "盛": ["sheng", "cheng"], "莞": ["guan", "wan"], "蚌": ["bang", "beng"], "番": ["fan", "pan"],
        "六": ["liu", "lu"], "便": ["bian", "pian"], "降": ["jiang", "xiang"], "参": ["can", "shen"],
        "差": ["cha", "chai"], "率": ["lv", "shuai"], "薄": ["bo", "bao"], "秘": ["mi", "bi"],
        "沈": ["shen"], "仇": ["chou", "qiu"], "华": ["hua"], "荷": ["he"], "阜": ["fu"], "露": ["lu", "lou"],
        // s32-fixc: 都 is du in 成都 and 都江堰 (ICU gives dou only), and county names read apart from the common
        // word (蔚县 yu, 铅山 yan, 洪洞 tong, 涡阳 guo, 歙县 she, 莘县 shen, 浚县 xun). `SearchPolyphoneSchema`
        // re-keys existing names holding one of `addedS32`.
        "都": ["dou", "du"], "蔚": ["wei", "yu"], "铅": ["qian", "yan"], "洞": ["dong", "tong"], "涡": ["wo", "guo"],
        "歙": ["xi", "she"], "莘": ["xin", "shen"], "浚": ["jun", "xun"],
    ]

    /// The characters given readings in s32-fixc: names holding one are re-keyed once by a migration.
    public static let addedS32: [Character] = ["都", "蔚", "铅", "洞", "涡", "歙", "莘", "浚"]
}
