// number_format.hpp: numbers as hpa writes them.
#include "hpa/number_format.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using hpa::format_number;

TEST_CASE("number_format: fixed decimals without trailing zeros", "[number_format]") {
  CHECK(format_number(287.5) == "287.5");
  CHECK(format_number(150) == "150");
  CHECK(format_number(153.3333) == "153.33");
  CHECK(format_number(0.125, 2) == "0.12");  // the double below 0.125 is exactly 0.125: ties to even
  CHECK(format_number(2.675, 2) == "2.67");  // 2.675 is held as 2.67499…
  CHECK(format_number(1234.56789, 4) == "1234.5679");
  CHECK(format_number(7, 0) == "7");
  CHECK(format_number(-0.001) == "0");
  CHECK(format_number(-2.5) == "-2.5");
  CHECK(format_number(std::nan("")) == "");
  CHECK(format_number(1e20) == "100000000000000000000");
  CHECK(format_number(std::numeric_limits<double>::max()).size() == 309);
}
