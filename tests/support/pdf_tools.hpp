#pragma once
// A PDF read back with Poppler's tools (poppler-utils: pdftotext, pdfinfo, pdffonts), as a
// reader's software would, for the tests of documents.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace pw::testing {

// A command's standard output.
inline std::string command_output(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return out;
    char buffer[4096];
    while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    ::pclose(pipe);
    return out;
}

// The PDF in a file of its own, removed when done.
struct PdfFile {
    std::filesystem::path path;
    explicit PdfFile(const std::string& pdf) {
        static int n = 0;
        path = std::filesystem::temp_directory_path() /
               ("pw-document-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".pdf");
        std::ofstream(path, std::ios::binary) << pdf;
    }
    ~PdfFile() { std::filesystem::remove(path); }
    PdfFile(const PdfFile&) = delete;
    PdfFile& operator=(const PdfFile&) = delete;
    // "pdfinfo", "pdffonts", or "pdftotext" (to standard output) with its options.
    std::string tool(const std::string& name, const std::string& options = "") const {
        return command_output(name + " " + options + " '" + path.string() + "' " + (name == "pdftotext" ? "- " : "") +
                              "2>/dev/null");
    }
    // The text, with runs of spaces and line breaks as one space (pdftotext lays words out as the
    // page does) and without the marks it puts around right-to-left runs (U+202A to U+202E).
    std::string text() const {
        const auto unmarked =
            std::regex_replace(tool("pdftotext", "-enc UTF-8"), std::regex("\xE2\x80[\xAA-\xAE]"), "");
        return std::regex_replace(unmarked, std::regex("[ \\n\\f]+"), " ");
    }
};

}  // namespace pw::testing
