#pragma once
// Mustache templates (HTML-escaped by default), embedded in the binary at build time.
// Pages render into layout.mustache; partials/*.mustache are available to every template.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include <kainjow/mustache.hpp>

namespace pw::web {

namespace mustache = kainjow::mustache;

// kainjow's set and push_back copy what they are given, all the way down; a page's views nest
// lists of objects, so building one copied it once a level. These move the value in.
void put(mustache::data& object, const std::string& name, mustache::data value);
void append(mustache::data& list, mustache::data value);

class Renderer {
public:
    // files: name ("pages/home.mustache") -> template text. Throws if one does not parse.
    explicit Renderer(const std::map<std::string, std::string_view>& files);

    // A whole page: the template "pages/<name>" inside the layout. data gets "content", and
    // flags that load JavaScript only where the page uses it: "search_js" (the autocomplete)
    // and "app_js" (GOV.UK Frontend's components, or the autocomplete).
    std::string page(std::string_view name, mustache::data data) const;
    // One template by name, without the layout ("partials/x" or "pages/x").
    std::string render(std::string_view name, const mustache::data& data) const;

    void set_global(std::string key, std::string value) { globals_[std::move(key)] = std::move(value); }

private:
    mustache::mustache& compiled(std::string_view name) const;
    // Renders from data itself, adding the globals to it (no copy of the page's data), onto out.
    void render_in_place(std::string_view name, mustache::data& data, std::string& out) const;

    // Each thread's compiled templates are keyed by this, never by the object's address: a new
    // renderer may be built where a destroyed one was, and must not find its templates.
    std::uint64_t id_;
    std::map<std::string, std::string, std::less<>> sources_;
    struct Scripts {
        bool app = false;
        bool search = false;
    };
    std::map<std::string, Scripts, std::less<>> scripts_;  // by page name, from its template
    std::map<std::string, std::string, std::less<>> globals_;
};

// The templates this build embeds.
const std::map<std::string, std::string_view>& template_files();

}  // namespace pw::web
