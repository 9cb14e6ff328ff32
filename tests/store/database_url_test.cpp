#include <gtest/gtest.h>

#include "store/database.hpp"

using namespace pw::store;

TEST(DatabaseUrl, AFilePathIsSqlite) {
    auto url = parse_database_url("var/providerwatch.db");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->engine, Engine::sqlite);
    EXPECT_EQ(url->connect, "db=var/providerwatch.db timeout=5");
    EXPECT_EQ(url->display, "var/providerwatch.db");
}

TEST(DatabaseUrl, APostgresUrlIsPostgresqlAndItsPasswordIsNeverShown) {
    auto url = parse_database_url("postgresql://pw:s3cret@127.0.0.1:5432/providerwatch");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->engine, Engine::postgresql);
    EXPECT_EQ(url->connect, "user='pw' password='s3cret' dbname='providerwatch' host='127.0.0.1' port='5432' "
                           "connect_timeout='5'");  // a dead server must not hold a thread for minutes
    EXPECT_EQ(url->display, "postgresql://pw:***@127.0.0.1:5432/providerwatch");
}

TEST(DatabaseUrl, RefusesOtherSchemesAndUnsafePaths) {
    EXPECT_EQ(parse_database_url("mysql://x/y").error().message,
              "--db: unsupported database URL 'mysql://': use a file path (SQLite) or postgresql://...");
    EXPECT_FALSE(parse_database_url(""));
    EXPECT_FALSE(parse_database_url("postgresql://"));
    EXPECT_FALSE(parse_database_url("postgresql://h/db?nosuchoption=1"));
    EXPECT_FALSE(parse_database_url("my db.sqlite"));
    EXPECT_FALSE(parse_database_url("x.db timeout=0"));
}
