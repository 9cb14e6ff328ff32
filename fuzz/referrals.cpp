// The referral CSV readers on arbitrary bytes, and the detection tests on whatever they accept:
// a clear error or a report, never a crash.
#include <cstdint>
#include <string_view>

#include "analytics/detection/detect.hpp"
#include "analytics/referrals/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    pw::analytics::DetectOptions options;
    options.null_units = 20;
    options.threads = 1;
    pw::analytics::ReadReport read;
    if (auto events = pw::analytics::read_events(text, read); events && events->size() < 2000)
        (void)pw::analytics::detect(*events, options);
    if (auto counts = pw::analytics::read_counts(text, read); counts && counts->size() < 2000)
        (void)pw::analytics::detect(*counts, options);
    return 0;
}
