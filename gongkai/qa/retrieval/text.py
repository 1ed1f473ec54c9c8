"""Questions and entries cut into what the index counts: words and pinyin bigrams.

Both sides are normalised the same way (NFKC, traditional → simplified, lower case) and
segmented by the policy segmenter. Entries keep the dictionary words inside longer
words (社会保险 also counts as 社会 and 保险); questions use the precise cut, whose words
are therefore all found in entries. Filler words that say "this is a question" rather
than what it is about are dropped from questions.

The bigrams are of pinyin syllables, not characters: 社保 and a slip of the input method
that typed 设保 give the same bigram ``she|bao``.
"""
import re
from functools import lru_cache

from gongkai.core.text import normalize
from gongkai.policies.text import SPACE, SUB_CLOSE, SUB_OPEN, query_terms, segment

# Words that say "this is a question" (or who asks) rather than what it is about.
FILLER_WORDS = frozenset(
    "请问 你好 您好 想问 问问 问下 问一下 请教 打听 麻烦 想知道 我想 我要 想要 一下 我 我们 "
    "我家 俺 咱 咱们 本人 自己 吗 呢 啊 吧 呀 哦 嘛 么 哈 啦 咯 喔 的 了 是 有 能 能不能 可以 "
    "可不可以 什么 啥 怎么 咋 怎么样 怎样 如何 哪里 哪儿 哪些 多少 谁 要 需要 还 也 都 就 "
    "在 给 会 该 应该 这个 那个 现在 怎么办 咋办 咋整 办法 一般 具体 请 谢谢 急 急急 在线等 "
    "到底 究竟 到 去 别的 这边 那边 这里 那里 一个 个 "
    # 完 after a verb (生完, 还完, 休完) says the deed is finished, as 了 does: no word
    # of what is asked (it found 生完孩子能休多久 for every question telling a birth).
    "完 "
    # The same in the dialects residents type in characters (粤, 吴, 西南): particles
    # and pronouns that never say what a question is about.
    "喺 咗 嘅 啲 咩 噉 嘞 哋 侬 阿拉 伐 伲 佢 佢哋 我哋 你哋 唔该 啥子 咋个 啷个".split())
# Words that say what is wanted of any service but not which service: a question of
# these alone (怎么办理？ 需要什么材料？) cannot be answered from any one entry.
GENERIC_WORDS = frozenset(
    "办理 办 申请 申报 手续 流程 条件 材料 资料 证件 步骤 程序 问题 事情 事项 情况 相关 政策 "
    "规定 弄 搞 整 找 去 来 到 哪个 部门 单位 地方 地址 时间 时候 多久 几天 费用 钱 收费 要求 "
    "能否 咨询 了解 知道 查询 查 问 帮忙 帮 服务 业务 处理 解决 准备 提交 带 开 交 领 用 "
    "网上 现场 窗口 线上 电话 标准 规定 文件 通知 办事 今年 明年 以后 之前 最近".split())
# Words that tell the circumstances around a question rather than what it is about:
# when something happened (去年, 上个月, 一直), what the asker thinks or heard (听说,
# 觉得, 担心), how the story connects (因为, 但是, 结果), how much (一些, 有点). Mandarin
# grammar's time nouns, discourse verbs, connectives and degree words — a long question
# is full of them, and each, counted as a subject word, drowns the few that say which
# service is meant. They still count, at ``CIRCUMSTANCE_WEIGHT`` (query.py).
CIRCUMSTANCE_WORDS = frozenset(
    "去年 前年 今天 昨天 前天 明天 上个月 上月 这个月 本月 下个月 上周 这周 本周 下周 上星期 "
    "这星期 之前 以前 之后 后来 当时 那时 那时候 刚 刚刚 刚才 已经 早就 一直 突然 马上 目前 "
    "前几年 前段时间 这段时间 这几年 这些年 多年 平时 经常 老是 总是 每次 每星期 每礼拜 每季度 "
    # 时候 alone is 倒车的时候 (when reversing: a circumstance) or 什么时候's (when,
    # the question word): never what is asked about.
    "时候 有时候 "
    "听说 听人说 据说 觉得 感觉 认为 担心 害怕 发现 不知道 好像 可能 打算 希望 想 想着 "
    "因为 所以 但是 但 可是 不过 而且 并且 然后 结果 于是 还是 或者 如果 要是 的话 虽然 "
    "就是 其实 只是 又 再 很 太 非常 特别 比较 挺 一些 一点 有点 有些 这种 那种 这样 "
    "那样 这些 那些 之类 等等 各种 把 被 让 跟 和 对 从 向 没 没有 不 多 先 上 下 里 中间 "
    "里面 外面 上面 下面 每个 每年 每月 每天 每周 每次 一段时间 一阵子 好几 真 蛮 超".split())
_QUANTITY = re.compile(r"^[0-9零〇一二两三四五六七八九十百千万几多半]+[个多来]?"
                       r"(年|个月|月|天|周|星期|小时|次|块|元|万)?[多]?$")


def circumstance(word: str) -> bool:
    """A word telling the circumstances (``CIRCUMSTANCE_WORDS``) or a quantity of time
    or money (五年, 三个月, 二十多万): ages (岁) are left out, since they decide what a
    resident is entitled to."""
    return word in CIRCUMSTANCE_WORDS or bool(_QUANTITY.match(word))


# A paper or card a resident holds is named, in Mandarin, by a head character closing a
# word (身份证, 户口本, 户口簿, 营业执照, 社保卡, 出生证明, 学位证书): two such words
# are different documents, and what is done with one (补办, 换领) is not an answer for
# the other. The two-character ones are few and listed; a longer word with a head
# counts unless the head is the end of a verb or an abstract noun (认证, 保证, 成本,
# 拍照 …: what is done, not what is held).
DOCUMENT_HEADS = ("证", "本", "簿", "照", "卡", "证明", "证书")
DOCUMENT_WORDS = frozenset("护照 驾照 签证 执照 存折".split())
NOT_DOCUMENT_ENDINGS = (
    "认证", "论证", "验证", "保证", "见证", "公证", "查证", "取证", "举证", "作证", "考证",
    "办证", "发证", "领证", "换证", "拿证", "补证", "持证", "凭证", "例证", "实证",
    "成本", "资本", "版本", "根本", "样本", "文本", "基本", "原本", "剧本", "标本", "日本",
    "按照", "依照", "参照", "对照", "关照", "拍照", "遵照", "比照", "照照", "刷卡", "打卡",
    "办卡", "开卡", "补卡", "发卡", "关卡", "卡卡")


def document(word: str) -> bool:
    """Whether ``word`` names a paper or card one holds (``DOCUMENT_HEADS``)."""
    if word in DOCUMENT_WORDS:
        return True
    return (len(word) >= 3 and word.endswith(DOCUMENT_HEADS)
            and not word.endswith(NOT_DOCUMENT_ENDINGS))


_FILLER_RE = re.compile("|".join([*sorted((re.escape(w) for w in FILLER_WORDS if len(w) > 1),
                                          key=len, reverse=True),
                                  "[吗呢啊吧呀嘛哦啦咯喔我咋啥喺咗嘅啲咩]"]))
_NOT_WORD = re.compile(r"[^0-9a-z\u3400-\u9fff]+")
_CJK = re.compile(r"[\u3400-\u9fff]")


def canonical(text: str) -> str:
    """Normalised, lower-case text."""
    return normalize(text or "").lower()


# The grammar words of the dialects residents type in characters, as Mandarin: Cantonese
# (边个 who, 边度 where, 喺 at, 冇 have not, 唔 not, 揾 find, 睇 look, 俾 give, 嚟 come,
# 乜嘢 what, 点样 how), northern (俺 I, 自个儿 oneself, 上哪儿 where to) and Wu (侬 you,
# 阿拉 we, 啥 what). Only words a Mandarin question never uses in another sense: the
# segmenter, which knows Mandarin, then cuts the question as it would the same question
# in Mandarin, and its bigrams meet the entries' (看 of 睇 …). Particles that only end a
# sentence are dropped (㗎, 嘞, 呗).
_DIALECT = {
    "边个": "谁", "边位": "谁", "边度": "哪里", "边处": "哪里", "边间": "哪个", "乜嘢": "什么",
    "咩嘢": "什么", "点样": "怎么", "点搞": "怎么办", "点算": "怎么办", "点解": "为什么",
    "几时": "什么时候", "喺": "在", "冇": "没有", "唔": "不", "揾": "找", "睇": "看",
    "俾": "给", "嚟": "来", "咗": "了", "嘅": "的", "啲": "些", "佢哋": "他们", "佢": "他",
    "我哋": "我们", "你哋": "你们", "自个儿": "自己", "自个": "自己", "上哪儿": "去哪里",
    "上哪": "去哪里", "侬": "你", "阿拉": "我们",
    # Cantonese: 系 is, 几多 how many, 几耐 how long, 咩 what, 呢度 here, 嗰度 there,
    # 而家 now, 攞 take, 畀 give, 屋企 home, 返工 / 返学 / 放工 go to work / school /
    # leave work, 生仔 have a baby, 细路 / 细佬哥 child, 买楼 / 租楼 / 供楼 buy / rent a
    # flat / pay its mortgage, 冇得 have not, 唔该 please.
    "唔系": "不是", "系唔系": "是不是", "系咪": "是不是", "几多": "多少", "几耐": "多久",
    "咩": "什么", "乜": "什么", "呢度": "这里", "呢个": "这个", "呢啲": "这些", "嗰度": "那里",
    "嗰个": "那个", "嗰": "那", "而家": "现在", "依家": "现在", "攞": "拿", "畀": "给",
    "屋企": "家里", "返工": "上班", "返学": "上学", "放工": "下班", "生仔": "生孩子",
    "细路仔": "小孩", "细路": "小孩", "细佬哥": "小孩", "买楼": "买房", "租楼": "租房",
    "供楼": "还房贷", "冇得": "没有", "唔该": "",
    "买楼花": "买楼花",  # a flat sold before it is built (期房): the lexicon's word, kept
    # Wu: 哪能 how (Mandarin's rhetorical 哪能 is 怎么能: the same reading), 辰光 time,
    # 屋里厢 home, 覅 do not want.
    "哪能": "怎么", "辰光": "时候", "屋里厢": "家里", "覅": "不要",
    # Northern: 俺 I, 俺们 we. South-western: 啥子 what, 屋头 home, 莫得 have not,
    # 要得不 / 要不要得 is it all right.
    "俺们": "我们", "俺": "我", "啥子": "什么", "屋头": "家里", "莫得": "没有",
    "要不要得": "可不可以", "要得不": "可以吗",
    "㗎": "", "嘞": "", "呗": "", "喎": "", "啫": "", "噃": "", "咧": "",
    # Cantonese, more (round 12b): 喺度 being at (仲喺度打桩 = 还在打桩), 呢 / 嗰 / 边 +
    # a classifier (this / that / which), 呢排 these days, 嗰阵 then, 搵 (揾's other
    # form) find, 揾工 look for work, 唔使 need not, 使唔使 need one, 唔好 do not, 咁 so,
    # 嘢 thing, 嘈 noisy (not in Mandarin's 嘈杂: guarded below), 瞓 sleep, 地盘 a
    # building site, 揸车 drive, 泊车 park, 老细 boss, 老豆 father, 阿妈 mother, 街坊
    # neighbours, 屋苑 housing estate, 医生纸 a doctor's note, 执笠 close down, 成个月
    # a whole month.
    "喺度": "在", "呢段": "这段", "呢间": "这家", "呢种": "这种", "呢次": "这次", "呢排": "最近",
    "呢条": "这条", "嗰间": "那家", "嗰阵": "那时", "嗰排": "那段时间", "边条": "哪条",
    "边种": "哪种", "边道": "哪里", "边便": "哪边", "搵": "找", "揾工": "找工作", "搵工": "找工作",
    "唔使": "不用", "使唔使": "需不需要", "唔好": "不要", "咁样": "这样", "咁多": "这么多",
    "咁": "这么", "啲嘢": "东西", "嘢": "东西", "瞓觉": "睡觉", "瞓": "睡", "地盘": "工地",
    "揸车": "开车", "泊车": "停车", "老细": "老板", "老豆": "爸爸", "老窦": "爸爸",
    "阿妈": "妈妈", "阿爸": "爸爸", "街坊": "邻居", "屋苑": "小区", "医生纸": "病假条",
    "执笠": "倒闭", "成个月": "整个月",
    # Wu, more: 晓得 know (Mandarin's too), 啥地方 / 啥场化 where, 啥辰光 when, 伊 he
    # (guarded below), 囡囡 / 小囡 child, 困觉 sleep, 物事 thing, 欢喜 like, 交关 very,
    # 勿 not, 老早 long ago.
    "晓得": "知道", "啥地方": "哪里", "啥场化": "哪里", "啥辰光": "什么时候",
    "囡囡": "孩子", "小囡": "小孩", "困觉": "睡觉", "物事": "东西", "欢喜": "喜欢",
    "交关": "很", "勿": "不", "老早": "很早",
    # South-western and Hunan: 生娃娃 have a baby, 婆娘 wife, 么子 what, 晓不晓得 does
    # one know. Northern: 甭 need not, 忒 too,
    # 寻思 think, 唠嗑 chat, 干啥 / 嘎哈 what for.
    "生娃娃": "生孩子", "婆娘": "老婆", "么子": "什么", "晓不晓得": "知不知道", "甭": "不用", "忒": "太",
    "寻思": "想", "唠嗑": "聊天", "嘎哈": "干什么", "干啥": "干什么",
    # Taiwanese usage: 健保 the national health insurance (医保), 捷运 metro, 计程车
    # taxi, 脚踏车 bike, 幼稚园 kindergarten, 资遣 dismissal with severance, 托婴
    # infant care (资遣费 the severance: 经济补偿), 区公所 district office, 网路
    # network, 资讯 information.
    "健保": "医保", "捷运": "地铁", "计程车": "出租车", "脚踏车": "自行车", "幼稚园": "幼儿园",
    "资遣费": "经济补偿", "资遣": "辞退", "托婴": "托育", "区公所": "区政府", "网路": "网络", "资讯": "信息",
    "啩": "",
}
_DIALECT_RE = re.compile("|".join(sorted(map(re.escape, _DIALECT), key=len, reverse=True)))
# Dialect words that are also pieces of Mandarin words, read only where the dialect's
# sense is certain:
# - 系 (is) after a person (我系, 佢系, 你系): not in 关系, 联系, 系统, 体系;
# - 仲 (still, 仲有 = 还有) before 有 / 要 / 未 / 系 / 可以 / 冇: not in 仲裁;
# - 先 (only then) between a time or an age and a can (几多岁先可以 = 多少岁才可以, 一年后
#   先能): Mandarin's 先 (first) is before a verb, not before 可以 / 能;
# - 好 + verb + 伐 (Wu: 好打伐 = can one get it): 可以 + verb + 吗, and a clause ending
#   in 伐 asks (伐 = 吗) where it is no 砍伐, 讨伐, 步伐;
# - 开间 + a shop (Cantonese classifier 间: 开间公司 = 开一家公司): not 房屋开间;
# - 屋里 (Wu and northern: at home) where it is someone's: 我屋里, 阿拉屋里.
_DIALECT_GUARDED = (
    (re.compile(r"(?<=[我你佢他她们哋都就也唔])系(?![统列数])"), "是"),
    (re.compile(r"仲(?=有|要|未|系|是|可以|冇|没)"), "还"),
    (re.compile(r"(?<=[岁时天日月年耐久后])先(?=可以|能|得|会)"), "才"),
    (re.compile(r"好([\u4e00-\u9fff]{1,2}?)伐(?=[?？。!！,，\s]|$)"), r"可以\1吗"),
    (re.compile(r"(?<![砍讨征步采滥杀北])伐(?=[?？。!！,，\s]|$)"), "吗"),
    (re.compile(r"开间(?=[公店铺厂餐饭小])"), "开一家"),
    (re.compile(r"(?<=[我你他她们拉侬])屋里"), "家里"),
    # - 仲 before 喺 (仲喺度 = 还在);
    # - 嘈 (Cantonese noisy) outside Mandarin's 嘈杂 / 嘈嘈;
    # - 伊 (Wu he / she) after a verb or before one of the words a person does, not in
    #   伊朗, 伊斯兰, 伊始, 伊犁, 伊拉克;
    # - 公车 (Taiwan: bus) before 路线 / 站 / 改 / 线路 / 卡: mainland's 公车 is an
    #   official car (公车私用);
    # - 先 closing a clause (Cantonese: 用住先 = 先用着) is dropped: Mandarin's 先 is
    #   before its verb;
    # - 住 after a verb and before 先 (用住先) is the aspect 着.
    (re.compile(r"仲(?=喺)"), "还"),
    (re.compile(r"嘈(?![杂嘈])"), "吵"),
    (re.compile(r"(?<![\u4e00-\u9fff])伊(?=[是话讲讲要想去来说])|(?<=[同帮畀俾让叫])伊"), "他"),
    (re.compile(r"公车(?=路线|线路|站|改|卡|票)"), "公交"),
    (re.compile(r"(?<=[\u4e00-\u9fff])住先(?=[?？。!！,，\s]|$)"), "着"),
    # - 架车 / 部车 (Cantonese classifier + car: 我架车 = 我的车) after a person or
    #   this / that: not 绑架车主, 全部车辆;
    # - 小食 (Hong Kong: snacks) outside 小食堂;
    # - the particles 喇 / 啰 closing a clause: not 喇叭, 啰嗦.
    (re.compile(r"(?<=[我你他她佢们哋呢嗰])[架部](?=车)"), "的"),
    (re.compile(r"小食(?!堂)"), "小吃"),
    (re.compile(r"[喇啰囉](?=[?？。!！,，\s]|$)"), ""),
)
# A clause ending in 不 / 没 after a verb asks yes or no (能报不？ = 能报吗？): northern
# and south-western usage; read as 吗 so that the clause is known to ask and 不 is not
# taken for a word of what is asked. After an adverb (还没, 也不) it is a plain "not".
_NOT_ENDING = re.compile(r"(?<=[\u4e00-\u9fff])(?<![不没还也都就并再从])[不没]"
                         r"(?=[?？。!！,，\s]|$)")


def mandarin(text: str) -> str:
    """(Canonical) question text with the dialects' grammar words read as Mandarin."""
    for pattern, reading in _DIALECT_GUARDED:
        text = pattern.sub(reading, text)
    return _NOT_ENDING.sub("吗", _DIALECT_RE.sub(lambda m: _DIALECT[m.group(0)], text))


def entry_terms(text: str) -> list[str]:
    """The terms of (already canonical) entry text, repeats kept, sub-words included."""
    flat = segment(text).replace(SUB_OPEN, " ").replace(SUB_CLOSE, " ").replace(SPACE, " ")
    return [t for t in flat.split(" ") if t and _NOT_WORD.sub("", t)]


def question_terms(text: str) -> list[str]:
    """The distinct content terms of (already canonical) question text, clause by
    clause: a long question tells its circumstances first and asks last, and what it
    asks about must not be cut off."""
    content = content_words(text)[:QUESTION_TERMS_MAX]
    return content or query_terms(text)


QUESTION_TERMS_MAX = 32
_CLAUSE = re.compile(r"[,，。.!！?？;；:：、\s]+")


def content_words(text: str) -> list[str]:
    """Every content word of (canonical) text, clause by clause (``question_terms``
    keeps a question's first words only), without repeats; spoken forms read as the
    words they are (``spoken_forms``: 要不要 as 要, 每个月 as 每月)."""
    words: dict[str, None] = {}
    for clause in _CLAUSE.split(spoken_forms(text)):
        if clause:
            words.update(dict.fromkeys(t for t in query_terms(clause) if t not in FILLER_WORDS))
    return list(words)


# Mandarin asks yes or no by saying a verb, then 不 / 没 and the verb again (要不要报警,
# 算不算劳动者, 有没有补贴, 可不可以, 需不需要: the A-not-A question). The segmenter cuts
# it into the verb and its negation (要 + 不要, 能 + 不能) and the negation was taken for
# a word of what is asked: 不要 matched 台风天要不要上班上学 for any 要不要 question.
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不没]\1")


# 每个月 (every month) is cut into 每个 + 月, and 月 alone was a word of what is asked
# (失业保险可以领几个月 found by 听说每个月可以领点钱): said as the one word 每月 it is
# how often, a circumstance like 每年 and 每天.
_EVERY = re.compile(r"每个(?=月|星期|礼拜|季度)")


# 找谁 / 找哪个部门 (whom to turn to) asks which office, of any service, like 哪个部门:
# 找 there is no word of what is asked, and as one it found the entries written so
# (路灯不亮找谁修, 婚姻家庭纠纷找谁调解) for any question ending 找谁. 找工作 stays.
_WHOM = re.compile(r"找(?=谁|哪)")


def asked_verb(text: str) -> str:
    """``text`` with each verb-not-verb read as its verb (要不要 → 要, 可不可以 → 可以):
    what is asked is the verb, and whether is said by the question word it stands for."""
    return _A_NOT_A.sub(r"\1", text)


def spoken_forms(text: str) -> str:
    """``text`` with the spoken forms that the segmenter cuts into misleading words read
    as the words they are: a verb-not-verb as its verb (``asked_verb``), 每个月 as 每月,
    找谁 / 找哪个 as the question word alone (``_WHOM``)."""
    return _WHOM.sub("", _EVERY.sub("每", asked_verb(text)))


def core(text: str) -> str:
    """(Canonical) text without fillers, punctuation or spaces: what bigrams are of."""
    return _NOT_WORD.sub("", _FILLER_RE.sub(" ", text))


@lru_cache(maxsize=20_000)
def syllable(char: str) -> str:
    """The toneless pinyin of one character (its most common reading); anything that
    is not a Chinese character stands for itself."""
    if not _CJK.match(char):
        return char
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(char, style=Style.NORMAL)[0]


def grams(text: str) -> frozenset[str]:
    """The pinyin bigrams of (canonical) text's core; one syllable counts as itself."""
    syllables = [syllable(c) for c in core(text)]
    if len(syllables) < 2:
        return frozenset(syllables)
    return frozenset(f"{a}|{b}" for a, b in zip(syllables, syllables[1:], strict=False))


@lru_cache(maxsize=100_000)
def word_pinyin(word: str) -> str:
    """The toneless pinyin of a word of 2–4 Chinese characters read as a whole (银行 is
    yin hang), or "" for anything else: the key under which a mistyped word of the same
    sound finds it."""
    if not 2 <= len(word) <= 4 or not all(_CJK.match(c) for c in word):
        return ""
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(word, style=Style.NORMAL))


def pinyin_probes(text: str) -> dict[str, list[str]]:
    """pinyin → the pieces of 2–4 Chinese characters of (canonical) text that read so:
    where a word typed with a wrong character of the right sound may be. A word is typed
    in one run: a piece never spans a punctuation mark or a filler (没亲人，政府 holds no
    slip 人政 for 认证, nor 检查咋个约 a 查约 for 查阅)."""
    probes: dict[str, list[str]] = {}
    for run in re.findall(r"[\u3400-\u9fff]{2,}", _FILLER_RE.sub(" ", text)):
        for size in (2, 3, 4):
            for start in range(len(run) - size + 1):
                piece = run[start:start + size]
                probes.setdefault(word_pinyin(piece), []).append(piece)
    probes.pop("", None)
    return probes
