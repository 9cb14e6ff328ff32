# Included from CMakeLists.txt when GoogleTest is present.
# Tests: unit (core, no I/O), store (SQLite and PostgreSQL), integration (the real binary over HTTP).
enable_testing()
include(GoogleTest)
# The test programs' own code is compiled at -O1: the product code they test is built as shipped,
# in the libraries above, and test code is not what is timed. It saves about a third of their
# compile time (gtest's macros make a lot of code for the optimiser).
set(PW_TEST_OPTIMISE -O1)
file(GLOB_RECURSE UNIT_TESTS CONFIGURE_DEPENDS tests/unit/*.cpp)
add_executable(unit_tests ${UNIT_TESTS})
target_link_libraries(unit_tests PRIVATE pw_web pw_analytics pw_crypto pw_core brotlidec GTest::gtest_main)
target_include_directories(unit_tests PRIVATE tests)
target_compile_definitions(unit_tests PRIVATE PW_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
target_compile_options(unit_tests PRIVATE ${PW_TEST_OPTIMISE})
target_precompile_headers(unit_tests PRIVATE <gtest/gtest.h> ${PW_COMMON_HEADERS} <deque> <functional> <thread>)
gtest_discover_tests(unit_tests TEST_PREFIX "unit." DISCOVERY_TIMEOUT 60)

file(GLOB_RECURSE STORE_TESTS CONFIGURE_DEPENDS tests/store/*.cpp)
add_executable(store_tests ${STORE_TESTS} tests/support/test_databases.cpp)
target_include_directories(store_tests PRIVATE tests)
target_link_libraries(store_tests PRIVATE pw_store GTest::gtest_main)
target_compile_definitions(store_tests PRIVATE PW_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
target_compile_options(store_tests PRIVATE ${PW_TEST_OPTIMISE})
target_precompile_headers(store_tests PRIVATE <gtest/gtest.h> ${PW_COMMON_HEADERS} <mutex> <soci/soci.h>)
gtest_discover_tests(store_tests TEST_PREFIX "store." DISCOVERY_TIMEOUT 60)

file(GLOB_RECURSE INTEGRATION_TESTS CONFIGURE_DEPENDS tests/integration/*.cpp)
add_executable(integration_tests ${INTEGRATION_TESTS} tests/support/test_databases.cpp tests/support/process.cpp
                                 tests/support/http_client.cpp)
target_include_directories(integration_tests PRIVATE tests)
target_link_libraries(integration_tests PRIVATE pw_store boost_json GTest::gtest_main Threads::Threads)
target_compile_definitions(integration_tests PRIVATE
  PW_BINARY="$<TARGET_FILE:providerwatch>" PW_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_dependencies(integration_tests providerwatch)
target_compile_options(integration_tests PRIVATE ${PW_TEST_OPTIMISE})
target_precompile_headers(integration_tests PRIVATE <gtest/gtest.h> ${PW_COMMON_HEADERS} <cstdio> <filesystem> <fstream>
                          <regex> <thread> <soci/soci.h>)
# 240 s: the authorisation matrices make dozens of codenames and passwords (argon2id) while
# another suite runs beside them on the second core.
gtest_discover_tests(integration_tests TEST_PREFIX "integration." DISCOVERY_TIMEOUT 60
                     PROPERTIES TIMEOUT 240)

# Browser tests run one at a time (RESOURCE_LOCK browser) but beside the other suites: a journey
# keeps about half a core busy (57 s of CPU in 108 s), and run alone they left the second core idle
# for four minutes. COST starts the longest first, so they are not left until the end of a run
# with no other test to share the machine with.
#
# The participant's journey in real Chromium (Playwright), against the real server. It takes about
# 105 s on an idle 2-core machine (155 s before axe ran in the page itself, tests/browser/axe.mjs),
# and 150-180 s beside the integration suites: room for a slower machine.
add_test(NAME browser.journey COMMAND ${CMAKE_SOURCE_DIR}/tests/browser/run.sh ${CMAKE_BINARY_DIR})
set_tests_properties(browser.journey PROPERTIES TIMEOUT 480 RESOURCE_LOCK browser COST 400)

# Answers and the 8-week clock in real Chromium: an admin's new provider representative answers a
# complaint; an unanswered one opens the Independent Case Examiner route (a second server, --now).
add_test(NAME browser.answers COMMAND ${CMAKE_SOURCE_DIR}/tests/browser/run.sh ${CMAKE_BINARY_DIR} answers)
set_tests_properties(browser.answers PROPERTIES TIMEOUT 300 RESOURCE_LOCK browser COST 300)

# Standards in real Chromium at 320 px with JavaScript off: the recovery list and the league table
# (its filters, its chart beside the table, its CSV) after two publications that agree; the award
# is to come.
add_test(NAME browser.standards COMMAND ${CMAKE_SOURCE_DIR}/tests/browser/run.sh ${CMAKE_BINARY_DIR} standards)
set_tests_properties(browser.standards PROPERTIES TIMEOUT 300 RESOURCE_LOCK browser COST 200)

# A staff member's report in real Chromium at 320 px, JavaScript off and on: the codename, a
# moderator's reply read with it, and the public counts.
add_test(NAME browser.staff COMMAND ${CMAKE_SOURCE_DIR}/tests/browser/run.sh ${CMAKE_BINARY_DIR} staff)
set_tests_properties(browser.staff PROPERTIES TIMEOUT 300 RESOURCE_LOCK browser COST 300)

# The shipped nginx configuration and systemd unit, run as shipped in front of two servers.
add_test(NAME deploy.nginx COMMAND ${CMAKE_SOURCE_DIR}/tests/deploy/run.sh ${CMAKE_BINARY_DIR})
set_tests_properties(deploy.nginx PROPERTIES TIMEOUT 120)

# A smoke of the detection benchmark (make bench runs it on ten million events).
add_test(NAME bench.analytics_smoke COMMAND analytics_bench ${CMAKE_BINARY_DIR}/bench/smoke-events.csv 200 52)
