#include "web/http/router.hpp"

#include <gtest/gtest.h>

using namespace pw::web;

namespace {
Router make_router() {
    Router router;
    auto named = [](std::string name) {
        return [name](const Request&, const RouteParams&) { return Response{200, "text/plain", {}, name, ""}; };
    };
    router.get("/", named("home"));
    router.get("/areas", named("areas"));
    router.get("/areas/{id}", named("area"));
    router.get("/assets/*", named("asset"));
    return router;
}
}  // namespace

TEST(Router, MatchesExactPathsAndCapturesParameters) {
    auto router = make_router();
    auto m = router.match("GET", "/areas/12");
    ASSERT_TRUE(m.handler);
    EXPECT_EQ(m.pattern, "/areas/{id}");
    EXPECT_EQ(m.params.get("id"), "12");
    EXPECT_EQ(router.match("GET", "/").pattern, "/");
    EXPECT_EQ(router.match("GET", "/areas/").pattern, "/areas");
}

TEST(Router, PrefixRoutesTakeTheRestOfThePath) {
    auto router = make_router();
    auto m = router.match("GET", "/assets/fonts/a.woff2");
    ASSERT_TRUE(m.handler);
    EXPECT_EQ(m.params.get("*"), "fonts/a.woff2");
    EXPECT_FALSE(router.match("GET", "/assets").handler);
}

TEST(Router, UnknownPathsDoNotMatchAndAnotherMethodIsReported) {
    auto router = make_router();
    EXPECT_FALSE(router.match("GET", "/areas/1/extra").handler);
    EXPECT_FALSE(router.match("GET", "/nothing").handler);
    EXPECT_FALSE(router.match("GET", "").handler);
    auto post = router.match("POST", "/areas");
    EXPECT_FALSE(post.handler);
    EXPECT_TRUE(post.path_known);
    EXPECT_EQ(post.allow, "GET, HEAD");
}

TEST(Router, AnotherMethodSaysWhichMethodsThePathHas) {
    Router router;
    router.post("/sign-out", [](const Request&, const RouteParams&) { return Response{}; });
    router.get("/sign-in", [](const Request&, const RouteParams&) { return Response{}; });
    router.post("/sign-in", [](const Request&, const RouteParams&) { return Response{}; });
    EXPECT_EQ(router.match("GET", "/sign-out").allow, "POST");
    EXPECT_EQ(router.match("PUT", "/sign-in").allow, "GET, HEAD, POST");
}
