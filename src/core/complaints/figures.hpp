#pragma once
// What is published about the complaints people track here, per provider: each count is noisy
// (docs/disclosure.md), drawn once per provider and month, and summed over the window.
#include <cstdint>

namespace pw::complaints {

struct ComplaintCells {
    long long sent = 0;              // official complaints sent
    long long answered_in_time = 0;  // final responses within 8 weeks of the complaint
    long long to_ice = 0;            // taken to the Independent Case Examiner
    friend bool operator==(const ComplaintCells&, const ComplaintCells&) = default;
};

struct ComplaintSum {
    ComplaintCells cells;
    long long cells_summed = 0;
};

// As a page shows them: nothing below the threshold on the noisy count of complaints sent.
struct ComplaintFigures {
    long long sent = 0;
    double sd = 0;  // of each count
    long long shown_from = 10;
    bool shown() const { return sent >= shown_from; }
    // Shares of the noisy sent count, clamped to 0..1.
    double answered_share = 0;
    double ice_share = 0;
};

}  // namespace pw::complaints
