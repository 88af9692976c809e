#include "hpa/io/issued_log.hpp"

#include "hpa/error.hpp"
#include "hpa/io/csv.hpp"
#include "hpa/io/fields.hpp"
#include "hpa/io/utf8.hpp"

namespace hpa::io {

std::vector<issued_entry> read_issued_log(std::istream& in, const std::string& source, const profile& p) {
  csv_reader csv(in, source);
  if (!csv.next()) throw error(source + ": empty issued log: expected station,level,issued_at,start,lift");
  static const known_column known[] = {{"station"}, {"level"}, {"issued_at"}, {"start"}, {"lift"}};
  const header_map h(csv, known, unknown_columns::ignore);
  for (std::size_t k = 0; k < 4; ++k)
    if (h[k] < 0)
      throw error(location{source, 1, 0}, "missing column '" + std::string(known[k].name) + "' in the issued log");
  std::vector<issued_entry> log;
  while (csv.next()) {
    csv.expect_fields(h.width());
    const auto& f = csv.fields();
    auto field = [&](std::size_t k) { return f[static_cast<std::size_t>(h[k])]; };
    auto hour = [&](std::size_t k) {
      const auto t = parse_time(field(k));
      if (!t)
        throw error(csv.at(static_cast<std::uint64_t>(h[k]) + 1),
                    std::string(t.error) + ", got '" + std::string(field(k)) + "'");
      return t.hour;
    };
    const auto level = p.find_level(std::string(field(1)));
    if (!level || *level == 0)
      throw error(csv.at(static_cast<std::uint64_t>(h[1]) + 1),
                  "no level '" + std::string(field(1)) + "' in profile " + p.name);
    check_name(field(0), csv.at(static_cast<std::uint64_t>(h[0]) + 1));
    issued_entry e{std::string(field(0)), *level, hour(2), hour(3), std::nullopt, csv.line()};
    if (h[4] >= 0 && !field(4).empty()) e.lift = hour(4);
    if (e.lift && *e.lift < e.start)
      throw error(csv.at(static_cast<std::uint64_t>(h[4]) + 1),
                  "lift " + format_time(*e.lift) + " is before start " + format_time(e.start));
    log.push_back(e);
  }
  return log;
}

}  // namespace hpa::io
