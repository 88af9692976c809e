#include "hpa/measures.hpp"

#include <catch2/catch.hpp>

using namespace hpa;

TEST_CASE("measures: cumulative tiers, III within II within I (§4.2.3, §4.2.4)", "[measures]") {
  const auto p = pingdingshan_2023();
  const auto iii = measures_for(p, "III"), ii = measures_for(p, "II"), i = measures_for(p, "I");
  CHECK(iii.size() < ii.size());
  CHECK(ii.size() < i.size());
  for (const auto& m : iii) CHECK(m.tier == "III");
  CHECK(i.size() == pingdingshan_2023_measures().size());
  CHECK(measures_for(p, "IV").empty());
  for (const auto& m : pingdingshan_2023_measures()) {
    INFO(m.text_en);
    CHECK_FALSE(m.dept_zh.empty());
    CHECK_FALSE(m.dept_en.empty());
    CHECK_FALSE(m.text_zh.empty());
    CHECK(m.section.rfind("§4.", 0) == 0);
  }
}

TEST_CASE("measures: the school rule at daily AQI 500 is tier I only", "[measures]") {
  const auto p = pingdingshan_2023();
  int schools = 0;
  for (const auto& m : measures_for(p, "I"))
    if (m.min_daily_aqi == 500) {
      ++schools;
      CHECK(m.tier == "I");
      CHECK(m.section == "§4.2.4(1)");
    }
  CHECK(schools == 1);
  for (const auto& m : measures_for(p, "II")) CHECK(m.min_daily_aqi == 0);
}

TEST_CASE("measures: each built-in lists its own, Pingdingshan's only under pingdingshan-2023", "[measures]") {
  CHECK(measure_catalogue("pingdingshan-2023") == &pingdingshan_2023_measures());
  CHECK(measure_catalogue("mee-2017") == nullptr);
  CHECK(measure_catalogue("") == nullptr);
  for (const auto& p : builtin_profiles()) {
    INFO(p.name);
    const bool pingdingshan = p.name == "pingdingshan-2023";
    CHECK(p.measures == (pingdingshan ? "pingdingshan-2023" : ""));
    // every level has its measures, or the profile lists none for it
    for (const auto& l : p.levels) {
      INFO(l.name);
      CHECK(measures_for(p, l.tier).empty() != pingdingshan);
    }
  }
}
