#include "web/render/renderer.hpp"

#include <memory>
#include <stdexcept>

namespace pw::web {

Renderer::Renderer(const std::map<std::string, std::string_view>& files) {
    for (const auto& [name, text] : files) {
        std::string key = name;
        if (key.ends_with(".mustache")) key.resize(key.size() - 9);
        mustache::mustache check{std::string(text)};
        if (!check.is_valid()) throw std::logic_error("template " + name + ": " + check.error_message());
        sources_.emplace(std::move(key), std::string(text));
    }
}

std::string Renderer::render(std::string_view name, const mustache::data& data) const {
    // kainjow templates keep state while rendering, so each thread compiles its own copy once.
    thread_local std::map<std::pair<const Renderer*, std::string>, std::unique_ptr<mustache::mustache>> compiled;
    auto key = std::make_pair(this, std::string(name));
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
    for (const auto& [partial_name, source] : sources_) {
        if (!partial_name.starts_with("partials/")) continue;
        const std::string* text = &source;
        context.set(partial_name.substr(9), mustache::partial([text] { return *text; }));
    }
    std::string out = it->second->render(context);
    if (!it->second->error_message().empty()) {
        throw std::logic_error("rendering " + std::string(name) + ": " + it->second->error_message());
    }
    return out;
}

std::string Renderer::page(std::string_view name, mustache::data data) const {
    data.set("content", render("pages/" + std::string(name), data));
    return render("layout", data);
}

}  // namespace pw::web
