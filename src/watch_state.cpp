#include "hpa/io/watch_state.hpp"

#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "hpa/error.hpp"
#include "json_text.hpp"

namespace hpa::io {

namespace {
constexpr const char* state_format = "hpa-watch-state";
}

watch_state parse_watch_state(std::string_view text, const std::string& path, const profile& p) {
  const auto j = detail::parse_json(text, path, "damaged state file (", "); fix or remove it");
  auto text_of = [&](const char* key) {
    return j.is_object() && j.contains(key) && j.at(key).is_string() ? j.at(key).get<std::string>() : std::string();
  };
  if (text_of("format") != state_format)
    throw error(path + ": not an hpa-watch state file (no \"format\": \"" + state_format + "\"); refusing to replace it");
  if (!j.contains("version") || j.at("version") != 1)
    throw error(path + ": state file version " + (j.contains("version") ? detail::json_quote(j.at("version")) : "(none)") + " is not 1");
  if (text_of("profile") != p.name)
    throw error(path + ": state written under profile '" + text_of("profile") + "', not '" + p.name + "'");
  watch_state m;
  try {
    if (!j.contains("stations") || !j.at("stations").is_object()) throw error(path + ": damaged state file: no stations object");
    for (const auto& item : j.at("stations").items()) {
      const std::string name = item.key();
      const auto& s = item.value();
      auto level = [&](const char* key) {
        const auto l = p.find_level(s.at(key).get<std::string>());
        if (!l) throw error(path + ": station " + name + ": unknown level " + detail::json_quote(s.at(key)));
        return *l;
      };
      auto hour = [&](const char* key) {
        const auto t = parse_time(s.at(key).get<std::string>());
        if (!t) throw error(path + ": station " + name + ": bad time " + detail::json_quote(s.at(key)));
        return t.hour;
      };
      issued_warning w;
      w.level = level("level");
      if (w.level > 0) w.start = hour("start");
      if (s.contains("announced_at")) {
        w.announced_at = hour("announced_at");
        w.announced_to = level("announced_to");
      }
      if (s.contains("lifted_at")) w.lifted_at = hour("lifted_at");
      m[name] = w;
    }
  } catch (const nlohmann::json::exception& e) {
    throw error(path + ": damaged state file: " + detail::json_message(e));
  }
  return m;
}

watch_state read_watch_state(const std::string& path, const profile& p) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) throw error(path + ": cannot read the state file");
    return {};  // the first run
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_watch_state(ss.str(), path, p);
}

std::string format_watch_state(const watch_state& state, const profile& p, hour_t decided_at) {
  nlohmann::ordered_json stations = nlohmann::ordered_json::object();
  for (const auto& [name, w] : state) {
    if (w.level == 0 && !w.lifted_at) continue;
    nlohmann::ordered_json s = {{"level", p.level_name(w.level)}};
    if (w.level > 0) s["start"] = format_time(w.start);
    if (w.announced_at) {
      s["announced_at"] = format_time(*w.announced_at);
      s["announced_to"] = p.level_name(w.announced_to);
    }
    if (w.lifted_at) s["lifted_at"] = format_time(*w.lifted_at);  // an issue in the same episode counts from it
    stations[name] = s;
  }
  nlohmann::ordered_json j = {{"format", state_format}, {"version", 1}, {"profile", p.name},
                              {"decided_at", format_time(decided_at)}, {"stations", stations}};
  return j.dump(2) + "\n";
}

}  // namespace hpa::io
