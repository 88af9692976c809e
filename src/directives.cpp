#include "hpa/io/directives.hpp"

#include <sstream>

#include "hpa/error.hpp"
#include "hpa/io/csv.hpp"
#include "hpa/io/utf8.hpp"
#include "json_text.hpp"
#include "text.hpp"

namespace hpa::io {

namespace {

constexpr const char* header_text = "received_at,level,start,end,area,source";

// The checks both forms share; each throws the text of its error, the caller says where. (JSON
// strings are UTF-8 once parsed; CSV fields are checked where they are read.)
struct field_error {
  std::string what;
};

hour_t hour_of(std::string_view text) {
  const auto s = detail::trim(text);
  const auto t = parse_time(s);
  if (!t) throw field_error{std::string(t.error) + ", got " + quote(s)};
  if (t.date_only) throw field_error{"expected an hour such as " + std::string(s) + "T00:00, got the date " + quote(s)};
  return t.hour;
}

level_t level_of(std::string_view text, const profile& p) {
  const std::string name = detail::trimmed(text);
  if (const auto l = p.find_level(name)) return *l;
  std::string names;
  for (const auto& l : p.levels) names += l.name + ", ";
  throw field_error{"no level " + quote(name) + " in profile " + p.name + " (" + names + "or none to lift)"};
}

std::string text_of(std::string_view text, bool required) {
  std::string s = detail::trimmed(text);
  if (required && s.empty()) throw field_error{"the source document is required (e.g. 豫环委办〔2023〕7号)"};
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7F) throw field_error{"must not hold control characters, got " + quote(s)};
  return s;
}

void check_span(const directive& d) {
  if (d.end && *d.end <= d.start)
    throw field_error{"end " + format_time(*d.end) + " is not after start " + format_time(d.start)};
}

// A directive received after its end asks nothing: said, and left out (directives.hpp).
bool keep(const directive& d, const std::string& where, const warn_fn& warn) {
  if (!received_after_end(d)) return true;
  if (warn)
    warn(where + ": " + d.source + " received at " + format_time(d.received_at) + ", at or after its end " +
         format_time(*d.end) + ": it asks nothing any more, ignored");
  return false;
}

enum column_index : std::size_t { received_at, level, start, end, area, source_column };
const known_column known[] = {{"received_at"}, {"level"}, {"start"}, {"end"}, {"area"}, {"source"}};

}  // namespace

std::vector<directive> read_directives_csv(std::istream& in, const std::string& source, const profile& p,
                                           const warn_fn& warn) {
  csv_reader csv(in, source, warn);
  if (!csv.next())
    throw error(location{source, 0, 0}, std::string("empty directives file: expected the header ") + header_text);
  const header_map h(csv, known, unknown_columns::warn, warn);
  for (std::size_t k : {received_at, level, start, source_column})
    if (h[k] < 0) throw h.missing("'" + std::string(known[k].name) + "' (expected " + header_text + ")");
  std::vector<directive> out;
  while (csv.next()) {
    csv.expect_fields(h.width());
    std::size_t k = received_at;
    auto field = [&](std::size_t column) {
      k = column;
      return h[column] < 0 ? std::string_view() : csv.fields()[static_cast<std::size_t>(h[column])];
    };
    for (std::size_t c : {area, source_column})
      if (h[c] >= 0) check_utf8(field(c), csv.at(static_cast<std::uint64_t>(h[c]) + 1));
    try {
      directive d;
      d.received_at = hour_of(field(received_at));
      d.level = level_of(field(level), p);
      d.start = hour_of(field(start));
      if (!detail::trim(field(end)).empty()) d.end = hour_of(field(end));
      d.area = text_of(field(area), false);
      d.source = text_of(field(source_column), true);
      k = end;
      check_span(d);
      if (keep(d, to_string(csv.at()), warn)) out.push_back(std::move(d));
    } catch (const field_error& e) {
      throw error(csv.at(h[k] < 0 ? 0 : static_cast<std::uint64_t>(h[k]) + 1), e.what);
    }
  }
  return out;
}

std::vector<directive> read_directives_json(std::string_view text, const std::string& source, const profile& p,
                                            const warn_fn& warn) {
  const auto j = detail::parse_json(text, source);
  if (!j.is_array()) throw error(source + ": expected a JSON array of directives, got " + detail::json_quote(j));
  std::vector<directive> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string path = "/" + std::to_string(i);
    const auto& o = j[i];
    std::string key;
    auto fail = [&](const std::string& what) {
      throw error(source + ": " + path + (key.empty() ? "" : "/" + key) + ": " + what);
    };
    if (!o.is_object()) fail("expected an object, got " + detail::json_quote(o));
    for (const auto& [k, v] : o.items()) {
      bool ok = false;
      for (const auto& c : known) ok |= k == c.name;
      if (ok) continue;
      key = printable(k);
      fail(std::string("unknown key (known: ") + header_text + ")");
    }
    // The text of a key: a string; null or absent for an optional one.
    auto string_at = [&](const char* name, bool optional) -> std::string {
      key = name;
      const auto it = o.find(name);
      if (it == o.end() || it->is_null()) {
        if (optional) return {};
        key.clear();
        fail(std::string("missing key '") + name + "'");
      }
      if (!it->is_string()) fail("must be a string, got " + detail::json_quote(*it));
      return it->get<std::string>();
    };
    try {
      directive d;
      d.received_at = hour_of(string_at("received_at", false));
      d.level = level_of(string_at("level", false), p);
      d.start = hour_of(string_at("start", false));
      if (const auto e = string_at("end", true); !detail::trim(e).empty()) d.end = hour_of(e);
      d.area = text_of(string_at("area", true), false);
      d.source = text_of(string_at("source", false), true);
      key = "end";
      check_span(d);
      if (keep(d, source + ": " + path, warn)) out.push_back(std::move(d));
    } catch (const field_error& e) {
      fail(e.what);
    }
  }
  return out;
}

std::vector<directive> read_directives(std::istream& in, const std::string& source, const profile& p,
                                       const warn_fn& warn) {
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  std::string_view rest = text;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  const auto first = rest.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && rest[first] == '[') return read_directives_json(rest, source, p, warn);
  std::istringstream csv(text);
  return read_directives_csv(csv, source, p, warn);
}

}  // namespace hpa::io
