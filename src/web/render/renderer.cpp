#include "web/render/renderer.hpp"

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
            scripts_.emplace(key.substr(6), Scripts{search || source.find("data-module=") != std::string::npos, search});
        }
        if (key == "layout") {
            constexpr std::string_view slot = "{{{content}}}";
            const auto at = source.find(slot);
            if (at == std::string::npos) throw std::logic_error("layout.mustache has no {{{content}}}");
            for (auto [half, text] : {std::pair{"layout/before_content", source.substr(0, at)},
                                      std::pair{"layout/after_content", source.substr(at + slot.size())}}) {
                // A section open across {{{content}}} would not parse in halves.
                if (!mustache::mustache{text}.is_valid()) throw std::logic_error("layout.mustache: " + std::string(half));
                sources_.emplace(half, std::move(text));
            }
        }
        sources_.emplace(std::move(key), std::move(source));
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
    compiled_template.render(data, [&out](const std::string& text) { out += text; });
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
// layout is two templates, before and after {{{content}}}, so the page's HTML is appended once
// instead of passing through the layout's renderer.
std::string Renderer::page(std::string_view name, mustache::data data) const {
    std::string content;
    content.reserve(16 * 1024);
    render_in_place("pages/" + std::string(name), data, content);
    if (const auto scripts = scripts_.find(name); scripts != scripts_.end()) {
        if (scripts->second.app) data.set("app_js", mustache::data::type::bool_true);
        if (scripts->second.search) data.set("search_js", mustache::data::type::bool_true);
    }
    std::string out;
    out.reserve(content.size() + 8 * 1024);
    render_in_place("layout/before_content", data, out);
    out += content;
    render_in_place("layout/after_content", data, out);
    return out;
}

}  // namespace pw::web
