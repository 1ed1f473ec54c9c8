"""Chinese names of the holidays in the State Council's yearly notices.

The ``chinese_calendar`` package names each date in English ("Spring Festival"); the
calendar stores and shows the Chinese name. A name the table lacks (a holiday the
package adds later) is stored empty rather than in English, and a test lists every
holiday the installed package knows, so an addition fails there first.
"""
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}

# What a year loaded from the package is based on, as the calendar page shows it.
NOTICE_SOURCE = "国务院办公厅关于部分节假日安排的通知"


def chinese_name(name: str) -> str:
    """The Chinese name of a holiday named in English by the package; Chinese names
    (entered by hand) pass through."""
    name = (name or "").strip()
    if name.isascii():
        return HOLIDAY_NAMES.get(name, "")
    return name
