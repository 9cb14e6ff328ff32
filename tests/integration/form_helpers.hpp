#pragma once
// Forms from tests: the form tokens of pages, the area question, accounts made with the CLI, sign-in.
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <regex>
#include <string>

#include "support/http_client.hpp"
#include "support/process.hpp"

namespace pw::testing {

inline const std::string kForm = "Content-Type: application/x-www-form-urlencoded\r\n";

// A header that makes the next request another participant's, through the trusted proxy the
// test servers name (127.0.0.1): for tests that send far more than one person may in an hour
// and are not about the rate limits.
inline std::string another_client() {
    static int clients = 0;
    ++clients;
    char address[48];
    // Documentation range; each in a /64 of its own, since a /64 is one client.
    std::snprintf(address, sizeof address, "2001:db8:%x:%x::1", clients / 65536, clients % 65536);
    return "X-Forwarded-For: " + std::string(address) + "\r\n";
}

// The token of the form posting to `action`.
inline std::string csrf_in(const std::string& html, const std::string& action) {
    const auto at = html.find("action=\"" + action + "\"");
    if (at == std::string::npos) return {};
    std::smatch m;
    const std::string rest = html.substr(at);
    return std::regex_search(rest, m, std::regex(R"re(name="csrf" value="([0-9a-f.]+)")re")) ? m[1].str() : "";
}

// A provider in several areas asks which one: the answer with the first area offered, or nothing.
inline std::string area_of(const std::string& form) {
    std::smatch m;
    return std::regex_search(form, m, std::regex(R"re(name="area" type="radio" value="([0-9]+)")re"))
               ? "&area=" + m[1].str()
               : "";
}

inline std::string url_encode(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c)) {
            out.push_back(static_cast<char>(c));
        } else {
            char buffer[4];
            std::snprintf(buffer, sizeof buffer, "%%%02X", c);
            out += buffer;
        }
    }
    return out;
}

// Creates an account with `providerwatch account create`; returns its password (shown once).
inline std::string create_account(const std::string& db, const std::string& username, const std::string& role,
                                  const std::string& provider = "") {
    std::vector<std::string> args{"account", "create", "--db", db, "--username", username, "--role", role};
    if (!provider.empty()) args.insert(args.end(), {"--provider", provider});
    auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto at = r.out.find("(shown once): ");
    if (at == std::string::npos) return {};
    std::string password = r.out.substr(at + 14);
    if (!password.empty()) password.pop_back();
    return password;
}

// The sign-in form: its token, and the Cookie header line of the pre-session cookie it is bound to.
struct SignInForm {
    std::string csrf;
    std::string cookie;
};
inline SignInForm sign_in_form(unsigned short port, const std::string& headers = "") {
    auto form = request(port, "GET", "/sign-in", headers);
    const auto set = form.header("set-cookie");
    EXPECT_NE(set.find("__Host-pw_signin="), std::string::npos) << set;
    EXPECT_NE(set.find("SameSite=Strict"), std::string::npos) << set;
    return {csrf_in(form.body, "/sign-in"), "Cookie: " + set.substr(0, set.find(';')) + "\r\n"};
}

// Posts the sign-in form (headers: say, another client's X-Forwarded-For).
inline HttpResponse post_sign_in(unsigned short port, const std::string& username, const std::string& password,
                                 const std::string& headers = "") {
    const auto form = sign_in_form(port, headers);
    return request(port, "POST", "/sign-in", form.cookie + kForm + headers,
                   "csrf=" + form.csrf + "&username=" + username + "&password=" + url_encode(password));
}

// Signs in and returns the Cookie header line for the session.
inline std::string sign_in(unsigned short port, const std::string& username, const std::string& password) {
    auto r = post_sign_in(port, username, password);
    EXPECT_EQ(r.status, 303) << r.body;
    const auto cookie = r.header("set-cookie");
    EXPECT_NE(cookie.find("__Host-pw_session="), std::string::npos);
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("Secure"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
    return "Cookie: " + cookie.substr(0, cookie.find(';')) + "\r\n";
}

// A kept report once it is made: an upload is answered at once with the report's address, which
// shows its researcher a page that refreshes itself (a Refresh header) until the report is kept.
inline HttpResponse made_report(unsigned short port, const std::string& link, const std::string& cookie) {
    for (int i = 0; i < 600; ++i) {
        auto r = request(port, "GET", link, cookie);
        if (r.header("refresh").empty()) return r;
        EXPECT_EQ(r.status, 200);
        EXPECT_NE(r.body.find("Your report is"), std::string::npos) << r.body.substr(0, 2000);
        usleep(100'000);
    }
    ADD_FAILURE() << link << " was not made within a minute";
    return {};
}

// A researcher's upload of a referral file, as the /research form sends it.
inline const std::string kUploadBoundary = "----pw-test-boundary-7MA4YWxk";
inline const std::string kMultipart = "Content-Type: multipart/form-data; boundary=" + kUploadBoundary + "\r\n";

inline std::string upload_body(const std::string& csrf, const std::string& format, const std::string& csv,
                               const std::string& filename = "referrals.csv", bool skip = false,
                               bool keep_file = false) {
    std::string body;
    auto part = [&](const std::string& headers, const std::string& data) {
        body += "--" + kUploadBoundary + "\r\n" + headers + "\r\n\r\n" + data + "\r\n";
    };
    part("Content-Disposition: form-data; name=\"csrf\"", csrf);
    if (!format.empty()) part("Content-Disposition: form-data; name=\"format\"", format);
    if (skip) part("Content-Disposition: form-data; name=\"skip\"", "yes");
    if (keep_file) part("Content-Disposition: form-data; name=\"keep_file\"", "yes");
    part("Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\nContent-Type: text/csv", csv);
    return body + "--" + kUploadBoundary + "--\r\n";
}

}  // namespace pw::testing
