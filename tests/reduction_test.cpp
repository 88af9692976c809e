// §4.2.1 (RULES.md §7): ratios per county and tier, the three SO2/NOx readings, the findings.
#include "hpa/reduction.hpp"

#include <catch2/catch.hpp>

using namespace hpa;

namespace {
// One county "X" with totals 10 of each pollutant and one industrial source cutting `cut` t/d
// of each at every tier (I, II, III the same unless given).
source plant(emissions cut_iii, emissions cut_ii, emissions cut_i) {
  source s;
  s.county = "X";
  s.part = "industrial";
  s.id = "P1";
  s.kind = "other";
  s.grade = "B";
  s.baseline = {100, 100, 100, 100};
  const std::pair<const char*, emissions> tiers[] = {{"III", cut_iii}, {"II", cut_ii}, {"I", cut_i}};
  for (const auto& [tier, cut] : tiers) {
    tier_plan t;
    t.measure = "限产";
    for (std::size_t i = 0; i < 4; ++i) t.cut[i] = cut_value{cut[i], false};
    s.tiers[tier] = t;
  }
  s.key_indicators = "用电量";
  s.prep_time = "2 h";
  s.responsible = "王";
  s.contact = "1";
  return s;
}

std::vector<source> full_list(source s) {  // with the list parts every county needs
  std::vector<source> v{s};
  for (auto [part, kind] : {std::pair{"dust", "construction_site"}, {"mobile", "large_vehicle_user"}, {"co-heating", "other"}}) {
    source x;
    x.county = s.county;
    x.part = part;
    x.kind = kind;
    x.id = kind;
    v.push_back(x);
  }
  return v;
}

const ratio_check& check(const reduction_result& r, const std::string& county, const std::string& tier, const std::string& what) {
  for (const auto& c : r.checks)
    if (c.county == county && c.tier == tier && c.what == what) return c;
  FAIL("no check " << county << " " << tier << " " << what);
  return r.checks.front();
}

const std::map<std::string, emissions> totals_x = {{"X", {100, 100, 100, 100}}};
}  // namespace

TEST_CASE("reduction: exactly 10.0 % passes, a hair less fails with its shortfall", "[reduction]") {
  reduction_policy p;
  const auto ok = check_reductions(totals_x, full_list(plant({10, 10, 10, 10}, {20, 20, 20, 20}, {30, 30, 30, 30})), {}, p);
  CHECK(check(ok, "X", "III", "PM").status == "pass");
  CHECK(check(ok, "X", "I", "VOCs").status == "pass");
  CHECK_FALSE(ok.failed());
  const auto short_ = check_reductions(totals_x, full_list(plant({10, 10, 9.99, 10}, {20, 20, 20, 20}, {30, 30, 30, 30})), {}, p);
  const auto& c = check(short_, "X", "III", "PM");
  CHECK(c.status == "fail");
  CHECK(c.shortfall == Approx(0.01));
  CHECK(short_.failed());
  CHECK(check(short_, "", "III", "PM").status == "fail");  // city-wide too
}

TEST_CASE("reduction: SO2 and NOx under the three readings", "[reduction]") {
  // SO2 total 20, NOx 180: SO2 cut 12 (60 %), NOx cut 2 (1.1 %), tier III (10 %)
  const std::map<std::string, emissions> totals = {{"X", {20, 180, 100, 100}}};
  auto list = full_list(plant({12, 2, 10, 10}, {12, 2, 20, 20}, {12, 2, 30, 30}));
  list[0].baseline = {20, 180, 100, 100};
  reduction_policy p;
  SECTION("ratio_sum: 60 % + 1.1 % >= 20 %: passes") {
    p.so2_nox = so2_nox_rule::ratio_sum;
    const auto r = check_reductions(totals, list, {}, p);
    CHECK(check(r, "X", "III", "SO2+NOx").status == "pass");
    CHECK(check(r, "X", "III", "SO2").status == "info");
  }
  SECTION("tonnage: 14 t of 200 t = 7 % < 10 %: fails") {
    p.so2_nox = so2_nox_rule::tonnage;
    const auto r = check_reductions(totals, list, {}, p);
    CHECK(check(r, "X", "III", "SO2+NOx").status == "fail");
    CHECK(check(r, "X", "III", "SO2+NOx").shortfall == Approx(6));
  }
  SECTION("each: NOx 1.1 % < 10 %: fails") {
    p.so2_nox = so2_nox_rule::each;
    const auto r = check_reductions(totals, list, {}, p);
    CHECK(check(r, "X", "III", "SO2").status == "pass");
    CHECK(check(r, "X", "III", "NOx").status == "fail");
    for (const auto& c : r.checks) CHECK(c.what != "SO2+NOx");
  }
}

TEST_CASE("reduction: a granted lower ratio is an exception, never a pass", "[reduction]") {
  const auto list = full_list(plant({10, 10, 10, 10}, {20, 20, 20, 20}, {30, 30, 30, 26}));
  const granted_exception g{"X", "I", pollutant::vocs, 0.25, "测算说明"};
  const auto r = check_reductions(totals_x, list, {g}, {});
  CHECK(check(r, "X", "I", "VOCs").status == "exception");
  CHECK(check(r, "X", "I", "VOCs").note == "granted 25 %: 测算说明");
  CHECK(check(r, "", "I", "VOCs").status == "fail");  // a county's exception does not lower the city's ratio
  const granted_exception low{"X", "I", pollutant::vocs, 0.28, "测算说明"};
  CHECK(check(check_reductions(totals_x, list, {low}, {}), "X", "I", "VOCs").status == "fail");
}

TEST_CASE("reduction: findings name the rows", "[reduction]") {
  auto base = plant({10, 10, 10, 10}, {20, 20, 20, 20}, {30, 30, 30, 30});
  auto texts = [&](const source& s) {
    std::vector<std::string> out;
    for (const auto& f : check_reductions(totals_x, full_list(s), {}, {}).findings) out.push_back(f.severity + " " + f.text);
    return out;
  };
  using v = std::vector<std::string>;
  CHECK(texts(base).empty());
  auto pp = base;
  pp.kind = "power_plant";
  CHECK(texts(pp) == v{"warn a power plant is stopped or curtailed: in principle they are not"});
  auto hb = base;
  hb.kind = "heating_boiler";
  CHECK(texts(hb) == v{"warn a heating boiler is stopped or curtailed: in principle they are not"});
  auto sm = base;
  sm.kind = "small_micro";
  CHECK(texts(sm) == v{"warn a small or micro enterprise is curtailed: only where the ratios cannot be met otherwise"});
  auto prot = base;
  prot.is_protected = true;
  prot.grade = "B-";
  CHECK(texts(prot) == v{"fail a protected (保障类) enterprise of grade 'B-': grade B or above is required"});
  auto a = base;
  a.grade = "引领性";
  CHECK(texts(a) == v{"warn a grade-引领性 enterprise is given mandatory cuts: it reduces at its own discretion"});
  auto big = plant({10, 10, 10, 10}, {20, 20, 20, 10}, {30, 30, 30, 11});
  big.baseline[3] = 10;
  CHECK(texts(big) == v{"fail tier I VOCs cut is larger than the baseline"});
  auto shrink = plant({10, 10, 10, 10}, {20, 20, 20, 20}, {30, 30, 30, 9});
  CHECK(texts(shrink) == v{"fail VOCs cut shrinks from tier II to tier I"});
  auto plan = base;
  plan.contact.clear();
  plan.tiers["II"].measure.clear();
  CHECK(texts(plan) == v{"fail the enterprise plan (一厂一策) lacks: tier II measure, contact"});
}

TEST_CASE("reduction: every county needs its list parts", "[reduction]") {
  const auto r = check_reductions(totals_x, {plant({10, 10, 10, 10}, {20, 20, 20, 20}, {30, 30, 30, 30})}, {}, {});
  std::vector<std::string> texts;
  for (const auto& f : r.findings) texts.push_back(f.text);
  CHECK(texts == std::vector<std::string>{"no construction sites in the dust list (扬尘源清单)",
                                          "no large vehicle users or truck white-list (移动源清单)",
                                          "no co-heating enterprises list (协同供暖企业清单)"});
  CHECK(r.failed());
}

TEST_CASE("reduction: shares of the baseline", "[reduction]") {
  CHECK(cut_value{0.3, true}.tonnes(20) == Approx(6));
  CHECK(cut_value{4, false}.tonnes(20) == 4);
}
