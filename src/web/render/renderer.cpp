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
        sources_.emplace(std::move(key), std::move(source));
    }
}

std::string Renderer::render(std::string_view name, const mustache::data& data) const {
    // kainjow templates keep state while rendering, so each thread compiles its own copy once.
    thread_local std::map<std::pair<std::uint64_t, std::string>, std::unique_ptr<mustache::mustache>> compiled;
    auto key = std::make_pair(id_, std::string(name));
    auto it = compiled.find(key);
    if (it == compiled.end()) {
        auto source = sources_.find(name);
        if (source == sources_.end()) throw std::logic_error("no template named " + std::string(name));
        it = compiled.emplace(key, std::make_unique<mustache::mustache>(source->second)).first;
    }
    mustache::data context = data;
    for (const auto& [key_name, value] : globals_) {
        if (!context.get(key_name)) context.set(key_name, value);
    }
    std::string out = it->second->render(context);
    if (!it->second->error_message().empty()) {
        throw std::logic_error("rendering " + std::string(name) + ": " + it->second->error_message());
    }
    return out;
}

std::string Renderer::page(std::string_view name, mustache::data data) const {
    data.set("content", render("pages/" + std::string(name), data));
    if (const auto scripts = scripts_.find(name); scripts != scripts_.end()) {
        if (scripts->second.app) data.set("app_js", mustache::data::type::bool_true);
        if (scripts->second.search) data.set("search_js", mustache::data::type::bool_true);
    }
    return render("layout", data);
}

}  // namespace pw::web
