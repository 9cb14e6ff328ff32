#pragma once
// Fakes for the staff-report commands: an in-memory repository and a sealer that marks what it was
// given, so tests read what would have been sealed, and to whom.
#include <map>
#include <string>
#include <utility>

#include "core/staff_reports/commands.hpp"
#include "core/staff_reports/evidence.hpp"

namespace pw::testing {

using namespace pw::staff_reports;

struct Message {
    std::int64_t report = 0;
    Author author = Author::staff;
    Sealed text;
};

class FakeReports final : public StaffReportRepository {
public:
    std::map<std::int64_t, ReportState> states;
    std::map<std::int64_t, std::string> keys;
    std::map<std::int64_t, Sealed> details;
    std::map<std::int64_t, Message> messages;
    std::map<std::int64_t, events::Event> events;
    std::map<std::int64_t, std::pair<std::int64_t, std::string>> evidence;  // link -> report, sealed

    void insert_report(std::int64_t id, const ReportFacts&, const Sealed& sealed, const ReporterKeys& k,
                       Month) override {
        states[id] = ReportState::received;
        keys[id] = k.public_key;
        details[id] = sealed;
    }
    void insert_message(std::int64_t id, std::int64_t report, Author author, Month, const Sealed& text) override {
        messages[id] = {report, author, text};
    }
    std::optional<ReportState> report_state(std::int64_t id) override {
        const auto it = states.find(id);
        return it == states.end() ? std::nullopt : std::optional(it->second);
    }
    std::optional<std::string> reporter_public_key(std::int64_t id) override {
        const auto it = keys.find(id);
        return it == keys.end() ? std::nullopt : std::optional(it->second);
    }
    bool move_report(std::int64_t id, ReportState from, ReportState to) override {
        if (states.at(id) != from) return false;
        states[id] = to;
        return true;
    }
    void append(std::int64_t id, const events::Event& event) override { events.emplace(id, event); }
    void insert_evidence(std::int64_t id, std::int64_t report, Month, const std::string& sealed) override {
        evidence[id] = {report, sealed};
    }
    bool remove_evidence(std::int64_t id, std::int64_t report) override {
        const auto it = evidence.find(id);
        if (it == evidence.end() || it->second.first != report) return false;
        evidence.erase(it);
        return true;
    }
    std::optional<ReportState> hold_report(std::int64_t id) override {
        ++held;
        return report_state(id);
    }
    std::vector<std::string> sealed_evidence(std::int64_t report) override {
        std::vector<std::string> out;
        for (const auto& [id, kept] : evidence)
            if (kept.first == report) out.push_back(kept.second);
        return out;
    }
    std::optional<std::int64_t> evidence_report(std::int64_t id) override {
        const auto it = evidence.find(id);
        return it == evidence.end() ? std::nullopt : std::optional(it->second.first);
    }
    int held = 0;  // how many times a command held a report's row
};

class MarkingSealer final : public Sealer {
public:
    Sealed seal(const redaction::RedactedText& text, std::string_view reporter) const override {
        return {"moderators:" + text.str(), std::string(reporter) + ":" + text.str()};
    }
    Sealed seal_details(const ReportFacts& facts, std::string_view reporter) const override {
        return {"moderators:" + details_text(facts), std::string(reporter) + ":" + details_text(facts)};
    }
    std::string seal_evidence(const EvidenceLink& link) const override { return "moderators:" + evidence_text(link); }
};

// Opens what MarkingSealer sealed for moderators.
class MarkingOpener final : public EvidenceOpener {
public:
    std::optional<EvidenceLink> open_evidence(std::string_view sealed) const override {
        constexpr std::string_view kMark = "moderators:";
        if (!sealed.starts_with(kMark)) return std::nullopt;
        return evidence_from(sealed.substr(kMark.size()));
    }
};

// Detection reports by id, as the write's transaction would find them.
class FakeDetections final : public DetectionReports {
public:
    std::map<std::int64_t, DetectionCoverage> reports;
    std::optional<DetectionCoverage> coverage(std::int64_t id) override {
        const auto it = reports.find(id);
        return it == reports.end() ? std::nullopt : std::optional(it->second);
    }
};

}  // namespace pw::testing
