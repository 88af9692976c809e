#pragma once
// The directives file (§3.2.2(2), §3.2.3): one row per directive received from above,
//   received_at,level,start,end,area,source
//   2016-12-29T08:00,orange,2016-12-29T15:00,,平顶山,豫气攻坚办〔2016〕153号
// or the same as a JSON array of objects ({"received_at": …, "level": …, "start": …, "end": …,
// "area": …, "source": …}). Hours are local hours (2016-12-29T15:00; a date alone is refused: it
// would not say which hour). `level` names a level of the profile, or `none` to lift the
// directive in force before it; `end` is the first hour it no longer asks for the level, empty
// (or null) for "until a later directive for its area takes over"; `area` a city or county name,
// empty for every area; `source` the document, required. CSV columns in any order and case;
// `end` and `area` may be left out.

#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "hpa/directives.hpp"
#include "hpa/io/fields.hpp"
#include "hpa/profile.hpp"

namespace hpa::io {

/// Reads the CSV form; errors name source, line and column ("d.csv:3:2: no level 'purple' …").
/// `warn` hears of columns it ignores, and of directives received at or after their end, which
/// ask nothing and are left out (directives.hpp), naming their line.
std::vector<directive> read_directives_csv(std::istream& in, const std::string& source, const profile& p,
                                           const warn_fn& warn = {});

/// Reads the JSON form; errors name source and the JSON path ("d.json: /0/start: …"). `warn`
/// hears of the directives left out as received after their end, by their path ("d.json: /2").
std::vector<directive> read_directives_json(std::string_view text, const std::string& source, const profile& p,
                                            const warn_fn& warn = {});

/// Reads either form: JSON when the first character (after blanks and a byte-order mark) is '['.
std::vector<directive> read_directives(std::istream& in, const std::string& source, const profile& p,
                                       const warn_fn& warn = {});

}  // namespace hpa::io
