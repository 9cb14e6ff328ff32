#include "web/render/renderer.hpp"

#include <algorithm>
#include <atomic>
#include <memory>
#include <stdexcept>

namespace pw::web {

namespace {
// Partials are written into the templates that use them once, at start-up: kainjow would parse
// a partial again on every render, which showed in profiles of the busiest pages.
std::string inline_partials(std::string text, const std::map<std::string, std::string, std::less<>>& partials,
                            int depth = 0) {
    if (depth > 8) throw std::logic_error("partials nest too deeply");
    for (auto at = text.find("{{>"); at != std::string::npos; at = text.find("{{>", at)) {
        const auto end = text.find("}}", at);
        if (end == std::string::npos) throw std::logic_error("an unclosed partial tag");
        std::string name = text.substr(at + 3, end - at - 3);
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        auto partial = partials.find(name);
        if (partial == partials.end()) throw std::logic_error("no partial named " + name);
        const auto body = inline_partials(partial->second, partials, depth + 1);
        text.replace(at, end + 2 - at, body);
        at += body.size();
    }
    return text;
}

// kainjow makes every space of a template's text its own node (to find lines that hold only a
// tag), and a page of prose became hundreds of nodes to walk on every render. A space inside
// a run of text, with text on both sides, cannot be part of such a line: it is compiled as this
// byte instead, and turned back into a space in the output.
constexpr char kBoundSpace = '\x1f';

std::string bind_spaces(const std::string& source) {
    std::string out;
    out.reserve(source.size());
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    for (std::size_t at = 0; at < source.size();) {
        if (source.compare(at, 2, "{{") == 0) {
            const auto close = source.compare(at, 3, "{{{") == 0 ? std::string_view("}}}") : std::string_view("}}");
            const auto end = source.find(close, at);
            if (end == std::string::npos) return out + source.substr(at);  // left for the parser to refuse
            out.append(source, at, end + close.size() - at);
            at = end + close.size();
            continue;
        }
        const char c = source[at];
        const bool inner = c == ' ' && at > 0 && !is_space(source[at - 1]) && source[at - 1] != '}' &&
                           at + 1 < source.size() && !is_space(source[at + 1]) && source[at + 1] != '{';
        out += inner ? kBoundSpace : c;
        ++at;
    }
    return out;
}
}  // namespace

Renderer::Renderer(const std::map<std::string, std::string_view>& files) {
    static std::atomic<std::uint64_t> renderers{0};
    id_ = ++renderers;
    std::map<std::string, std::string, std::less<>> partials;
    for (const auto& [name, text] : files) {
        constexpr std::string_view folder = "partials/";
        constexpr std::string_view extension = ".mustache";
        if (name.starts_with(folder) && name.ends_with(extension)) {
            partials.emplace(name.substr(folder.size(), name.size() - folder.size() - extension.size()),
                             std::string(text));
        }
    }
    for (const auto& [name, text] : files) {
        std::string key = name;
        if (key.ends_with(".mustache")) key.resize(key.size() - 9);
        std::string source = inline_partials(std::string(text), partials);
        mustache::mustache check{source};
        if (!check.is_valid()) throw std::logic_error("template " + name + ": " + check.error_message());
        if (key.starts_with("pages/")) {
            // A page needs GOV.UK Frontend's script for its components (data-module) and the
            // autocomplete for the search box; every page works without either.
            const bool search = source.find("search-autocomplete") != std::string::npos;
            scripts_.emplace(key.substr(6),
                             Scripts{search || source.find("data-module=") != std::string::npos, search});
        }
        if (key == "layout") {
            constexpr std::string_view slot = "{{{content}}}";
            const auto at = source.find(slot);
            if (at == std::string::npos) throw std::logic_error("layout.mustache has no {{{content}}}");
            for (auto [half, text] : {std::pair{"layout/before_content", source.substr(0, at)},
                                      std::pair{"layout/after_content", source.substr(at + slot.size())}}) {
                // A section open across {{{content}}} would not parse in halves.
                if (!mustache::mustache{text}.is_valid())
                    throw std::logic_error("layout.mustache: " + std::string(half));
                sources_.emplace(half, bind_spaces(text));
            }
        }
        sources_.emplace(std::move(key), bind_spaces(source));
    }
}

void put(mustache::data& object, const std::string& name, mustache::data value) {
    object.set(name, mustache::data::type::bool_false);  // a placeholder that costs nothing to copy
    // The value lives in object's own (non-const) map; get() only hands it out as const.
    if (auto* slot = const_cast<mustache::data*>(object.get(name))) *slot = std::move(value);
}

void append(mustache::data& list, mustache::data value) {
    if (!list.is_list()) return;
    const_cast<mustache::list&>(list.list_value()).push_back(std::move(value));
}

mustache::mustache& Renderer::compiled(std::string_view name) const {
    // kainjow templates keep state while rendering, so each thread compiles its own copy once.
    thread_local std::map<std::pair<std::uint64_t, std::string>, std::unique_ptr<mustache::mustache>, std::less<>>
        templates;
    auto key = std::make_pair(id_, std::string(name));
    auto it = templates.find(key);
    if (it == templates.end()) {
        auto source = sources_.find(name);
        if (source == sources_.end()) throw std::logic_error("no template named " + std::string(name));
        it = templates.emplace(key, std::make_unique<mustache::mustache>(source->second)).first;
    }
    return *it->second;
}

void Renderer::render_in_place(std::string_view name, mustache::data& data, std::string& out) const {
    for (const auto& [key_name, value] : globals_) {
        if (!data.get(key_name)) data.set(key_name, value);
    }
    auto& compiled_template = compiled(name);
    // Straight into out: kainjow's own render(data) goes through a string stream.
    const auto from = out.size();
    compiled_template.render(data, [&out](const std::string& text) { out += text; });
    // Branch-free, so the compiler turns it into vector instructions: it runs over every page.
    for (auto *c = out.data() + from, *end = out.data() + out.size(); c != end; ++c)
        *c = static_cast<char>(*c == kBoundSpace ? ' ' : *c);
    if (!compiled_template.error_message().empty()) {
        throw std::logic_error("rendering " + std::string(name) + ": " + compiled_template.error_message());
    }
}

std::string Renderer::render(std::string_view name, const mustache::data& data) const {
    mustache::data context = data;
    std::string out;
    render_in_place(name, context, out);
    return out;
}

// The page's data is ours: the page and the layout render from it without copying it. The
// layout is two templates, before and after {{{content}}}, so the page's HTML is written once,
// straight into the response, into room as large as this page took the last time.
std::string Renderer::page(std::string_view name, mustache::data data) const {
    if (const auto scripts = scripts_.find(name); scripts != scripts_.end()) {
        if (scripts->second.app) data.set("app_js", mustache::data::type::bool_true);
        if (scripts->second.search) data.set("search_js", mustache::data::type::bool_true);
    }
    const std::string page_template = "pages/" + std::string(name);
    thread_local std::map<std::string, std::size_t, std::less<>> last_size;
    auto& size = last_size[page_template];
    std::string out;
    out.reserve(std::max<std::size_t>(size, 24 * 1024));
    render_in_place("layout/before_content", data, out);
    render_in_place(page_template, data, out);
    render_in_place("layout/after_content", data, out);
    size = std::min<std::size_t>(out.size() + out.size() / 8, 4 * 1024 * 1024);
    return out;
}

}  // namespace pw::web
