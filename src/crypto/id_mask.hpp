#pragma once
// The ids a participant is shown (their ratings and stories on /my-codename, their sanction cases,
// their complaints) and a provider is shown (complaints to answer), as a keyed permutation of the
// database's ids. The database numbers rows one after another, so two ids a person was given a
// while apart would say exactly how many ratings, referrals or complaints the whole site had in
// between: a count without the noise every published count has (docs/disclosure.md). Shown
// masked, ids say nothing of each other; the server, which has the key, reads them back. Each kind
// of row has a permutation of its own, so an id shown for one kind names nothing of another: a
// sanction case's id tried as a complaint's cannot tell whether that complaint exists.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pw::crypto {

// Each kind's value is part of its permutation: never renumber them (every id shown so far would
// change), only add new kinds at the end.
enum class IdKind : unsigned char {
    rating,
    story,
    response,
    notice,
    flag,
    suggestion,
    suggestion_note,
    hold,
    recovery_report,
    sanction_case,
    complaint,
};

class IdMask {
public:
    // Its own key, derived from a deployment secret (the codename look-up key) and a label.
    explicit IdMask(const std::array<unsigned char, 32>& deployment_key);
    // 16 lower-case hex digits.
    std::string show(IdKind kind, std::int64_t id) const;
    // The id of that kind behind a shown one; nullopt when the text is not 16 hex digits or not an
    // id shown for that kind.
    std::optional<std::int64_t> read(IdKind kind, std::string_view shown) const;

private:
    std::uint32_t round(IdKind kind, std::uint32_t half, int n) const;
    std::array<unsigned char, 16> key_{};
};

}  // namespace pw::crypto
