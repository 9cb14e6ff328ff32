#pragma once
// A decoded form or query: field name -> value, as typed. Core checks it; web decodes it.
#include <map>
#include <string>
#include <string_view>

namespace pw {

using FormFields = std::map<std::string, std::string, std::less<>>;

inline std::string_view field(const FormFields& fields, std::string_view name) {
    auto it = fields.find(name);
    return it == fields.end() ? std::string_view{} : std::string_view(it->second);
}

// One problem with one field, for the GOV.UK error summary: the message links to the field.
struct FieldError {
    std::string field;
    std::string message;
};

}  // namespace pw
