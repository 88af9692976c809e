#pragma once
// The emission-reduction list checks of §4.2.1 (RULES.md §7): whether each county's list (and
// the city's) cuts SO2, NOx, particulate matter and VOCs by the required share of the
// society-wide totals at each tier, and the policy findings on the list's rows. Pure: plain
// structs in, results out; all quantities in tonnes per day.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hpa {

enum class pollutant { so2, nox, pm, vocs };
inline constexpr std::array<pollutant, 4> all_pollutants = {pollutant::so2, pollutant::nox, pollutant::pm,
                                                            pollutant::vocs};
inline const char* to_string(pollutant p) {
  constexpr const char* names[] = {"SO2", "NOx", "PM", "VOCs"};
  return names[static_cast<int>(p)];
}

inline constexpr std::array<const char*, 3> reduction_tiers = {"III", "II", "I"};

namespace detail {
/// The value of `all` whose to_string() is `text`, for the enums' from_string().
template <class E, std::size_t N>
bool enum_from_string(std::string_view text, const std::array<E, N>& all, E& out) {
  for (const E e : all)
    if (text == to_string(e)) {
      out = e;
      return true;
    }
  return false;
}
}  // namespace detail

/// How SO2 and NOx may trade (§4.2.1(1) "二者比例之和不得低于上述总体要求").
enum class so2_nox_rule {
  ratio_sum,  ///< r_SO2 + r_NOx >= 2r (default)
  tonnage,    ///< cut_SO2 + cut_NOx >= r (E_SO2 + E_NOx)
  each        ///< both >= r
};
inline constexpr std::array<so2_nox_rule, 3> all_so2_nox_rules = {so2_nox_rule::ratio_sum, so2_nox_rule::tonnage,
                                                                  so2_nox_rule::each};
/// "ratio_sum", "tonnage", "each": the names profiles and options use.
inline const char* to_string(so2_nox_rule r) {
  switch (r) {
    case so2_nox_rule::ratio_sum:
      return "ratio_sum";
    case so2_nox_rule::tonnage:
      return "tonnage";
    case so2_nox_rule::each:
      return "each";
  }
  return "";
}
/// Sets `out` to the rule named `text` (as to_string() writes it); false if there is none.
inline bool from_string(std::string_view text, so2_nox_rule& out) {
  return detail::enum_from_string(text, all_so2_nox_rules, out);
}

/// The policy of §4.2.1: required shares per tier and the SO2/NOx reading.
struct reduction_policy {
  std::map<std::string, double> required = {{"III", 0.10}, {"II", 0.20}, {"I", 0.30}};
  so2_nox_rule so2_nox = so2_nox_rule::ratio_sum;
};

using emissions = std::array<double, 4>;  ///< tonnes per day, by pollutant

/// A cut: tonnes per day, or a share of the source's baseline.
struct cut_value {
  double value = 0;
  bool share = false;
  double tonnes(double baseline) const { return share ? value * baseline : value; }
};

struct tier_plan {
  std::string measure;
  std::array<std::optional<cut_value>, 4> cut;
  std::string stopped_lines;
};

/// One row of the list (应急减排清单).
struct source {
  std::string county, part, id, name, industry;
  std::string kind;   ///< power_plant, heating_boiler, small_micro, construction_site, large_vehicle_user, other
  std::string grade;  ///< A, B, B-, C, D, 引领性, 非引领性, or empty
  bool is_protected = false;  ///< 保障类
  emissions baseline{};
  std::map<std::string, tier_plan> tiers;  ///< by "III", "II", "I"
  std::string key_indicators, prep_time, responsible, contact;
  std::uint64_t line = 0;  ///< where it was read, for findings
};

/// A lower ratio granted with a written justification (§4.2.1(3)).
struct granted_exception {
  std::string county, tier;
  pollutant what;
  double ratio;
  std::string justification;
};

/// How one ratio check came out.
enum class check_status {
  pass,       ///< the required share is met
  fail,       ///< it is not, nor a granted lower ratio
  exception,  ///< below the required share, at or above a granted lower ratio (§4.2.1(3)): never a pass
  info        ///< SO2 or NOx alone while they trade: judged in the SO2+NOx check
};
inline constexpr std::array<check_status, 4> all_check_statuses = {check_status::pass, check_status::fail,
                                                                   check_status::exception, check_status::info};
inline const char* to_string(check_status s) {
  switch (s) {
    case check_status::pass:
      return "pass";
    case check_status::fail:
      return "fail";
    case check_status::exception:
      return "exception";
    case check_status::info:
      return "info";
  }
  return "";
}
/// Sets `out` to the status named `text` (as to_string() writes it); false if there is none.
inline bool from_string(std::string_view text, check_status& out) {
  return detail::enum_from_string(text, all_check_statuses, out);
}

/// How much a finding weighs.
enum class finding_severity {
  fail,  ///< a requirement of the plan is not met: the list fails
  warn   ///< a policy point to look at
};
inline constexpr std::array<finding_severity, 2> all_finding_severities = {finding_severity::fail,
                                                                           finding_severity::warn};
inline const char* to_string(finding_severity s) { return s == finding_severity::fail ? "fail" : "warn"; }
/// Sets `out` to the severity named `text` (as to_string() writes it); false if there is none.
inline bool from_string(std::string_view text, finding_severity& out) {
  return detail::enum_from_string(text, all_finding_severities, out);
}

struct ratio_check {
  std::string county;  ///< "" = city-wide
  std::string tier;
  std::string what;  ///< "SO2", "NOx", "PM", "VOCs" or "SO2+NOx"
  double cut = 0, total = 0, share = 0, required = 0;
  check_status status = check_status::pass;
  double shortfall = 0;  ///< tonnes per day to reach the required share
  std::string note;
};

struct finding {
  finding_severity severity = finding_severity::fail;
  std::string county, id;
  std::uint64_t line = 0;
  std::string rule, text;
};

struct reduction_result {
  std::vector<ratio_check> checks;
  std::vector<finding> findings;
  bool failed() const {
    for (const auto& c : checks)
      if (c.status == check_status::fail) return true;
    for (const auto& f : findings)
      if (f.severity == finding_severity::fail) return true;
    return false;
  }
};

/// Shares compare with this relative tolerance, so that exactly 10.0 % of a total passes 10 %: a
/// share computed from t/a divided by 365 or from a percentage of a baseline lands a few units in
/// the last place off (about 1e-16 relative); 1e-9 is far above that and far below any share that
/// matters (a gram in a thousand tonnes).
inline constexpr double share_tolerance = 1e-9;
/// And this absolute one, in tonnes per day, so that a requirement of zero (a zero total) is met by
/// a sum of cuts that is zero up to rounding.
inline constexpr double tonnes_tolerance = 1e-12;

namespace detail {
inline bool at_least(double cut, double required_tonnes) {
  return cut >= required_tonnes * (1 - share_tolerance) - tonnes_tolerance;
}
inline bool above(double value, double limit) { return value > limit * (1 + share_tolerance); }
inline bool grade_b_or_above(const std::string& g) { return g == "A" || g == "B" || g == "引领性"; }
inline bool leading(const std::string& g) { return g == "A" || g == "引领性"; }
inline std::string percent(double ratio) {  // 0.085 -> "8.5 %": tenths of a percent, as the plan states ratios
  const long tenths = std::lround(ratio * 1000);
  return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "") + " %";
}
}  // namespace detail

/// The cut of source `s` at `tier` for pollutant index i, in tonnes per day (0 when none).
inline double cut_of(const source& s, const std::string& tier, std::size_t i) {
  auto it = s.tiers.find(tier);
  if (it == s.tiers.end() || !it->second.cut[i]) return 0;
  return it->second.cut[i]->tonnes(s.baseline[i]);
}

// ---- The ratios (§4.2.1(1), (3)) ----

/// One area ("" = city-wide) at one tier: what its list cuts, its society-wide totals and the
/// share required, all in tonnes per day.
struct area_tier {
  std::string area, tier;
  emissions cut{}, total{};
  double required = 0;
};

namespace detail {
/// The sum of the cuts of the sources of `area` ("" = every county) at `tier`.
inline emissions cuts_in(const std::vector<source>& sources, const std::string& area, const std::string& tier) {
  emissions cut{};
  for (const auto& s : sources)
    if (area.empty() || s.county == area)
      for (std::size_t i = 0; i < cut.size(); ++i) cut[i] += cut_of(s, tier, i);
  return cut;
}

/// The lower ratio granted to a county for `what` at its tier, if any: the city-wide ratio has none
/// (a county's exception does not lower the city's requirement).
inline const granted_exception* granted(const std::vector<granted_exception>& exceptions, const area_tier& at,
                                        pollutant what) {
  if (at.area.empty()) return nullptr;
  for (const auto& x : exceptions)
    if (x.county == at.area && x.tier == at.tier && x.what == what) return &x;
  return nullptr;
}

/// A check of `what` in one area at one tier with its cut, total and share, not judged yet.
inline ratio_check unjudged(const area_tier& at, const char* what, double cut, double total) {
  ratio_check c;
  c.county = at.area;
  c.tier = at.tier;
  c.what = what;
  c.cut = cut;
  c.total = total;
  c.share = total > 0 ? cut / total : 0;
  return c;
}

inline std::string granted_note(const granted_exception& g) {
  return "granted " + percent(g.ratio) + ": " + g.justification;
}
inline constexpr const char* below_granted_note = "below even the granted ratio";
}  // namespace detail

/// Judges a check whose cut and total are set against `need_share` of its total; below it, a
/// granted lower ratio makes it an exception, never a pass (§4.2.1(3)).
inline void judge_share(ratio_check& c, double need_share, const granted_exception* granted) {
  const double need = need_share * c.total;
  if (detail::at_least(c.cut, need)) {
    c.status = check_status::pass;
    return;
  }
  c.shortfall = need - c.cut;
  if (granted && detail::at_least(c.cut, granted->ratio * c.total)) {
    c.status = check_status::exception;
    c.note = detail::granted_note(*granted);
  } else {
    c.status = check_status::fail;
    if (granted) c.note = detail::below_granted_note;
  }
}

/// One pollutant at one tier (§4.2.1(1)): PM and VOCs each reach the required share; SO2 and NOx
/// alone only under `each`, else they are shown for information and judged together.
inline ratio_check check_pollutant(const area_tier& at, std::size_t i, const std::vector<granted_exception>& exceptions,
                                   so2_nox_rule rule) {
  const pollutant p = all_pollutants[i];
  auto c = detail::unjudged(at, to_string(p), at.cut[i], at.total[i]);
  c.required = at.required;
  const bool traded = (p == pollutant::so2 || p == pollutant::nox) && rule != so2_nox_rule::each;
  if (traded) {
    c.status = check_status::info;
    c.note = "SO2 and NOx are judged together (see SO2+NOx)";
  } else {
    judge_share(c, at.required, detail::granted(exceptions, at, p));
  }
  return c;
}

namespace detail {
inline ratio_check so2_nox_check(const area_tier& at) {
  const auto so2 = static_cast<std::size_t>(pollutant::so2), nox = static_cast<std::size_t>(pollutant::nox);
  return unjudged(at, "SO2+NOx", at.cut[so2] + at.cut[nox], at.total[so2] + at.total[nox]);
}
/// A granted lower ratio for SO2, else for NOx: either lowers the pair's requirement.
inline const granted_exception* so2_nox_granted(const std::vector<granted_exception>& exceptions, const area_tier& at) {
  const auto* g = granted(exceptions, at, pollutant::so2);
  return g ? g : granted(exceptions, at, pollutant::nox);
}
}  // namespace detail

/// SO2 and NOx by tonnage (§4.2.1(1), reading `tonnage`): cut_SO2 + cut_NOx >= r (E_SO2 + E_NOx).
inline ratio_check check_so2_nox_tonnage(const area_tier& at, const std::vector<granted_exception>& exceptions) {
  auto c = detail::so2_nox_check(at);
  c.required = at.required;
  judge_share(c, at.required, detail::so2_nox_granted(exceptions, at));
  return c;
}

/// SO2 and NOx by the sum of their ratios (§4.2.1(1) "二者比例之和不得低于上述总体要求", reading
/// `ratio_sum`): r_SO2 + r_NOx >= 2r. The shortfall is the cheapest way back: more of the pollutant
/// with the smaller total.
inline ratio_check check_so2_nox_ratio_sum(const area_tier& at, const std::vector<granted_exception>& exceptions) {
  const auto so2 = static_cast<std::size_t>(pollutant::so2), nox = static_cast<std::size_t>(pollutant::nox);
  auto c = detail::so2_nox_check(at);
  const auto share = [&](std::size_t i) { return at.total[i] > 0 ? at.cut[i] / at.total[i] : 0; };
  c.share = share(so2) + share(nox);
  c.required = 2 * at.required;
  if (detail::at_least(c.share, c.required)) {
    c.status = check_status::pass;
  } else {
    c.shortfall = (c.required - c.share) * std::min(at.total[so2], at.total[nox]);
    const auto* g = detail::so2_nox_granted(exceptions, at);
    c.status = g && detail::at_least(c.share, 2 * g->ratio) ? check_status::exception : check_status::fail;
    if (g) c.note = c.status == check_status::exception ? detail::granted_note(*g) : detail::below_granted_note;
  }
  c.note = (c.note.empty() ? "" : c.note + "; ") + "ratio sum of SO2 and NOx";
  return c;
}

/// Every check of one area at one tier: the four pollutants, then SO2+NOx unless each stands alone.
inline void check_area_tier(const area_tier& at, const std::vector<granted_exception>& exceptions, so2_nox_rule rule,
                            std::vector<ratio_check>& out) {
  for (std::size_t i = 0; i < all_pollutants.size(); ++i) out.push_back(check_pollutant(at, i, exceptions, rule));
  if (rule == so2_nox_rule::tonnage) out.push_back(check_so2_nox_tonnage(at, exceptions));
  if (rule == so2_nox_rule::ratio_sum) out.push_back(check_so2_nox_ratio_sum(at, exceptions));
}

// ---- The findings on the list's rows (§4.2.1(2), (3), (4), (6); §4.2.2-§4.2.4) ----

namespace detail {
inline finding on_row(const source& s, finding_severity severity, const char* rule, std::string text) {
  return {severity, s.county, s.id, s.line, rule, std::move(text)};
}
inline bool any_cut(const source& s) {
  for (const char* tier : reduction_tiers)
    for (std::size_t i = 0; i < all_pollutants.size(); ++i)
      if (cut_of(s, tier, i) > 0) return true;
  return false;
}
inline bool any_stopped_line(const source& s) {
  for (const auto& [tier, plan] : s.tiers)
    if (!plan.stopped_lines.empty()) return true;
  return false;
}
inline bool curtailed(const source& s) { return any_cut(s) || any_stopped_line(s); }
}  // namespace detail

/// §4.2.1(4) "全市原则上不对电厂、供暖锅炉房…采取停限产措施": power plants and heating boilers are in
/// principle neither stopped nor curtailed.
inline void find_power_or_heating_curtailed(const source& s, std::vector<finding>& out) {
  if ((s.kind == "power_plant" || s.kind == "heating_boiler") && detail::curtailed(s))
    out.push_back(detail::on_row(s, finding_severity::warn, "§4.2.1(4)",
                                 s.kind == "power_plant"
                                     ? "a power plant is stopped or curtailed: in principle they are not"
                                     : "a heating boiler is stopped or curtailed: in principle they are not"));
}

/// §4.2.1(4) "在难以满足减排要求的情况下，可按需对小微涉气企业采取相应措施": small and micro
/// enterprises only where the ratios cannot be met otherwise.
inline void find_small_micro_curtailed(const source& s, std::vector<finding>& out) {
  if (s.kind == "small_micro" && detail::curtailed(s))
    out.push_back(
        detail::on_row(s, finding_severity::warn, "§4.2.1(4)",
                       "a small or micro enterprise is curtailed: only where the ratios cannot be met otherwise"));
}

/// §4.2.1(4) "在达到…绩效评级B级以上绩效水平…允许其进行保障任务生产": protected production needs
/// performance grade B or above.
inline void find_protected_below_b(const source& s, std::vector<finding>& out) {
  if (s.is_protected && !detail::grade_b_or_above(s.grade))
    out.push_back(
        detail::on_row(s, finding_severity::fail, "§4.2.1(4)",
                       "a protected (保障类) enterprise of grade '" + s.grade + "': grade B or above is required"));
}

/// §4.2.1(4) (the performance grading it refers to): grade-A and 引领性 enterprises reduce at their
/// own discretion, so mandatory cuts on them are a point to look at.
inline void find_leading_given_cuts(const source& s, std::vector<finding>& out) {
  if (detail::leading(s.grade) && detail::any_cut(s))
    out.push_back(
        detail::on_row(s, finding_severity::warn, "§4.2.1(4)",
                       "a grade-" + s.grade + " enterprise is given mandatory cuts: it reduces at its own discretion"));
}

/// §4.2.1(3) "确保可操作、可监测、可核查": a cut larger than the source's baseline cannot be verified.
inline void find_cut_above_baseline(const source& s, std::vector<finding>& out) {
  for (const char* tier : reduction_tiers)
    for (std::size_t i = 0; i < all_pollutants.size(); ++i)
      if (detail::above(cut_of(s, tier, i), s.baseline[i]))
        out.push_back(detail::on_row(
            s, finding_severity::fail, "§4.2.1(3)",
            std::string("tier ") + tier + " " + to_string(all_pollutants[i]) + " cut is larger than the baseline"));
}

/// §4.2.2-§4.2.4: each tier's measures build on the tier below, so no cut shrinks from III to I.
inline void find_cut_shrinking(const source& s, std::vector<finding>& out) {
  for (std::size_t i = 0; i < all_pollutants.size(); ++i)
    for (std::size_t t = 0; t + 1 < reduction_tiers.size(); ++t)
      if (detail::above(cut_of(s, reduction_tiers[t], i), cut_of(s, reduction_tiers[t + 1], i)))
        out.push_back(detail::on_row(s, finding_severity::fail, "§4.2.2-§4.2.4",
                                     std::string(to_string(all_pollutants[i])) + " cut shrinks from tier " +
                                         reduction_tiers[t] + " to tier " + reduction_tiers[t + 1]));
}

/// §4.2.1(6): an industrial enterprise's plan (一厂一策) names per-tier measures, key indicators,
/// preparation time, the responsible person and a contact.
inline void find_plan_fields_missing(const source& s, std::vector<finding>& out) {
  if (s.part != "industrial") return;
  std::vector<std::string> missing;
  for (const char* tier : reduction_tiers) {
    auto it = s.tiers.find(tier);
    if (it == s.tiers.end() || it->second.measure.empty()) missing.push_back(std::string("tier ") + tier + " measure");
  }
  if (s.key_indicators.empty()) missing.push_back("key indicators");
  if (s.prep_time.empty()) missing.push_back("preparation time");
  if (s.responsible.empty()) missing.push_back("responsible person");
  if (s.contact.empty()) missing.push_back("contact");
  if (missing.empty()) return;
  std::string text = "the enterprise plan (一厂一策) lacks: ";
  for (std::size_t k = 0; k < missing.size(); ++k) text.append(k ? ", " : "").append(missing[k]);
  out.push_back(detail::on_row(s, finding_severity::fail, "§4.2.1(6)", std::move(text)));
}

/// Every finding on one row of the list, in the order of the rules above.
inline void find_on_row(const source& s, std::vector<finding>& out) {
  find_power_or_heating_curtailed(s, out);
  find_small_micro_curtailed(s, out);
  find_protected_below_b(s, out);
  find_leading_given_cuts(s, out);
  find_cut_above_baseline(s, out);
  find_cut_shrinking(s, out);
  find_plan_fields_missing(s, out);
}

/// §4.2.1(2): every county's list holds industrial sources, the construction sites (扬尘源), the
/// large vehicle users (移动源) and the co-heating enterprises.
inline void find_list_parts_missing(const std::string& county, const std::vector<source>& sources,
                                    std::vector<finding>& out) {
  const auto has = [&](std::string_view part, const char* kind) {
    for (const auto& s : sources)
      if (s.county == county && s.part == part && (!kind || s.kind == kind)) return true;
    return false;
  };
  const auto missing = [&](const char* text) {
    out.push_back({finding_severity::fail, county, "", 0, "§4.2.1(2)", text});
  };
  if (!has("industrial", nullptr)) missing("no industrial sources (工业源清单)");
  if (!has("dust", "construction_site")) missing("no construction sites in the dust list (扬尘源清单)");
  if (!has("mobile", "large_vehicle_user")) missing("no large vehicle users or truck white-list (移动源清单)");
  if (!has("co-heating", nullptr)) missing("no co-heating enterprises list (协同供暖企业清单)");
}

/// Checks every county of `totals` and the city (the sum of the counties): the ratios per area and
/// tier, then the findings on the rows and on each county's list.
inline reduction_result check_reductions(const std::map<std::string, emissions>& totals,
                                         const std::vector<source>& sources,
                                         const std::vector<granted_exception>& exceptions,
                                         const reduction_policy& policy) {
  reduction_result out;
  emissions city{};
  for (const auto& [county, e] : totals)
    for (std::size_t i = 0; i < city.size(); ++i) city[i] += e[i];
  const auto check_area = [&](const std::string& area, const emissions& total) {
    for (const char* tier : reduction_tiers)
      check_area_tier({area, tier, detail::cuts_in(sources, area, tier), total, policy.required.at(tier)}, exceptions,
                      policy.so2_nox, out.checks);
  };
  for (const auto& [county, total] : totals) check_area(county, total);
  check_area("", city);
  for (const auto& s : sources) find_on_row(s, out.findings);
  for (const auto& [county, total] : totals) find_list_parts_missing(county, sources, out.findings);
  return out;
}

// ---- Doubts about the input's units (not rules of the plan: they ask the user to look) ----

/// A list whose every share is below this is almost surely read in the wrong unit: 1 % is a tenth
/// of the smallest required share (10 %, tier III), and t/d values labelled t/a come out 365 times
/// too small (a 20 % cut reads as 0.05 %).
inline constexpr double doubtful_share = 0.01;

/// The largest share any county's list cuts of any one pollutant at any tier, when it is above zero
/// but under `doubtful_share`: then every county is far from every requirement, and the units are
/// the likelier cause. Nothing when the shares look plausible (or nothing is cut at all).
inline std::optional<ratio_check> doubtfully_small_shares(const reduction_result& r) {
  const ratio_check* largest = nullptr;
  for (const auto& c : r.checks)
    if (!c.county.empty() && c.what != "SO2+NOx" && c.total > 0 && (!largest || c.share > largest->share)) largest = &c;
  if (largest && largest->share > 0 && largest->share < doubtful_share) return *largest;
  return std::nullopt;
}

/// The first check (and how many in all) where a county's list cuts more of a pollutant than the
/// county emits: a share above 100 % passes every tier, and usually means the sources and the
/// totals are in different units (t/a read as t/d).
inline std::pair<const ratio_check*, std::size_t> cuts_above_totals(const reduction_result& r) {
  const ratio_check* first = nullptr;
  std::size_t n = 0;
  for (const auto& c : r.checks)
    if (!c.county.empty() && c.what != "SO2+NOx" && detail::above(c.cut, c.total)) {
      if (!first) first = &c;
      ++n;
    }
  return {first, n};
}

}  // namespace hpa
