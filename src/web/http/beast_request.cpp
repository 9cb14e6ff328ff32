#include "web/http/beast_request.hpp"

#include <cctype>

#include <boost/url/parse.hpp>

namespace pw::web {

Request to_request(boost::beast::http::request<boost::beast::http::string_body>& message, bool& bad_target) {
    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    auto origin = boost::urls::parse_origin_form(request.target);
    // An encoded slash ("/providers/1%2fcomplain") would be a separator once decoded, so the
    // router would read another path than was sent: no page of this site has one in its name.
    const auto encoded = origin ? std::string_view(origin->encoded_path()) : std::string_view{};
    if (!origin || encoded.find("%2f") != std::string_view::npos || encoded.find("%2F") != std::string_view::npos) {
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
