#include "core/registry/import_rows.hpp"

#include <gtest/gtest.h>

using namespace pw::registry;

namespace {
std::vector<pw::csv::Row> rows(std::string_view text) {
    return pw::csv::parse(text).value();
}
const char* kHeader = "programme,cpa_number,cpa_name,prime_provider,notes,source\n";
}  // namespace

TEST(RegistryRows, AcceptsWellFormedContracts) {
    auto checked = check_registry(rows(std::string(kHeader) + "WP,1,East of England,Seetec,,DWP FOI\n"
                                                              "WP,1,East of England,Ingeus Deloitte,,DWP FOI\n"));
    EXPECT_TRUE(checked.errors.empty());
    ASSERT_EQ(checked.rows.size(), 2u);
    EXPECT_EQ(checked.rows[0].cpa.text, "1");
    EXPECT_EQ(checked.rows[1].prime, "Ingeus Deloitte");
    EXPECT_EQ(checked.rows[1].line, 3u);
}

TEST(RegistryRows, ColumnsMayComeInAnyOrder) {
    auto checked =
        check_registry(rows("source,notes,prime_provider,cpa_name,cpa_number,programme\n"
                            "DWP FOI,,Seetec,East of England,1,WP\n"));
    ASSERT_TRUE(checked.errors.empty());
    EXPECT_EQ(checked.rows[0].prime, "Seetec");
    EXPECT_EQ(checked.rows[0].programme, "WP");
}

TEST(RegistryRows, ReportsEveryBadRowWithItsLineAndReason) {
    auto checked = check_registry(rows(std::string(kHeader) + "WP,one,East,Seetec,,src\n"      // line 2
                                                              "WP,2,East Midlands,A4e,,src\n"  // good
                                                              "WP,2,East Mids,G4S,,src\n"      // line 4
                                                              "WP,2,East Midlands,A4E,,src\n"  // line 5
                                                              "WP,3,West London,,,src\n"       // line 6
                                                              "WP,3,West London,Maximus\n"));  // line 7
    ASSERT_EQ(checked.rows.size(), 1u);
    ASSERT_EQ(checked.errors.size(), 5u);
    EXPECT_EQ(checked.errors[0].line, 2u);
    EXPECT_EQ(checked.errors[0].reason,
              "cpa_number: 'one' is not an area number like 5 or 1a (1 to 999, then at most two letters)");
    EXPECT_EQ(checked.errors[1].line, 4u);
    EXPECT_EQ(checked.errors[1].reason, "cpa_name: CPA 2 is called 'East Midlands' on an earlier line");
    EXPECT_EQ(checked.errors[2].line, 5u);
    EXPECT_EQ(checked.errors[2].reason, "prime_provider: 'A4E' already holds CPA 2 (line 3)");
    EXPECT_EQ(checked.errors[3].reason, "prime_provider: is empty");
    EXPECT_EQ(checked.errors[4].reason, "expected 6 fields, found 4");
}

TEST(RegistryRows, RefusesAHeaderWithAMissingOrUnknownColumn) {
    auto missing = check_registry(rows("programme,cpa_number,cpa_name,prime_provider,source\nWP,1,E,S,src\n"));
    ASSERT_EQ(missing.errors.size(), 1u);
    EXPECT_EQ(missing.errors[0].line, 1u);
    EXPECT_NE(missing.errors[0].reason.find("no 'notes' column"), std::string::npos);
    EXPECT_TRUE(missing.rows.empty());

    auto unknown = check_registry(rows(std::string("extra,") + kHeader + "x,WP,1,E,S,,src\n"));
    ASSERT_EQ(unknown.errors.size(), 1u);
    EXPECT_NE(unknown.errors[0].reason.find("unknown column 'extra'"), std::string::npos);
}

TEST(RegistryRows, RefusesAnEmptyFileAndAHeaderWithoutRows) {
    EXPECT_EQ(check_registry({}).errors.size(), 1u);
    auto header_only = check_registry(rows(kHeader));
    ASSERT_EQ(header_only.errors.size(), 1u);
    EXPECT_EQ(header_only.errors[0].reason, "the file has a header but no rows");
}

TEST(RegistryRows, RefusesControlCharactersInsideAField) {
    auto checked = check_registry(rows(std::string(kHeader) + "WP,1,\"East\nof England\",Seetec,,src\n"));
    ASSERT_EQ(checked.errors.size(), 1u);
    EXPECT_EQ(checked.errors[0].line, 2u);
    EXPECT_EQ(checked.errors[0].reason.substr(0, 9), "cpa_name:");
}

TEST(ProviderRows, APrimeCannotBeItsOwnSubcontractor) {
    auto checked =
        check_providers(rows("programme,cpa_number,prime_provider,subcontractor,source\n"
                             "WP,5,Avanta,Avanta,src\nWP,5,Avanta,Tomorrow's People,src\n"));
    ASSERT_EQ(checked.errors.size(), 1u);
    EXPECT_EQ(checked.errors[0].line, 2u);
    EXPECT_EQ(checked.rows.size(), 1u);
}

TEST(OfficeRows, NormalisesPostcodeDistrictsAndRefusesWholePostcodes) {
    auto checked =
        check_offices(rows("provider,office_name,town,postcode_district,source\n"
                           "Seetec,Leeds Central,Leeds,ls1,src\n"
                           "Seetec,Westminster,London,SW1A,src\n"
                           "Seetec,Bad,Leeds,LS1 4AP,src\n"));
    ASSERT_EQ(checked.rows.size(), 2u);
    EXPECT_EQ(checked.rows[0].postcode_district, "LS1");
    EXPECT_EQ(checked.rows[1].postcode_district, "SW1A");
    ASSERT_EQ(checked.errors.size(), 1u);
    EXPECT_EQ(checked.errors[0].line, 4u);
}

TEST(PostcodeDistrict, AcceptsOutwardCodesOnly) {
    for (auto good : {"W1", "M60", "LS1", "EC1A", "SW1A", "B33", "CR2"}) {
        EXPECT_TRUE(normalise_postcode_district(good)) << good;
    }
    for (auto bad : {"", "1A", "LS", "LS123", "L S1", "SW1A 1AA", "ÅS1"}) {
        EXPECT_FALSE(normalise_postcode_district(bad)) << bad;
    }
}

// The Restart Scheme names its areas 1a, 1b, ... 6: a programme is data, so area codes are text.
TEST(RegistryRows, AreaCodesAreANumberAndAtMostTwoLetters) {
    auto checked = check_registry(rows(std::string(kHeader) + "Restart,1a,West Central,Serco,,src\n"
                                                              "Restart,5C,Home Counties,Reed in Partnership,,src\n"
                                                              "Restart, 06 ,Wales,Serco,,src\n"));
    ASSERT_TRUE(checked.errors.empty());
    EXPECT_EQ(checked.rows[0].cpa.text, "1a");
    EXPECT_EQ(checked.rows[0].cpa.number, 1);
    EXPECT_EQ(checked.rows[1].cpa.text, "5c");
    EXPECT_EQ(checked.rows[2].cpa.text, "6");
    for (const char* bad : {"0", "a1", "1abc", "1000", "1-a", "", "1 a"}) EXPECT_FALSE(area_code(bad)) << bad;
}

TEST(ProcedureRows, AcceptOnlyAnHttpsLinkAndNeedHowToComplainAndASource) {
    auto checked = check_procedures(
        rows("provider,how_to_complain,contact,url,source\n"
             "Seetec,Write to the complaints manager,complaints@example.org,https://example.org/complaints,leaflet\n"
             "Ingeus,Ask at reception,,,leaflet\n"
             "A4e,Write to us,,javascript:alert(1),leaflet\n"
             "Avanta,Write to us,,http://example.org,leaflet\n"
             "Avanta,Write to us,,\"https://example.org/a b\",leaflet\n"
             "Serco,,,,leaflet\n"
             "Serco,Write to us,,,\n"));
    ASSERT_EQ(checked.rows.size(), 2u);
    EXPECT_EQ(checked.rows[0].url, "https://example.org/complaints");
    EXPECT_EQ(checked.rows[1].contact, "");
    ASSERT_EQ(checked.errors.size(), 5u);
    EXPECT_EQ(checked.errors[0].line, 4u);
    EXPECT_EQ(checked.errors[0].reason, "url: 'javascript:alert(1)' is not an https:// address");
    EXPECT_EQ(checked.errors[1].line, 5u);
    EXPECT_EQ(checked.errors[2].line, 6u);
    EXPECT_EQ(checked.errors[3].line, 7u);
    EXPECT_EQ(checked.errors[4].line, 8u);
}

TEST(ProcedureRows, RefuseLinksThatDisguiseWhereTheyGo) {
    auto checked =
        check_procedures(rows("provider,how_to_complain,contact,url,source\n"
                              "A,Write to us,,https://seetec.example@evil.example/,s\n"
                              "B,Write to us,,https://javascript:alert(1),s\n"
                              "C,Write to us,,https://example.org/\u202Efdp.exe,s\n"
                              "D,Write to us,,https://localhost/,s\n"
                              "E,Write to us,,https://example.org:8443/complaints?x=1,s\n"));
    ASSERT_EQ(checked.rows.size(), 1u);
    EXPECT_EQ(checked.rows[0].provider, "E");
    EXPECT_EQ(checked.errors.size(), 4u);
}

TEST(RegistryRows, ANameWithNoLetterAToZOrDigitIsRefusedNotMergedWithOthers) {
    auto checked = check_registry(rows(std::string(kHeader) + "WP,1,East,ويلز,,src\n"       // line 2
                                                              "WP,2,West,Ⓐⓑⓒ,,src\n"        // line 3
                                                              "WP,3,North,Gwaith Ŵ,,src\n"));  // fine: "gwaith"
    ASSERT_EQ(checked.rows.size(), 1u);
    ASSERT_EQ(checked.errors.size(), 2u);
    EXPECT_EQ(checked.errors[0].line, 2u);
    EXPECT_NE(checked.errors[0].reason.find("prime_provider: 'ويلز' has no letter A to Z and no digit"),
              std::string::npos)
        << checked.errors[0].reason;
    auto subs = check_providers(rows("programme,cpa_number,prime_provider,subcontractor,source\nWP,1,Seetec,ⒶⒷ,src\n"));
    ASSERT_EQ(subs.errors.size(), 1u);
    EXPECT_NE(subs.errors[0].reason.find("subcontractor:"), std::string::npos);
}

TEST(RegistryRows, WhatTheExportGuardedAgainstSpreadsheetsReadsBackAsItWas) {
    auto checked = check_registry(rows(std::string(kHeader) + "WP,1,'+North Region,Seetec,'-,src\n"
                                                              "WP,2,'Tis the South,A4e,,src\n"));
    ASSERT_TRUE(checked.errors.empty());
    ASSERT_EQ(checked.rows.size(), 2u);
    EXPECT_EQ(checked.rows[0].cpa_name, "+North Region");
    EXPECT_EQ(checked.rows[0].notes, "-");
    EXPECT_EQ(checked.rows[1].cpa_name, "'Tis the South");  // a ' before what is no formula is kept
}
