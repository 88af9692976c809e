#pragma once
// The emission-reduction list checks of §4.2.1 (RULES.md §7): whether each county's list (and
// the city's) cuts SO2, NOx, particulate matter and VOCs by the required share of the
// society-wide totals at each tier, and the policy findings on the list's rows. Pure: plain
// structs in, results out; all quantities in tonnes per day.

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hpa {

enum class pollutant { so2, nox, pm, vocs };
inline constexpr std::array<pollutant, 4> all_pollutants = {pollutant::so2, pollutant::nox, pollutant::pm, pollutant::vocs};
inline const char* to_string(pollutant p) {
  constexpr const char* names[] = {"SO2", "NOx", "PM", "VOCs"};
  return names[static_cast<int>(p)];
}

inline constexpr std::array<const char*, 3> reduction_tiers = {"III", "II", "I"};

/// How SO2 and NOx may trade (§4.2.1(1) "二者比例之和不得低于上述总体要求").
enum class so2_nox_rule {
  ratio_sum,  ///< r_SO2 + r_NOx >= 2r (default)
  tonnage,    ///< cut_SO2 + cut_NOx >= r (E_SO2 + E_NOx)
  each        ///< both >= r
};

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

struct ratio_check {
  std::string county;  ///< "" = city-wide
  std::string tier;
  std::string what;    ///< "SO2", "NOx", "PM", "VOCs" or "SO2+NOx"
  double cut = 0, total = 0, share = 0, required = 0;
  std::string status;  ///< pass, fail, exception (a granted lower ratio is met), info (traded, see SO2+NOx)
  double shortfall = 0;  ///< tonnes per day to reach the required share
  std::string note;
};

struct finding {
  std::string severity;  ///< fail (a requirement) or warn (a policy point to look at)
  std::string county, id;
  std::uint64_t line = 0;
  std::string rule, text;
};

struct reduction_result {
  std::vector<ratio_check> checks;
  std::vector<finding> findings;
  bool failed() const {
    for (const auto& c : checks)
      if (c.status == "fail") return true;
    for (const auto& f : findings)
      if (f.severity == "fail") return true;
    return false;
  }
};

namespace detail {
// Shares compare with a relative tolerance: exactly 10.0 % of the total passes 10 %.
inline bool at_least(double cut, double required_tonnes) { return cut >= required_tonnes * (1 - 1e-9) - 1e-12; }
inline bool grade_b_or_above(const std::string& g) { return g == "A" || g == "B" || g == "引领性"; }
inline bool leading(const std::string& g) { return g == "A" || g == "引领性"; }
inline std::string percent(double ratio) {  // 0.085 -> "8.5 %"
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

/// Checks every county of `totals` and the city (the sum of the counties).
inline reduction_result check_reductions(const std::map<std::string, emissions>& totals, const std::vector<source>& sources,
                                         const std::vector<granted_exception>& exceptions, const reduction_policy& policy) {
  reduction_result out;
  std::vector<std::string> areas;
  for (const auto& [county, e] : totals) areas.push_back(county);
  areas.push_back("");  // city-wide
  emissions city{};
  for (const auto& [county, e] : totals)
    for (std::size_t i = 0; i < 4; ++i) city[i] += e[i];

  for (const auto& area : areas) {
    const emissions& total = area.empty() ? city : totals.at(area);
    for (const char* tier : reduction_tiers) {
      const double r = policy.required.at(tier);
      emissions cut{};
      for (const auto& s : sources)
        if (area.empty() || s.county == area)
          for (std::size_t i = 0; i < 4; ++i) cut[i] += cut_of(s, tier, i);
      auto granted = [&](pollutant p) -> const granted_exception* {
        for (const auto& x : exceptions)
          if (!area.empty() && x.county == area && x.tier == tier && x.what == p) return &x;
        return nullptr;
      };
      auto judge = [&](ratio_check& c, double need_share, const granted_exception* g) {
        const double need = need_share * c.total;
        if (detail::at_least(c.cut, need)) {
          c.status = "pass";
          return;
        }
        c.shortfall = need - c.cut;
        if (g && detail::at_least(c.cut, g->ratio * c.total)) {
          c.status = "exception";
          c.note = "granted " + detail::percent(g->ratio) + ": " + g->justification;
        } else {
          c.status = "fail";
          if (g) c.note = "below even the granted ratio";
        }
      };
      for (std::size_t i = 0; i < 4; ++i) {
        ratio_check c{area, tier, to_string(all_pollutants[i]), cut[i], total[i], total[i] > 0 ? cut[i] / total[i] : 0, r, "", 0, ""};
        const bool traded = i < 2 && policy.so2_nox != so2_nox_rule::each;
        if (traded) {
          c.status = "info";
          c.note = "SO2 and NOx are judged together (see SO2+NOx)";
        } else {
          judge(c, r, granted(all_pollutants[i]));
        }
        out.checks.push_back(c);
      }
      if (policy.so2_nox != so2_nox_rule::each) {
        ratio_check c{area, tier, "SO2+NOx", cut[0] + cut[1], total[0] + total[1], 0, 0, "", 0, ""};
        const auto* g = granted(pollutant::so2) ? granted(pollutant::so2) : granted(pollutant::nox);
        if (policy.so2_nox == so2_nox_rule::tonnage) {
          c.share = c.total > 0 ? c.cut / c.total : 0;
          c.required = r;
          judge(c, r, g);
        } else {  // ratio_sum: r_SO2 + r_NOx >= 2r, shown as the mean share against r
          const double s0 = total[0] > 0 ? cut[0] / total[0] : 0, s1 = total[1] > 0 ? cut[1] / total[1] : 0;
          c.share = s0 + s1;
          c.required = 2 * r;
          if (detail::at_least(c.share, 2 * r)) {
            c.status = "pass";
          } else {
            // the cheapest way back: the pollutant with the smaller total
            const std::size_t k = total[0] <= total[1] ? 0 : 1;
            c.shortfall = (2 * r - c.share) * total[k];
            const double granted_sum = g ? 2 * g->ratio : 0;
            c.status = g && detail::at_least(c.share, granted_sum) ? "exception" : "fail";
            if (g) c.note = c.status == "exception" ? "granted " + detail::percent(g->ratio) + ": " + g->justification
                                                    : "below even the granted ratio";
          }
          c.note = (c.note.empty() ? "" : c.note + "; ") + "ratio sum of SO2 and NOx";
        }
        out.checks.push_back(c);
      }
    }
  }

  // Findings on the rows (§4.2.1(2), (4)-(6)).
  auto add = [&](const source& s, const char* severity, const char* rule, std::string text) {
    out.findings.push_back({severity, s.county, s.id, s.line, rule, std::move(text)});
  };
  for (const auto& s : sources) {
    bool any_cut = false;
    for (const char* tier : reduction_tiers)
      for (std::size_t i = 0; i < 4; ++i) any_cut |= cut_of(s, tier, i) > 0;
    bool any_stop = false;
    for (const auto& [tier, plan] : s.tiers) any_stop |= !plan.stopped_lines.empty();
    if ((s.kind == "power_plant" || s.kind == "heating_boiler") && (any_cut || any_stop))
      add(s, "warn", "§4.2.1(4)", s.kind == "power_plant" ? "a power plant is stopped or curtailed: in principle they are not"
                                                          : "a heating boiler is stopped or curtailed: in principle they are not");
    if (s.kind == "small_micro" && (any_cut || any_stop))
      add(s, "warn", "§4.2.1(4)", "a small or micro enterprise is curtailed: only where the ratios cannot be met otherwise");
    if (s.is_protected && !detail::grade_b_or_above(s.grade))
      add(s, "fail", "§4.2.1(4)", "a protected (保障类) enterprise of grade '" + s.grade + "': grade B or above is required");
    if (detail::leading(s.grade) && any_cut)
      add(s, "warn", "§4.2.1(4)", "a grade-" + s.grade + " enterprise is given mandatory cuts: it reduces at its own discretion");
    for (const char* tier : reduction_tiers)
      for (std::size_t i = 0; i < 4; ++i)
        if (cut_of(s, tier, i) > s.baseline[i] * (1 + 1e-9))
          add(s, "fail", "§4.2.1(3)", std::string("tier ") + tier + " " + to_string(all_pollutants[i]) + " cut is larger than the baseline");
    for (std::size_t i = 0; i < 4; ++i)
      for (std::size_t t = 0; t + 1 < reduction_tiers.size(); ++t)
        if (cut_of(s, reduction_tiers[t], i) > cut_of(s, reduction_tiers[t + 1], i) * (1 + 1e-9))
          add(s, "fail", "§4.2.2-§4.2.4", std::string(to_string(all_pollutants[i])) + " cut shrinks from tier " +
                                              reduction_tiers[t] + " to tier " + reduction_tiers[t + 1]);
    if (s.part == "industrial") {  // the one-plant-one-plan fields (§4.2.1(6))
      std::vector<std::string> missing;
      for (const char* tier : reduction_tiers) {
        auto it = s.tiers.find(tier);
        if (it == s.tiers.end() || it->second.measure.empty()) missing.push_back(std::string("tier ") + tier + " measure");
      }
      if (s.key_indicators.empty()) missing.push_back("key indicators");
      if (s.prep_time.empty()) missing.push_back("preparation time");
      if (s.responsible.empty()) missing.push_back("responsible person");
      if (s.contact.empty()) missing.push_back("contact");
      if (!missing.empty()) {
        std::string text = "the enterprise plan (一厂一策) lacks: ";
        for (std::size_t k = 0; k < missing.size(); ++k) text += (k ? ", " : "") + missing[k];
        add(s, "fail", "§4.2.1(6)", text);
      }
    }
  }
  // The parts every county's list holds (§4.2.1(2)).
  for (const auto& total : totals) {
    const std::string& county = total.first;  // named, not a structured binding: lambdas capture it
    auto has = [&](const char* part, const char* kind) {
      for (const auto& s : sources)
        if (s.county == county && s.part == part && (!kind || s.kind == kind)) return true;
      return false;
    };
    auto missing = [&](const std::string& text) { out.findings.push_back({"fail", county, "", 0, "§4.2.1(2)", text}); };
    if (!has("industrial", nullptr)) missing("no industrial sources (工业源清单)");
    if (!has("dust", "construction_site")) missing("no construction sites in the dust list (扬尘源清单)");
    if (!has("mobile", "large_vehicle_user")) missing("no large vehicle users or truck white-list (移动源清单)");
    if (!has("co-heating", nullptr)) missing("no co-heating enterprises list (协同供暖企业清单)");
  }
  return out;
}

}  // namespace hpa
