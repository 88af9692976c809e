#include "hpa/io/profile_json.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "hpa/error.hpp"
#include "hpa/time.hpp"
#include "json_text.hpp"

namespace hpa::io {

using nlohmann::json;

namespace {

const char* mode_name(duration_mode m) {
  switch (m) {
    case duration_mode::blocks: return "blocks";
    case duration_mode::hourly_run: return "hourly_run";
    case duration_mode::calendar_days: return "calendar_days";
  }
  return "blocks";
}

nlohmann::ordered_json rule_json(const duration_rule& r) {
  return {{r.over.inclusive ? "at_least" : "over", r.over.value}, {"hours", r.hours}};
}

// Reads a JSON object's keys against a known set, with errors naming the path.
struct reader {
  const json& j;
  std::string path;
  const std::string& source;

  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    throw error(source + ": " + path + (key.empty() ? "" : "/" + key) + ": " + what);
  }
  void only(std::initializer_list<const char*> keys) const {
    if (!j.is_object()) fail("", std::string("must be an object, got ") + j.type_name());
    for (const auto& [k, v] : j.items()) {
      bool ok = false;
      for (const char* name : keys) ok |= k == name;
      if (!ok) {
        std::string list;
        for (const char* name : keys) list += (list.empty() ? "" : ", ") + std::string(name);
        fail(k, "unknown key (known: " + list + ")");
      }
    }
  }
  const json* get(const char* key) const {
    auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
  }
  template <class T>
  void read(const char* key, T& out) const {
    const json* v = get(key);
    if (!v) return;
    if constexpr (std::is_same_v<T, bool>) {
      if (!v->is_boolean()) fail(key, std::string("must be true or false, got ") + v->type_name());
      out = v->get<bool>();
    } else if constexpr (std::is_same_v<T, int>) {
      if (!v->is_number_integer()) fail(key, std::string("must be a whole number, got ") + detail::json_quoted(*v));
      out = v->get<int>();
    } else if constexpr (std::is_same_v<T, double>) {
      if (!v->is_number()) fail(key, std::string("must be a number, got ") + detail::json_quoted(*v));
      out = v->get<double>();
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (!v->is_string()) fail(key, std::string("must be a string, got ") + detail::json_quoted(*v));
      out = v->get<std::string>();
    } else {
      if (!v->is_array()) fail(key, std::string("must be an array of strings, got ") + detail::json_quoted(*v));
      out.clear();
      for (const auto& s : *v) {
        if (!s.is_string()) fail(key, std::string("must be an array of strings, got ") + detail::json_quoted(*v));
        out.push_back(s.get<std::string>());
      }
    }
  }
  template <class E>
  void read_enum(const char* key, E& out, std::initializer_list<std::pair<const char*, E>> names) const {
    std::string s;
    read(key, s);
    if (s.empty()) return;
    std::string list;
    for (auto [n, e] : names) {
      if (s == n) { out = e; return; }
      list += (list.empty() ? "" : ", ") + std::string(n);
    }
    fail(key, "must be one of " + list + ", got '" + s + "'");
  }
};

duration_rule read_rule(const reader& r) {
  r.only({"over", "at_least", "hours"});
  duration_rule d;
  const bool over = r.get("over"), at_least = r.get("at_least");
  if (over == at_least) r.fail("", "needs exactly one of 'over' (strict >) and 'at_least' (>=)");
  r.read(over ? "over" : "at_least", d.over.value);
  d.over.inclusive = at_least;
  if (!r.get("hours")) r.fail("hours", "missing");
  r.read("hours", d.hours);
  if (d.hours <= 0) r.fail("hours", "must be positive, got " + std::to_string(d.hours));
  return d;
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
          {"merged_start", p.start == merged_start::highest ? "highest" : "as_reached"},
          {"lead_hours", p.lead_hours},
          {"daily_aqi", p.daily_aqi == daily_aqi_method::mean_of_hourly_aqi ? "mean_of_hourly_aqi"
                                                                            : "aqi_of_mean_concentration"},
          {"forecast_upper_bound", p.forecast_upper_bound},
          {"excluded_causes", p.excluded_causes},
          {"advisory_pollutants", p.advisory_pollutants},
          {"max_aqi", p.max_aqi},
          {"cap_above_max", p.cap_above_max},
          {"reduction", {{"required", p.reduction.required},
                         {"so2_nox", p.reduction.so2_nox == so2_nox_rule::ratio_sum ? "ratio_sum"
                                     : p.reduction.so2_nox == so2_nox_rule::tonnage ? "tonnage" : "each"}}}};
}

profile profile_from_json(const json& j, const std::string& source) {
  reader r{j, "", source};
  r.only({"extends", "name", "title", "source", "lineage", "in_force_from", "levels", "duration_mode",
          "window_hours", "min_valid_hours", "lift_hours", "merged_start", "lead_hours", "daily_aqi",
          "forecast_upper_bound", "excluded_causes", "advisory_pollutants", "max_aqi", "cap_above_max",
          "reduction"});
  profile p = pingdingshan_2023();
  if (r.get("extends")) {
    std::string base;
    r.read("extends", base);
    const profile* b = find_builtin(base);
    if (!b) r.fail("extends", "no built-in profile '" + base + "'");
    p = *b;
  } else if (!r.get("levels")) {
    r.fail("levels", "missing (or name a built-in to start from with \"extends\")");
  }
  r.read("name", p.name);
  r.read("title", p.title);
  r.read("source", p.source);
  r.read("lineage", p.lineage);
  r.read("in_force_from", p.in_force_from);
  if (!p.in_force_from.empty() && !(p.in_force_from.size() == 10 && parse_time(p.in_force_from)))
    r.fail("in_force_from", "must be a date as YYYY-MM-DD, got '" + p.in_force_from + "'");
  r.read_enum("duration_mode", p.mode, {{"blocks", duration_mode::blocks},
                                        {"hourly_run", duration_mode::hourly_run},
                                        {"calendar_days", duration_mode::calendar_days}});
  r.read("window_hours", p.window_hours);
  r.read("min_valid_hours", p.min_valid_hours);
  r.read("lift_hours", p.lift_hours);
  r.read_enum("merged_start", p.start, {{"highest", merged_start::highest}, {"as_reached", merged_start::as_reached}});
  r.read("lead_hours", p.lead_hours);
  r.read_enum("daily_aqi", p.daily_aqi, {{"mean_of_hourly_aqi", daily_aqi_method::mean_of_hourly_aqi},
                                         {"aqi_of_mean_concentration", daily_aqi_method::aqi_of_mean_concentration}});
  r.read("forecast_upper_bound", p.forecast_upper_bound);
  r.read("excluded_causes", p.excluded_causes);
  r.read("advisory_pollutants", p.advisory_pollutants);
  r.read("max_aqi", p.max_aqi);
  r.read("cap_above_max", p.cap_above_max);
  if (const json* red = r.get("reduction")) {
    reader rr{*red, "/reduction", source};
    rr.only({"required", "so2_nox"});
    rr.read_enum("so2_nox", p.reduction.so2_nox, {{"ratio_sum", so2_nox_rule::ratio_sum},
                                                  {"tonnage", so2_nox_rule::tonnage}, {"each", so2_nox_rule::each}});
    if (const json* req = rr.get("required")) {
      reader q{*req, "/reduction/required", source};
      q.only({"III", "II", "I"});
      for (const char* tier : {"III", "II", "I"}) {
        q.read(tier, p.reduction.required[tier]);
        if (p.reduction.required[tier] < 0 || p.reduction.required[tier] > 1)
          q.fail(tier, "must be a share from 0 to 1, got " + std::to_string(p.reduction.required[tier]));
      }
    }
  }

  if (p.window_hours < 1 || p.window_hours > 24 * 7) r.fail("window_hours", "must be 1 to 168, got " + std::to_string(p.window_hours));
  if (p.min_valid_hours < 1 || p.min_valid_hours > p.window_hours)
    r.fail("min_valid_hours", "must be 1 to window_hours (" + std::to_string(p.window_hours) + "), got " + std::to_string(p.min_valid_hours));
  if (p.lift_hours < 1) r.fail("lift_hours", "must be positive, got " + std::to_string(p.lift_hours));
  if (p.lead_hours < 0) r.fail("lead_hours", "must not be negative, got " + std::to_string(p.lead_hours));

  if (const json* lv = r.get("levels")) {
    if (!lv->is_array() || lv->empty()) r.fail("levels", "must be a non-empty array of levels, lowest first");
    if (lv->size() > 250) r.fail("levels", "at most 250 levels");
    p.levels.clear();
    for (std::size_t i = 0; i < lv->size(); ++i) {
      reader l{(*lv)[i], "/levels/" + std::to_string(i), source};
      l.only({"name", "name_zh", "tier", "any_of"});
      level_def d;
      l.read("name", d.name);
      l.read("name_zh", d.name_zh);
      l.read("tier", d.tier);
      if (d.name.empty()) l.fail("name", "missing");
      if (d.name == "none") l.fail("name", "'none' is the absence of a level");
      const json* any = l.get("any_of");
      if (!any || !any->is_array() || any->empty()) l.fail("any_of", "must be a non-empty array of conditions");
      for (std::size_t c = 0; c < any->size(); ++c) {
        reader cr{(*any)[c], l.path + "/any_of/" + std::to_string(c), source};
        if (!(*any)[c].is_object()) cr.fail("", "must be an object");
        json main = (*any)[c];
        condition cond;
        if (auto it = main.find("within"); it != main.end()) {
          cond.within = read_rule(reader{*it, cr.path + "/within", source});
          main.erase("within");
        }
        cond.main = read_rule(reader{main, cr.path, source});
        d.any_of.push_back(cond);
      }
      p.levels.push_back(std::move(d));
    }
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < p.levels.size(); ++i) {
    const auto path = "/levels/" + std::to_string(i);
    if (!names.insert(p.levels[i].name).second)
      throw error(source + ": " + path + "/name: level '" + p.levels[i].name + "' given twice");
    if (p.mode == duration_mode::hourly_run) continue;
    for (std::size_t c = 0; c < p.levels[i].any_of.size(); ++c) {
      const auto& cond = p.levels[i].any_of[c];
      for (const auto* d : {&cond.main, cond.within ? &*cond.within : nullptr}) {
        if (d && d->hours % 24 != 0)
          throw error(source + ": " + path + "/any_of/" + std::to_string(c) + ": " +
                      std::to_string(d->hours) + " h is not a multiple of 24, as " +
                      mode_name(p.mode) + " mode counts whole windows");
      }
      if (cond.within && cond.within->hours > cond.main.hours)
        throw error(source + ": " + path + "/any_of/" + std::to_string(c) + "/within: longer than the rule it lies within");
    }
  }
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
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_profile(ss.str(), name_or_path);
}

}  // namespace hpa::io
