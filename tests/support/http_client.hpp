#pragma once
// A deliberately plain HTTP/1.1 client over a loopback socket, so tests can also send what
// no well-behaved client would (oversized headers, broken request lines, half requests).
#include <map>
#include <string>

namespace pw::testing {

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
    std::string raw;
    std::string header(const std::string& name) const {
        auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
};

// Parses a raw response (status 0 if it is not one).
HttpResponse parse_response(const std::string& raw);

class Connection {
public:
    explicit Connection(unsigned short port);
    ~Connection();
    bool connected() const { return fd_ >= 0; }
    bool send(const std::string& bytes);
    // Reads until the peer closes or timeout_ms passes; returns all bytes read.
    std::string read_all(int timeout_ms = 5000);
    // True once the peer has closed (reads EOF within timeout_ms).
    bool closed_by_peer(int timeout_ms);

private:
    int fd_ = -1;
};

// One request with Connection: close, the whole response (status 0 if none within timeout_ms).
HttpResponse request(unsigned short port, const std::string& method, const std::string& target,
                     const std::string& extra_headers = "", const std::string& body = "", int timeout_ms = 5000);
inline HttpResponse get(unsigned short port, const std::string& target) {
    return request(port, "GET", target);
}

}  // namespace pw::testing
