// The first labelled set (tests/data/redaction/labelled.txt), kept as a regression corpus: the
// scanners were fixed against it, so its figures are in-sample and say nothing about unseen
// text (evaluation_test.cpp measures that). It must not get worse.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>

#include "core/redaction/redaction.hpp"

using namespace pw::redaction;

namespace {

struct Labelled {
    std::string text;
    std::vector<Span> spans;
};

std::optional<Kind> kind_from(std::string_view name) {
    for (auto k : {Kind::email, Kind::phone, Kind::ni_number, Kind::postcode, Kind::staff_name}) {
        if (kind_name(k) == name) return k;
    }
    return std::nullopt;
}

// "{email|jo@example.com} wrote" -> text "jo@example.com wrote", span [0,14) email.
Labelled parse_line(const std::string& line) {
    Labelled out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] != '{') {
            out.text.push_back(line[i]);
            continue;
        }
        const auto bar = line.find('|', i);
        const auto close = line.find('}', bar);
        auto kind = kind_from(std::string_view(line).substr(i + 1, bar - i - 1));
        EXPECT_TRUE(kind) << line;
        const auto begin = out.text.size();
        out.text += line.substr(bar + 1, close - bar - 1);
        out.spans.push_back({begin, out.text.size(), kind.value_or(Kind::censored)});
        i = close;
    }
    return out;
}

struct Tally {
    int true_positive = 0;
    int false_positive = 0;
    int false_negative = 0;
    double precision() const {
        return true_positive + false_positive ? double(true_positive) / (true_positive + false_positive) : 1.0;
    }
    double recall() const {
        return true_positive + false_negative ? double(true_positive) / (true_positive + false_negative) : 1.0;
    }
};

}  // namespace

TEST(RedactionQuality, PrecisionAndRecallPerKindOnTheLabelledSet) {
    std::ifstream in(std::string(PW_SOURCE_DIR) + "/tests/data/redaction/labelled.txt");
    ASSERT_TRUE(in) << "labelled set missing";
    std::map<Kind, Tally> tally;
    int sentences = 0;
    std::vector<std::string> misses;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        ++sentences;
        const auto labelled = parse_line(line);
        const auto found = find(labelled.text);
        for (const auto& want : labelled.spans) {
            const bool hit = std::ranges::find(found, want) != found.end();
            ++(hit ? tally[want.kind].true_positive : tally[want.kind].false_negative);
            if (!hit) misses.push_back("missed " + std::string(kind_name(want.kind)) + ": " + line);
        }
        for (const auto& got : found) {
            if (std::ranges::find(labelled.spans, got) == labelled.spans.end()) {
                ++tally[got.kind].false_positive;
                misses.push_back("extra " + std::string(kind_name(got.kind)) + " '" +
                                 labelled.text.substr(got.begin, got.end - got.begin) + "': " + line);
            }
        }
    }
    ASSERT_GE(sentences, 200);
    // Kept in redaction-regression.txt (in the build directory); not evidence of quality.
    std::FILE* report = std::fopen("redaction-regression.txt", "w");
    for (std::FILE* out : {stdout, report}) {
        if (!out) continue;
        std::fprintf(out, "Redaction regression corpus, %d sentences (in-sample: tuned on; exact span and kind):\n",
                     sentences);
        std::fprintf(out, "  %-9s %5s %5s %5s %10s %7s\n", "kind", "TP", "FP", "FN", "precision", "recall");
        for (const auto& [kind, t] : tally) {
            std::fprintf(out, "  %-9s %5d %5d %5d %10.3f %7.3f\n", std::string(kind_name(kind)).c_str(),
                         t.true_positive, t.false_positive, t.false_negative, t.precision(), t.recall());
        }
        for (const auto& miss : misses) std::fprintf(out, "  %s\n", miss.c_str());
    }
    if (report) std::fclose(report);

    // Goals: structured data is found almost always; names, which need context, most of the time.
    for (auto kind : {Kind::email, Kind::phone, Kind::ni_number, Kind::postcode}) {
        EXPECT_GE(tally[kind].precision(), 0.95) << kind_name(kind);
        EXPECT_GE(tally[kind].recall(), 0.95) << kind_name(kind);
    }
    EXPECT_GE(tally[Kind::staff_name].precision(), 0.85);
    EXPECT_GE(tally[Kind::staff_name].recall(), 0.80);
}
