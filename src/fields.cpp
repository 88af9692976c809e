#include "hpa/io/fields.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "hpa/io/utf8.hpp"
#include "text.hpp"

namespace hpa::io {

namespace {

// Optimal string alignment distance: edits plus swaps of neighbours ("tiem" is 1 from "time").
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

bool is_quiet(const std::string& name, std::span<const std::string> quiet) {
  for (const auto& q : quiet)
    if (name == q || (!q.empty() && q.back() == '_' && name.rfind(q, 0) == 0)) return true;
  return false;
}

}  // namespace

bool is_missing(std::string_view text) noexcept {
  const auto s = detail::trim(text);
  auto up = [](char c) { return static_cast<char>(c & ~0x20); };
  return s.empty() || s == "-" || s == "—" || (s.size() == 2 && up(s[0]) == 'N' && up(s[1]) == 'A') ||
         (s.size() == 3 && up(s[0]) == 'N' && up(s[1]) == 'A' && up(s[2]) == 'N');
}

double parse_number(std::string_view text, const location& where, std::string_view what, number_kind kind) {
  const auto s = detail::trim(text);
  if (!s.empty() && s.size() <= 3) {  // the common case: a whole number such as 87 or 215
    unsigned v = 0;
    bool digits = true;
    for (char c : s) {
      digits &= c >= '0' && c <= '9';
      v = v * 10 + static_cast<unsigned>(c - '0');
    }
    if (digits) return v;
  }
  double v = 0;
  const auto r = fast_float::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || s.empty())
    throw error(where, fmt::format("expected a number for {}, got {}", what, quote(text)));
  if (!std::isfinite(v)) throw error(where, fmt::format("expected a finite number for {}, got {}", what, quote(text)));
  if (kind != number_kind::any && v < 0)
    throw error(where, fmt::format("{} cannot be negative, got {}", what, quote(text)));
  if (v > most_of(kind))
    throw error(where,
                fmt::format("{} {} is above {:g} {}, more than air itself weighs: not a concentration", what,
                            quote(text), most_of(kind), kind == number_kind::concentration_mg ? "mg/m³" : "µg/m³"));
  return v;
}

double parse_value(std::string_view text, const location& where, std::string_view what, number_kind kind) {
  return is_missing(text) ? std::nan("") : parse_number(text, where, what, kind);
}

header_map::header_map(const csv_reader& csv, std::span<const known_column> known, unknown_columns unknown,
                       const warn_fn& warn, std::span<const std::string> quiet)
    : source_(csv.source()), index_(known.size(), -1) {
  const auto& h = csv.fields();
  for (std::size_t i = 0; i < h.size(); ++i)
    for (unsigned char c : h[i])
      if ((c < 0x20 && c != '\t') || c == 0x7F)
        throw error(csv.at(i + 1), "the header is not text (" + quote(h[i], 24) +
                                       "): a compressed file or a spreadsheet? Give CSV text: zcat FILE.gz, or save "
                                       "the sheet as CSV UTF-8");
  for (std::size_t i = 0; i < h.size(); ++i) {
    names_.emplace_back(detail::trim(h[i]));
    const auto name = detail::lower(names_.back());
    std::size_t k = 0;
    auto is = [&](std::string_view n) { return detail::lower(n) == name; };
    while (k < known.size() && !is(known[k].name) && std::none_of(known[k].aliases.begin(), known[k].aliases.end(), is))
      ++k;
    if (k < known.size()) {
      if (index_[k] >= 0) throw error(csv.at(i + 1), "column '" + name + "' given twice");
      index_[k] = static_cast<int>(i);
      continue;
    }
    if (unknown == unknown_columns::ignore || is_quiet(name, quiet)) continue;
    for (const auto& c : known)
      if (edit_distance(name, c.name) <= (name.size() <= 4 ? 1u : 2u))
        throw error(csv.at(i + 1), "unknown column " + quote(name) + ": did you mean '" + std::string(c.name) + "'?");
    if (warn) warn(to_string(csv.at(i + 1)) + ": ignoring column " + quote(name));
  }
}

error header_map::missing(std::string_view what) const {
  std::string seen;
  for (const auto& n : names_) seen += (seen.empty() ? "" : ", ") + detail::lower(n);
  return error(location{source_, 1, 0},
               "missing column " + std::string(what) + " (the header has: " + printable(seen, 200) + ")");
}

}  // namespace hpa::io
