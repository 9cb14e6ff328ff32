// Chinese names written in Han characters, which have no spaces to find them by: after the words
// that introduce a person ("我叫陈美玲" my name is, "我爸爸王建国" my father, "顾问王丽" the
// adviser, "经理刘强" the manager), a common surname and one or two more characters.
#include <algorithm>
#include <array>
#include <string_view>

#include "core/redaction/scanners.hpp"
#include "core/text/unicode.hpp"

namespace pw::redaction::detail {

namespace {

bool han(char32_t c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

// Words that introduce a person, in simplified and traditional characters.
constexpr auto kCues = std::to_array<std::u32string_view>(
    {U"我叫", U"我是", U"我係", U"名叫", U"叫做", U"顾问", U"顧問", U"经理", U"經理", U"爸爸", U"妈妈", U"媽媽",
     U"父亲", U"父親", U"母亲", U"母親", U"老公", U"老婆", U"丈夫", U"妻子", U"儿子", U"兒子", U"女儿", U"女兒",
     U"哥哥", U"姐姐", U"弟弟", U"妹妹", U"朋友", U"同事", U"老师", U"老師", U"主管"});

// The commonest Chinese surnames, simplified and traditional.
constexpr std::u32string_view kSurnames =
    U"王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖田董潘"
    U"袁蔡蒋蔣余于杜叶葉程魏苏蘇吕呂丁任卢盧姚沈钟鍾姜崔谭譚陆陸范汪廖石金贾賈韦韋夏付方邹鄒熊白孟秦邱侯江尹薛"
    U"闫段雷龙龍黎史陶贺賀毛郝顾顧龚龔邵万萬覃武钱錢戴严嚴莫孔向常汤湯康易乔喬赖賴文施洪辛柯庄莊甘伍";

// Characters that follow a name rather than belong to it: "王丽很好" (is good), "刘强一直说".
constexpr std::u32string_view kAfterName =
    U"很说說是的一每不还還也在都好嘅我你他她们們今六七八九十二三四五要会會讲講让讓叫和跟对對就又已被把给給";

}  // namespace

void find_han_names(std::string_view t, std::vector<Span>& out) {
    // Most texts hold no Han character at all: every one is three bytes led by 0xE3 to 0xE9 or
    // 0xEF, so a look at the bytes spares them the decoding below.
    const auto han_lead = [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte >= 0xE3 && byte <= 0xE9) || byte == 0xEF;
    };
    if (std::ranges::none_of(t, han_lead)) return;
    // The text as code points with their byte offsets: cues are two characters, names three.
    std::vector<std::pair<char32_t, std::size_t>> text;
    for (std::size_t i = 0; i < t.size();) {
        const auto c = text::code_point_at(t, i);
        text.push_back({c.value, i});
        i += c.bytes;
    }
    const auto end_of = [&](std::size_t k) { return k < text.size() ? text[k].second : t.size(); };
    for (std::size_t k = 0; k + 2 < text.size(); ++k) {
        const bool cued = std::ranges::any_of(kCues, [&](std::u32string_view cue) {
            return text[k].first == cue[0] && text[k + 1].first == cue[1];
        });
        if (!cued) continue;
        auto at = k + 2;
        if (kSurnames.find(text[at].first) == std::u32string_view::npos) continue;
        auto last = at + 1;
        while (last < text.size() && last - at < 3 && han(text[last].first) &&
               kAfterName.find(text[last].first) == std::u32string_view::npos)
            ++last;
        if (last - at < 2) continue;
        // After "I am" a name ends the phrase ("我是陈美玲，"); "我是高中生" is "I am a pupil".
        const bool i_am = text[k].first == U'我' && (text[k + 1].first == U'是' || text[k + 1].first == U'係');
        if (i_am && (last >= text.size() || han(text[last].first))) continue;
        out.push_back({text[at].second, end_of(last), Kind::staff_name, "[name]"});
        k = last - 1;
    }
}

}  // namespace pw::redaction::detail
