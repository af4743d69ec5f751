#include "model/client.hpp"

namespace parcours::model {

std::string_view to_string(IncomeSupport s) {
  switch (s) {
    case IncomeSupport::kLastResort:
      return "afdr";
    case IncomeSupport::kEmploymentInsurance:
      return "ei";
    case IncomeSupport::kNone:
      return "none";
  }
  return "none";
}

char to_letter(Conclusion c) { return static_cast<char>('A' + static_cast<int>(c)); }

}  // namespace parcours::model
