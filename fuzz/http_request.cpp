// Bytes off the wire: Beast's request parser with the server's limits, our conversion to a
// Request, and what handlers then decode from it (query, cookies, form and multipart bodies).
#include <cstdint>
#include <string>

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "web/http/beast_request.hpp"
#include "web/http/cookies.hpp"
#include "web/http/multipart.hpp"
#include "web/http/query.hpp"

namespace http = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(8 * 1024);
    parser.body_limit(64 * 1024);
    parser.eager(true);
    boost::beast::error_code ec;
    std::size_t used = 0;
    while (used < size && !parser.is_done()) {
        const auto n = parser.put(boost::asio::buffer(data + used, size - used), ec);
        if (ec == http::error::need_more) break;
        if (ec || n == 0) return 0;
        used += n;
    }
    if (!parser.is_done()) return 0;
    auto message = parser.release();
    bool bad_target = false;
    const pw::web::Request request = pw::web::to_request(message, bad_target);
    if (bad_target) return 0;
    (void)pw::web::parse_query(request.query);
    (void)pw::web::parse_query(request.body);
    if (auto cookie = request.header("cookie")) (void)pw::web::cookie_value(*cookie, "__Host-pw_session");
    if (auto type = request.header("content-type"))
        if (auto boundary = pw::web::multipart_boundary(*type)) (void)pw::web::parse_multipart(request.body, *boundary);
    return 0;
}
