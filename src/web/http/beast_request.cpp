#include "web/http/beast_request.hpp"

#include <cctype>

#include <boost/url/parse.hpp>

namespace pw::web {

Request to_request(boost::beast::http::request<boost::beast::http::string_body>& message, bool& bad_target) {
    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    auto origin = boost::urls::parse_origin_form(request.target);
    if (!origin) {
        bad_target = true;
        return request;
    }
    request.path = origin->path();  // percent-decoded
    if (origin->has_query()) request.query = std::string(origin->encoded_query());
    for (const auto& field : message) {
        std::string name(field.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        request.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    request.body = std::move(message.body());
    return request;
}

}  // namespace pw::web
