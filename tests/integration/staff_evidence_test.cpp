// Links from credible staff reports to researchers' kept detection reports, through the real
// server: made from a shared address, each wrong link refused with its reason, kept sealed and
// padded, read on both pages; forms bound to their own action and report; what a moderator may
// read of a kept report, and what not. On SQLite and PostgreSQL.
#include "integration/staff_report_server_test.hpp"

using namespace pw::testing;

class StaffEvidence : public StaffReportServerTest {
protected:
    // A researcher's detection report on counts for two offices of two providers, 2026-W10 (March)
    // to 2026-W40 (October), or on the given file: its address.
    std::string detection_report(const std::string& researcher, std::string csv = {}, bool keep_file = false) {
        if (csv.empty()) {
            csv = "unit,period,referrals,adverse,parent,area\n";
            for (int w = 10; w <= 40; ++w) {
                csv += fmt::format("office-7,2026-W{:02},{},{},Prime Seetec,area-1\n", w, 3 + w % 2, 1);
                csv += fmt::format("office-8,2026-W{:02},{},{},Other Prime,area-1\n", w, 3 + w % 3, 2);
            }
        }
        const auto form = signed_get(researcher, "/research");
        const auto made = request(
            port(), "POST", "/research/report", researcher + kMultipart,
            upload_body(csrf_in(form.body, "/research/report"), "counts", csv, "referrals.csv", false, keep_file));
        EXPECT_EQ(made.status, 303) << made.body.substr(0, 2000);
        const std::string link(made.header("location"));
        EXPECT_EQ(made_report(port(), link, researcher).status, 200);
        return link;
    }

    // Posts the link form of the staff report at `url`; months as "3 2026".
    HttpResponse link_as(const std::string& moderator, const std::string& url, const std::string& address,
                         const std::string& label, const std::string& from, const std::string& to) {
        return signed_post(moderator, url, url + "/evidence",
                           "address=" + url_encode(address) + "&label=" + url_encode(label) + "&from_month=" +
                               from.substr(0, from.find(' ')) + "&from_year=" + from.substr(from.find(' ') + 1) +
                               "&to_month=" + to.substr(0, to.find(' ')) + "&to_year=" + to.substr(to.find(' ') + 1));
    }

    // The staff reports' addresses on the moderators' list.
    std::vector<std::string> report_urls(const std::string& moderator) {
        const auto list = signed_get(moderator, "/moderate/staff-reports").body;
        std::vector<std::string> out;
        const std::regex href(R"re(href="(/moderate/staff-reports/[0-9]+)")re");
        for (auto it = std::sregex_iterator(list.begin(), list.end(), href); it != std::sregex_iterator(); ++it)
            out.push_back((*it)[1].str());
        return out;
    }
};
PW_ENGINE_SUITE(StaffEvidence);

TEST_P(StaffEvidence, AModeratorLinksACredibleReportToADetectionReportAndReadsThemTogether) {
    ASSERT_EQ(report("They rank the offices every week and want 3 referrals each.").status, 200);
    const auto moderator = sign_in("mod1", moderator_password_);
    const auto url = only_report_url(moderator);
    const auto researcher = sign_in("res1", create_account(db(), "res1", "researcher"));
    const auto detection = detection_report(researcher);
    ASSERT_EQ(detection.rfind("/research/reports/", 0), 0u);
    const auto link = [&](const std::string& address, const std::string& label, const std::string& from,
                          const std::string& to) { return link_as(moderator, url, address, label, from, to); };

    // Not yet credible: no form to link it.
    auto page = signed_get(moderator, url);
    EXPECT_NE(page.body.find("once it is judged credible"), std::string::npos);
    EXPECT_EQ(page.body.find("Link to a detection report"), std::string::npos);

    ASSERT_EQ(signed_post(moderator, url, url + "/judge", "from=received&to=credible").status, 200);
    page = signed_get(moderator, url);
    EXPECT_NE(page.body.find("Link to a detection report"), std::string::npos);
    EXPECT_NE(page.body.find("id=\"from_month\" name=\"from_month\" type=\"text\" inputmode=\"numeric\" value=\"3\""),
              std::string::npos)
        << "the month the pressure started is offered";
    const auto stale_token = csrf_in(page.body, url + "/evidence");

    // The address as shared, in full: linked, with what the detection report found beside it.
    auto linked = link("https://providerwatch.example" + detection, "Prime Seetec", "3 2026", "9 2026");
    ASSERT_EQ(linked.status, 200) << linked.body.substr(0, 3000);
    EXPECT_NE(linked.body.find("The report is linked to the detection report."), std::string::npos);
    EXPECT_NE(linked.body.find("Prime Seetec, March 2026 to September 2026"), std::string::npos);
    EXPECT_NE(linked.body.find("of its 1 unit flagged"), std::string::npos)
        << linked.body.substr(std::min(linked.body.size(), linked.body.find("Evidence from referral data")), 3000);
    EXPECT_NE(linked.body.find("Adverse share against the rest of area-1"), std::string::npos);
    EXPECT_NE(linked.body.find("href=\"" + detection + "\""), std::string::npos);
    ASSERT_EQ(count("staff_report_evidence"), 1);
    // Kept sealed: which detection report and which provider are not in the clear.
    EXPECT_EQ(count("staff_report_evidence WHERE for_moderators LIKE '%Seetec%'"), 0);
    EXPECT_EQ(
        count("staff_report_evidence WHERE for_moderators LIKE '%" + detection.substr(detection.rfind('/') + 1) + "%'"),
        0);
    EXPECT_EQ(count("staff_report_events WHERE what = 'staff_report.evidence_linked'"), 1);

    // Wrong links: each says what is wrong beside its field, and nothing is kept.
    const std::vector<std::tuple<std::string, std::string, std::string, std::string, std::string>> wrong{
        {"nonsense", "Prime Seetec", "3 2026", "9 2026", "Paste the address of a kept detection report"},
        {"/research/reports/12345", "Prime Seetec", "3 2026", "9 2026", "There is no kept detection report at that"},
        {detection, "Nobody", "3 2026", "9 2026", "The detection report names no unit or provider &quot;Nobody&quot;"},
        {detection, "office-7", "1 2026", "9 2026",
         "Choose months the staff report speaks of, from March 2026 to " + month_now()},
        {detection, "office-7", "13 2026", "9 2026", "Enter the first month and its year"},
        {detection, "office-7", "11 2026", "11 2026",
         "The detection report&apos;s data runs from March 2026 to October 2026"},
        {detection, "Prime Seetec", "3 2026", "9 2026", "This report is already linked to that evidence"},
    };
    for (const auto& [address, label, from, to, message] : wrong) {
        const auto answer = link(address, label, from, to);
        EXPECT_EQ(answer.status, 400) << message;
        EXPECT_NE(answer.body.find(message), std::string::npos)
            << message << "\n"
            << answer.body.substr(std::min(answer.body.size(), answer.body.find("<main")), 3000);
        EXPECT_NE(answer.body.find("There is a problem"), std::string::npos) << message;
    }
    EXPECT_EQ(count("staff_report_evidence"), 1);

    // A unit, too; then the detection report's page lists the staff report for moderators only.
    ASSERT_EQ(link(detection, "office-7", "6 2026", "6 2026").status, 200);
    // Padded before sealing: a label of 8 bytes and one of 12 are kept at one length.
    EXPECT_EQ(count("(SELECT DISTINCT length(for_moderators) AS n FROM staff_report_evidence) AS lengths"), 1);
    page = signed_get(moderator, url);
    EXPECT_NE(page.body.find("Unit office-7 of Prime Seetec: "), std::string::npos) << page.body.substr(0, 6000);
    auto theirs = signed_get(moderator, detection);
    ASSERT_EQ(theirs.status, 200);
    EXPECT_NE(theirs.body.find("Staff reports read with this report"), std::string::npos);
    EXPECT_NE(theirs.body.find("href=\"" + url + "\""), std::string::npos);
    auto researchers = signed_get(researcher, detection);
    ASSERT_EQ(researchers.status, 200);
    EXPECT_EQ(researchers.body.find("Staff reports read with this report"), std::string::npos);
    EXPECT_EQ(researchers.body.find("/moderate/staff-reports"), std::string::npos);

    // Judged not relevant after all: the detection report no longer lists it, and no new link.
    ASSERT_EQ(signed_post(moderator, url, url + "/judge", "from=credible&to=not_relevant").status, 200);
    EXPECT_EQ(signed_get(moderator, detection).body.find("Staff reports read with this report"), std::string::npos);
    page = signed_get(moderator, url);
    EXPECT_EQ(page.body.find("Link to a detection report"), std::string::npos);
    EXPECT_NE(page.body.find("This report was judged not relevant, so it cannot be linked to a detection report. "
                             "Links made while it was credible are kept here."),
              std::string::npos);
    EXPECT_EQ(page.body.find("once it is judged credible"), std::string::npos);
    // A form left open from when it was credible: refused, with the reason.
    const auto refused = request(port(), "POST", url + "/evidence", moderator + kForm,
                                 "csrf=" + stale_token + "&address=" + url_encode(detection) +
                                     "&label=office-8&from_month=6&from_year=2026&to_month=6&to_year=2026");
    EXPECT_NE(refused.body.find("Only a report judged credible can be linked to other evidence"), std::string::npos)
        << refused.status;
    EXPECT_EQ(count("staff_report_evidence"), 2);

    // The detection report deleted by its researcher: the link says so.
    const auto deleted = signed_post(researcher, detection, detection + "/delete", "");
    ASSERT_EQ(deleted.status, 303);
    page = signed_get(moderator, url);
    EXPECT_NE(page.body.find("A detection report since deleted"), std::string::npos);

    // Removing a link, once.
    std::smatch m;
    ASSERT_TRUE(std::regex_search(page.body, m, std::regex(R"re(action="([^"]+/evidence/[0-9]+/remove)")re")));
    const std::string remove = m[1].str();
    auto removed = signed_post(moderator, url, remove, "");
    EXPECT_NE(removed.body.find("The link is removed."), std::string::npos);
    EXPECT_EQ(count("staff_report_evidence"), 1);
    const auto token = csrf_in(page.body, remove);
    removed = request(port(), "POST", remove, moderator + kForm, "csrf=" + token);
    EXPECT_NE(removed.body.find("That link was already removed"), std::string::npos);
    EXPECT_EQ(count("staff_report_evidence"), 1);
    EXPECT_EQ(count("staff_report_events WHERE what = 'staff_report.evidence_unlinked'"), 1);
}

// Spans are numbered in the order a file lists them: the data's months are read from the spans
// themselves, so a file listing its latest span first is still read as running from its earliest.
TEST_P(StaffEvidence, ALinkIsCheckedAgainstTheMonthsOfTheDataWhateverTheOrderOfItsSpans) {
    ASSERT_EQ(report("Told to refer three a week.").status, 200);
    const auto moderator = sign_in("mod1", moderator_password_);
    const auto url = only_report_url(moderator);
    ASSERT_EQ(signed_post(moderator, url, url + "/judge", "from=received&to=credible").status, 200);
    const auto researcher = sign_in("res1", create_account(db(), "res1", "researcher"));
    std::string csv = "unit,period,referrals,adverse,parent,area\n";
    for (const auto* span : {"2026-06..2026-08", "2026-01..2026-05"})
        for (int office = 1; office <= 3; ++office)
            csv += fmt::format("office-{},{},{},{},Prime Seetec,area-1\n", office, span, 40 + office, 10 + office);
    const auto detection = detection_report(researcher, csv);
    ASSERT_EQ(detection.rfind("/research/reports/", 0), 0u);
    const auto json = signed_get(researcher, detection + "/report.json").body;
    EXPECT_NE(json.find(R"("first_month":"2026-01","last_month":"2026-08")"), std::string::npos) << json.substr(0, 600);
    // Within the earlier span, listed second: taken. (Spans are compared by provider only.)
    const auto linked = link_as(moderator, url, detection, "Prime Seetec", "3 2026", "4 2026");
    EXPECT_NE(linked.body.find("The report is linked to the detection report."), std::string::npos)
        << linked.body.substr(std::min(linked.body.size(), linked.body.find("<main")), 3000);
    // After the latest span ends (once the staff report's months reach that far): refused, naming
    // the data's months.
    const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    if (today >= std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::September, std::chrono::day{1}}) {
        const auto after = link_as(moderator, url, detection, "Prime Seetec", "9 2026", "9 2026");
        EXPECT_EQ(after.status, 400);
        EXPECT_NE(after.body.find("The detection report&apos;s data runs from January 2026 to August 2026"),
                  std::string::npos)
            << after.body.substr(std::min(after.body.size(), after.body.find("<main")), 3000);
    }
    EXPECT_EQ(count("staff_report_evidence"), 1);
}

// A form's token is for its own action on its own report: a judge form's is refused by the link
// form, and the remove button of one report's link by another report's remove action.
TEST_P(StaffEvidence, EachFormsTokenIsRefusedByAnyOtherFormOrReport) {
    ASSERT_EQ(report("League tables every Friday.").status, 200);
    ASSERT_EQ(report("A prize for the most referrals.").status, 200);
    const auto moderator = sign_in("mod1", moderator_password_);
    const auto urls = report_urls(moderator);
    ASSERT_EQ(urls.size(), 2u);
    const auto& a = urls[0];
    const auto& b = urls[1];
    for (const auto& url : urls)
        ASSERT_EQ(signed_post(moderator, url, url + "/judge", "from=received&to=credible").status, 200);
    const auto researcher = sign_in("res1", create_account(db(), "res1", "researcher"));
    const auto detection = detection_report(researcher);
    ASSERT_EQ(link_as(moderator, a, detection, "Prime Seetec", "3 2026", "9 2026").status, 200);
    ASSERT_EQ(count("staff_report_evidence"), 1);

    // The judge form's token on the link form: refused, nothing linked.
    const auto page = signed_get(moderator, a);
    const auto judge_token = csrf_in(page.body, a + "/judge");
    ASSERT_FALSE(judge_token.empty());
    const auto crossed = request(port(), "POST", a + "/evidence", moderator + kForm,
                                 "csrf=" + judge_token + "&address=" + url_encode(detection) +
                                     "&label=office-7&from_month=6&from_year=2026&to_month=6&to_year=2026");
    EXPECT_EQ(crossed.status, 403);
    EXPECT_EQ(count("staff_report_evidence"), 1);

    // A's remove button, posted to B with A's link: refused by its token.
    std::smatch m;
    ASSERT_TRUE(std::regex_search(page.body, m, std::regex(R"re(action="[^"]+/evidence/([0-9]+)/remove")re")));
    const std::string link_id = m[1].str();
    const auto a_token = csrf_in(page.body, a + "/evidence/" + link_id + "/remove");
    ASSERT_FALSE(a_token.empty());
    const auto on_b = b + "/evidence/" + link_id + "/remove";
    EXPECT_EQ(request(port(), "POST", on_b, moderator + kForm, "csrf=" + a_token).status, 403);
    // With a token for B's own action, the link is still A's: nothing removed, and it says so.
    const auto mine = request(port(), "POST", on_b, moderator + kForm, "csrf=" + form_token(moderator, on_b));
    EXPECT_NE(mine.body.find("That link belongs to another report: open that report to remove it"), std::string::npos)
        << mine.status;
    EXPECT_EQ(count("staff_report_evidence"), 1);
    EXPECT_EQ(count("staff_report_events WHERE what = 'staff_report.evidence_unlinked'"), 0);
}

// A moderator reads a kept report beside staff reports: its page and its JSON, not its CSV or the
// researcher's file, and may not delete it, even with a valid token of their own session.
TEST_P(StaffEvidence, AModeratorReadsAKeptReportsPageAndJsonButNotItsCsvOrFileAndCannotDeleteIt) {
    const auto researcher = sign_in("res1", create_account(db(), "res1", "researcher"));
    const auto detection = detection_report(researcher, {}, true);
    ASSERT_EQ(detection.rfind("/research/reports/", 0), 0u);
    const auto moderator = sign_in("mod1", moderator_password_);
    const auto page = signed_get(moderator, detection);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("href=\"" + detection + "/report.json\""), std::string::npos);
    EXPECT_EQ(page.body.find(detection + "/report.csv"), std::string::npos);
    EXPECT_EQ(page.body.find(detection + "/file.csv"), std::string::npos);
    EXPECT_EQ(page.body.find("href=\"/research\""), std::string::npos) << "a link to a page they may not open";
    EXPECT_NE(page.body.find("<a class=\"govuk-link\" href=\"/moderate/staff-reports\">Back to staff reports</a>"),
              std::string::npos);
    EXPECT_EQ(signed_get(moderator, detection + "/report.json").status, 200);
    EXPECT_EQ(signed_get(moderator, detection + "/report.csv").status, 403);
    EXPECT_EQ(signed_get(moderator, detection + "/file.csv").status, 403);
    // The researcher who made it reads all of it.
    const auto theirs = signed_get(researcher, detection);
    EXPECT_NE(theirs.body.find(detection + "/report.csv"), std::string::npos);
    EXPECT_NE(theirs.body.find(detection + "/file.csv"), std::string::npos);
    EXPECT_NE(theirs.body.find("href=\"/research\""), std::string::npos);
    EXPECT_EQ(signed_get(researcher, detection + "/report.csv").status, 200);
    EXPECT_EQ(signed_get(researcher, detection + "/file.csv").status, 200);

    // A valid token of the moderator's own session for the delete form: the 403 is the role's.
    const auto path = detection + "/delete";
    EXPECT_EQ(request(port(), "POST", path, moderator + kForm, "csrf=" + form_token(moderator, path)).status, 403);
    EXPECT_EQ(signed_get(researcher, detection).status, 200) << "deleted by a moderator";
    // The same kind of token works for the researcher who made it: it was the role that refused.
    EXPECT_EQ(request(port(), "POST", path, researcher + kForm, "csrf=" + form_token(researcher, path)).status, 303);
    EXPECT_EQ(signed_get(researcher, detection).status, 404);
}
