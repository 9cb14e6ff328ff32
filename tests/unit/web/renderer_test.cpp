#include "web/render/renderer.hpp"

#include <gtest/gtest.h>

using namespace pw::web;

TEST(Renderer, EscapesEveryValueByDefault) {
    std::map<std::string, std::string_view> files{{"pages/x.mustache", "<p>{{name}}</p>"},
                                                  {"layout.mustache", "<main>{{{content}}}</main>"}};
    Renderer renderer(files);
    mustache::data data;
    data.set("name", "<script>alert('x')</script> & \"q\"");
    EXPECT_EQ(renderer.page("x", data),
              "<main><p>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;</p></main>");
}

TEST(Renderer, PartialsAndGlobalsAreAvailableToEveryPage) {
    std::map<std::string, std::string_view> files{{"pages/x.mustache", "{{> hello}}"},
                                                  {"partials/hello.mustache", "hi {{who}} v{{asset_version}}"},
                                                  {"layout.mustache", "{{{content}}}"}};
    Renderer renderer(files);
    renderer.set_global("asset_version", "7");
    mustache::data data;
    data.set("who", "<b>");
    EXPECT_EQ(renderer.page("x", data), "hi &lt;b&gt; v7");
}

TEST(Renderer, RefusesATemplateThatDoesNotParse) {
    std::map<std::string, std::string_view> files{{"pages/bad.mustache", "{{#open}} never closed"}};
    EXPECT_THROW(Renderer{files}, std::logic_error);
}

TEST(Renderer, EveryShippedTemplateParses) {
    EXPECT_NO_THROW(Renderer{template_files()});
}

TEST(Renderer, LoadsJavaScriptOnlyOnPagesThatUseIt) {
    std::map<std::string, std::string_view> files{
        {"pages/plain.mustache", "<p>text</p>"},
        {"pages/form.mustache", "<div data-module=\"govuk-error-summary\"></div>"},
        {"pages/find.mustache", "<div id=\"search-autocomplete\"></div>"},
        {"layout.mustache", "{{{content}}}{{#app_js}}[app]{{/app_js}}{{#search_js}}[search]{{/search_js}}"}};
    Renderer renderer(files);
    EXPECT_EQ(renderer.page("plain", {}), "<p>text</p>");
    EXPECT_EQ(renderer.page("form", {}), "<div data-module=\"govuk-error-summary\"></div>[app]");
    EXPECT_EQ(renderer.page("find", {}), "<div id=\"search-autocomplete\"></div>[app][search]");
}

TEST(Renderer, ThePageIsWrittenIntoTheLayoutWhereItsContentGoesAndNowhereElse) {
    std::map<std::string, std::string_view> files{
        {"pages/x.mustache", "<p>{{title}} {{{raw}}}</p>"},
        {"layout.mustache", "<title>{{title}}</title>{{#crumbs}}<a>{{.}}</a>{{/crumbs}}<main>{{{content}}}</main>"
                            "<footer>{{title}} {{asset_version}}</footer>"}};
    Renderer renderer(files);
    renderer.set_global("asset_version", "9");
    mustache::data data;
    data.set("title", "A & B");
    data.set("raw", "{{title}}");  // a page's own text is never read as a template
    mustache::data crumbs{mustache::data::type::list};
    crumbs.push_back(mustache::data("Home"));
    data.set("crumbs", crumbs);
    EXPECT_EQ(renderer.page("x", data), "<title>A &amp; B</title><a>Home</a><main><p>A &amp; B {{title}}</p></main>"
                                        "<footer>A &amp; B 9</footer>");
}

TEST(Renderer, RefusesALayoutWhoseSectionSpansTheContent) {
    std::map<std::string, std::string_view> files{{"layout.mustache", "{{#wrap}}<main>{{{content}}}</main>{{/wrap}}"}};
    EXPECT_THROW(Renderer{files}, std::logic_error);
}

TEST(Renderer, MovesValuesInWithoutChangingWhatIsRendered) {
    std::map<std::string, std::string_view> files{{"parts/list.mustache", "{{#items}}[{{name}}]{{/items}}{{n}}"}};
    Renderer renderer(files);
    mustache::data data;
    mustache::data items{mustache::data::type::list};
    for (const char* name : {"a", "b"}) {
        mustache::data item;
        put(item, "name", name);
        append(items, std::move(item));
    }
    put(data, "items", std::move(items));
    put(data, "n", "1");
    put(data, "n", "2");  // a second put replaces the first
    EXPECT_EQ(renderer.render("parts/list", data), "[a][b]2");
}
