#include <fstream>
#include <sstream>

#include "core/registry/search.hpp"
#include "store/registry/export.hpp"
#include "store/registry/import.hpp"
#include "store/registry/registry_repository_soci.hpp"
#include "store/store_test.hpp"

using namespace pw;
using namespace pw::registry;
using pw::testing::StoreTest;

namespace {

std::vector<csv::Row> rows(std::string_view text) {
    return csv::parse(text).value();
}

std::string shipped_registry() {
    std::ifstream in(std::string(PW_SOURCE_DIR) + "/data/registry/work_programme_primes.csv", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const char* kRegistryHeader = "programme,cpa_number,cpa_name,prime_provider,notes,source\n";

}  // namespace

class Registry : public StoreTest {
protected:
    store::ImportOptions options(bool skip_bad = false) { return {skip_bad, month()}; }

    void import_shipped() {
        auto report = store::import_registry(*db_, check_registry(rows(shipped_registry())), options());
        ASSERT_TRUE(report);
    }

    void import_csv_ok(store::ImportResult result) {
        ASSERT_TRUE(result) << (result ? "" : result.error().front().reason);
    }
};
PW_ENGINE_SUITE(Registry);

TEST_P(Registry, TheShippedWorkProgrammeHas18AreasAnd40ContractsHeldBy18Primes) {
    auto report = store::import_registry(*db_, check_registry(rows(shipped_registry())), options());
    ASSERT_TRUE(report);
    EXPECT_EQ(report->rows, 40u);
    EXPECT_EQ(report->created, 40u);
    EXPECT_EQ(count("programmes"), 1);
    EXPECT_EQ(count("areas"), 18);
    EXPECT_EQ(count("contracts"), 40);
    EXPECT_EQ(count("providers"), 18);
    EXPECT_EQ(count("events"), 1);
}

TEST_P(Registry, ImportingTheSameFileAgainChangesNothing) {
    import_shipped();
    auto again = store::import_registry(*db_, check_registry(rows(shipped_registry())), options());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->created, 0u);
    EXPECT_EQ(again->already_present, 40u);
    EXPECT_EQ(count("contracts"), 40);
    EXPECT_EQ(count("events"), 1);  // no change, no event
}

TEST_P(Registry, ABadRowMeansNothingIsImported) {
    const std::string text = std::string(kRegistryHeader) + "WP,1,East,Seetec,,src\nWP,x,East,A4e,,src\n";
    auto result = store::import_registry(*db_, check_registry(rows(text)), options());
    ASSERT_FALSE(result);
    ASSERT_EQ(result.error().size(), 1u);
    EXPECT_EQ(result.error()[0].line, 3u);
    EXPECT_EQ(count("areas"), 0);
    EXPECT_EQ(count("providers"), 0);
    EXPECT_EQ(count("events"), 0);
}

TEST_P(Registry, SkipBadImportsTheGoodRowsAndReportsTheRest) {
    const std::string text = std::string(kRegistryHeader) + "WP,1,East,Seetec,,src\nWP,x,East,A4e,,src\n";
    auto result = store::import_registry(*db_, check_registry(rows(text)), options(true));
    ASSERT_TRUE(result);
    EXPECT_EQ(result->created, 1u);
    ASSERT_EQ(result->skipped.size(), 1u);
    EXPECT_EQ(result->skipped[0].line, 3u);
    EXPECT_EQ(count("contracts"), 1);
}

// A programme whose address would be another's (a hyphen for the dash) is a row error that
// names both, not a failed import.
TEST_P(Registry, AProgrammeNamedAlmostLikeAnotherIsARowErrorAndChangesNothing) {
    import_shipped();
    const auto programmes = count("programmes");
    const auto areas = count("areas");
    const std::string text = std::string(kRegistryHeader) + "Work Programme (2011-2017),5,North East,Newco,,src\n";
    auto result = store::import_registry(*db_, check_registry(rows(text)), options());
    ASSERT_FALSE(result);
    ASSERT_EQ(result.error().size(), 1u);
    EXPECT_EQ(result.error()[0].line, 2u);
    EXPECT_EQ(result.error()[0].reason,
              "programme: 'Work Programme (2011-2017)' is too like 'Work Programme (2011–2017)', which is in the "
              "registry already; use that name, or one that differs in its letters or numbers");
    EXPECT_EQ(count("programmes"), programmes);
    EXPECT_EQ(count("areas"), areas);
}

TEST_P(Registry, AnAreaKeepsItsNameAcrossFiles) {
    import_shipped();
    const std::string text = std::string(kRegistryHeader) + "Work Programme (2011–2017),5,Somewhere Else,Newco,,src\n";
    auto result = store::import_registry(*db_, check_registry(rows(text)), options());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error()[0].reason, "cpa_name: CPA 5 of Work Programme (2011–2017) is already called 'North East'");
    EXPECT_EQ(count("providers"), 18);  // Newco was rolled back with the row
}

TEST_P(Registry, ASecondProgrammeIsAnImportNotCode) {
    import_shipped();
    const std::string text = std::string(kRegistryHeader) + "Restart Scheme,1,Central England,Seetec,,DWP\n";
    import_csv_ok(store::import_registry(*db_, check_registry(rows(text)), options()));
    EXPECT_EQ(count("programmes"), 2);
    EXPECT_EQ(count("areas"), 19);
    EXPECT_EQ(count("providers"), 18);  // Seetec is the same organisation in both
    store::SociRegistryRepository repo(*db_);
    EXPECT_EQ(repo.list_areas().size(), 19u);
}

TEST_P(Registry, SubcontractorsHangUnderAPrimesContractInAnArea) {
    import_shipped();
    const std::string text =
        "programme,cpa_number,prime_provider,subcontractor,source\n"
        "Work Programme (2011–2017),5,Avanta,Tomorrow's People,test source\n"
        "Work Programme (2011–2017),5,Seetec,Nobody Ltd,test source\n"    // Seetec holds no CPA 5 contract
        "Work Programme (2011–2017),99,Avanta,Nobody Ltd,test source\n";  // no CPA 99
    auto refused = store::import_subcontracts(*db_, check_providers(rows(text)), options());
    ASSERT_FALSE(refused);
    ASSERT_EQ(refused.error().size(), 2u);
    EXPECT_EQ(refused.error()[0].line, 3u);
    EXPECT_EQ(refused.error()[0].reason, "prime_provider: 'Seetec' holds no contract in CPA 5 (North East)");
    EXPECT_EQ(refused.error()[1].line, 4u);
    EXPECT_EQ(count("subcontracts"), 0);

    auto partial = store::import_subcontracts(*db_, check_providers(rows(text)), options(true));
    ASSERT_TRUE(partial);
    EXPECT_EQ(partial->created, 1u);
    EXPECT_EQ(partial->skipped.size(), 2u);

    store::SociRegistryRepository repo(*db_);
    auto hits = repo.search("tomorrow", 10);
    ASSERT_EQ(hits.size(), 1u);
    auto sub = repo.find_provider(ProviderId{hits[0].id});
    ASSERT_TRUE(sub);
    EXPECT_TRUE(sub->is_subcontractor());
    EXPECT_FALSE(sub->is_prime());
    ASSERT_EQ(sub->roles.size(), 1u);
    EXPECT_EQ(sub->roles[0].area.code, "5");
    ASSERT_TRUE(sub->roles[0].parent_prime);
    EXPECT_EQ(sub->roles[0].parent_prime->name, "Avanta");
}

TEST_P(Registry, OfficesAndStandardsBelongToAProvider) {
    import_shipped();
    const std::string offices =
        "provider,office_name,town,postcode_district,source\n"
        "Seetec,Leeds Central,Leeds,ls1,test\n"
        "Seetec,Stoke Hub,Stoke-on-Trent,ST1,test\n";
    import_csv_ok(store::import_offices(*db_, check_offices(rows(offices)), options()));
    const std::string unknown = "provider,office_name,town,postcode_district,source\nNobody,X,Leeds,LS1,test\n";
    EXPECT_FALSE(store::import_offices(*db_, check_offices(rows(unknown)), options()));

    const std::string standards =
        "provider,standard,source\n"
        "Seetec,We will see you at least once a month,Seetec MSS 2011\n"
        "Seetec,We will agree an action plan with you,Seetec MSS 2011\n";
    const auto first = store::import_standards(*db_, check_standards(rows(standards)), options());
    ASSERT_TRUE(first);
    EXPECT_EQ(first->created, 2u);
    // The same file again replaces the list, not adds to it, and reports nothing added.
    const auto again = store::import_standards(*db_, check_standards(rows(standards)), options());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->created, 0u);
    EXPECT_EQ(again->already_present, 2u);
    // A changed second standard is the one row reported as added.
    const std::string changed =
        "provider,standard,source\n"
        "Seetec,We will see you at least once a month,Seetec MSS 2011\n"
        "Seetec,We will agree an action plan with you within two weeks,Seetec MSS 2011\n";
    const auto third = store::import_standards(*db_, check_standards(rows(changed)), options());
    ASSERT_TRUE(third);
    EXPECT_EQ(third->created, 1u);
    EXPECT_EQ(third->already_present, 1u);
    import_csv_ok(store::import_standards(*db_, check_standards(rows(standards)), options()));

    store::SociRegistryRepository repo(*db_);
    auto seetec = repo.search("seetec", 10);
    ASSERT_FALSE(seetec.empty());
    auto detail = repo.find_provider(ProviderId{seetec[0].id});
    ASSERT_TRUE(detail);
    ASSERT_EQ(detail->offices.size(), 2u);
    EXPECT_EQ(detail->offices[0].town, "Leeds");
    EXPECT_EQ(detail->offices[0].postcode_district, "LS1");
    ASSERT_EQ(detail->standards.size(), 2u);
    EXPECT_EQ(detail->standards[0].text, "We will see you at least once a month");

    auto by_town = repo.search(*search_key_for("stoke on trent"), 10);
    ASSERT_EQ(by_town.size(), 1u);
    EXPECT_EQ(by_town[0].kind, HitKind::office);
    EXPECT_EQ(by_town[0].context, "Seetec, Stoke-on-Trent ST1");
    auto office = repo.find_office(OfficeId{by_town[0].id});
    ASSERT_TRUE(office);
    EXPECT_EQ(office->provider.name, "Seetec");
}

TEST_P(Registry, AreasListTheirPrimesAndProvidersTheirAreas) {
    import_shipped();
    store::SociRegistryRepository repo(*db_);
    auto areas = repo.list_areas();
    ASSERT_EQ(areas.size(), 18u);
    EXPECT_EQ(areas[0].area.code, "1");
    EXPECT_EQ(areas[0].area.name, "East of England");
    ASSERT_EQ(areas[2].primes.size(), 3u);  // West London: Ingeus Deloitte, Maximus, Reed in Partnership
    EXPECT_EQ(areas[2].primes[0].name, "Ingeus Deloitte");
    EXPECT_EQ(areas[2].primes[1].name, "Maximus");

    auto area = repo.find_area(areas[17].area.id);
    ASSERT_TRUE(area);
    EXPECT_EQ(area->area.code, "18");
    ASSERT_EQ(area->contracts.size(), 2u);
    EXPECT_EQ(area->contracts[1].prime.name, "Newcastle College Group (Intraining)");
    EXPECT_NE(area->contracts[1].notes.find("terminated for poor performance"), std::string::npos);

    auto ingeus = repo.find_provider(areas[0].primes[0].id);
    ASSERT_TRUE(ingeus);
    EXPECT_EQ(ingeus->provider.name, "Ingeus Deloitte");
    EXPECT_EQ(ingeus->roles.size(), 7u);
    EXPECT_TRUE(ingeus->is_prime());
    EXPECT_EQ(ingeus->roles[0].source, "DWP FOI ref 2883(2012) 3 Aug 2012 (docslib.org/doc/12113247/dwp-letterhead)");

    EXPECT_FALSE(repo.find_area(AreaId{99999}));
    EXPECT_FALSE(repo.find_provider(ProviderId{99999}));
    EXPECT_FALSE(repo.find_office(OfficeId{1}));
}

TEST_P(Registry, SearchPutsNameStartsFirstAndHonoursTheLimit) {
    import_shipped();
    store::SociRegistryRepository repo(*db_);
    auto hits = repo.search(
        "group", 20);  // CDG (Careers Development Group), JHP Group, Newcastle College Group, Rehab Group, ESG
    ASSERT_GE(hits.size(), 4u);
    for (const auto& hit : hits) EXPECT_NE(hit.name.find("Group"), std::string::npos) << hit.name;
    EXPECT_EQ(repo.search("group", 2).size(), 2u);
    EXPECT_EQ(repo.search("rehab", 5)[0].name, "Rehab Group (Rehab JobFit)");
    EXPECT_TRUE(repo.search("zzzz", 5).empty());
}

TEST_P(Registry, TheExportImportsBackIntoTheSameRegistry) {
    import_shipped();
    const std::string exported = store::export_registry_csv(*db_);
    EXPECT_EQ(exported.substr(0, exported.find('\n')), "programme,cpa_number,cpa_name,prime_provider,notes,source\r");

    std::string reason;
    auto other = pw::testing::TestDatabase::create(GetParam(), reason);
    ASSERT_TRUE(other);
    auto db2 = std::move(*store::Database::open(*store::parse_database_url(other->url())));
    ASSERT_TRUE(store::migrate(*db2));
    auto report = store::import_registry(*db2, check_registry(rows(exported)), options());
    ASSERT_TRUE(report);
    EXPECT_EQ(report->created, 40u);
    EXPECT_EQ(store::export_registry_csv(*db2), exported);
}

TEST_P(Registry, AComplaintsProcedureIsOnePerProviderAndAnImportReplacesIt) {
    import_shipped();
    const std::string header = "provider,how_to_complain,contact,url,source\n";
    const std::string first = header +
                              "Seetec,Write to the complaints manager; we reply within 10 working days,"
                              "complaints@example.org,https://example.org/complaints,Seetec leaflet 2012\n";
    import_csv_ok(store::import_procedures(*db_, check_procedures(rows(first)), options()));
    auto again = store::import_procedures(*db_, check_procedures(rows(first)), options());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->created, 0u);
    EXPECT_EQ(again->already_present, 1u);

    store::SociRegistryRepository repo(*db_);
    const auto seetec = repo.search("seetec", 10).at(0).id;
    auto detail = repo.find_provider(ProviderId{seetec});
    ASSERT_TRUE(detail && detail->complaints_procedure);
    EXPECT_EQ(detail->complaints_procedure->contact, "complaints@example.org");

    const std::string replaced = header + "Seetec,Ask at reception for the complaints form,,,Seetec leaflet 2013\n";
    import_csv_ok(store::import_procedures(*db_, check_procedures(rows(replaced)), options()));
    detail = repo.find_provider(ProviderId{seetec});
    ASSERT_TRUE(detail && detail->complaints_procedure);
    EXPECT_EQ(detail->complaints_procedure->how, "Ask at reception for the complaints form");
    EXPECT_EQ(detail->complaints_procedure->url, "");

    // Twice in one file, or an unknown provider: the whole file is refused and nothing changes.
    const std::string twice = header + "Seetec,One way,,,s\nSeetec,Another way,,,s\n";
    auto refused = store::import_procedures(*db_, check_procedures(rows(twice)), options());
    ASSERT_FALSE(refused);
    ASSERT_EQ(refused.error().size(), 1u);
    EXPECT_EQ(refused.error()[0].line, 3u);
    EXPECT_EQ(refused.error()[0].reason, "provider: 'Seetec' has a procedure on an earlier line");
    const std::string unknown = header + "Seetec,A third way,,,s\nNobody Ltd,Write to us,,,s\n";
    EXPECT_FALSE(store::import_procedures(*db_, check_procedures(rows(unknown)), options()));
    EXPECT_EQ(repo.find_provider(ProviderId{seetec})->complaints_procedure->how,
              "Ask at reception for the complaints form");
}
