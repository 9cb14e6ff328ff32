#pragma once
// A report being made (web/research/pending.hpp), from upload until it is kept, fails or is
// cancelled. One lifecycle, one table; PendingReports moves it only through this table.
namespace pw::web {

enum class PendingStage {
    waiting,    // queued behind others
    making,     // its tests are running
    saving,     // made, and handed to the writer: too late to cancel (delete the kept report instead)
    cancelled,  // its researcher cancelled it while it was being made: it runs on, and is never kept
    failed,     // not made or not kept: its address says why, until forgotten
    gone,       // forgotten: kept (its address shows the report), cancelled, or failed long ago
};

struct PendingTransition {
    PendingStage from, to;
};

inline constexpr PendingTransition kPendingTransitions[] = {
    {PendingStage::waiting, PendingStage::making},    // the reports' thread takes it
    {PendingStage::waiting, PendingStage::failed},    // the server stops before it is made
    {PendingStage::waiting, PendingStage::gone},      // its researcher cancels it: never made
    {PendingStage::making, PendingStage::saving},     // made: the writer keeps it
    {PendingStage::making, PendingStage::failed},     // its tests or its forms threw
    {PendingStage::making, PendingStage::cancelled},  // its researcher cancels it
    {PendingStage::saving, PendingStage::gone},       // kept
    {PendingStage::saving, PendingStage::failed},     // the writer could not keep it
    {PendingStage::cancelled, PendingStage::gone},    // its making has ended: nothing of it is kept
    {PendingStage::failed, PendingStage::gone},       // forgotten behind newer failures
};

constexpr bool pending_transition_allowed(PendingStage from, PendingStage to) {
    for (const auto& t : kPendingTransitions)
        if (t.from == from && t.to == to) return true;
    return false;
}

}  // namespace pw::web
