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
        {"layout.mustache",
         "<title>{{title}}</title>{{#crumbs}}<a>{{.}}</a>{{/crumbs}}<main>{{{content}}}</main>"
         "<footer>{{title}} {{asset_version}}</footer>"}};
    Renderer renderer(files);
    renderer.set_global("asset_version", "9");
    mustache::data data;
    data.set("title", "A & B");
    data.set("raw", "{{title}}");  // a page's own text is never read as a template
    mustache::data crumbs{mustache::data::type::list};
    crumbs.push_back(mustache::data("Home"));
    data.set("crumbs", crumbs);
    EXPECT_EQ(renderer.page("x", data),
              "<title>A &amp; B</title><a>Home</a><main><p>A &amp; B {{title}}</p></main>"
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

// Spaces inside a template's text are compiled as one node with their words (kainjow makes each
// its own node otherwise); what a page renders must not change by a byte, standalone lines of
// section tags included.
TEST(Renderer, RendersExactlyWhatTheTemplateSaysWhateverItsSpaces) {
    const std::string_view text =
        "<p class=\"a b\">Two words  and\ttabs, {{name}} here {{{raw}}} and {{#flag}} in a section {{/flag}} end.</p>\n"
        "  {{#items}}\n"
        "  <li> {{.}} item {{.}}</li>\n"
        "  {{/items}}\n"
        "<pre>  keep   these  </pre> {{^missing}} not there {{/missing}}\n"
        "a {b} c }} d { e {{! a comment with spaces }} f\n";
    Renderer renderer({{"pages/x.mustache", text}, {"layout.mustache", "{{{content}}}"}});
    mustache::data data;
    data.set("name", "Ann Lee");
    data.set("raw", "<b>x y</b>");
    data.set("flag", true);
    mustache::data items{mustache::data::type::list};
    items.push_back(mustache::data("one two"));
    items.push_back(mustache::data("three"));
    data.set("items", items);
    mustache::mustache direct{std::string(text)};
    EXPECT_EQ(renderer.page("x", data), direct.render(data));
}
