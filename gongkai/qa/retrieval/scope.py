"""Questions that are not for the library at all: greetings, thanks, the weather, jokes,
questions about the assistant itself, markets and entertainment. They are answered with a
pointer to what the library covers and never queued for a unit, which would otherwise
have to dismiss each by hand. Rules as data: one pattern a kind, on normalised text.
A question about a public service that the library lacks is *not* out of scope: it is
what the queue is for."""
import re

from gongkai.qa.retrieval.text import core

_END = r"[!！?？。.,，~～…\s]*"
RULES: tuple[tuple[str, str], ...] = (
    ("greeting", rf"^(你好|您好|hi|hello|hey|哈喽|嗨|在吗|在不在|有人吗|早上好|早安|中午好|下午好|晚上好|晚安)"
                 rf"(啊|呀|哦|呢|吗)?{_END}$"),
    ("thanks", rf"^(谢谢|多谢|感谢|谢啦|好的|好吧|ok|okay|知道了|明白了|收到|再见|拜拜|88|没事了)"
               rf"(你|您|啦|了|哈)?{_END}$"),
    ("identity", r"你(是|叫)(谁|什么|啥|机器人|真人|人工智能|ai)|你(几|多大)岁|你是男|你是女|你会(聊天|说话)"),
    ("weather", r"(今天|明天|后天|这几天|周末|现在|今晚|明早).{0,6}(天气|下雨|下雪|气温|几度|热不热|冷不冷|"
                r"出太阳|晴天)|^天气|天气(怎么样|如何|好不好|预报)"),
    ("chat", r"讲个?笑话|说个?笑话|唱(首|个)歌|讲(个)?故事|陪我(聊|玩)|聊聊天|我(好|很)?无聊|我爱你|你(好|真)(笨|傻|蠢)"),
    ("leisure", r"(推荐|介绍).{0,8}(餐厅|饭店|美食|好吃的|电影|电视剧|奶茶|游戏|小说)|哪里有好吃的|(中午|晚上)吃(什么|啥)"),
    ("markets", r"股票|炒股|彩票|中奖号码|比特币|虚拟币|基金(会)?涨|大盘"),
    ("sports", r"世界杯|欧冠|奥运会?金牌|nba|cba|比分|谁赢了"),
    ("writing", r"(帮我|给我|替我)(写|作|编)|(写|作)(一)?(首|篇)(诗|作文|文章)|翻译(一下|成)"),
    ("personal_finance", r"信用卡|网贷|花呗|借呗|理财产品|买基金|基金.{0,4}(稳|收益|推荐)"),
    ("telecom", r"宽带|话费|流量套餐|手机套餐"),
    ("travel", r"航班|机票|火车票|高铁票|订酒店|酒店预订"),
    ("selling", r"(提高|提升|增加)(店铺|网店)?(的)?(销量|流量|粉丝)|怎么(引流|涨粉)"),
    ("games", r"游戏|手游|王者荣耀|原神"),
    ("learning", r"学好?英语|背单词|雅思|托福"),
)
_COMPILED = tuple((label, re.compile(pattern)) for label, pattern in RULES)
_ARITHMETIC = re.compile(r"^[0-9+\-*/=×÷().\s?？]+$")


def out_of_scope(text: str) -> str:
    """The label of the rule ``text`` (canonical) falls under, or "" for a real question."""
    stripped = text.strip()
    if not core(stripped):
        return "empty"
    if _ARITHMETIC.match(stripped):
        return "arithmetic"
    for label, pattern in _COMPILED:
        if pattern.search(stripped):
            return label
    return ""
