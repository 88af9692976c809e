#pragma once
// Parsing JSON text for hpa's readers: every nlohmann exception (a syntax error, and also a
// number out of range, which is not a parse_error) becomes an hpa::error naming the source.
// What JSON allows but hpa refuses, at parse: nesting deeper than max_json_depth (a message
// that prints such a value would recurse without bound) and a key given twice in one object
// (nlohmann would keep the last one silently).

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hpa/error.hpp"
#include "hpa/io/utf8.hpp"

namespace hpa::io::detail {

/// How deep arrays and objects may nest in a file hpa reads; its own need at most 5.
inline constexpr std::size_t max_json_depth = 64;

/// nlohmann's message without its "[json.exception.parse_error.101] " id.
inline std::string json_message(const nlohmann::json::exception& e) {
  std::string what = e.what();
  if (auto at = what.find("] "); at != std::string::npos) what = what.substr(at + 2);
  return what;
}

/// Thrown by checked_dom, caught by parse_json.
struct json_shape_error {
  std::string what;
};

/// nlohmann's DOM builder, refusing deep nesting and repeated keys on the way, and knowing the
/// JSON path it is at ("/levels/0") for the message. (A SAX handler, not a parser callback:
/// with a callback nlohmann scans the parent at the end of every object, quadratic in a long
/// array of objects.)
class checked_dom {
 public:
  using json = nlohmann::json;
  explicit checked_dom(json& result) : dom_(result, true) {}

  bool null() {
    value();
    return dom_.null();
  }
  bool boolean(bool v) {
    value();
    return dom_.boolean(v);
  }
  bool number_integer(json::number_integer_t v) {
    value();
    return dom_.number_integer(v);
  }
  bool number_unsigned(json::number_unsigned_t v) {
    value();
    return dom_.number_unsigned(v);
  }
  bool number_float(json::number_float_t v, const json::string_t& s) {
    value();
    return dom_.number_float(v, s);
  }
  bool string(json::string_t& v) {
    value();
    return dom_.string(v);
  }
  bool binary(json::binary_t& v) {
    value();
    return dom_.binary(v);
  }
  bool start_object(std::size_t n) {
    open(false);
    return dom_.start_object(n);
  }
  bool start_array(std::size_t n) {
    open(true);
    return dom_.start_array(n);
  }
  bool end_object() {
    close();
    return dom_.end_object();
  }
  bool end_array() {
    close();
    return dom_.end_array();
  }
  bool key(json::string_t& k) {
    auto& f = frames_.back();
    f.key = k;
    if (!f.keys.insert(k).second) throw json_shape_error{path() + ": given twice in one object"};
    return dom_.key(k);
  }
  template <class Exception>
  bool parse_error(std::size_t at, const std::string& token, const Exception& e) {
    return dom_.parse_error(at, token, e);  // throws e
  }

 private:
  struct frame {
    bool array = false;
    std::size_t index = 0;  // of the element being read, in an array
    std::string key;        // of the value being read, in an object
    std::set<std::string> keys;
  };
  void value() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }
  void open(bool array) {
    if (frames_.size() >= max_json_depth)
      throw json_shape_error{"nested deeper than " + std::to_string(max_json_depth) + " levels"};
    frames_.emplace_back().array = array;
  }
  void close() {
    frames_.pop_back();
    value();
  }
  // The JSON path of the value being read ("/levels/0/name").
  std::string path() const {
    std::string p;
    for (const auto& f : frames_) p.append("/").append(f.array ? std::to_string(f.index) : printable(f.key));
    return p;
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::vector<frame> frames_;
};

/// Parses `text`; on failure throws hpa::error "<source>: <prefix><what is wrong><suffix>".
inline nlohmann::json parse_json(std::string_view text, const std::string& source, const std::string& prefix = {},
                                 const std::string& suffix = {}) {
  nlohmann::json result;
  checked_dom dom(result);
  try {
    nlohmann::json::sax_parse(text, &dom);
  } catch (const nlohmann::json::exception& e) {
    throw error(source + ": " + prefix + json_message(e) + suffix);
  } catch (const json_shape_error& e) {
    throw error(source + ": " + prefix + e.what + suffix);
  }
  return result;
}

/// Appends `v` as compact JSON, stopping once `out` is longer than `budget` bytes.
inline void dump_bounded(const nlohmann::json& v, std::size_t budget, std::string& out) {
  if (!v.is_structured()) {
    out += v.dump();
    return;
  }
  out += v.is_array() ? '[' : '{';
  bool first = true;
  for (auto it = v.begin(); it != v.end() && out.size() <= budget; ++it, first = false) {
    if (!first) out += ',';
    if (v.is_object()) out += nlohmann::json(it.key()).dump() + ':';
    dump_bounded(*it, budget, out);
  }
  if (out.size() <= budget) out += v.is_array() ? ']' : '}';
}

/// A JSON value for a message: compact JSON as dump() writes it, cut after `max_bytes` with
/// "…" and what was cut ("[0,0,…] (an array of 200000 elements)").
inline std::string json_quote(const nlohmann::json& v, std::size_t max_bytes = 80) {
  std::string s;
  dump_bounded(v, max_bytes, s);
  if (s.size() <= max_bytes) return s;
  s = printable(s, max_bytes);
  if (v.is_array()) return s + " (an array of " + std::to_string(v.size()) + " elements)";
  if (v.is_object()) return s + " (an object of " + std::to_string(v.size()) + " keys)";
  if (v.is_string()) return s + " (" + std::to_string(v.get_ref<const std::string&>().size()) + " bytes)";
  return s;
}

}  // namespace hpa::io::detail
