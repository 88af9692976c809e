#include "hpa/unit_check.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace hpa;

TEST_CASE("unit_check: the median sketch is within 12.5 % of the median", "[unit_check]") {
  for (double scale : {0.001, 0.8, 1.0, 35.0, 850.0, 20000.0}) {
    INFO(scale);
    median_sketch s;
    for (int i = 1; i <= 999; ++i) s.add(scale * i);  // median 500 * scale
    s.add(NAN);
    s.add(-1);
    CHECK(s.count() == 999);
    const double m = *s.median();
    CHECK(std::abs(m / (500 * scale) - 1) <= 0.125);
  }
  median_sketch empty;
  CHECK_FALSE(empty.median());
  median_sketch zeros;
  for (int i = 0; i < 30; ++i) zeros.add(0);
  CHECK(*zeros.median() < 1e-4);
  median_sketch huge;
  huge.add(1e30);
  CHECK(*huge.median() > 1e6);
}

TEST_CASE("unit_check: CO in µg/m³ and PM in mg/m³ are told", "[unit_check]") {
  auto sketch = [](double from, double to, int n = 48) {
    median_sketch s;
    for (int i = 0; i < n; ++i) s.add(from + (to - from) * i / (n - 1));
    return s;
  };
  const auto co_ug = check_unit(sketch(300, 2500), co_bounds);
  REQUIRE(co_ug);
  CHECK(co_ug->likely_unit == "µg/m³ (divide by 1000)");
  CHECK_FALSE(check_unit(sketch(0.2, 6), co_bounds));  // mg/m³ as it should be
  CHECK_FALSE(check_unit(sketch(30, 90), co_bounds));  // a heavy winter, still mg/m³
  const auto pm_mg = check_unit(sketch(0.01, 0.3), pm25_bounds);
  REQUIRE(pm_mg);
  CHECK(pm_mg->likely_unit == "mg/m³ (multiply by 1000)");
  CHECK_FALSE(check_unit(sketch(5, 400), pm25_bounds));
  CHECK(check_unit(sketch(5000, 90000), pm10_bounds)->likely_unit == "ng/m³ (divide by 1000)");
  CHECK_FALSE(check_unit(sketch(2, 60), so2_bounds));
  CHECK(check_unit(sketch(0.002, 0.06), so2_bounds));
  CHECK_FALSE(check_unit(sketch(300, 2500, 23), co_bounds));  // under a day of values: no judgement
}
