#pragma once
// The deployment secrets file (crypto/secrets.hpp) on disk.
#include <optional>
#include <string>

#include "crypto/secrets.hpp"

namespace pw::cli {

// Writes fresh secrets to path, readable by its owner only; never overwrites a file.
Result<void> write_new_secrets(const std::string& path);

// Reads the file at path. A SQLite deployment may leave --secrets out: then the file beside the
// database (`<db>.secrets`) is used, made on first start. PostgreSQL serves many processes,
// which must share one file, so it must be named.
// Reads the file at path; with make_if_missing (the SQLite default), first makes it if absent.
Result<crypto::Secrets> load_secrets(const std::string& path, bool make_if_missing = false);

struct SecretsPath {
    std::string path;
    bool make_if_missing = false;  // the SQLite default beside the database
};
// Which file: the one given, or for SQLite the one beside the database. Touches nothing.
Result<SecretsPath> secrets_path_for(const std::string& given, const std::string& db_url);

}  // namespace pw::cli
