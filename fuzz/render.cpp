// What a person typed, rendered through a template: it must come out escaped.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "web/render/renderer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::map<std::string, std::string_view> files{{"pages/x.mustache", "<p>{{text}}</p>"},
                                                               {"layout.mustache", "{{{content}}}"}};
    static const pw::web::Renderer renderer(files);
    const std::string text(reinterpret_cast<const char*>(data), size);
    pw::web::mustache::data d;
    d.set("text", text);
    const auto out = renderer.page("x", d);
    if (out.find('<', 1) != out.size() - 4) std::abort();  // only the template's own tags
    return 0;
}
