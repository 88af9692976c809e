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
  for (auto [part, kind] :
       {std::pair{"dust", "construction_site"}, {"mobile", "large_vehicle_user"}, {"co-heating", "other"}}) {
    source x;
    x.county = s.county;
    x.part = part;
    x.kind = kind;
    x.id = kind;
    v.push_back(x);
  }
  return v;
}

const ratio_check& check(const reduction_result& r, const std::string& county, const std::string& tier,
                         const std::string& what) {
  for (const auto& c : r.checks)
    if (c.county == county && c.tier == tier && c.what == what) return c;
  FAIL("no check " << county << " " << tier << " " << what);
  return r.checks.front();
}

const std::map<std::string, emissions> totals_x = {{"X", {100, 100, 100, 100}}};
}  // namespace

TEST_CASE("reduction: exactly 10.0 % passes, a hair less fails with its shortfall", "[reduction]") {
  reduction_policy p;
  const auto ok =
      check_reductions(totals_x, full_list(plant({10, 10, 10, 10}, {20, 20, 20, 20}, {30, 30, 30, 30})), {}, p);
  CHECK(check(ok, "X", "III", "PM").status == check_status::pass);
  CHECK(check(ok, "X", "I", "VOCs").status == check_status::pass);
  CHECK_FALSE(ok.failed());
  const auto short_ =
      check_reductions(totals_x, full_list(plant({10, 10, 9.99, 10}, {20, 20, 20, 20}, {30, 30, 30, 30})), {}, p);
  const auto& c = check(short_, "X", "III", "PM");
  CHECK(c.status == check_status::fail);
  CHECK(c.shortfall == Approx(0.01));
  CHECK(short_.failed());
  CHECK(check(short_, "", "III", "PM").status == check_status::fail);  // city-wide too
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
    CHECK(check(r, "X", "III", "SO2+NOx").status == check_status::pass);
    CHECK(check(r, "X", "III", "SO2").status == check_status::info);
  }
  SECTION("tonnage: 14 t of 200 t = 7 % < 10 %: fails") {
    p.so2_nox = so2_nox_rule::tonnage;
    const auto r = check_reductions(totals, list, {}, p);
    CHECK(check(r, "X", "III", "SO2+NOx").status == check_status::fail);
    CHECK(check(r, "X", "III", "SO2+NOx").shortfall == Approx(6));
  }
  SECTION("each: NOx 1.1 % < 10 %: fails") {
    p.so2_nox = so2_nox_rule::each;
    const auto r = check_reductions(totals, list, {}, p);
    CHECK(check(r, "X", "III", "SO2").status == check_status::pass);
    CHECK(check(r, "X", "III", "NOx").status == check_status::fail);
    for (const auto& c : r.checks) CHECK(c.what != "SO2+NOx");
  }
}

TEST_CASE("reduction: a granted lower ratio is an exception, never a pass", "[reduction]") {
  const auto list = full_list(plant({10, 10, 10, 10}, {20, 20, 20, 20}, {30, 30, 30, 26}));
  const granted_exception g{"X", "I", pollutant::vocs, 0.25, "测算说明"};
  const auto r = check_reductions(totals_x, list, {g}, {});
  CHECK(check(r, "X", "I", "VOCs").status == check_status::exception);
  CHECK(check(r, "X", "I", "VOCs").note == "granted 25 %: 测算说明");
  CHECK(check(r, "", "I", "VOCs").status ==
        check_status::fail);  // a county's exception does not lower the city's ratio
  const granted_exception low{"X", "I", pollutant::vocs, 0.28, "测算说明"};
  CHECK(check(check_reductions(totals_x, list, {low}, {}), "X", "I", "VOCs").status == check_status::fail);
}

TEST_CASE("reduction: findings name the rows", "[reduction]") {
  auto base = plant({10, 10, 10, 10}, {20, 20, 20, 20}, {30, 30, 30, 30});
  auto texts = [&](const source& s) {
    std::vector<std::string> out;
    for (const auto& f : check_reductions(totals_x, full_list(s), {}, {}).findings)
      out.push_back(to_string(f.severity) + std::string(" ") + f.text);
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

TEST_CASE("reduction: statuses, severities and SO2/NOx readings have one name each, both ways", "[reduction]") {
  for (const auto s : all_check_statuses) {
    check_status back = s == check_status::pass ? check_status::fail : check_status::pass;
    CHECK(from_string(to_string(s), back));
    CHECK(back == s);
  }
  for (const auto s : all_finding_severities) {
    finding_severity back = s == finding_severity::fail ? finding_severity::warn : finding_severity::fail;
    CHECK(from_string(to_string(s), back));
    CHECK(back == s);
  }
  for (const auto r : all_so2_nox_rules) {
    so2_nox_rule back = r == so2_nox_rule::each ? so2_nox_rule::tonnage : so2_nox_rule::each;
    CHECK(from_string(to_string(r), back));
    CHECK(back == r);
  }
  CHECK(std::string(to_string(check_status::exception)) == "exception");
  CHECK(std::string(to_string(finding_severity::warn)) == "warn");
  CHECK(std::string(to_string(so2_nox_rule::ratio_sum)) == "ratio_sum");
  so2_nox_rule r = so2_nox_rule::tonnage;
  CHECK_FALSE(from_string("Ratio_Sum", r));
  CHECK(r == so2_nox_rule::tonnage);  // untouched when the name is unknown
  check_status st = check_status::info;
  CHECK_FALSE(from_string("passed", st));
}

TEST_CASE("reduction: one area at one tier, each reading on its own", "[reduction]") {
  // SO2 total 20, NOx 180, tier III (10 %): SO2 cut 12 (60 %), NOx cut 2 (1.1 %)
  const area_tier at{"X", "III", {12, 2, 10, 0}, {20, 180, 100, 100}, 0.10};
  const auto pm = check_pollutant(at, 2, {}, so2_nox_rule::ratio_sum);
  CHECK(pm.status == check_status::pass);
  const auto vocs = check_pollutant(at, 3, {}, so2_nox_rule::ratio_sum);
  CHECK(vocs.status == check_status::fail);
  CHECK(vocs.shortfall == Approx(10));
  CHECK(check_pollutant(at, 0, {}, so2_nox_rule::ratio_sum).status == check_status::info);
  CHECK(check_pollutant(at, 1, {}, so2_nox_rule::each).status == check_status::fail);
  const auto sum = check_so2_nox_ratio_sum(at, {});
  CHECK(sum.share == Approx(0.6 + 2.0 / 180));
  CHECK(sum.required == Approx(0.2));
  CHECK(sum.status == check_status::pass);
  const auto tonnage = check_so2_nox_tonnage(at, {});
  CHECK(tonnage.share == Approx(0.07));
  CHECK(tonnage.status == check_status::fail);
  // a granted 5 % for NOx covers the pair under tonnage: 7 % >= 5 %
  const granted_exception g{"X", "III", pollutant::nox, 0.05, "测算说明"};
  CHECK(check_so2_nox_tonnage(at, {g}).status == check_status::exception);
  // the city-wide area has no granted ratio
  const area_tier city{"", "III", at.cut, at.total, 0.10};
  CHECK(check_so2_nox_tonnage(city, {g}).status == check_status::fail);
  // ratio_sum below even the granted ratio: 2 % + 1 % < 2 × 5 %; the shortfall is on SO2, the smaller total
  const area_tier low{"X", "III", {0.4, 1.8, 10, 10}, {20, 180, 100, 100}, 0.10};
  const auto below = check_so2_nox_ratio_sum(low, {g});
  CHECK(below.status == check_status::fail);
  CHECK(below.note == "below even the granted ratio; ratio sum of SO2 and NOx");
  CHECK(below.shortfall == Approx((0.2 - 0.03) * 20));
}

TEST_CASE("reduction: each finding rule on its own row", "[reduction]") {
  auto base = plant({10, 10, 10, 10}, {20, 20, 20, 20}, {30, 30, 30, 30});
  std::vector<finding> out;
  auto stopped = base;
  stopped.kind = "power_plant";
  stopped.tiers.clear();  // no cut, but a line stopped: still curtailed
  stopped.tiers["I"].stopped_lines = "1#";
  find_power_or_heating_curtailed(stopped, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].severity == finding_severity::warn);
  CHECK(out[0].rule == "§4.2.1(4)");
  out.clear();
  find_leading_given_cuts(stopped, out);  // grade B, and no cut anyway
  CHECK(out.empty());
  auto industrial_dust = base;
  industrial_dust.part = "dust";  // the plan fields are asked of industrial enterprises only
  industrial_dust.contact.clear();
  find_plan_fields_missing(industrial_dust, out);
  CHECK(out.empty());
  find_list_parts_missing("X", {base}, out);
  CHECK(out.size() == 3);
  CHECK(out[0].rule == "§4.2.1(2)");
  CHECK(out[0].id.empty());
}

TEST_CASE("reduction: shares too small everywhere, or cuts above a county's total, are doubts about the units",
          "[reduction]") {
  // t/d values labelled t/a: every cut 365 times too small, 20 % reads as 0.05 %
  const double a = 1.0 / 365;
  const auto tiny = check_reductions(totals_x,
                                     full_list(plant({10 * a, 10 * a, 10 * a, 10 * a}, {20 * a, 20 * a, 20 * a, 20 * a},
                                                     {30 * a, 30 * a, 30 * a, 30 * a})),
                                     {}, {});
  const auto doubt = doubtfully_small_shares(tiny);
  REQUIRE(doubt);
  CHECK(doubt->county == "X");
  CHECK(doubt->share == Approx(0.3 / 365));
  const auto fine =
      check_reductions(totals_x, full_list(plant({10, 10, 10, 10}, {20, 20, 20, 20}, {30, 30, 30, 30})), {}, {});
  CHECK_FALSE(doubtfully_small_shares(fine));
  CHECK_FALSE(
      doubtfully_small_shares(check_reductions(totals_x, full_list(plant({}, {}, {})), {}, {})));  // nothing cut at all
  CHECK(cuts_above_totals(fine).second == 0);
  // one county cutting more than it emits
  const std::map<std::string, emissions> small_totals = {{"X", {100, 100, 100, 20}}};
  const auto over =
      check_reductions(small_totals, full_list(plant({10, 10, 10, 10}, {20, 20, 20, 20}, {30, 30, 30, 30})), {}, {});
  const auto [first, n] = cuts_above_totals(over);  // points into `over`
  REQUIRE(first);
  CHECK(first->tier == "I");
  CHECK(first->what == "VOCs");
  CHECK(n == 1);
}
