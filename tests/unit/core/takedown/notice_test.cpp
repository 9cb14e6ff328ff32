#include "core/takedown/notice.hpp"

#include <gtest/gtest.h>

#include "core/takedown/lifecycle.hpp"

using namespace pw;
using namespace pw::takedown;

namespace {

NoticeForm form(std::string ground, std::string explanation, std::string name = "", std::string contact = "") {
    return {std::move(ground), std::move(explanation), std::move(name), std::move(contact)};
}

std::string error_field(const NoticeForm& f) {
    auto checked = check_notice(f);
    return checked ? std::string() : checked.error().field;
}

}  // namespace

TEST(TakedownNotice, NeedsAGroundAndAnExplanation) {
    EXPECT_EQ(error_field(form("", "It names me")), "ground");
    EXPECT_EQ(error_field(form("rude", "It names me")), "ground");
    EXPECT_EQ(error_field(form("identifying", "   ")), "explanation");
    EXPECT_EQ(error_field(form("identifying", std::string(5001, 'x'))), "explanation");
    auto ok = check_notice(form("identifying", "  It names my colleague.  "));
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->explanation, "It names my colleague.");
    EXPECT_FALSE(ok->name);
    EXPECT_FALSE(ok->contact);
}

// A complaint of defamation names its complainant and says how to reach them, as the Act's
// notice must; other grounds may stay anonymous.
TEST(TakedownNotice, DefamationNeedsANameAndAnEmailAddress) {
    EXPECT_EQ(error_field(form("defamatory", "Untrue")), "name");
    EXPECT_EQ(error_field(form("defamatory", "Untrue", "Jo Bloggs")), "contact");
    EXPECT_EQ(error_field(form("defamatory", "Untrue", "Jo Bloggs", "not an address")), "contact");
    EXPECT_EQ(error_field(form("defamatory", "Untrue", "Jo\nBloggs", "jo@example.com")), "name");
    EXPECT_EQ(error_field(form("abusive", "Threats", "", "a@b")), "contact");
    auto ok = check_notice(form("defamatory", "Untrue", "Jo Bloggs", "jo@example.com"));
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->ground, Ground::defamatory);
    EXPECT_EQ(ok->name, "Jo Bloggs");
    EXPECT_EQ(ok->contact, "jo@example.com");
    EXPECT_TRUE(check_notice(form("abusive", "Threats")));
}

TEST(TakedownNotice, IdentifyingTextAndUnreachableWritersAreHiddenAtOnce) {
    EXPECT_TRUE(hidden_at_once(Ground::identifying, true));
    EXPECT_TRUE(hidden_at_once(Ground::identifying, false));
    EXPECT_TRUE(hidden_at_once(Ground::defamatory, false));
    EXPECT_TRUE(hidden_at_once(Ground::abusive, false));
    EXPECT_FALSE(hidden_at_once(Ground::defamatory, true));
    EXPECT_FALSE(hidden_at_once(Ground::abusive, true));
}

TEST(TakedownNotice, TheWriterHasFiveDaysToAnswer) {
    using namespace std::chrono;
    const sys_days received{2026y / December / 29};
    EXPECT_EQ(day_text(received), "2026-12-29");
    EXPECT_EQ(day_text(answer_due(received)), "2027-01-03");
}

TEST(TakedownNotice, GroundsRoundTrip) {
    for (auto g : {Ground::identifying, Ground::defamatory, Ground::abusive}) EXPECT_EQ(ground_from(ground_name(g)), g);
    EXPECT_FALSE(ground_from("other"));
}

TEST(NoticeLifecycle, TheWriterOrTheResponsesProviderAnswersAndAModeratorDecides) {
    using N = NoticeState;
    for (auto from : kNoticeStates) {
        for (auto to : kNoticeStates) {
            for (auto actor : {Actor::participant, Actor::moderator, Actor::provider, Actor::admin}) {
                // The writer of a story answers as a participant; the provider whose response it is, as a provider.
                const bool allowed = (from == N::received && to == N::writer_answered &&
                                      (actor == Actor::participant || actor == Actor::provider)) ||
                                     ((from == N::received || from == N::writer_answered) &&
                                      (to == N::upheld || to == N::dismissed) && actor == Actor::moderator);
                auto result = check_notice_transition(from, to, actor);
                EXPECT_EQ(result.has_value(), allowed) << notice_state_name(from) << "->" << notice_state_name(to);
                if (!result) {
                    EXPECT_EQ(result.error().kind, ErrorKind::illegal_transition);
                }
            }
        }
    }
    for (auto s : kNoticeStates) EXPECT_EQ(notice_state_from(notice_state_name(s)), s);
}
