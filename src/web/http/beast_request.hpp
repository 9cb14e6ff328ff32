#pragma once
// A parsed Beast request as the application's Request: the only place the two meet, apart
// from the server's sessions, so the conversion can be fuzzed on its own.
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "web/http/message.hpp"

namespace pw::web {

// Moves the body out of message. Sets bad_target when the target is not an origin-form path,
// or its path holds an encoded slash.
Request to_request(boost::beast::http::request<boost::beast::http::string_body>& message, bool& bad_target);

}  // namespace pw::web
