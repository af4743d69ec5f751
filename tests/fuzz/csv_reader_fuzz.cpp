// libFuzzer target: any bytes as a CSV table. A table is read or refused with io::InputError;
// anything else (a crash, a sanitizer report, another exception) is a finding.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/csv_reader.hpp"
#include "io/input_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const parcours::io::CsvTable table = parcours::io::parse_csv(text, "fuzz.csv");
    for (std::size_t r = 0; r < table.size(); ++r) {
      for (std::size_t c = 0; c < table.header().size(); ++c) {
        (void)table.text(r, c);
        try {
          (void)table.number(r, c);
        } catch (const parcours::io::InputError&) {
        }
      }
    }
  } catch (const parcours::io::InputError&) {
  }
  return 0;
}
