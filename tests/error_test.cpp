#include "hpa/error.hpp"

#include <catch2/catch.hpp>

TEST_CASE("error: messages name what is known of the place", "[error]") {
  CHECK(std::string(hpa::error({"aqi.csv", 14, 3}, "expected a number, got 'n/a'").what()) ==
        "aqi.csv:14:3: expected a number, got 'n/a'");
  CHECK(std::string(hpa::error({"aqi.csv", 14, 0}, "x").what()) == "aqi.csv:14: x");
  CHECK(std::string(hpa::error({"stdin", 0, 0}, "x").what()) == "stdin: x");
  CHECK(hpa::error({"a", 2, 1}, "x").where().line == 2);
}
