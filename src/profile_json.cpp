#include "hpa/io/profile_json.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

#include "hpa/error.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/utf8.hpp"
#include "hpa/levels.hpp"
#include "hpa/measures.hpp"
#include "hpa/time.hpp"
#include "json_text.hpp"

namespace hpa::io {

using nlohmann::json;

namespace {

const char* mode_name(duration_mode m) {
  switch (m) {
    case duration_mode::blocks:
      return "blocks";
    case duration_mode::hourly_run:
      return "hourly_run";
    case duration_mode::calendar_days:
      return "calendar_days";
  }
  return "blocks";
}

std::string month_day_text(month_day d) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02u-%02u", d.month % 100, d.day % 100);
  return buf;
}

nlohmann::ordered_json rule_json(const duration_rule& r) {
  return {{r.over.inclusive ? "at_least" : "over", r.over.value}, {"hours", r.hours}};
}

// The bounds of a profile's numbers. Durations are at most a year: a rule longer than that
// cannot be seen in a season, and the tracker keeps a window of the longest rule per station.
constexpr int year_hours = 365 * 24;
constexpr int max_window_hours = 7 * 24;                  // the daily AQI is a day's mean; a week is generous
constexpr double min_max_aqi = 100, max_max_aqi = 10000;  // HJ 633's scale tops at 500
constexpr std::size_t max_levels = 250;                   // level_t is one byte, 0 being "none"
// Each condition keeps its own chain tracker for every station: a thousand is far beyond any plan.
constexpr std::size_t max_conditions = 1000;
constexpr int max_assessment_days = 366;
constexpr std::size_t max_name_bytes = 32;

// Reads a JSON object's keys against a known set, with errors naming the path.
struct reader {
  const json& j;
  std::string path;
  const std::string& source;

  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    throw error(source + ": " + path + (key.empty() ? "" : "/" + key) + ": " + what);
  }
  reader child(const json& v, const std::string& key) const { return {v, path + "/" + key, source}; }
  void only(std::initializer_list<const char*> keys) const {
    if (!j.is_object()) fail("", std::string("must be an object, got ") + j.type_name());
    for (const auto& [k, v] : j.items()) {
      bool ok = false;
      for (const char* name : keys) ok |= k == name;
      if (!ok) {
        std::string list;
        for (const char* name : keys) list += (list.empty() ? "" : ", ") + std::string(name);
        fail(printable(k), "unknown key (known: " + list + ")");
      }
    }
  }
  const json* get(const char* key) const {
    auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
  }
  // A whole number from lo to hi; `what` says what the bounds are ("hours, at most a year").
  void read_int(const char* key, int& out, int lo, int hi, const char* what = nullptr) const {
    const json* v = get(key);
    if (!v) return;
    if (!v->is_number_integer()) fail(key, "must be a whole number, got " + detail::json_quote(*v));
    const bool fits =
        !v->is_number_unsigned() || v->get<std::uint64_t>() <= std::uint64_t{std::numeric_limits<std::int64_t>::max()};
    const bool in = fits && v->get<std::int64_t>() >= lo && v->get<std::int64_t>() <= hi;
    if (!in)
      fail(key, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                    (what ? std::string(" (") + what + ")" : std::string()) + ", got " + detail::json_quote(*v));
    out = v->get<int>();
  }
  void check_text(const char* key, const std::string& s) const {
    for (unsigned char c : s)
      if (c < 0x20 || c == 0x7F) fail(key, "must not hold control characters, got " + quote(s));
  }
  template <class T>
  void read(const char* key, T& out) const {
    const json* v = get(key);
    if (!v) return;
    if constexpr (std::is_same_v<T, bool>) {
      if (!v->is_boolean()) fail(key, std::string("must be true or false, got ") + v->type_name());
      out = v->get<bool>();
    } else if constexpr (std::is_same_v<T, int>) {
      read_int(key, out, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    } else if constexpr (std::is_same_v<T, double>) {
      if (!v->is_number()) fail(key, std::string("must be a number, got ") + detail::json_quote(*v));
      out = v->get<double>();
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (!v->is_string()) fail(key, std::string("must be a string, got ") + detail::json_quote(*v));
      out = v->get<std::string>();
      check_text(key, out);
    } else {
      if (!v->is_array()) fail(key, std::string("must be an array of strings, got ") + detail::json_quote(*v));
      out.clear();
      for (const auto& s : *v) {
        if (!s.is_string()) fail(key, std::string("must be an array of strings, got ") + detail::json_quote(*v));
        out.push_back(s.get<std::string>());
        check_text(key, out.back());
      }
    }
  }
  template <class E>
  void read_enum(const char* key, E& out, std::initializer_list<std::pair<const char*, E>> names) const {
    if (!get(key)) return;
    std::string s;
    read(key, s);
    std::string list;
    for (auto [n, e] : names) {
      if (s == n) {
        out = e;
        return;
      }
      list += (list.empty() ? "" : ", ") + std::string(n);
    }
    fail(key, "must be one of " + list + ", got " + quote(s));
  }
};

// "MM-DD", a day that exists every year.
month_day read_month_day(const reader& r, const char* key) {
  std::string s;
  r.read(key, s);
  const auto t = parse_time("2001-" + s);  // a common year: 02-29 does not recur
  if (s.size() != 5 || !t || !t.date_only)
    r.fail(key, "must be a day of the year as MM-DD (29 February does not recur), got " + quote(s));
  const auto c = civil_from_days(day_of(t.hour));
  return {c.month, c.day};
}

// Machine names of levels: they name CSV columns ("yellow_h") and are printed unquoted.
bool safe_name(const std::string& s) {
  if (s.empty() || s.size() > max_name_bytes) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return true;
}

// Tiers ("III", "pre") are printed in CSV too; empty is allowed.
bool safe_tier(const std::string& s) {
  if (s.size() > max_name_bytes) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
      return false;
  return true;
}

duration_rule read_rule(const reader& r) {
  r.only({"over", "at_least", "hours"});
  duration_rule d;
  const bool over = r.get("over"), at_least = r.get("at_least");
  if (over == at_least) r.fail("", "needs exactly one of 'over' (strict >) and 'at_least' (>=)");
  r.read(over ? "over" : "at_least", d.over.value);
  d.over.inclusive = at_least;
  if (!r.get("hours")) r.fail("hours", "missing");
  r.read_int("hours", d.hours, 1, year_hours, "hours, at most a year");
  return d;
}

condition read_condition(const reader& r) {
  if (!r.j.is_object()) r.fail("", "must be an object");
  json main = r.j;
  condition cond;
  if (auto it = main.find("within"); it != main.end()) {
    cond.within = read_rule(r.child(*it, "within"));
    main.erase("within");
  }
  cond.main = read_rule(reader{main, r.path, r.source});
  return cond;
}

level_def read_level(const reader& l) {
  l.only({"name", "name_zh", "tier", "any_of"});
  level_def d;
  l.read("name", d.name);
  l.read("name_zh", d.name_zh);
  l.read("tier", d.tier);
  if (d.name.empty()) l.fail("name", "missing");
  if (d.name == "none") l.fail("name", "'none' is the absence of a level");
  if (!safe_name(d.name))
    l.fail("name",
           "must be 1 to 32 of a-z, 0-9, '_' and '-' (it names CSV columns such as yellow_h), got " + quote(d.name));
  if (!safe_tier(d.tier))
    l.fail("tier", "must be up to 32 of A-Z, a-z, 0-9, '_' and '-' (it is printed in CSV), got " + quote(d.tier));
  const json* any = l.get("any_of");
  if (!any || !any->is_array() || any->empty()) l.fail("any_of", "must be a non-empty array of conditions");
  for (std::size_t c = 0; c < any->size(); ++c)
    d.any_of.push_back(read_condition(l.child((*any)[c], "any_of/" + std::to_string(c))));
  return d;
}

std::vector<level_def> read_levels(const reader& r) {
  if (!r.j.is_array() || r.j.empty()) r.fail("", "must be a non-empty array of levels, lowest first");
  if (r.j.size() > max_levels) r.fail("", "at most " + std::to_string(max_levels) + " levels");
  std::vector<level_def> levels;
  std::size_t conditions = 0;
  for (std::size_t i = 0; i < r.j.size(); ++i) {
    levels.push_back(read_level(r.child(r.j[i], std::to_string(i))));
    conditions += levels.back().any_of.size();
  }
  if (conditions > max_conditions)
    r.fail("", std::to_string(conditions) + " conditions in all; at most " + std::to_string(max_conditions) +
                   " (each keeps a chain tracker per station)");
  return levels;
}

// The profile a file starts from: the built-in it extends (its measures too), or the default
// when it has levels, without the default's measures (they are Pingdingshan's plan's).
profile base_profile(const reader& r) {
  if (!r.get("extends")) {
    if (!r.get("levels")) r.fail("levels", "missing (or name a built-in to start from with \"extends\")");
    profile p = pingdingshan_2023();
    p.measures.clear();
    return p;
  }
  std::string base;
  r.read("extends", base);
  const profile* b = find_builtin(base);
  if (!b) r.fail("extends", "no built-in profile " + quote(base));
  return *b;
}

// The scalar settings: names, how durations count, the windows and hours, what is excluded.
void read_settings(const reader& r, profile& p) {
  r.read("name", p.name);
  r.read("title", p.title);
  r.read("source", p.source);
  r.read("lineage", p.lineage);
  r.read("in_force_from", p.in_force_from);
  if (!p.in_force_from.empty() && !(p.in_force_from.size() == 10 && parse_time(p.in_force_from)))
    r.fail("in_force_from", "must be a date as YYYY-MM-DD, got " + quote(p.in_force_from));
  r.read_enum("duration_mode", p.mode,
              {{"blocks", duration_mode::blocks},
               {"hourly_run", duration_mode::hourly_run},
               {"calendar_days", duration_mode::calendar_days}});
  r.read_int("window_hours", p.window_hours, 1, max_window_hours, "hours");
  r.read_int("min_valid_hours", p.min_valid_hours, 1, max_window_hours, "hours");
  r.read_int("lift_hours", p.lift_hours, 1, year_hours, "hours, at most a year");
  r.read_int("announce_tolerance_hours", p.announce_tolerance_hours, 0, year_hours, "hours, at most a year");
  r.read_int("announce_hours", p.announce_hours, 0, year_hours, "hours, at most a year");
  r.read_enum("merged_start", p.start, {{"highest", merged_start::highest}, {"as_reached", merged_start::as_reached}});
  r.read_int("lead_hours", p.lead_hours, 0, year_hours, "hours, at most a year");
  r.read_int("assessment_days", p.assessment_days, 0, max_assessment_days, "days");
  r.read("override_over", p.override_over);
  r.read_int("override_hours", p.override_hours, 1, max_window_hours, "hours");
  r.read_enum("daily_aqi", p.daily_aqi,
              {{"mean_of_hourly_aqi", daily_aqi_method::mean_of_hourly_aqi},
               {"aqi_of_mean_concentration", daily_aqi_method::aqi_of_mean_concentration}});
  r.read("forecast_upper_bound", p.forecast_upper_bound);
  r.read("forecast_line_between_days", p.forecast_line_between_days);
  r.read_int("forecast_stale_hours", p.forecast_stale_hours, 0, year_hours, "hours, at most a year");
  r.read("excluded_causes", p.excluded_causes);
  r.read("advisory_pollutants", p.advisory_pollutants);
  r.read("max_aqi", p.max_aqi);
  r.read("cap_above_max", p.cap_above_max);
  if (const json* hs = r.get("heating_season")) {
    const reader h = r.child(*hs, "heating_season");
    h.only({"first", "last"});
    if (h.get("first")) p.heating.first = read_month_day(h, "first");
    if (h.get("last")) p.heating.last = read_month_day(h, "last");
  }
}

void read_reduction(const reader& r, reduction_policy& red) {
  r.only({"required", "so2_nox"});
  if (r.get("so2_nox")) {
    std::string s;
    r.read("so2_nox", s);
    if (!from_string(s, red.so2_nox)) r.fail("so2_nox", "must be one of ratio_sum, tonnage, each, got " + quote(s));
  }
  if (const json* req = r.get("required")) {
    const reader q = r.child(*req, "required");
    q.only({"III", "II", "I"});
    for (const char* tier : {"III", "II", "I"}) {
      q.read(tier, red.required[tier]);
      if (red.required[tier] < 0 || red.required[tier] > 1)
        q.fail(tier, "must be a share from 0 to 1, got " + format_number(red.required[tier], 6));
    }
  }
}

// The catalogue of measures: a name measure_catalogue() knows, or null for none.
void read_measures(const reader& r, profile& p) {
  const json* v = r.get("measures");
  if (!v) return;
  if (v->is_null()) {
    p.measures.clear();
    return;
  }
  r.read("measures", p.measures);
  if (!measure_catalogue(p.measures))
    r.fail("measures",
           "no catalogue of measures " + quote(p.measures) + " (known: " + default_profile_name + "; null for none)");
}

// How directives from above combine with the rules (§3.2.2(2), directives.hpp).
void read_directives(const reader& r, directive_policy& d) {
  r.only({"level", "issue_hours"});
  r.read_enum("level", d.level,
              {{"at_least", directive_level::at_least}, {"as_directed", directive_level::as_directed}});
  r.read_int("issue_hours", d.issue_hours, 0, year_hours, "hours after receipt, at most a year");
}

void check_settings(const reader& r, const profile& p) {
  // The daily AQI is a calendar day's mean (§3.2.1): a daily series, a forecast's day and the
  // level chains all step whole days of 24 h, so another window would be half followed.
  if (p.window_hours != hours_per_day)
    r.fail("window_hours", "must be " + std::to_string(hours_per_day) +
                               " (hours: the daily AQI of §3.2.1 is a day's mean, and the level chains, daily series "
                               "and forecast days step whole days), got " +
                               std::to_string(p.window_hours));
  if (p.min_valid_hours > p.window_hours)
    r.fail("min_valid_hours", "must be 1 to window_hours (" + std::to_string(p.window_hours) + "), got " +
                                  std::to_string(p.min_valid_hours));
  if (!(p.max_aqi >= min_max_aqi && p.max_aqi <= max_max_aqi))
    r.fail("max_aqi", "must be from 100 to 10000 (HJ 633's scale tops at 500), got " + format_number(p.max_aqi, 6));
  if (!(p.override_over >= 0 && p.override_over <= p.max_aqi))
    r.fail("override_over", "must be a daily AQI from 0 to max_aqi (" + format_number(p.max_aqi) + "), got " +
                                format_number(p.override_over));
}

// Does passing `a` mean passing `b`? (> 300 passes > 200; >= 200 does not pass > 200.)
bool passes(const threshold& a, const threshold& b) {
  return a.value > b.value || (a.value == b.value && (!a.inclusive || b.inclusive));
}
bool implies(const duration_rule& a, const duration_rule& b) { return passes(a.over, b.over) && a.hours >= b.hours; }

// Does every run that meets `a` also meet `b`? (b's inner run fits in a's longer run.)
bool implies(const condition& a, const condition& b) {
  if (!implies(a.main, b.main)) return false;
  return !b.within || implies(a.main, *b.within) || (a.within && implies(*a.within, *b.within));
}

std::string threshold_text(const threshold& t) { return (t.inclusive ? ">= " : "> ") + format_number(t.value, 6); }

// One condition on its own: thresholds above 0 and within the scale, whole windows, and an
// inner rule that is shorter and higher than the rule it lies within.
void check_condition(const reader& c, const condition& cond, const profile& p) {
  for (const auto* d : {&cond.main, cond.within ? &*cond.within : nullptr}) {
    if (!d) continue;
    const auto& t = d->over;
    const std::string key = d == &cond.main ? (t.inclusive ? "at_least" : "over")
                                            : std::string("within/") + (t.inclusive ? "at_least" : "over");
    if (!(t.value > 0)) c.fail(key, "a threshold must be above 0, got " + format_number(t.value, 6));
    if (t.inclusive ? t.value > p.max_aqi : t.value >= p.max_aqi)
      c.fail(key, "daily AQI " + threshold_text(t) + " can never be passed: max_aqi is " + format_number(p.max_aqi, 6));
    if (p.mode != duration_mode::hourly_run && d->hours % 24 != 0)
      c.fail("", std::to_string(d->hours) + " h is not a multiple of 24, as " + mode_name(p.mode) +
                     " mode counts whole windows");
  }
  if (!cond.within) return;
  if (cond.within->hours > cond.main.hours) c.fail("within", "longer than the rule it lies within");
  if (!passes(cond.within->over, cond.main.over) || cond.within->over == cond.main.over)
    c.fail("within", "its threshold (" + threshold_text(cond.within->over) + ") must be above the rule's (" +
                         threshold_text(cond.main.over) + "), else it adds nothing");
}

// Levels must rise: no condition of a level may imply a condition of a higher one (whenever it
// held, the higher level would hold too, so it could never decide the lower level).
void check_rise(const reader& r, const profile& p) {
  for (std::size_t i = 0; i < p.levels.size(); ++i)
    for (std::size_t a = 0; a < p.levels[i].any_of.size(); ++a)
      for (std::size_t k = i + 1; k < p.levels.size(); ++k)
        for (std::size_t b = 0; b < p.levels[k].any_of.size(); ++b)
          if (implies(p.levels[i].any_of[a], p.levels[k].any_of[b]))
            r.fail(std::to_string(i) + "/any_of/" + std::to_string(a),
                   "reaching " + p.levels[i].name + " this way always reaches " + p.levels[k].name + " (/levels/" +
                       std::to_string(k) + "/any_of/" + std::to_string(b) +
                       "): levels must rise, each harder to reach than the ones below");
}

void check_levels(const reader& r, const profile& p) {
  const reader lv{r.j, "/levels", r.source};
  std::set<std::string> names;
  for (std::size_t i = 0; i < p.levels.size(); ++i) {
    const auto path = std::to_string(i);
    if (!names.insert(p.levels[i].name).second) lv.fail(path + "/name", "level '" + p.levels[i].name + "' given twice");
    for (std::size_t c = 0; c < p.levels[i].any_of.size(); ++c)
      check_condition(lv.child(r.j, path + "/any_of/" + std::to_string(c)), p.levels[i].any_of[c], p);
  }
  check_rise(lv, p);
}

// A profile is known by its name: reports and notices print it, and hpa-watch refuses a state
// written under another. So one that carries a built-in's name ("extends" without a "name" of its
// own, say) must be that built-in, else the built-in's state and reports would pass for it. A
// name derived from the file's would change when the file is renamed; the analyst gives one.
void check_own_name(const reader& r, const profile& p) {
  if (p.name.empty()) r.fail("name", "must not be empty");
  const profile* b = find_builtin(p.name);
  if (!b) return;
  const auto mine = to_json(p), theirs = to_json(*b);
  std::string differs;
  for (const auto& [key, value] : mine.items())
    if (value != theirs.at(key)) differs += (differs.empty() ? "" : ", ") + key;
  if (differs.empty()) return;
  r.fail("name", (r.get("name") ? quote(p.name) + " is a built-in's name" : std::string("missing")) +
                     ", but this profile differs from built-in " + quote(p.name) + " (" + differs +
                     "): give it a name of its own (reports and hpa-watch's state know a profile by its name)");
}

}  // namespace

nlohmann::ordered_json to_json(const profile& p) {
  nlohmann::ordered_json levels = nlohmann::ordered_json::array();
  for (const auto& l : p.levels) {
    nlohmann::ordered_json any = nlohmann::ordered_json::array();
    for (const auto& c : l.any_of) {
      nlohmann::ordered_json cj = rule_json(c.main);
      if (c.within) cj["within"] = rule_json(*c.within);
      any.push_back(cj);
    }
    levels.push_back({{"name", l.name}, {"name_zh", l.name_zh}, {"tier", l.tier}, {"any_of", any}});
  }
  return {{"name", p.name},
          {"title", p.title},
          {"source", p.source},
          {"lineage", p.lineage},
          {"in_force_from", p.in_force_from},
          {"levels", levels},
          {"duration_mode", mode_name(p.mode)},
          {"window_hours", p.window_hours},
          {"min_valid_hours", p.min_valid_hours},
          {"lift_hours", p.lift_hours},
          {"announce_tolerance_hours", p.announce_tolerance_hours},
          {"announce_hours", p.announce_hours},
          {"merged_start", p.start == merged_start::highest ? "highest" : "as_reached"},
          {"lead_hours", p.lead_hours},
          {"assessment_days", p.assessment_days},
          {"override_over", p.override_over},
          {"override_hours", p.override_hours},
          {"daily_aqi",
           p.daily_aqi == daily_aqi_method::mean_of_hourly_aqi ? "mean_of_hourly_aqi" : "aqi_of_mean_concentration"},
          {"forecast_upper_bound", p.forecast_upper_bound},
          {"forecast_line_between_days", p.forecast_line_between_days},
          {"forecast_stale_hours", p.forecast_stale_hours},
          {"excluded_causes", p.excluded_causes},
          {"advisory_pollutants", p.advisory_pollutants},
          {"max_aqi", p.max_aqi},
          {"cap_above_max", p.cap_above_max},
          {"heating_season", {{"first", month_day_text(p.heating.first)}, {"last", month_day_text(p.heating.last)}}},
          {"reduction", {{"required", p.reduction.required}, {"so2_nox", to_string(p.reduction.so2_nox)}}},
          {"measures", p.measures.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(p.measures)},
          {"directives",
           {{"level", p.directives.level == directive_level::at_least ? "at_least" : "as_directed"},
            {"issue_hours", p.directives.issue_hours}}}};
}

profile profile_from_json(const json& j, const std::string& source) {
  const reader r{j, "", source};
  r.only({"extends",
          "name",
          "title",
          "source",
          "lineage",
          "in_force_from",
          "levels",
          "duration_mode",
          "window_hours",
          "min_valid_hours",
          "lift_hours",
          "announce_tolerance_hours",
          "announce_hours",
          "merged_start",
          "lead_hours",
          "assessment_days",
          "override_over",
          "override_hours",
          "daily_aqi",
          "forecast_upper_bound",
          "forecast_line_between_days",
          "forecast_stale_hours",
          "excluded_causes",
          "advisory_pollutants",
          "max_aqi",
          "cap_above_max",
          "heating_season",
          "reduction",
          "measures",
          "directives"});
  profile p = base_profile(r);
  read_settings(r, p);
  if (const json* red = r.get("reduction")) read_reduction(r.child(*red, "reduction"), p.reduction);
  read_measures(r, p);
  if (const json* d = r.get("directives")) read_directives(r.child(*d, "directives"), p.directives);
  if (const json* lv = r.get("levels")) p.levels = read_levels(r.child(*lv, "levels"));
  check_settings(r, p);
  check_levels(r, p);
  check_own_name(r, p);
  return p;
}

profile parse_profile(std::string_view text, const std::string& source) {
  return profile_from_json(detail::parse_json(text, source), source);
}

const profile* find_builtin(const std::string& name) {
  static const std::vector<profile> all = builtin_profiles();
  for (const auto& p : all)
    if (p.name == name) return &p;
  return nullptr;
}

profile load_profile(const std::string& name_or_path) {
  if (const profile* p = find_builtin(name_or_path)) return *p;
  std::ifstream in(name_or_path, std::ios::binary);
  if (!in) {
    std::string names;
    for (const auto& p : builtin_profiles()) names += (names.empty() ? "" : ", ") + p.name;
    throw error(name_or_path + ": no such built-in profile (" + names + ") or readable file");
  }
  if (std::error_code ec; std::filesystem::is_directory(name_or_path, ec))
    throw error(name_or_path + ": is a directory");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_profile(ss.str(), name_or_path);
}

}  // namespace hpa::io
