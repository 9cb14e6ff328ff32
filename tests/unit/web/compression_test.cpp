#include "web/http/compression.hpp"

#include <brotli/decode.h>
#include <zlib.h>

#include <gtest/gtest.h>

using namespace pw::web;

namespace {
std::string gunzip(const std::string& data) {
    z_stream stream{};
    inflateInit2(&stream, 15 + 16);
    std::string out(1 << 20, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
    out.resize(stream.total_out);
    inflateEnd(&stream);
    return out;
}

std::string unbrotli(const std::string& data) {
    std::string out(1 << 20, '\0');
    std::size_t size = out.size();
    EXPECT_EQ(BrotliDecoderDecompress(data.size(), reinterpret_cast<const std::uint8_t*>(data.data()), &size,
                                      reinterpret_cast<std::uint8_t*>(out.data())),
              BROTLI_DECODER_RESULT_SUCCESS);
    out.resize(size);
    return out;
}

Response page(std::string body, std::string type = "text/html; charset=utf-8") {
    Response r;
    r.content_type = std::move(type);
    r.body = std::move(body);
    return r;
}

std::string header(const Response& r, const std::string& name) {
    for (const auto& [n, v] : r.headers) {
        if (n == name) return v;
    }
    return {};
}
}  // namespace

TEST(AcceptEncoding, PrefersBrotliThenGzip) {
    EXPECT_EQ(choose_encoding("gzip, deflate, br"), Encoding::brotli);
    EXPECT_EQ(choose_encoding("gzip"), Encoding::gzip);
    EXPECT_EQ(choose_encoding("GZIP;q=0.5"), Encoding::gzip);
    EXPECT_EQ(choose_encoding(""), Encoding::identity);
    EXPECT_EQ(choose_encoding("deflate, compress"), Encoding::identity);
}

TEST(AcceptEncoding, QZeroRefusesAnEncoding) {
    EXPECT_EQ(choose_encoding("br;q=0, gzip"), Encoding::gzip);
    EXPECT_EQ(choose_encoding("br;q=0.0, gzip;q=0.000"), Encoding::identity);
    EXPECT_EQ(choose_encoding("br; q=0.001"), Encoding::brotli);
}

TEST(Compression, RoundTripsBothEncodings) {
    const std::string text(5000, 'a');
    EXPECT_EQ(gunzip(gzip_compress(text)), text);
    EXPECT_EQ(unbrotli(brotli_compress(text)), text);
}

TEST(CompressResponse, CompressesAPageAndSaysItVaries) {
    std::string html;
    for (int i = 0; i < 200; ++i) html += "<p class=\"govuk-body\">Paragraph " + std::to_string(i) + "</p>\n";
    auto r = page(html);
    compress_response(r, Encoding::brotli);
    EXPECT_EQ(header(r, "Content-Encoding"), "br");
    EXPECT_EQ(header(r, "Vary"), "Accept-Encoding");
    EXPECT_LT(r.body.size(), html.size() / 4);
    EXPECT_EQ(unbrotli(r.body), html);
}

TEST(CompressResponse, LeavesSmallBodiesImagesAndEncodedBodiesAlone) {
    auto small = page("<p>short</p>");
    compress_response(small, Encoding::gzip);
    EXPECT_EQ(header(small, "Content-Encoding"), "");
    EXPECT_EQ(header(small, "Vary"), "Accept-Encoding");  // another client may get it compressed

    auto image = page(std::string(5000, 'x'), "image/png");
    compress_response(image, Encoding::gzip);
    EXPECT_EQ(header(image, "Content-Encoding"), "");

    auto done = page(std::string(5000, 'x'), "text/css");
    done.set_header("Content-Encoding", "br");
    compress_response(done, Encoding::gzip);
    EXPECT_EQ(done.body, std::string(5000, 'x'));

    auto refused = page(std::string(5000, 'x'));
    compress_response(refused, Encoding::identity);
    EXPECT_EQ(refused.body.size(), 5000u);
}
