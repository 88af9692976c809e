#include "hpa/measures.hpp"

#include <catch2/catch.hpp>

using namespace hpa;

TEST_CASE("measures: cumulative tiers, III within II within I (§4.2.3, §4.2.4)", "[measures]") {
  const auto iii = measures_for("III"), ii = measures_for("II"), i = measures_for("I");
  CHECK(iii.size() < ii.size());
  CHECK(ii.size() < i.size());
  for (const auto& m : iii) CHECK(m.tier == "III");
  CHECK(i.size() == pingdingshan_2023_measures().size());
  CHECK(measures_for("IV").empty());
  for (const auto& m : pingdingshan_2023_measures()) {
    INFO(m.text_en);
    CHECK_FALSE(m.dept_zh.empty());
    CHECK_FALSE(m.dept_en.empty());
    CHECK_FALSE(m.text_zh.empty());
    CHECK(m.section.rfind("§4.", 0) == 0);
  }
}

TEST_CASE("measures: the school rule at daily AQI 500 is tier I only", "[measures]") {
  int schools = 0;
  for (const auto& m : measures_for("I"))
    if (m.min_daily_aqi == 500) {
      ++schools;
      CHECK(m.tier == "I");
      CHECK(m.section == "§4.2.4(1)");
    }
  CHECK(schools == 1);
  for (const auto& m : measures_for("II")) CHECK(m.min_daily_aqi == 0);
}
