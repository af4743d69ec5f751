#pragma once
// The fields of a replication's results, declared once. The MPI codec (result_codec.cpp) walks
// these lists, so a listed field always travels; result_fields_test.cpp checks that each list
// names every member of its struct (a field added to a struct and not here fails it) and that
// each listed table column appears in the tables (a field listed here and not written fails it).
//
// Adding a field to one of these structs: add it to the struct, then one Field line below with
// the table columns it lands in ("" when it lands in none, e.g. a run counter), then write it.

#include <string_view>
#include <tuple>

#include "core/calendar.hpp"
#include "experiment/replication.hpp"
#include "model/agreement_ledger.hpp"
#include "model/client_trace.hpp"
#include "model/indicators.hpp"

namespace parcours::experiment {

/// One member of a result struct: its name, the table columns it lands in (space-separated,
/// "" for none) and the member pointer.
template <typename Struct, typename Member>
struct Field {
  std::string_view name;
  std::string_view columns;
  Member Struct::*member;
};

/// The field list of a struct: fields_of(Tag<T>{}) is a tuple of Field<T, ...>.
template <typename T>
struct Tag {};

constexpr auto fields_of(Tag<core::FiscalQuarter> /*unused*/) {
  using T = core::FiscalQuarter;
  return std::tuple{Field<T, int>{"year", "fiscal_year", &T::year},
                    Field<T, int>{"quarter", "quarter", &T::quarter}};
}

constexpr auto fields_of(Tag<model::IndicatorValue> /*unused*/) {
  using T = model::IndicatorValue;
  return std::tuple{
      Field<T, core::FiscalQuarter>{"period", "fiscal_year quarter period_start", &T::period},
      Field<T, std::uint16_t>{"group", "dimension group", &T::group},
      Field<T, std::string_view>{"indicator", "indicator", &T::indicator},
      Field<T, double>{"value", "value", &T::value}};
}

constexpr auto fields_of(Tag<model::AgreementValue> /*unused*/) {
  using T = model::AgreementValue;
  return std::tuple{Field<T, std::uint16_t>{"agreement", "agreement", &T::agreement},
                    Field<T, model::PeriodKind>{"kind", "period_kind", &T::kind},
                    Field<T, core::FiscalQuarter>{"quarter", "period quarter", &T::quarter},
                    Field<T, int>{"year", "period", &T::year},
                    Field<T, std::uint8_t>{"level", "level", &T::level},
                    Field<T, std::string_view>{"indicator", "indicator", &T::indicator},
                    Field<T, double>{"value", "value", &T::value}};
}

constexpr auto fields_of(Tag<AgreementLabels> /*unused*/) {
  using T = AgreementLabels;
  return std::tuple{Field<T, std::string>{"id", "agreement", &T::id},
                    Field<T, std::string>{"organisation", "organisation", &T::organisation},
                    Field<T, std::string>{"service", "service", &T::service},
                    Field<T, std::string>{"region", "region", &T::region},
                    Field<T, std::string>{"funding_mode", "funding_mode", &T::funding_mode},
                    Field<T, std::string>{"service_group", "group", &T::service_group},
                    Field<T, std::vector<std::string>>{"levels", "level", &T::levels}};
}

constexpr auto fields_of(Tag<model::TraceRow> /*unused*/) {
  using T = model::TraceRow;
  return std::tuple{Field<T, std::uint64_t>{"client", "client", &T::client},
                    Field<T, double>{"time", "time_days", &T::time},
                    Field<T, std::string>{"date", "date", &T::date},
                    Field<T, std::string>{"row", "row", &T::row},
                    Field<T, std::string>{"what", "what", &T::what},
                    Field<T, std::string>{"stage", "stage", &T::stage},
                    Field<T, std::string>{"hook", "hook", &T::hook},
                    Field<T, std::string>{"returned", "returned", &T::returned},
                    Field<T, std::string>{"agreement", "agreement", &T::agreement},
                    Field<T, double>{"hours", "hours", &T::hours}};
}

constexpr auto fields_of(Tag<ReplicationResult> /*unused*/) {
  using T = ReplicationResult;
  return std::tuple{
      Field<T, int>{"replication", "replication", &T::replication},
      Field<T, std::vector<model::IndicatorValue>>{"quarterly", "", &T::quarterly},
      Field<T, std::vector<model::IndicatorValue>>{"yearly", "", &T::yearly},
      Field<T, model::GroupLabels>{"groups", "dimension group", &T::groups},
      Field<T, std::vector<model::AgreementValue>>{"agreements", "", &T::agreements},
      Field<T, std::vector<AgreementLabels>>{"agreement_labels", "", &T::agreement_labels},
      // run counters: the manifest's totals, no table column
      Field<T, std::uint64_t>{"events", "", &T::events},
      Field<T, std::uint64_t>{"model_events", "", &T::model_events},
      Field<T, std::uint64_t>{"hook_calls", "", &T::hook_calls},
      Field<T, std::size_t>{"peak_clients", "", &T::peak_clients},
      Field<T, std::vector<std::pair<std::string, double>>>{"parameters", "parameter value",
                                                            &T::parameters},
      Field<T, std::vector<model::TraceRow>>{"trace", "", &T::trace}};
}

/// True when T has a field list.
template <typename T>
concept HasFields = requires {
  fields_of(Tag<T>{});
};

/// Calls visit(field) for each field of T, in the declared order.
template <typename T, typename Visit>
constexpr void for_each_field(Visit&& visit) {
  std::apply([&](const auto&... field) { (visit(field), ...); }, fields_of(Tag<T>{}));
}

}  // namespace parcours::experiment
