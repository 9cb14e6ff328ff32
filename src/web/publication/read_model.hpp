#pragma once
// The published snapshot a server process shows: loaded at start and after each publication,
// swapped in whole, so a page never sees half of one snapshot and half of another.
#include <atomic>
#include <memory>
#include <string>

#include "core/publication/snapshot.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

class ReadModel {
public:
    std::shared_ptr<const publication::Snapshot> current() const { return snapshot_.load(); }
    void swap_in(std::shared_ptr<const publication::Snapshot> snapshot) { snapshot_.store(std::move(snapshot)); }

private:
    std::atomic<std::shared_ptr<const publication::Snapshot>> snapshot_;
};

// "Published in December 2026, covering January 2025 to November 2026. Next due February 2027."
std::string snapshot_note(const publication::Snapshot* snapshot);

}  // namespace pw::web
