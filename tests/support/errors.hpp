#pragma once
// Catching the message of an expected exception, for tests of error texts.

#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>
#include <string>

namespace parcours::testing {

/// Runs `make`, expects std::invalid_argument and returns its message ("" if none was thrown).
inline std::string invalid_argument_of(const std::function<void()>& make) {
  try {
    make();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  ADD_FAILURE() << "no std::invalid_argument thrown";
  return "";
}

}  // namespace parcours::testing
