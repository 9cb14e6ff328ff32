#pragma once
// Error policy (docs/errors.md): foreseeable failures are values carrying two texts,
// one safe to show the person and one detailed for the log. Bugs throw.
#include <expected>
#include <string>

namespace pw {

// forbidden: the person is known but may not do this (a representative acting for another provider).
enum class ErrorKind { invalid_input, not_found, forbidden, conflict, illegal_transition, unavailable };

struct Error {
    ErrorKind kind = ErrorKind::invalid_input;
    std::string message;  // safe to show the person who caused it
    std::string detail;   // for the log; may name internals, never personal data
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorKind kind, std::string message, std::string detail = {}) {
    return std::unexpected(Error{kind, std::move(message), std::move(detail)});
}

// The outcome of a result whose value the caller does not need.
template <class T>
Result<void> without_value(const Result<T>& result) {
    if (!result) return std::unexpected(result.error());
    return {};
}

}  // namespace pw
