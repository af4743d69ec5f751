#include "experiment/result_codec.hpp"

#include <cstring>
#include <stdexcept>
#include <type_traits>

#include "experiment/result_fields.hpp"

namespace parcours::experiment {

namespace {

template <typename T>
void put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

void put_text(std::string& out, std::string_view text) {
  put<std::uint64_t>(out, text.size());
  out.append(text);
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  T get() {
    need(sizeof(T));
    T value;
    std::memcpy(&value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return value;
  }
  std::string_view text() {
    const auto n = get<std::uint64_t>();
    need(n);
    const std::string_view t = bytes_.substr(at_, n);
    at_ += n;
    return t;
  }

 private:
  void need(std::size_t n) const {
    if (at_ + n > bytes_.size()) throw std::runtime_error("truncated replication results");
  }
  std::string_view bytes_;
  std::size_t at_ = 0;
};

// Indicator names live as long as the process, like the model's own name tables.
std::string_view intern(std::string_view name) { return model::intern_indicator_name(name); }

// The wire format follows the field lists of result_fields.hpp: a struct is its fields in
// order, a vector its size then its items, text its size then its bytes, a number its bytes.
template <typename T>
void put_value(std::string& out, const T& value) {
  if constexpr (HasFields<T>) {
    for_each_field<T>([&](const auto& field) { put_value(out, value.*field.member); });
  } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view>) {
    put_text(out, value);
  } else if constexpr (requires {
                         value.first;
                         value.second;
                       }) {
    put_value(out, value.first);
    put_value(out, value.second);
  } else if constexpr (requires {
                         value.size();
                         value.begin();
                       }) {
    put<std::uint64_t>(out, value.size());
    for (const auto& item : value) put_value(out, item);
  } else {
    static_assert(std::is_trivially_copyable_v<T>, "a result field the codec cannot carry");
    put<T>(out, value);
  }
}

template <typename T>
void get_value(Reader& in, T& value) {
  if constexpr (HasFields<T>) {
    for_each_field<T>([&](const auto& field) { get_value(in, value.*field.member); });
  } else if constexpr (std::is_same_v<T, std::string>) {
    value = std::string(in.text());
  } else if constexpr (std::is_same_v<T, std::string_view>) {
    value = intern(in.text());
  } else if constexpr (requires {
                         value.first;
                         value.second;
                       }) {
    get_value(in, value.first);
    get_value(in, value.second);
  } else if constexpr (requires {
                         value.size();
                         value.begin();
                       }) {
    value.resize(in.get<std::uint64_t>());
    for (auto& item : value) get_value(in, item);
  } else {
    value = in.get<T>();
  }
}

}  // namespace

void encode_results(const std::vector<ReplicationResult>& results, std::string& out) {
  put_value(out, results);
}

std::vector<ReplicationResult> decode_results(std::string_view bytes) {
  Reader in(bytes);
  std::vector<ReplicationResult> results;
  get_value(in, results);
  return results;
}

}  // namespace parcours::experiment
