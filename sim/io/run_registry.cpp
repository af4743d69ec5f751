#include "io/run_registry.hpp"

#include <sqlite3.h>

#include <algorithm>

#include "io/input_error.hpp"

namespace parcours::io {

namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 30000;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_utc TEXT NOT NULL,
  folder TEXT NOT NULL,
  scenario TEXT NOT NULL,
  seed INTEGER NOT NULL,
  replications INTEGER NOT NULL,
  version TEXT NOT NULL,
  manifest TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS run_parameters (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
);
CREATE TABLE IF NOT EXISTS run_indicators (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  fiscal_year TEXT NOT NULL,
  dimension TEXT NOT NULL,
  group_name TEXT NOT NULL,
  indicator TEXT NOT NULL,
  replications INTEGER NOT NULL,
  mean REAL,
  sd REAL,
  ci95_low REAL,
  ci95_high REAL,
  PRIMARY KEY (run_id, fiscal_year, dimension, group_name, indicator)
);
)sql";

// One prepared statement, finalised on every path out.
class Statement {
 public:
  Statement(sqlite3* db, const fs::path& path, const char* sql) : db_(db), path_(path) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail();
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int i, const std::string& text) {
    check(
        sqlite3_bind_text(stmt_, i, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
  }
  void bind(int i, std::int64_t value) { check(sqlite3_bind_int64(stmt_, i, value)); }
  void bind(int i, std::optional<double> value) {
    check(value ? sqlite3_bind_double(stmt_, i, *value) : sqlite3_bind_null(stmt_, i));
  }
  /// True while there is a row to read.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail();
    return false;
  }
  void run_once() {
    step();
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string text(int column) {
    const unsigned char* p = sqlite3_column_text(stmt_, column);
    return p == nullptr ? "" : reinterpret_cast<const char*>(p);
  }
  std::int64_t integer(int column) { return sqlite3_column_int64(stmt_, column); }
  std::optional<double> number(int column) {
    if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_double(stmt_, column);
  }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) fail();
  }
  [[noreturn]] void fail() { throw InputError(path_.string(), sqlite3_errmsg(db_)); }
  sqlite3* db_;
  const fs::path& path_;
  sqlite3_stmt* stmt_ = nullptr;
};

void exec(sqlite3* db, const fs::path& path, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message != nullptr ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    throw InputError(path.string(), text);
  }
}

void flatten(const nlohmann::json& value, const std::string& key, ParameterRows& out) {
  if (value.is_object()) {
    for (const auto& [k, v] : value.items()) flatten(v, key.empty() ? k : key + "." + k, out);
    return;
  }
  if (value.is_array() && !value.empty()) {
    bool named = true;
    for (const auto& item : value) {
      named = named && item.is_object() && item.contains("name") && item["name"].is_string();
    }
    if (named) {
      for (const auto& item : value) {
        flatten(item, key + "." + item["name"].get<std::string>(), out);
      }
      return;
    }
  }
  out.emplace_back(key, value.is_string() ? value.get<std::string>() : value.dump());
}

}  // namespace

ParameterRows flatten_parameters(const nlohmann::json& parameters) {
  ParameterRows out;
  flatten(parameters, "", out);
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

// Anything else would be silently lost (/dev/null) or never end (a FIFO).
void require_regular_file(const fs::path& path, bool must_exist) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    if (must_exist) {
      throw InputError(path.string(),
                       "no run history here yet: parcours run records each run in it (see "
                       "--registry and PARCOURS_REGISTRY)");
    }
    return;
  }
  if (!fs::is_regular_file(status)) {
    throw InputError(path.string(),
                     "the run history must be a regular file (this is a folder, a device or "
                     "a pipe); give another path with --registry");
  }
}

std::string damaged_advice(const fs::path& path) {
  return "; the run history is damaged. Your result folders are safe. Move the file aside "
         "(mv " +
         path.string() + " " + path.string() +
         ".damaged) and the next run starts a new history, or try sqlite3's .recover on it; "
         "--no-registry runs without recording";
}

}  // namespace

RunRegistry RunRegistry::open(const fs::path& path) {
  require_regular_file(path, false);
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  RunRegistry registry(path, db);  // closes the handle on any error below
  if (rc != SQLITE_OK) {
    throw InputError(path.string(), db != nullptr ? sqlite3_errmsg(db) : "cannot open database");
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  registry.check();
  // WAL lets readers and one writer work at once; NORMAL sync is safe in WAL mode.
  exec(db, path, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  exec(db, path, "BEGIN IMMEDIATE;");
  try {
    exec(db, path, kSchema);
    // Schema version 1, for whoever changes the schema later and must migrate old files.
    exec(db, path, "PRAGMA user_version = 1;");
    exec(db, path, "COMMIT;");
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK;", nullptr, nullptr, nullptr);
    throw;
  }
  return registry;
}

RunRegistry RunRegistry::open_read_only(const fs::path& path) {
  require_regular_file(path, true);
  sqlite3* db = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, nullptr);
  RunRegistry registry(path, db);
  if (rc == SQLITE_OK) {
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    // A WAL database needs its -shm file: in a read-only folder without one, reading fails
    // with SQLITE_CANTOPEN, and the file is then read as immutable (nothing can write it).
    rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master;", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return registry;
  }
  const int first = rc;
  const std::string first_message = db != nullptr ? sqlite3_errmsg(db) : "cannot open database";
  if ((first & 0xff) != SQLITE_CANTOPEN && (first & 0xff) != SQLITE_READONLY) {
    throw InputError(path.string(), first_message + ((first & 0xff) == SQLITE_CORRUPT ||
                                                             (first & 0xff) == SQLITE_NOTADB
                                                         ? damaged_advice(path)
                                                         : std::string()));
  }
  sqlite3_close_v2(db);
  db = nullptr;
  std::string uri = "file:";
  for (const char c : fs::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#') {
      uri += c == '%' ? "%25" : c == '?' ? "%3f" : "%23";  // URI escapes (RFC 3986)
    } else {
      uri += c;
    }
  }
  uri += "?immutable=1";
  rc = sqlite3_open_v2(uri.c_str(), &db,
                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX, nullptr);
  RunRegistry immutable(path, db);
  if (rc != SQLITE_OK) throw InputError(path.string(), first_message);
  return immutable;
}

void RunRegistry::check() const {
  char* message = nullptr;
  std::string result;
  const int rc = sqlite3_exec(
      db_, "PRAGMA quick_check(1);",
      [](void* out, int, char** values, char**) {
        *static_cast<std::string*>(out) = values[0] != nullptr ? values[0] : "";
        return 0;
      },
      &result, &message);
  if (rc != SQLITE_OK) {
    std::string text = message != nullptr ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    const int code = rc & 0xff;
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) text += damaged_advice(path_);
    throw InputError(path_.string(), text);
  }
  if (result != "ok")
    throw InputError(path_.string(), "quick_check: " + result + damaged_advice(path_));
}

RunRegistry::RunRegistry(RunRegistry&& other) noexcept
    : path_(std::move(other.path_)), db_(other.db_) {
  other.db_ = nullptr;
}

RunRegistry::~RunRegistry() { sqlite3_close_v2(db_); }

std::int64_t RunRegistry::add(const RunRecord& run, const ParameterRows& parameters,
                              const std::vector<RecordedIndicator>& indicators) {
  exec(db_, path_, "BEGIN IMMEDIATE;");
  try {
    std::int64_t id = 0;
    {
      Statement insert(db_, path_,
                       "INSERT INTO runs (created_utc, folder, scenario, seed, replications, "
                       "version, manifest) VALUES (?, ?, ?, ?, ?, ?, ?);");
      insert.bind(1, run.created_utc);
      insert.bind(2, run.folder);
      insert.bind(3, run.scenario);
      insert.bind(4, static_cast<std::int64_t>(run.seed));
      insert.bind(5, static_cast<std::int64_t>(run.replications));
      insert.bind(6, run.version);
      insert.bind(7, run.manifest);
      insert.run_once();
      id = sqlite3_last_insert_rowid(db_);
    }
    Statement parameter(db_, path_,
                        "INSERT INTO run_parameters (run_id, key, value) VALUES (?, ?, ?);");
    for (const auto& [key, value] : parameters) {
      parameter.bind(1, id);
      parameter.bind(2, key);
      parameter.bind(3, value);
      parameter.run_once();
    }
    Statement indicator(db_, path_,
                        "INSERT INTO run_indicators (run_id, fiscal_year, dimension, group_name, "
                        "indicator, replications, mean, sd, ci95_low, ci95_high) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);");
    for (const RecordedIndicator& i : indicators) {
      indicator.bind(1, id);
      indicator.bind(2, i.fiscal_year);
      indicator.bind(3, i.dimension);
      indicator.bind(4, i.group);
      indicator.bind(5, i.indicator);
      indicator.bind(6, static_cast<std::int64_t>(i.replications));
      indicator.bind(7, i.mean);
      indicator.bind(8, i.sd);
      indicator.bind(9, i.ci95_low);
      indicator.bind(10, i.ci95_high);
      indicator.run_once();
    }
    exec(db_, path_, "COMMIT;");
    return id;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK;", nullptr, nullptr, nullptr);
    throw;
  }
}

namespace {

RunRecord read_run(Statement& s) {
  RunRecord r;
  r.id = s.integer(0);
  r.created_utc = s.text(1);
  r.folder = s.text(2);
  r.scenario = s.text(3);
  r.seed = static_cast<std::uint64_t>(s.integer(4));
  r.replications = static_cast<int>(s.integer(5));
  r.version = s.text(6);
  r.manifest = s.text(7);
  return r;
}

constexpr const char* kRunColumns =
    "SELECT id, created_utc, folder, scenario, seed, replications, version, manifest FROM runs";

}  // namespace

std::vector<RunRecord> RunRegistry::runs() const {
  Statement s(db_, path_, (std::string(kRunColumns) + " ORDER BY id;").c_str());
  std::vector<RunRecord> out;
  while (s.step()) out.push_back(read_run(s));
  return out;
}

RunRecord RunRegistry::run(std::int64_t id) const {
  Statement s(db_, path_, (std::string(kRunColumns) + " WHERE id = ?;").c_str());
  s.bind(1, id);
  if (!s.step()) {
    throw InputError(path_.string(), "no run " + std::to_string(id) +
                                         " (parcours runs list shows the recorded runs)");
  }
  return read_run(s);
}

ParameterRows RunRegistry::parameters(std::int64_t id) const {
  Statement s(db_, path_, "SELECT key, value FROM run_parameters WHERE run_id = ? ORDER BY key;");
  s.bind(1, id);
  ParameterRows out;
  while (s.step()) out.emplace_back(s.text(0), s.text(1));
  return out;
}

std::vector<RecordedIndicator> RunRegistry::indicators(std::int64_t id,
                                                       const std::string& dimension) const {
  Statement s(db_, path_,
              "SELECT fiscal_year, dimension, group_name, indicator, replications, mean, sd, "
              "ci95_low, ci95_high FROM run_indicators WHERE run_id = ? AND (? = '' OR "
              "dimension = ?) ORDER BY rowid;");
  s.bind(1, id);
  s.bind(2, dimension);
  s.bind(3, dimension);
  std::vector<RecordedIndicator> out;
  while (s.step()) {
    out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), static_cast<int>(s.integer(4)),
                   s.number(5), s.number(6), s.number(7), s.number(8)});
  }
  return out;
}

}  // namespace parcours::io
