// Redaction measured on a labelled evaluation set written for it by four authors who never saw
// the scanners (tests/data/redaction/eval/): authors A and B are the development half, the only
// text the scanners may be tuned on; authors C and D are the test half, whose figures are the
// ones reported. The halves were split by author before any result was looked at.
//
// A line marks each identifier as {kind|text}, kind one of name, email, phone, ni_number,
// postcode, date. Per kind:
//   recall    = labelled spans whose every character the redactor removed (as any kind)
//   precision = removed spans of that kind that overlap some labelled span
//   leakage   = labelled characters left in the text
// `make test` prints both halves; the goals (recall >= 0.95, precision >= 0.85 per kind on the
// test half) are docs/redaction.md's.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/redaction/redaction.hpp"

using namespace pw::redaction;

namespace {

constexpr std::array<std::string_view, 6> kTypes{"name", "email", "phone", "ni_number", "postcode", "date"};

struct Label {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string_view type;
};

struct Line {
    std::string text;
    std::vector<Label> labels;
    std::string source;  // file:line, for the misses printed
};

// "{email|jo@example.com} wrote" -> "jo@example.com wrote" with a label [0,14) email.
std::optional<Line> parse(const std::string& marked) {
    Line out;
    for (std::size_t i = 0; i < marked.size(); ++i) {
        if (marked[i] == '}') return std::nullopt;  // a "|" outside a span is text ("Regards, Jo | Team")
        if (marked[i] != '{') {
            out.text.push_back(marked[i]);
            continue;
        }
        const auto bar = marked.find('|', i);
        const auto close = marked.find('}', i);
        if (bar == std::string::npos || close == std::string::npos || close < bar) return std::nullopt;
        const auto type = std::string_view(marked).substr(i + 1, bar - i - 1);
        const auto found = std::ranges::find(kTypes, type);
        if (found == kTypes.end() || close == bar + 1) return std::nullopt;
        const auto begin = out.text.size();
        out.text += marked.substr(bar + 1, close - bar - 1);
        if (marked.substr(bar + 1, close - bar - 1).find_first_of("{|") != std::string::npos) return std::nullopt;
        out.labels.push_back({begin, out.text.size(), *found});
        i = close;
    }
    return out;
}

std::vector<Line> read_half(const std::string& half) {
    std::vector<Line> lines;
    const std::filesystem::path folder = std::string(PW_SOURCE_DIR) + "/tests/data/redaction/eval/" + half;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) files.push_back(entry.path());
    std::ranges::sort(files);
    for (const auto& file : files) {
        std::ifstream in(file);
        int number = 0;
        for (std::string text; std::getline(in, text);) {
            ++number;
            if (text.empty() || text[0] == '#') continue;
            auto line = parse(text);
            EXPECT_TRUE(line) << file.filename() << ":" << number << " does not parse: " << text;
            if (!line) continue;
            line->source = file.filename().string() + ":" + std::to_string(number);
            lines.push_back(std::move(*line));
        }
    }
    return lines;
}

struct Tally {
    int labelled = 0, found = 0;         // recall
    int removed = 0, removed_right = 0;  // precision
    long chars = 0, chars_left = 0;      // leakage
    double recall() const { return labelled ? double(found) / labelled : 1.0; }
    double precision() const { return removed ? double(removed_right) / removed : 1.0; }
    double leakage() const { return chars ? double(chars_left) / chars : 0.0; }
};

struct Result {
    std::map<std::string_view, Tally> by_type;
    std::vector<std::string> misses;
    int lines = 0;
};

Result evaluate(const std::vector<Line>& lines) {
    Result result;
    for (const auto& line : lines) {
        ++result.lines;
        const auto spans = find(line.text);
        std::vector<bool> removed(line.text.size(), false);
        for (const auto& span : spans) {
            for (auto i = span.begin; i < span.end && i < removed.size(); ++i) removed[i] = true;
        }
        for (const auto& label : line.labels) {
            auto& tally = result.by_type[label.type];
            ++tally.labelled;
            long left = 0;
            for (auto i = label.begin; i < label.end; ++i) left += removed[i] ? 0 : 1;
            tally.chars += static_cast<long>(label.end - label.begin);
            tally.chars_left += left;
            if (left == 0) {
                ++tally.found;
            } else {
                result.misses.push_back("missed " + std::string(label.type) + " '" +
                                        line.text.substr(label.begin, label.end - label.begin) + "' (" + line.source +
                                        ")");
            }
        }
        for (const auto& span : spans) {
            if (span.kind == Kind::censored) continue;
            auto& tally = result.by_type[type_name(span.kind)];
            ++tally.removed;
            const bool overlaps = std::ranges::any_of(
                line.labels, [&](const Label& l) { return span.begin < l.end && l.begin < span.end; });
            if (overlaps) {
                ++tally.removed_right;
            } else {
                result.misses.push_back("extra " + std::string(type_name(span.kind)) + " '" +
                                        line.text.substr(span.begin, span.end - span.begin) + "' (" + line.source +
                                        ")");
            }
        }
    }
    return result;
}

void print(std::FILE* out, const std::string& half, const Result& result, bool with_misses) {
    std::fprintf(out, "Redaction on the %s set: %d lines by authors who never saw the scanners\n", half.c_str(),
                 result.lines);
    std::fprintf(out, "  %-10s %6s %6s %7s %9s %8s\n", "kind", "spans", "found", "recall", "precision", "leakage");
    for (auto type : kTypes) {
        const auto found = result.by_type.find(type);
        const Tally tally = found == result.by_type.end() ? Tally{} : found->second;
        std::fprintf(out, "  %-10s %6d %6d %7.3f %9.3f %8.3f\n", std::string(type).c_str(), tally.labelled, tally.found,
                     tally.recall(), tally.precision(), tally.leakage());
    }
    if (with_misses) {
        for (const auto& miss : result.misses) std::fprintf(out, "  %s\n", miss.c_str());
    }
}

}  // namespace

// Every line of both halves parses, and each half is large enough to mean something.
TEST(RedactionEvaluation, BothHalvesAreWellFormedAndLargeEnough) {
    const auto dev = read_half("dev");
    const auto test = read_half("test");
    EXPECT_GE(dev.size(), 500u);
    EXPECT_GE(test.size(), 500u);
    for (const auto* half : {&dev, &test}) {
        std::map<std::string_view, int> count;
        for (const auto& line : *half)
            for (const auto& label : line.labels) ++count[label.type];
        for (auto type : kTypes) EXPECT_GE(count[type], 20) << "too few " << type << " spans to measure";
    }
}

// The figures. The test half's misses are not printed: reading them is how a test half stops
// being one. The development half's misses go to redaction-dev-misses.txt for whoever tunes.
TEST(RedactionEvaluation, FiguresOnTheTestHalf) {
    const auto dev = evaluate(read_half("dev"));
    const auto test = evaluate(read_half("test"));
    // A second held-out set, written later by two more authors who never saw the scanners, and
    // scored once the scanners were done: never tuned on, its misses never printed.
    const auto holdout = evaluate(read_half("holdout"));
    // A third, written while the scanners were tuned on the second development set, and scored
    // once after.
    const auto holdout2 = evaluate(read_half("holdout2"));
    // A fourth, written while the scanners were tuned on the third development set, scored once after.
    const auto holdout3 = evaluate(read_half("holdout3"));
    // A fifth, written by two more authors while the scanners were tuned on the fourth development
    // set (authors O and P), scored before that tuning and once after.
    const auto holdout4 = evaluate(read_half("holdout4"));
    // A sixth, written by one more author while the scanners were tuned on author S's phones, and
    // scored once after.
    const auto holdout5 = evaluate(read_half("holdout5"));
    // An eighth, written by two more authors (Z and AA) while the scanners were tuned on U, V, AB
    // and AC, and scored once after.
    const auto holdout7 = evaluate(read_half("holdout7"));
    // A ninth, written by two more authors (AF and AG), unsteered, while the scanners were tuned
    // on AD and AE and a review's findings, and scored once after.
    const auto holdout8 = evaluate(read_half("holdout8"));
    std::FILE* figures = std::fopen("redaction-figures.txt", "w");
    for (std::FILE* out : {stdout, figures}) {
        if (!out) continue;
        print(out, "test", test, false);
        print(out, "holdout", holdout, false);
        print(out, "holdout2", holdout2, false);
        print(out, "holdout3", holdout3, false);
        print(out, "holdout4", holdout4, false);
        print(out, "holdout5", holdout5, false);
        print(out, "holdout7", holdout7, false);
        print(out, "holdout8", holdout8, false);
        print(out, "development", dev, false);
    }
    if (figures) std::fclose(figures);
    if (std::FILE* misses = std::fopen("redaction-dev-misses.txt", "w")) {
        print(misses, "development", dev, true);
        std::fclose(misses);
    }
    ASSERT_GT(test.lines, 0);
    // The goals, per kind on the test half: recall >= 0.95 (privacy first), precision >= 0.85.
    for (auto type : kTypes) {
        EXPECT_GE(test.by_type.at(type).recall(), 0.95) << type;
        EXPECT_GE(test.by_type.at(type).precision(), 0.85) << type;
    }
}
