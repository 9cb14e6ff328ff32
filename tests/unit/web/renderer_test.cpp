#include "web/render/renderer.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "web/render/skeleton.hpp"

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

TEST(PageSkeleton, FillsTheSameBytesAsRenderingThePageWithTheValues) {
    std::map<std::string, std::string_view> files{
        {"pages/x.mustache",
         "<h1>{{title}}</h1>{{#flag}}<p>on</p>{{/flag}}<ul>{{{items}}}</ul><a href=\"{{{url}}}\">"
         "{{{items}}}</a> {{{last}}}"},
        {"layout.mustache", "<title>{{title}}</title><main>{{{content}}}</main>{{asset_version}}"}};
    Renderer renderer(files);
    renderer.set_global("asset_version", "3");
    const auto data_with = [](const std::vector<std::string>& slots) {
        mustache::data data;
        data.set("title", "A & B");
        data.set("flag", true);
        data.set("items", slots[0]);
        data.set("url", slots[1]);
        data.set("last", slots[2]);
        return data;
    };
    const PageSkeleton skeleton(
        renderer, "x", data_with({PageSkeleton::marker(0), PageSkeleton::marker(1), PageSkeleton::marker(2)}), 3);
    const std::vector<std::string> values{"<li>one</li><li>two &amp; three</li>", "/a?b=1&amp;c=2", ""};
    const std::vector<std::string_view> views(values.begin(), values.end());
    EXPECT_EQ(skeleton.fill(views), renderer.page("x", data_with(values)));
    EXPECT_EQ(skeleton.fill(views),
              "<title>A &amp; B</title><main><h1>A &amp; B</h1><p>on</p><ul><li>one</li><li>two &amp; three</li></ul>"
              "<a href=\"/a?b=1&amp;c=2\"><li>one</li><li>two &amp; three</li></a> </main>3");
}

TEST(PageSkeleton, RefusesAPageThatLosesASlot) {
    std::map<std::string, std::string_view> files{{"pages/x.mustache", "{{#flag}}{{{a}}}{{/flag}}{{{b}}}"},
                                                  {"layout.mustache", "{{{content}}}"}};
    Renderer renderer(files);
    mustache::data data;
    data.set("a", PageSkeleton::marker(0));  // inside a section that is off: never on the page
    data.set("b", PageSkeleton::marker(1));
    EXPECT_THROW(PageSkeleton(renderer, "x", data, 2), std::logic_error);
    data.set("flag", true);
    const PageSkeleton skeleton(renderer, "x", data, 2);
    const std::vector<std::string_view> two{"1", "2"}, one{"1"};
    EXPECT_EQ(skeleton.fill(two), "12");
    EXPECT_THROW((void)skeleton.fill(one), std::logic_error);
}

// A tired person on a slow phone taps "Send" twice: with JavaScript on, every button the site
// ships ignores the second tap for a second (GOV.UK Frontend's Button), so one rating, case or
// report is not sent twice.
TEST(Renderer, EveryButtonIgnoresASecondTapAtOnce) {
    for (const auto& [name, text] : template_files()) {
        for (auto at = text.find("<button"); at != std::string_view::npos; at = text.find("<button", at + 1)) {
            const auto tag = text.substr(at, text.find('>', at) - at);
            if (tag.find("type=\"button\"") != std::string_view::npos) continue;  // sends nothing (the menu)
            EXPECT_NE(tag.find("data-prevent-double-click=\"true\""), std::string_view::npos) << name << ": " << tag;
        }
    }
}
