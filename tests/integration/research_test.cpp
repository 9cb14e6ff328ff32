// The researcher's page: who may use it, an upload that becomes a report, bad files refused on
// the form, and large bodies refused to everyone else before they are read.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "integration/form_helpers.hpp"
#include "integration/server_test.hpp"

using namespace pw::testing;

namespace {

const std::string kBoundary = "----pw-test-boundary-7MA4YWxk";

std::string upload_body(const std::string& csrf, const std::string& format, const std::string& csv,
                        const std::string& filename = "referrals.csv", bool skip = false) {
    std::string body;
    auto part = [&](const std::string& headers, const std::string& data) {
        body += "--" + kBoundary + "\r\n" + headers + "\r\n\r\n" + data + "\r\n";
    };
    part("Content-Disposition: form-data; name=\"csrf\"", csrf);
    if (!format.empty()) part("Content-Disposition: form-data; name=\"format\"", format);
    if (skip) part("Content-Disposition: form-data; name=\"skip\"", "yes");
    part("Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\nContent-Type: text/csv", csv);
    return body + "--" + kBoundary + "--\r\n";
}

const std::string kMultipart = "Content-Type: multipart/form-data; boundary=" + kBoundary + "\r\n";

}  // namespace

class Research : public ServerTest {
protected:
    void SetUp() override {
        ServerTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        researcher_ = sign_in(port(), "res1", create_account(db(), "res1", "researcher"));
    }

    HttpResponse upload(const std::string& cookie, const std::string& format, const std::string& csv, bool skip = false) {
        const auto form = request(port(), "GET", "/research", cookie);
        return request(port(), "POST", "/research/report", cookie + kMultipart,
                       upload_body(csrf_in(form.body, "/research/report"), format, csv, "referrals.csv", skip));
    }

    static std::string simulated(const std::filesystem::path& out) {
        EXPECT_EQ(run_cli({"simulate", "--units", "40", "--seed", "4", "--out", out.string()}).exit_code, 0);
        std::ifstream in(out);
        std::stringstream s;
        s << in.rdbuf();
        std::filesystem::remove(out);
        return s.str();
    }

    std::string researcher_;
};
PW_ENGINE_SUITE(Research);

TEST_P(Research, AnUploadBecomesAReportWithChartsAndTables) {
    const std::string csv = simulated(std::filesystem::temp_directory_path() / ("providerwatch-research-" + std::to_string(getpid()) + ".csv"));
    ASSERT_GT(csv.size(), 64u * 1024) << "the upload should be larger than an ordinary form";
    auto r = upload(researcher_, "events", csv);
    ASSERT_EQ(r.status, 200) << r.body.substr(0, 2000);
    EXPECT_NE(r.body.find("Target detection report"), std::string::npos);
    EXPECT_NE(r.body.find("units are flagged at a false discovery rate of 5%"), std::string::npos);
    EXPECT_NE(r.body.find("<svg class=\"pw-chart\""), std::string::npos);
    EXPECT_NE(r.body.find("Figures for the chart"), std::string::npos);
    EXPECT_EQ(r.header("cache-control"), "no-store");
}

TEST_P(Research, BadFilesComeBackToTheFormWithTheReason) {
    auto wrong = upload(researcher_, "events", "when,who\n2012-01-01,a\n");
    EXPECT_EQ(wrong.status, 422);
    EXPECT_NE(wrong.body.find("The file could not be read: unknown column &quot;when&quot; on line 1"), std::string::npos)
        << wrong.body.substr(0, 3000);
    auto rows = upload(researcher_, "counts", "unit,period,referrals\na,2012-W01,-1\na,2012-W02,2\n");
    EXPECT_EQ(rows.status, 422);
    EXPECT_NE(rows.body.find("Line 2: the referral count is negative"), std::string::npos);
    auto skipped = upload(researcher_, "counts", "unit,period,referrals\na,2012-W01,-1\na,2012-W02,2\n", true);
    EXPECT_EQ(skipped.status, 200);
    EXPECT_NE(skipped.body.find("1 rows rejected"), std::string::npos);
    auto no_format = upload(researcher_, "", "date,unit,decision\n2012-01-02,a,adverse\n");
    EXPECT_EQ(no_format.status, 422);
    EXPECT_NE(no_format.body.find("Select what is in the file"), std::string::npos);
    auto empty = upload(researcher_, "events", "");
    EXPECT_EQ(empty.status, 422);
    EXPECT_NE(empty.body.find("The selected file is empty"), std::string::npos);
}

TEST_P(Research, OnlyResearchersAndAdminsMayUseIt) {
    EXPECT_EQ(get(port(), "/research").status, 303);  // to sign in
    const auto moderator = sign_in(port(), "mod1", create_account(db(), "mod1", "moderator"));
    EXPECT_EQ(request(port(), "GET", "/research", moderator).status, 403);
    const auto admin = sign_in(port(), "admin1", create_account(db(), "admin1", "admin"));
    EXPECT_EQ(request(port(), "GET", "/research", admin).status, 200);
    // A moderator's upload is refused, and without a researcher's token.
    auto theirs = request(port(), "POST", "/research/report", moderator + kMultipart,
                          upload_body("x", "events", "date,unit,decision\n2012-01-02,a,adverse\n"));
    EXPECT_EQ(theirs.status, 403);
    auto forged = request(port(), "POST", "/research/report", researcher_ + kMultipart,
                          upload_body("forged", "events", "date,unit,decision\n2012-01-02,a,adverse\n"));
    EXPECT_EQ(forged.status, 403);
}

TEST_P(Research, LargeBodiesAreRefusedToEveryoneElseBeforeTheyAreRead) {
    const std::string big(200 * 1024, 'x');
    auto anonymous = request(port(), "POST", "/research/report", kMultipart, upload_body("x", "events", big));
    EXPECT_EQ(anonymous.status, 413);
    auto elsewhere = request(port(), "POST", "/sign-in", researcher_ + kForm, "csrf=x&username=" + big);
    EXPECT_EQ(elsewhere.status, 413);
}
