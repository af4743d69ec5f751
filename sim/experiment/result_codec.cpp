#include "experiment/result_codec.hpp"

#include <cstring>
#include <stdexcept>

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

void put_values(std::string& out, const std::vector<model::IndicatorValue>& values) {
  put<std::uint64_t>(out, values.size());
  for (const model::IndicatorValue& v : values) {
    put<std::int32_t>(out, v.period.year);
    put<std::int32_t>(out, v.period.quarter);
    put<std::uint16_t>(out, v.group);
    put_text(out, v.indicator);
    put<double>(out, v.value);
  }
}

std::vector<model::IndicatorValue> get_values(Reader& in) {
  std::vector<model::IndicatorValue> values(in.get<std::uint64_t>());
  for (model::IndicatorValue& v : values) {
    v.period.year = in.get<std::int32_t>();
    v.period.quarter = in.get<std::int32_t>();
    v.group = in.get<std::uint16_t>();
    v.indicator = intern(in.text());
    v.value = in.get<double>();
  }
  return values;
}

void put_agreements(std::string& out, const ReplicationResult& r) {
  put<std::uint64_t>(out, r.agreements.size());
  for (const model::AgreementValue& v : r.agreements) {
    put<std::uint16_t>(out, v.agreement);
    put<std::uint8_t>(out, static_cast<std::uint8_t>(v.kind));
    put<std::int32_t>(out, v.quarter.year);
    put<std::int32_t>(out, v.quarter.quarter);
    put<std::int32_t>(out, v.year);
    put<std::uint8_t>(out, v.level);
    put_text(out, v.indicator);
    put<double>(out, v.value);
  }
  put<std::uint64_t>(out, r.agreement_labels.size());
  for (const AgreementLabels& a : r.agreement_labels) {
    for (const std::string* text :
         {&a.id, &a.organisation, &a.service, &a.region, &a.funding_mode, &a.service_group})
      put_text(out, *text);
    put<std::uint64_t>(out, a.levels.size());
    for (const std::string& level : a.levels) put_text(out, level);
  }
}

void get_agreements(Reader& in, ReplicationResult& r) {
  r.agreements.resize(in.get<std::uint64_t>());
  for (model::AgreementValue& v : r.agreements) {
    v.agreement = in.get<std::uint16_t>();
    v.kind = static_cast<model::PeriodKind>(in.get<std::uint8_t>());
    v.quarter.year = in.get<std::int32_t>();
    v.quarter.quarter = in.get<std::int32_t>();
    v.year = in.get<std::int32_t>();
    v.level = in.get<std::uint8_t>();
    v.indicator = intern(in.text());
    v.value = in.get<double>();
  }
  r.agreement_labels.resize(in.get<std::uint64_t>());
  for (AgreementLabels& a : r.agreement_labels) {
    for (std::string* text :
         {&a.id, &a.organisation, &a.service, &a.region, &a.funding_mode, &a.service_group})
      *text = std::string(in.text());
    a.levels.resize(in.get<std::uint64_t>());
    for (std::string& level : a.levels) level = std::string(in.text());
  }
}

}  // namespace

void encode_results(const std::vector<ReplicationResult>& results, std::string& out) {
  put<std::uint64_t>(out, results.size());
  for (const ReplicationResult& r : results) {
    put<std::int32_t>(out, r.replication);
    put_values(out, r.quarterly);
    put_values(out, r.yearly);
    put<std::uint64_t>(out, r.groups.size());
    for (const auto& [dimension, label] : r.groups) {
      put_text(out, dimension);
      put_text(out, label);
    }
    put_agreements(out, r);
    put<std::uint64_t>(out, r.events);
    put<std::uint64_t>(out, r.model_events);
    put<std::uint64_t>(out, r.hook_calls);
    put<std::uint64_t>(out, r.peak_clients);
  }
}

std::vector<ReplicationResult> decode_results(std::string_view bytes) {
  Reader in(bytes);
  std::vector<ReplicationResult> results(in.get<std::uint64_t>());
  for (ReplicationResult& r : results) {
    r.replication = in.get<std::int32_t>();
    r.quarterly = get_values(in);
    r.yearly = get_values(in);
    r.groups.resize(in.get<std::uint64_t>());
    for (auto& [dimension, label] : r.groups) {
      dimension = std::string(in.text());
      label = std::string(in.text());
    }
    get_agreements(in, r);
    r.events = in.get<std::uint64_t>();
    r.model_events = in.get<std::uint64_t>();
    r.hook_calls = in.get<std::uint64_t>();
    r.peak_clients = in.get<std::uint64_t>();
  }
  return results;
}

}  // namespace parcours::experiment
